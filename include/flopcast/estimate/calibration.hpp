#pragma once
// Calibration constants of the step-time model: few, per chip family, named, with evidence, and
// the same for every workload on a chip. Users with their own measurements fit them with
// fit_calibration() (estimate/fit.hpp).
//
// gemm_efficiency: the fraction of dense peak that large matrix multiplies reach (the Maximum
//   Achievable Matmul FLOPS of stas00's mamf-finder, best shape, BF16).
// memory_efficiency: the fraction of HBM bandwidth that streaming kernels reach.
// Model constants shared by every chip are in `model_constants` below.
#include <string_view>

#include "flopcast/hardware/chip.hpp"

namespace flopcast {

struct chip_calibration {
  std::string_view family{};
  double gemm_efficiency = 0.8;
  double memory_efficiency = 0.85;
  std::string_view evidence{};
};

namespace calibrations {
// A100 SXM: MAMF 267.9 of 312 TFLOP/s BF16 (0.859), shape 6912x16384x2048 (mag-/gpu_benchmark
// table after stas00's mamf-finder). HBM: STREAM-like copies reach ~90% of 2.0 TB/s; we take
// 0.85 for the mix of norms, activations and softmax.
inline constexpr chip_calibration ampere{
    .family = "NVIDIA Ampere (A100)",
    .gemm_efficiency = 267.9 / 312.0,
    .memory_efficiency = 0.85,
    .evidence = "MAMF 267.9/312 TFLOP/s (stas00 mamf-finder; mag-/gpu_benchmark)"};
// H100 SXM: MAMF 794.5 of 989.5 (stas00, ml-engineering accelerator chapter; 792.1 in
// mag-/gpu_benchmark): 0.80.
inline constexpr chip_calibration hopper{
    .family = "NVIDIA Hopper (H100/H200/H800)",
    .gemm_efficiency = 794.5 / 989.5,
    .memory_efficiency = 0.85,
    .evidence = "MAMF 794.5/989.5 TFLOP/s (stas00 ml-engineering)"};
// B200: MAMF 1,745 of 2,250 (stas00; NOTES.md): 0.78. Used for Blackwell Ultra too.
inline constexpr chip_calibration blackwell{
    .family = "NVIDIA Blackwell (B200/GB200/B300/GB300)",
    .gemm_efficiency = 1745.0 / 2250.0,
    .memory_efficiency = 0.85,
    .evidence = "MAMF 1745/2250 TFLOP/s (stas00 ml-engineering)"};
// MI300X: MAMF 758.3 of 1,307 (mag-/gpu_benchmark; stas00 reports 668 with older ROCm).
inline constexpr chip_calibration cdna3{
    .family = "AMD CDNA3 (MI300X/MI325X)",
    .gemm_efficiency = 758.3 / 1307.4,
    .memory_efficiency = 0.80,
    .evidence = "MAMF 758.3/1307.4 TFLOP/s (mag-/gpu_benchmark); 668 with older ROCm (stas00)"};
// Gaudi 2: MAMF 418.7 of 432 (stas00): 0.97.
inline constexpr chip_calibration gaudi{
    .family = "Intel Gaudi",
    .gemm_efficiency = 418.7 / 432.0,
    .memory_efficiency = 0.80,
    .evidence = "MAMF 418.7/432 TFLOP/s Gaudi 2 (stas00 ml-engineering)"};
// No public matmul benchmark: the Hopper value is assumed (V100, CDNA2/4, TPUs, Trainium).
inline constexpr chip_calibration unmeasured{
    .family = "unmeasured (Hopper values assumed)",
    .gemm_efficiency = 0.80,
    .memory_efficiency = 0.85,
    .evidence = "no public MAMF measurement; assumed equal to H100's"};
}  // namespace calibrations

constexpr chip_calibration default_calibration(const chip_spec& c) {
  switch (c.arch) {
    case generation::ampere: return calibrations::ampere;
    case generation::hopper: return calibrations::hopper;
    case generation::blackwell:
    case generation::blackwell_ultra: return calibrations::blackwell;
    case generation::cdna3: return calibrations::cdna3;
    case generation::gaudi2:
    case generation::gaudi3: return calibrations::gaudi;
    default: return calibrations::unmeasured;
  }
}

// Constants of the model itself, the same for every chip.
namespace model_constants {
// GEMM efficiency falls as a matrix dimension shrinks: eta(d) = eta_max * d / (d + d_half).
// d is the narrowest per-chip dimension of the layer's GEMMs (hidden / tp, or the head size for
// attention). 128 is one tensor-core tile edge on every current GPU: at d = 128 a kernel keeps
// half the tile pipeline busy. (Not fitted to any run.)
inline constexpr double gemm_half_width = 128.0;

// HBM traffic of the memory-bound kernels of one layer's forward pass, in 16-bit elements per
// token, counted kernel by kernel for a Megatron-style layer (2 LayerNorms read+write h each;
// 2 fused bias-dropout-residual adds read 2h, write h, mask h/2): 11 h that tensor parallelism
// replicates (sequence parallelism shards it), plus the MLP activation (read + write the FFN
// width; gated: read 2f, write f) that TP shards.
inline constexpr double replicated_elements_per_hidden = 11.0;
// Without a fused attention kernel the s x s scores cross HBM: written by QK^T, read and
// written by the fused scale-mask-softmax, read and written by dropout (plus a 1-byte mask),
// read by PV: 6.5 elements per (token, key, head).
inline constexpr double materialized_score_elements = 6.5;
// The optimizer step streams, per parameter it updates: FP32 master read+write (8), two FP32
// moments read+write (16), the gradient read (2-4) and the 16-bit weight write (2): ~30 bytes.
inline constexpr double optimizer_bytes_per_parameter = 30.0;
}  // namespace model_constants

}  // namespace flopcast
