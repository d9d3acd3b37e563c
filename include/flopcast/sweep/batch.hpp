#pragma once
#include "flopcast/core/config.hpp"
// Batched evaluation of the model's formulas over many configurations.
//
// The same function templates that give constexpr values are instantiated with
// T = simd::pack for the main loop and T = double for the tail, so batch results equal
// scalar results bit for bit as long as the compiler does not contract a*b+c into FMAs
// differently in the two paths: build with -ffp-contract=off (or link flopcast::strict_fp).
#include <cstddef>
#include <limits>
#include <span>
#include <stdexcept>

#include "flopcast/estimate/training_time.hpp"
#include "flopcast/sweep/pack.hpp"

namespace flopcast::simd {

// out[i] = f(in[0][i], in[1][i], ...) for i < n. `f` must be generic: it is called with packs
// in the main loop and with doubles in the tail.
template <class P = pack, class F, class... In>
void transform(std::size_t n, double* out, F&& f, const In*... in) {
  using traits = number_traits<P>;
  constexpr std::size_t w = static_cast<std::size_t>(traits::width);
  const std::size_t full = n - n % w;  // written this way so GCC sees the tail loop is bounded
  for (std::size_t i = 0; i < full; i += w) traits::store(f(traits::load(in + i)...), out + i);
  for (std::size_t i = full; i < n; ++i) out[i] = f(in[i]...);
}

struct training_time_inputs {
  std::span<const double> flops;            // FLOP
  std::span<const double> peak_per_chip;    // FLOP/s
  std::span<const double> chips;
  std::span<const double> utilization;
};

// Wall-clock seconds for each configuration, by the same formula as estimate_training_time().
// Lanes with invalid input get NaN in `wall_seconds` and their reason in `status` (nullptr
// where valid); the return value counts them, so an invalid lane is never silent.
template <class P = pack>
std::size_t training_wall_time(const training_time_inputs& in, std::span<double> wall_seconds,
                               std::span<const reason*> status) {
  const std::size_t n = in.flops.size();
  if (in.peak_per_chip.size() != n || in.chips.size() != n || in.utilization.size() != n ||
      wall_seconds.size() != n || status.size() != n) {
    throw std::invalid_argument("flopcast::simd::training_wall_time: spans differ in length");
  }
  // One pass computes every lane and marks invalid input (the same ranges as check_flops,
  // check_chips, check_utilization and check_peak, lane-wise) or a result that is not a finite
  // positive time with NaN; a second, scalar pass names the reason of each marked lane.
  transform<P>(
      n, wall_seconds.data(),
      [](auto flops, auto peak, auto chips, auto mfu) {
        using T = decltype(flops);
        const T zero(0.0), one(1.0);
        const auto valid = flops >= one && flops <= T(limits::max_flops) && peak > zero &&
                           (peak - peak) == zero && chips >= one && chips <= T(limits::max_chips) &&
                           number_traits<T>::floor(chips) == chips &&
                           mfu >= T(limits::min_utilization) && mfu <= one;
        const T t = flopcast::training_wall_time<T>(flop_count<T>::from_base(flops),
                                                    flop_rate<T>::from_base(peak), chips, mfu)
                        .base_value();
        const auto finite_time = t > zero && (t - t) == zero;
        return flopcast::select<T>(valid && finite_time, t,
                                   T(std::numeric_limits<double>::quiet_NaN()));
      },
      in.flops.data(), in.peak_per_chip.data(), in.chips.data(), in.utilization.data());

  std::size_t invalid = 0;
  for (std::size_t i = 0; i < n; ++i) {
    status[i] = nullptr;
    if (wall_seconds[i] == wall_seconds[i]) continue;  // not NaN: valid
    const reason* r = check_flops(flop_count<>::from_base(in.flops[i]));
    if (r == nullptr) r = check_chips(in.chips[i]);
    if (r == nullptr) r = check_utilization(in.utilization[i]);
    if (r == nullptr) r = check_peak(flop_rate<>::from_base(in.peak_per_chip[i]));
    if (r == nullptr) r = &reasons::estimate_out_of_range;
    status[i] = r;
    ++invalid;
  }
  return invalid;
}

}  // namespace flopcast::simd
