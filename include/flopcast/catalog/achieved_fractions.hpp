#pragma once
#include "flopcast/core/config.hpp"
// Measured shares of the datasheet peak that real kernels reach: large dense GEMMs and stream
// copies, on AMD Instinct and NVIDIA GPUs. The evidence behind the serving constants of the
// families without serving measurements of their own (estimate/serve.hpp: AMD CDNA 3 and 4 are
// NVIDIA's fitted constants of the same era scaled by these ratios).
//
// Only pairs measured by one harness are compared: the same script, library path and input data
// on both vendors, since the ratio is what is used. Input data matters on AMD: zero or
// low-toggle inputs raise the GEMM clock (AMD's own MAF blog warns of more than 50%), so the
// GEMM pairs here use random normal inputs.
#include <string_view>

namespace flopcast {

struct achieved_fraction {
  std::string_view gpu{};
  std::string_view measure{};  // what ran: kernel, precision, shape
  double achieved = 0;         // in `unit`
  double peak = 0;             // the datasheet's dense peak, in `unit`
  std::string_view unit{};
  std::string_view source{};

  constexpr double share() const { return achieved / peak; }
};

namespace achieved_fractions {

// ---- Dense BF16 GEMM, the best shape of one sweep: mamf-finder.py (torch.mm, mean of 100 runs
// after 50 warm-up, random normal inputs), the "Maximum Achievable Matmul FLOPS comparison
// table" of stas00/ml-engineering compute/accelerator/README.md @744d01e18b79512572f64a6bbd8b5f4a725203a7.
inline constexpr std::string_view mamf_table =
    "stas00/ml-engineering compute/accelerator/README.md @744d01e, Maximum Achievable Matmul "
    "FLOPS comparison table (mamf-finder.py)";
// 668.4 TFLOPS at 10240x15360x8192, PyTorch 2.5.1 + ROCm 6.3 with TunableOp: 51% of 1,307.4.
inline constexpr achieved_fraction mi300x_bf16_gemm{
    "MI300X", "BF16 GEMM, best of a sweep", 668.4, 1307.4, "TFLOPS", mamf_table};
// 794.5 TFLOPS at 2048x2048x13312, PyTorch 2.7.0 + CUDA 12.6: 80% of 989.4 (H200 the same).
inline constexpr achieved_fraction h100_bf16_gemm{
    "H100 SXM", "BF16 GEMM, best of a sweep", 794.5, 989.4, "TFLOPS", mamf_table};
// 1,565 TFLOPS at 12288x8192x8192, PyTorch 2.8.0 + ROCm 7.0.2. The table divides by 2,300
// (MI350X's peak); MI355X's is 2,516.6 (AMD: 2.5 PF), which gives 62%.
inline constexpr achieved_fraction mi355x_bf16_gemm{
    "MI355X", "BF16 GEMM, best of a sweep", 1565.0, 2516.6, "TFLOPS", mamf_table};
// 1,745 TFLOPS at 1792x16128x3072, PyTorch 2.7.1 + CUDA 12.8: 78% of 2,250.
inline constexpr achieved_fraction b200_bf16_gemm{
    "B200 SXM", "BF16 GEMM, best of a sweep", 1745.0, 2250.0, "TFLOPS", mamf_table};

// ---- Stream copy, BabelStream (FP64, 2^25-element arrays), Microsoft's AI-benchmarking-guide
// harness run on Azure ND v5 virtual machines.
// H100: Azure/AI-benchmarking-guide Azure_Results/ND_H100_v5_results.md
// @8fd0c6e1bd0f853ef8f0500a3640a7d80a2a92ef: copy 2.90 TB/s of 3.35 (87%).
inline constexpr achieved_fraction h100_stream_copy{
    "H100 SXM", "BabelStream copy", 2.90, 3.35, "TB/s",
    "Azure/AI-benchmarking-guide Azure_Results/ND_H100_v5_results.md @8fd0c6e"};
// MI300X: the same guide's MI300X results (yosoyjay/AI-benchmarking-guide
// Azure_Results/ND_MI300X_v5_results.md @fa25d56569f790a54d9908c7f0395063065a8bd1):
// copy 4.15 TB/s of 5.3 (78%).
inline constexpr achieved_fraction mi300x_stream_copy{
    "MI300X", "BabelStream copy", 4.15, 5.3, "TB/s",
    "yosoyjay/AI-benchmarking-guide Azure_Results/ND_MI300X_v5_results.md @fa25d56"};

// What AMD's kernels reach relative to NVIDIA's of the same era, share for share.
// CDNA 3 against Hopper: GEMM 0.51 / 0.80 = 0.64 (SemiAnalysis's training benchmark of Dec 2024,
// another harness, reads about 620 / 1,307 against 720 / 989.5: 0.65); stream 0.78 / 0.87 =
// 0.90 (the ZAYA1 paper, arXiv 2511.17127, reports 4.33 against 3.04 TB/s: 0.90).
inline constexpr double cdna3_gemm_vs_hopper = mi300x_bf16_gemm.share() / h100_bf16_gemm.share();
inline constexpr double cdna3_memory_vs_hopper =
    mi300x_stream_copy.share() / h100_stream_copy.share();
// CDNA 4 against Blackwell: GEMM 0.62 / 0.78 = 0.80. No stream figure for MI355X or B200 has
// been published in one harness: CDNA 3's memory ratio is assumed.
inline constexpr double cdna4_gemm_vs_blackwell =
    mi355x_bf16_gemm.share() / b200_bf16_gemm.share();
inline constexpr double cdna4_memory_vs_blackwell = cdna3_memory_vs_hopper;

static_assert(cdna3_gemm_vs_hopper > 0.6 && cdna3_gemm_vs_hopper < 0.7);
static_assert(cdna3_memory_vs_hopper > 0.85 && cdna3_memory_vs_hopper < 0.95);
static_assert(cdna4_gemm_vs_blackwell > 0.75 && cdna4_gemm_vs_blackwell < 0.85);

}  // namespace achieved_fractions
}  // namespace flopcast
