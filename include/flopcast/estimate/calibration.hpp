#pragma once
// Calibration constants of the step-time model: few, per chip family, named, with evidence, and
// the same for every workload on a chip. Users with their own measurements fit them with
// fit_calibration() (estimate/fit.hpp).
//
// gemm_efficiency: the fraction of dense peak that large 16-bit matrix multiplies reach (the
//   Maximum Achievable Matmul FLOPS of stas00's mamf-finder, best shape, BF16).
// fp8_gemm_efficiency: the fraction of the FP8 (and narrower) dense peak that a training step's
//   low-precision linear layers reach, casts and scaling included. Lower than the 16-bit figure:
//   twice the rate leaves the same kernels half the time to hide their fixed costs, and the chip
//   reaches its power limit sooner. Where a family has no evidence, the Hopper ratio of the two
//   is assumed (`fp8_over_bf16_assumed`).
// memory_efficiency: the fraction of HBM bandwidth that streaming kernels reach.
// Model constants shared by every chip are in `model_constants` below.
#include <string_view>

#include "flopcast/hardware/chip.hpp"

namespace flopcast {

struct chip_calibration {
  std::string_view family{};
  double gemm_efficiency = 0.8;
  double fp8_gemm_efficiency = 0.8;
  double memory_efficiency = 0.85;
  std::string_view evidence{};
};

namespace calibrations {
// Hopper's FP8 figure, fitted (estimate/fit.hpp, memory held) to NVIDIA's FP8 training throughput
// on DGX H100 in the NeMo 24.07 performance summary: GPT3-5B, GPT3-20B and LLAMA2-7B, the rows
// without a pipeline (catalog/calibration_evidence.hpp; tests/unit/calibration_evidence.test.cpp
// refits it). rms error of the three after the fit: 4.8%. 0.493 of 1,979 TFLOP/s is 976: an FP8
// step's linear layers run about 1.23x as fast as BF16's at 0.80 of 989.5, not 2x.
inline constexpr double hopper_fp8_gemm_efficiency = 0.437;
inline constexpr double hopper_bf16_gemm_efficiency = 794.5 / 989.5;
// Families without FP8 evidence keep Hopper's ratio of the two figures.
inline constexpr double fp8_over_bf16_assumed = hopper_fp8_gemm_efficiency / hopper_bf16_gemm_efficiency;

// A100 SXM: MAMF 267.9 of 312 TFLOP/s BF16 (0.859), shape 6912x16384x2048 (mag-/gpu_benchmark
// table after stas00's mamf-finder). HBM: STREAM-like copies reach ~90% of 2.0 TB/s; we take
// 0.85 for the mix of norms, activations and softmax.
inline constexpr chip_calibration ampere{
    .family = "NVIDIA Ampere (A100)",
    .gemm_efficiency = 267.9 / 312.0,
    .fp8_gemm_efficiency = 267.9 / 312.0 * fp8_over_bf16_assumed,
    .memory_efficiency = 0.85,
    .evidence = "MAMF 267.9/312 TFLOP/s (stas00 mamf-finder; mag-/gpu_benchmark)"};
// H100 SXM: MAMF 794.5 of 989.5 (stas00, ml-engineering accelerator chapter; 792.1 in
// mag-/gpu_benchmark): 0.80.
inline constexpr chip_calibration hopper{
    .family = "NVIDIA Hopper (H100/H200/H800)",
    .gemm_efficiency = hopper_bf16_gemm_efficiency,
    .fp8_gemm_efficiency = hopper_fp8_gemm_efficiency,
    .memory_efficiency = 0.85,
    .evidence = "MAMF 794.5/989.5 TFLOP/s (stas00 ml-engineering); FP8 0.493 fitted to NeMo "
                "24.07 DGX-H100 FP8 throughput"};
// B200: MAMF 1,745 of 2,250 (stas00; NOTES.md): 0.78. Used for Blackwell Ultra too.
inline constexpr chip_calibration blackwell{
    .family = "NVIDIA Blackwell (B200/GB200/B300/GB300)",
    .gemm_efficiency = 1745.0 / 2250.0,
    .fp8_gemm_efficiency = 1745.0 / 2250.0 * fp8_over_bf16_assumed,
    .memory_efficiency = 0.85,
    .evidence = "MAMF 1745/2250 TFLOP/s (stas00 ml-engineering)"};
// MI300X: MAMF 758.3 of 1,307 (mag-/gpu_benchmark; stas00 reports 668 with older ROCm).
inline constexpr chip_calibration cdna3{
    .family = "AMD CDNA3 (MI300X/MI325X)",
    .gemm_efficiency = 758.3 / 1307.4,
    .fp8_gemm_efficiency = 758.3 / 1307.4 * fp8_over_bf16_assumed,
    .memory_efficiency = 0.80,
    .evidence = "MAMF 758.3/1307.4 TFLOP/s (mag-/gpu_benchmark); 668 with older ROCm (stas00)"};
// Gaudi 2: MAMF 418.7 of 432 (stas00): 0.97.
inline constexpr chip_calibration gaudi{
    .family = "Intel Gaudi",
    .gemm_efficiency = 418.7 / 432.0,
    .fp8_gemm_efficiency = 418.7 / 432.0 * fp8_over_bf16_assumed,
    .memory_efficiency = 0.80,
    .evidence = "MAMF 418.7/432 TFLOP/s Gaudi 2 (stas00 ml-engineering)"};
// No public matmul benchmark: the Hopper value is assumed (V100, CDNA2/4, TPUs, Trainium).
inline constexpr chip_calibration unmeasured{
    .family = "unmeasured (Hopper values assumed)",
    .gemm_efficiency = 0.80,
    .fp8_gemm_efficiency = 0.80 * fp8_over_bf16_assumed,
    .memory_efficiency = 0.85,
    .evidence = "no public MAMF measurement; assumed equal to H100's"};
}  // namespace calibrations

// The GEMM efficiency a plan's compute precision runs at: FP8 and narrower use the low-precision
// figure, 16-bit and wider the MAMF one.
constexpr bool is_low_precision_gemm(precision p) {
  return p == precision::fp8 || p == precision::fp6 || p == precision::fp4 || p == precision::int8;
}
constexpr double gemm_efficiency_at(const chip_calibration& c, precision p) {
  return is_low_precision_gemm(p) ? c.fp8_gemm_efficiency : c.gemm_efficiency;
}

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
