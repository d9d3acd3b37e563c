#pragma once
#include "flopcast/core/config.hpp"
// Calibration constants of the step-time model: few, per chip family, named, with evidence, and
// the same for every workload on a chip. Users with their own measurements fit them with
// fit_calibration() (estimate/fit.hpp).
//
// gemm_efficiency: the fraction of the dense 16-bit peak that a training step's matrix
//   multiplies reach, every shape, layout and overlap of a real step included.
// fp8_gemm_efficiency: the same for FP8 (and narrower) GEMMs against the FP8 peak, casts and
//   scaling included.
// memory_efficiency: the fraction of HBM bandwidth that streaming kernels reach.
//
// Evidence. A matmul benchmark (the Maximum Achievable Matmul FLOPS of stas00's mamf-finder,
// best shape, idle chip) bounds the GEMM figure from above; training reaches less. Where a mature
// stack has published training throughput, the figure is fitted to it (fit_calibration(), HBM
// held; rows and order in catalog/calibration_evidence.hpp, refitted by
// tests/unit/calibration_evidence.test.cpp), and checked on held-out rows:
//   Hopper BF16 0.630 (MAMF 0.803): NVIDIA dgxc-benchmarking GPT-3 175B, Llama 3.1 8B and 70B;
//     rms 2.7%; 53-59% MFU, not the ~75% MAMF would predict.
//   Hopper FP8 0.472 of the FP8 peak: the same recipes at FP8; rms 4.5%. FP8 steps run 1.3-1.5x
//     faster than BF16 there, not 2x.
//   Ampere BF16 0.696 (MAMF 0.859): MosaicML llm-foundry MPT on A100 80GB; rms 5.8%.
// TPUs take MaxText's best published MFU as a lower bound (below).
// Families without training evidence take their MAMF scaled by Hopper's ratio of trained to
// benchmarked efficiency, and their FP8 figure at Hopper's FP8/BF16 ratio (both assumed).
// Model constants shared by every chip are in `model_constants` below.
#include <string_view>

#include "flopcast/hardware/chip.hpp"

