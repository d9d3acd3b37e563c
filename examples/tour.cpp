// The README tour: units, the catalog, the first estimate, errors as reasons, a distributed step.
// Build and run: cmake --build build --target tour && build/examples/tour
#include <flopcast/flopcast.hpp>
#include <iostream>
using namespace flopcast;

// Datasheet facts as compile-time checks.
static_assert(peak_ratio(chips::h100_sxm, chips::a100_sxm4_80gb, precision::bf16) > 3.1);
static_assert(!chips::a100_sxm4_80gb.supports(precision::fp8));  // absent, not zero

int main() {
  // Units are part of the type; printing picks a readable prefix.
  const auto peak = chips::h100_sxm.peak(precision::bf16) * 100'000.0;
  std::cout << "100,000 H100 at BF16: " << peak << "\n";
  std::cout << "their TDP alone:      " << *chips::h100_sxm.tdp * 100'000.0 << "\n";

  // The first training-time estimate: FLOPs, chips, precision, MFU -> time, chip-hours. Every
  // result prints with operator<< (<flopcast/estimate/print.hpp>, in the umbrella).
  constexpr auto e = estimate_training_time({.flops = training_flops(405e9, 15.6e12),
                                             .chip = chips::h100_sxm,
                                             .chips = 16'384,
                                             .format = precision::bf16,
                                             .utilization = 0.40});
  std::cout << "Llama 3 405B (6ND) on H100: " << e << "\n";

  // Invalid input is a reason, not a NaN: a result<T> prints its value or "error: ... [code]".
  const auto bad = try_estimate_training_time({.flops = 1e24 * flop, .chip = chips::a100_sxm4_80gb,
                                               .chips = 1024, .format = precision::fp8,
                                               .utilization = 0.4});
  std::cout << "FP8 on A100: " << bad << "\n";

  // The distributed model: a GPT-3 step on 1,024 A100 with TP 8, PP 8.
  const step_breakdown s = estimate_step(models::gpt3_175b.shape, clusters::dgx_a100_superpod, 1024,
                                         {.tp = 8, .sequence_parallel = true, .pp = 8, .vp = 2,
                                          .microbatch = 1, .global_batch = 1536,
                                          .recompute_mode = recompute::selective});
  std::cout << "GPT-3 on 1,024 A100: " << s << "\n";
  std::cout << "MFU as a number: " << format_number(100 * s.mfu) << "%\n";
}
