// Throughput of the training-time formula: scalar loop vs the SIMD batch path, one run.
// Build: cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFLOPCAST_BUILD_BENCHMARKS=ON
//        cmake --build build-bench --target batch_bench && build-bench/tests/benchmarks/batch_bench
#include "best_seconds.hpp"
#include <flopcast/sweep/batch.hpp>

#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace flopcast;

namespace {

using flopcast_bench::best_seconds;

}  // namespace

int main() {
  const std::size_t n = 1 << 22;  // 4.2 M configurations
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> flops(n), peak(n), chips(n), mfu(n), out(n);
  std::vector<const reason*> status(n);
  for (std::size_t i = 0; i < n; ++i) {
    flops[i] = 1e22 * (1.0 + 1000.0 * u(gen));
    peak[i] = 1e14 * (1.0 + 20.0 * u(gen));
    chips[i] = static_cast<double>(1 + static_cast<int>(1e5 * u(gen)));
    mfu[i] = 0.05 + 0.9 * u(gen);
  }

  volatile double sink = 0.0;
  const double scalar = best_seconds(
      [&] {
        for (std::size_t i = 0; i < n; ++i) {
          out[i] = training_wall_time<double>(flop_count<>::from_base(flops[i]),
                                              flop_rate<>::from_base(peak[i]), chips[i], mfu[i])
                       .base_value();
        }
        sink = sink + out[n / 2];
      },
      5);
  const double formula_only = best_seconds(
      [&] {
        simd::transform(
            n, out.data(),
            [](auto f, auto p, auto c, auto m) {
              using T = decltype(f);
              return training_wall_time<T>(flop_count<T>::from_base(f), flop_rate<T>::from_base(p), c, m)
                  .base_value();
            },
            flops.data(), peak.data(), chips.data(), mfu.data());
        sink = sink + out[n / 2];
      },
      5);
  const double checked = best_seconds(
      [&] {
        simd::training_wall_time({flops, peak, chips, mfu}, out, status);
        sink = sink + out[n / 2];
      },
      5);

  std::printf("flopcast batch benchmark: %zu configurations, backend %s (width %d)\n", n,
              simd::backend_name, number_traits<simd::pack>::width);
  std::printf("  scalar loop              %8.1f M evaluations/s\n", n / scalar / 1e6);
  std::printf("  SIMD formula only        %8.1f M evaluations/s  (%.2fx scalar)\n",
              n / formula_only / 1e6, scalar / formula_only);
  std::printf("  SIMD + per-lane reasons  %8.1f M evaluations/s  (%.2fx scalar)\n",
              n / checked / 1e6, scalar / checked);
  return sink > 0.0 ? 0 : 1;
}