namespace flopcast {

namespace calibrations {
// Matmul benchmarks: MAMF / dense peak, BF16.
namespace mamf {
inline constexpr double a100 = 267.9 / 312.0;     // stas00 mamf-finder; mag-/gpu_benchmark
inline constexpr double h100 = 794.5 / 989.5;     // stas00 (792.1 in mag-/gpu_benchmark)
inline constexpr double b200 = 1745.0 / 2250.0;   // stas00 ml-engineering MAMF table
inline constexpr double mi300x = 758.3 / 1307.4;  // mag-/gpu_benchmark (668, older ROCm: stas00)
inline constexpr double gaudi2 = 418.7 / 432.0;   // stas00 ml-engineering
}  // namespace mamf

// HBM efficiency of the memory-bound kernels (norms, activations, softmax, residuals): STREAM-like
// copies reach ~90% of peak on A100 and H100; 0.85 allows for the mix of smaller kernels. Not
// fitted (the fits hold it). Multi-die parts whose memory sits behind several dies and fabrics
// (MI300X: 8 HBM stacks across 8 compute dies; Gaudi) are assumed to reach less, 0.80; no
// measurement is carried for them.
inline constexpr double hbm_efficiency = 0.85;
inline constexpr double hbm_efficiency_multi_die_assumed = 0.80;

// Fitted to training throughput (catalog/calibration_evidence.hpp).
inline constexpr double hopper_bf16_trained = 0.630;
inline constexpr double hopper_fp8_trained = 0.472;
inline constexpr double ampere_bf16_trained = 0.696;
}  // namespace calibrations

// A family's constants. A field left out takes the unmeasured default (H100's fitted values).
struct chip_calibration {
  std::string_view family{};
  double gemm_efficiency = calibrations::hopper_bf16_trained;
  double fp8_gemm_efficiency = calibrations::hopper_fp8_trained;
  double memory_efficiency = calibrations::hbm_efficiency;
  std::string_view evidence{};
};

namespace calibrations {

// Assumed for families without training evidence: Hopper's ratios.
inline constexpr double trained_over_mamf_assumed = hopper_bf16_trained / mamf::h100;
inline constexpr double fp8_over_bf16_assumed = hopper_fp8_trained / hopper_bf16_trained;
constexpr chip_calibration from_mamf(std::string_view family, double mamf, double memory,
                                     std::string_view evidence) {
  const double gemm = mamf * trained_over_mamf_assumed;
  return {.family = family,
          .gemm_efficiency = gemm,
          .fp8_gemm_efficiency = gemm * fp8_over_bf16_assumed,
          .memory_efficiency = memory,
          .evidence = evidence};
}

// No FP8 on Ampere: the FP8 figure is never used.
inline constexpr chip_calibration ampere{
    .family = "NVIDIA Ampere (A100)",
    .gemm_efficiency = ampere_bf16_trained,
    .fp8_gemm_efficiency = ampere_bf16_trained * fp8_over_bf16_assumed,
    .memory_efficiency = hbm_efficiency,
    .evidence = "fitted to MosaicML MPT throughput on A100 80GB (MAMF 0.859)"};
inline constexpr chip_calibration hopper{
    .family = "NVIDIA Hopper (H100/H200/H800)",
    .gemm_efficiency = hopper_bf16_trained,
    .fp8_gemm_efficiency = hopper_fp8_trained,
    .memory_efficiency = hbm_efficiency,
    .evidence = "fitted to NVIDIA dgxc-benchmarking BF16 and FP8 throughput (MAMF 0.803)"};
inline constexpr chip_calibration blackwell = from_mamf(
    "NVIDIA Blackwell (B200/GB200/B300/GB300)", mamf::b200, hbm_efficiency,
    "MAMF 1745/2250 TFLOP/s x Hopper's trained/MAMF ratio (assumed)");
inline constexpr chip_calibration cdna3 = from_mamf(
    "AMD CDNA3 (MI300X/MI325X)", mamf::mi300x, hbm_efficiency_multi_die_assumed,
    "MAMF 758.3/1307.4 TFLOP/s x Hopper's trained/MAMF ratio (assumed)");
inline constexpr chip_calibration gaudi = from_mamf(
    "Intel Gaudi", mamf::gaudi2, hbm_efficiency_multi_die_assumed,
    "MAMF 418.7/432 TFLOP/s (Gaudi 2) x Hopper's trained/MAMF ratio (assumed)");
// Google TPUs: no public matmul benchmark. MaxText's best published MFU, 71.47% (328 of 459
// TFLOP/s per chip, 32B dense model on a v5p-128; AI-Hypercomputer/maxtext
// MaxText/configs/v5p/README.md), counts model FLOPs only, nearly all of them GEMMs: the matrix
// units ran at least that fraction of peak during a training step. That lower bound is taken for
// every TPU generation (v5e's best is 66.86%, configs/v5e/README.md).
inline constexpr double tpu_bf16_lower_bound = 328.0 / 459.0;
inline constexpr chip_calibration tpu{
    .family = "Google TPU (v4-v7)",
    .gemm_efficiency = tpu_bf16_lower_bound,
    .fp8_gemm_efficiency = tpu_bf16_lower_bound * fp8_over_bf16_assumed,
    .memory_efficiency = hbm_efficiency,
    .evidence = "MaxText's best TPU v5p MFU (71.47%) as a lower bound"};
// No public measurement (V100, CDNA2/4, Trainium): H100's values are assumed.
inline constexpr chip_calibration unmeasured{
    .family = "unmeasured (Hopper values assumed)",
    .gemm_efficiency = hopper_bf16_trained,
    .fp8_gemm_efficiency = hopper_fp8_trained,
    .memory_efficiency = hbm_efficiency,
    .evidence = "no public measurement; H100's assumed"};
}  // namespace calibrations

// The GEMM efficiency a plan's compute precision runs at: FP8 and narrower use the FP8 figure,
// 16-bit and wider the 16-bit one.
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
    case generation::tpu_v4:
    case generation::tpu_v5e:
    case generation::tpu_v5p:
    case generation::tpu_v6:
    case generation::tpu_v7: return calibrations::tpu;
    case generation::gaudi2:
    case generation::gaudi3: return calibrations::gaudi;
    default: return calibrations::unmeasured;
  }
}

