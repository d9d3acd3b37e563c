#pragma once
#include "flopcast/core/config.hpp"
// The first training-time estimate: total FLOPs, a chip, a chip count, a precision and a
// utilization (MFU) give wall-clock time, chip-hours and achieved FLOP/s; and the inverse, the
// utilization that a known run implies. Every function is constexpr.
//
// This is the back-of-the-envelope model: time = FLOPs / (chips x peak x MFU). It knows nothing
// of parallelism or communication; the utilization carries all of that. The distributed
// step-time model (parallel/, estimate/step_time) explains where the utilization comes from.
#include "flopcast/core/error.hpp"
#include "flopcast/core/limits.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/hardware/chip.hpp"

FLOPCAST_DEFINE_REASON(chip_count_must_be_positive,
                       "the number of chips must be a whole number from 1 to 1e15")
FLOPCAST_DEFINE_REASON(utilization_out_of_range, "utilization (MFU) must be in [1e-6, 1]")
FLOPCAST_DEFINE_REASON(flops_must_be_positive, "the FLOP count must be in [1, 1e40]")
FLOPCAST_DEFINE_REASON(parameters_must_be_positive, "the parameter count must be in [1, 1e18]")
FLOPCAST_DEFINE_REASON(tokens_must_be_positive, "the token count must be in [1, 1e20]")
FLOPCAST_DEFINE_REASON(duration_must_be_positive,
                       "the duration must be positive and finite (at least 1 microsecond)")
FLOPCAST_DEFINE_REASON(peak_must_be_positive, "the peak rate per chip must be positive and finite")

namespace flopcast {

// ---- The formulas, once, over the number type T (double or a SIMD pack) -------------------

// Dense-transformer training FLOPs by the 6·N·D rule (Kaplan 2020; GPT-3 App. D): 2 FLOPs per
// parameter per token forward, 4 backward. Ignores attention scores and recompute; the workload
// model (workload/flops.hpp) counts those exactly.
template <class T>
constexpr flop_count<T> six_n_d(T parameters, T tokens) {
  return flop_count<T>::from_base(T(6.0) * parameters * tokens);
}

// Wall-clock time to do `total` FLOPs on `chips` chips of peak `peak` at utilization `mfu`.
template <class T>
constexpr duration<T> training_wall_time(flop_count<T> total, flop_rate<T> peak, T chips, T mfu) {
  return total / (peak * chips * mfu);
}

// Utilization that finishing `total` FLOPs in `wall` on `chips` chips of peak `peak` implies.
template <class T>
constexpr T implied_utilization(flop_count<T> total, flop_rate<T> peak, T chips, duration<T> wall) {
  return total / (peak * chips * wall);
}

// ---- Validation ---------------------------------------------------------------------------

namespace detail {
using limits::finite;  // false for NaN and +-inf
constexpr bool whole(double x) { return math::floor(x) == x; }
}  // namespace detail

constexpr const reason* check_chips(double chips) {
  if (!(chips >= 1.0 && chips <= limits::max_chips && detail::whole(chips))) {
    return &reasons::chip_count_must_be_positive;
  }
  return nullptr;
}
constexpr const reason* check_utilization(double mfu) {
  return limits::within(mfu, limits::min_utilization, 1.0) ? nullptr
                                                           : &reasons::utilization_out_of_range;
}
constexpr const reason* check_flops(flop_count<> f) {
  return limits::within(f.base_value(), 1.0, limits::max_flops) ? nullptr
                                                                 : &reasons::flops_must_be_positive;
}
constexpr const reason* check_peak(flop_rate<> p) {
  return limits::finite_positive(p.base_value()) ? nullptr : &reasons::peak_must_be_positive;
}

// ---- The scalar API with reasons ---------------------------------------------------------

struct training_job {
  flop_count<> flops{};                // total training FLOPs (model FLOPs, as MFU counts them)
  chip_spec chip{};
  double chips = 0.0;                  // entries of `chip` (a GB200 superchip counts as one)
  precision format = precision::bf16;  // the peak the utilization refers to
  double utilization = 0.0;            // MFU in (0, 1]
};

struct training_time_estimate {
  flop_count<> flops{};
  duration<> wall_time{};
  duration<> chip_time{};         // chips x wall time: "chip-hours" with .in(hours)
  flop_rate<> peak_per_chip{};
  flop_rate<> peak_total{};
  flop_rate<> achieved_total{};   // flops / wall time
  flop_rate<> achieved_per_chip{};
  double chips = 0.0;
  double utilization = 0.0;
};

constexpr result<training_time_estimate> try_estimate_training_time(const training_job& job) {
  if (const reason* r = check_flops(job.flops)) return *r;
  if (const reason* r = check_chips(job.chips)) return *r;
  if (const reason* r = check_utilization(job.utilization)) return *r;
  const result<flop_rate<>> peak = job.chip.try_peak(job.format);
  if (!peak) return *peak.error();
  if (const reason* r = check_peak(peak.value())) return *r;

  training_time_estimate e;
  e.flops = job.flops;
  e.chips = job.chips;
  e.utilization = job.utilization;
  e.peak_per_chip = peak.value();
  e.peak_total = e.peak_per_chip * job.chips;
  e.wall_time = training_wall_time<double>(job.flops, e.peak_per_chip, job.chips, job.utilization);
  e.chip_time = e.wall_time * job.chips;
  e.achieved_total = job.flops / e.wall_time;
  e.achieved_per_chip = e.achieved_total / job.chips;
  if (!(limits::finite_positive(e.wall_time.base_value()) &&
        limits::finite_positive(e.chip_time.base_value()))) {
    return reasons::estimate_out_of_range;
  }
  return e;
}

// As above; invalid input fails to compile in a constant expression and throws at run time.
constexpr training_time_estimate estimate_training_time(const training_job& job) {
  return try_estimate_training_time(job).value();
}

// 6·N·D with validation (negative or zero tokens and parameters are rejected).
constexpr result<flop_count<>> try_training_flops(double parameters, double tokens) {
  if (!limits::within(parameters, 1.0, limits::max_parameters)) {
    return reasons::parameters_must_be_positive;
  }
  if (!limits::within(tokens, 1.0, limits::max_tokens)) return reasons::tokens_must_be_positive;
  return six_n_d<double>(parameters, tokens);
}
constexpr flop_count<> training_flops(double parameters, double tokens) {
  return try_training_flops(parameters, tokens).value();
}

// The utilization a published run implies: `flops` on `chips` x `chip` at `format` in `wall`.
// Above 1 means the claim is impossible on that hardware at that precision.
struct observed_run {
  flop_count<> flops{};
  chip_spec chip{};
  double chips = 0.0;
  precision format = precision::bf16;
  duration<> wall_time{};
};

constexpr result<double> try_implied_utilization(const observed_run& run) {
  if (const reason* r = check_flops(run.flops)) return *r;
  if (const reason* r = check_chips(run.chips)) return *r;
  const double t = run.wall_time.base_value();
  if (!(t >= limits::min_duration_s && detail::finite(t))) {
    return reasons::duration_must_be_positive;
  }
  const result<flop_rate<>> peak = run.chip.try_peak(run.format);
  if (!peak) return *peak.error();
  if (const reason* r = check_peak(peak.value())) return *r;
  const double u = implied_utilization<double>(run.flops, peak.value(), run.chips, run.wall_time);
  if (!limits::finite_positive(u)) return reasons::estimate_out_of_range;
  return u;
}
constexpr double implied_utilization(const observed_run& run) {
  return try_implied_utilization(run).value();
}

}  // namespace flopcast
