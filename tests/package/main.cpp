// The consumer program shared by tests/package/*: it only has to compile and run against the
// flopcast it was given (add_subdirectory, FetchContent or find_package).
#include <flopcast/flopcast.hpp>
#include <flopcast/sweep/batch.hpp>

#include <cstdio>
#include <vector>

static_assert(flopcast::peak_ratio(flopcast::chips::h100_sxm, flopcast::chips::a100_sxm4_80gb,
                                   flopcast::precision::bf16) > 3.1);

int main() {
  // One batch evaluation through the SIMD path.
  const std::vector<double> flops(5, 2.1e25), peak(5, 312e12), chips(5, 25000), mfu(5, 0.35);
  std::vector<double> seconds(5);
  std::vector<const flopcast::reason*> status(5);
  const auto invalid = flopcast::simd::training_wall_time({flops, peak, chips, mfu}, seconds, status);
  const double days = (seconds[4] * flopcast::seconds).in(flopcast::days);
  std::printf("flopcast %d.%d.%d: GPT-4 on 25,000 A100 at 35%% MFU = %.1f days\n",
              FLOPCAST_VERSION_MAJOR, FLOPCAST_VERSION_MINOR, FLOPCAST_VERSION_PATCH, days);
  return invalid == 0 && days > 80.0 && days < 100.0 ? 0 : 1;
}