// Constants of the model itself, the same for every chip.
namespace model_constants {
// GEMM efficiency falls as a matrix dimension shrinks: eta(d) = eta_max * d / (d + d_half).
// d is a GEMM's narrowest dimension on one chip (tokens, or a width after TP; the head size for
// attention); the step model weighs each of a layer's GEMMs by its FLOPs. 128 is one tensor-core
// tile edge on every current GPU: at d = 128 a kernel keeps half the tile pipeline busy. (Not
// fitted to any run.)
inline constexpr double gemm_half_width = 128.0;
// A fixed cost per layer per pass (forward, each backward pass, each recomputed forward), paid
// however small the layer's work: the gaps between its kernels. A transformer layer runs about 25
// kernels per forward pass in a framework without CUDA graphs (2 norms, 4 projections, the
// attention kernel, rotary or bias, activation, residual adds, dropout, casts), and consecutive
// kernels launched asynchronously leave a gap of about 2 us each on the GPU. The measured part:
// NVIDIA Technical Blog, "Getting Started with CUDA Graphs" (A. Gray 2019), short kernels take
// 3.8 us each when launched back to back against 2.9 us of execution, ~1 us of launch gap from
// C++; the other ~1 us, for a Python framework's dispatch between kernels, is assumed. 25 x 2 us
// = 50 us. Assumed, not fitted, and the same for every chip (XLA on TPUs fuses more): it matters
// only for small layers and small microbatches, where a layer's GEMMs take under a few
// milliseconds.
inline constexpr duration<> layer_pass_overhead = 50e-6 * seconds;
// Data-parallel gradient buckets, in parameters: Megatron-Core's DDP default, bucket_size =
// max(40,000,000, 1,000,000 x data-parallel size) (megatron/core/distributed/
// distributed_data_parallel.py). Each bucket is one collective of its own size (so the message-
// size curve applies) and the last one is exposed after the backward.
inline constexpr double gradient_bucket_parameters = 40e6;
inline constexpr double gradient_bucket_per_rank = 1e6;

// HBM traffic of the memory-bound kernels of one layer's forward pass, in 16-bit elements per
// token, counted kernel by kernel for a Megatron-style layer (2 LayerNorms read+write h each;
// 2 fused bias-dropout-residual adds read 2h, write h, mask h/2): 11 h that tensor parallelism
// replicates (sequence parallelism shards it), plus the MLP activation (read + write the FFN
// width; gated: read 2f, write f) that TP shards.
inline constexpr double replicated_elements_per_hidden = 11.0;
// A parallel block (GPT-J, Falcon, PaLM): one LayerNorm (read + write h) and one fused add of
// attention, MLP and residual (read 3h, write h, two masks of h/2): 7 h. (Counted, not fitted.)
inline constexpr double replicated_elements_per_hidden_parallel = 7.0;
// Without a fused attention kernel the s x s scores cross HBM. Counted kernel by kernel, in
// 16-bit elements per (token, key, head), the elementwise work Megatron-LM runs on them (the
// batched GEMMs that write and read the scores are in the attention GEMM term): the fused
// scale-mask-softmax reads and writes them (2); dropout reads and writes them and stores a
// 1-byte mask (2.5). Backward: dropout reads the gradient and the mask and writes (2.5); softmax
// reads the probabilities and the gradient and writes (3).
inline constexpr double score_softmax_forward = 2.0;
inline constexpr double score_dropout_forward = 2.5;
inline constexpr double score_softmax_backward = 3.0;
inline constexpr double score_dropout_backward = 2.5;
// The optimizer step streams, per parameter it updates: FP32 master read+write (8), two FP32
// moments read+write (16), the gradient read (2-4) and the 16-bit weight write (2): ~30 bytes.
inline constexpr double optimizer_bytes_per_parameter = 30.0;
// The window gradient reductions hide in: a microbatch's backward, 2 of the 3 passes (forward,
// backward for inputs, backward for weights) of equal FLOPs, taken without recompute for every
// plan. Counted, not fitted.
inline constexpr double backward_share_of_compute = 2.0 / 3.0;
}  // namespace model_constants

}  // namespace flopcast
