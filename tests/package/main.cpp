// The consumer program shared by tests/package/*: it only has to compile and run against the
// flopcast it was given (add_subdirectory, FetchContent or find_package).
// TODO(lead): switch to the umbrella and a catalog ratio once they exist:
//   #include <flopcast/flopcast.hpp>
//   static_assert(flopcast::chips::h100_sxm.peak(flopcast::precision::bf16) >
//                 flopcast::chips::a100_sxm4_80gb.peak(flopcast::precision::bf16));
#include <cstdio>
#include <flopcast/core/units.hpp>
#include <flopcast/version.hpp>

static_assert((2.0 * flopcast::hours).in(flopcast::minutes) == 120.0);

int main() {
  const auto run = 3.0 * flopcast::days;
  std::printf("flopcast %d.%d.%d: 3 days = %g hours\n", FLOPCAST_VERSION_MAJOR,
              FLOPCAST_VERSION_MINOR, FLOPCAST_VERSION_PATCH, run.in(flopcast::hours));
  return run.in(flopcast::hours) == 72.0 ? 0 : 1;
}
