#pragma once
// The benchmarks' one timer: the fastest of `repeats` runs of f, in seconds. The fastest run is
// the one least disturbed by other work on a shared machine.
#include <chrono>

namespace flopcast_bench {

template <class F>
double best_seconds(F&& f, int repeats) {
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s < best) best = s;
  }
  return best;
}

}  // namespace flopcast_bench
