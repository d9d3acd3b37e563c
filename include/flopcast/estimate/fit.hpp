#pragma once
#include "flopcast/core/config.hpp"
// Calibration by users: fit a chip's efficiency constants to step times measured on known
// plans, then estimate other plans with the fitted constants.
//
// The fit minimises the mean squared log-ratio of predicted to measured step time over the
// chip's constants (16-bit GEMM efficiency, FP8 GEMM efficiency, HBM efficiency) by
// coordinate-wise golden-section search in [0.05, 1]. Log errors weigh a 10% miss the same on a
// 1 s step and a 100 s step. A GEMM constant that no measured plan exercises (the FP8 one when
// every plan computes in 16 bits) keeps its default.
#include <optional>
#include <span>

#include "flopcast/estimate/step_time.hpp"

FLOPCAST_DEFINE_REASON(fit_needs_measurements, "calibration needs at least one measured step")
FLOPCAST_DEFINE_REASON(fit_measurement_not_positive,
                       "a measured step time must be between 1 microsecond and 1e8 seconds")
FLOPCAST_DEFINE_REASON(fit_error_not_finite,
                       "a prediction is too far from its measurement to fit (their ratio is not a "
                       "finite positive number)")
FLOPCAST_DEFINE_REASON(fit_mixes_chips, "all measurements of one fit must be on the same chip")

namespace flopcast {

struct step_measurement {
  transformer model{};
  cluster_spec cluster{};
  int chips = 0;
  parallel_plan plan{};
  step_options options{};
  duration<> measured{};
};

// Which constants a fit may move; the others keep the chip's defaults.
struct fit_targets {
  bool gemm = true;      // 16-bit GEMM efficiency
  bool fp8_gemm = true;  // FP8-and-narrower GEMM efficiency
  bool memory = true;    // HBM efficiency
};

struct calibration_fit {
  chip_calibration calibration{};
  double rms_log_error = 0.0;    // sqrt(mean(log(pred/measured)^2)) after the fit
  double max_relative_error = 0.0;  // largest |pred/measured - 1|
  double rms_log_error_before = 0.0;  // with the default calibration
};

namespace detail {
constexpr double ln(double x) {
  // Natural log by range reduction to [0.5, 1) and the atanh series; accurate to ~1e-15.
  // Not finite or not positive: no logarithm (the caller checks; the loops below would never end
  // for an infinity).
  if (!limits::finite_positive(x)) return x > 0.0 ? 1e300 : -1e300;
  double k = 0.0;
  while (x >= 1.0) x *= 0.5, k += 1.0;
  while (x < 0.5) x *= 2.0, k -= 1.0;
  const double y = (x - 1.0) / (x + 1.0), y2 = y * y;
  double term = y, sum = 0.0;
  for (int n = 1; n < 60; n += 2) {
    sum += term / n;
    term *= y2;
  }
  return 2.0 * sum + k * 0.69314718055994530942;
}
constexpr double sqrt(double x) {
  if (!(x > 0.0)) return 0.0;
  double r = x < 1.0 ? 1.0 : x;
  for (int i = 0; i < 200; ++i) {
    const double next = 0.5 * (r + x / r);
    if (next == r) break;
    r = next;
  }
  return r;
}
}  // namespace detail

// Mean squared log error of the calibration over the measurements; the largest relative error.
inline result<double> fit_error(std::span<const step_measurement> data, const chip_calibration& cal,
                                double* max_relative = nullptr) {
  double sum = 0.0, worst = 0.0;
  for (const step_measurement& m : data) {
    step_options o = m.options;
    o.calibration = cal;
    const result<step_breakdown> s = try_estimate_step(m.model, m.cluster, m.chips, m.plan, o);
    if (!s) return *s.error();
    const double ratio = s.value().step / m.measured;
    if (!limits::finite_positive(ratio)) return reasons::fit_error_not_finite;
    const double l = detail::ln(ratio);
    sum += l * l;
    const double rel = ratio > 1.0 ? ratio - 1.0 : 1.0 - ratio;
    worst = rel > worst ? rel : worst;
  }
  if (max_relative) *max_relative = worst;
  return sum / static_cast<double>(data.size());
}

// `start` holds the constants the fit does not move (default: the chip family's).
inline result<calibration_fit> fit_calibration(std::span<const step_measurement> data,
                                               fit_targets targets = {},
                                               std::optional<chip_calibration> start = {}) {
  if (data.empty()) return reasons::fit_needs_measurements;
  for (const step_measurement& m : data) {
    if (!limits::within(m.measured.base_value(), limits::min_measured_step_s,
                        limits::max_measured_step_s)) {
      return reasons::fit_measurement_not_positive;
    }
    if (m.cluster.chip.name != data.front().cluster.chip.name) return reasons::fit_mixes_chips;
  }
  chip_calibration cal = start ? *start : default_calibration(data.front().cluster.chip);
  {
    step_options check;
    check.calibration = cal;
    if (const reason* why = find_problem(check)) return *why;
  }
  const result<double> before = fit_error(data, cal);
  if (!before) return *before.error();

  // Golden-section search on one constant, the other held.
  const auto search = [&](double chip_calibration::*field) {
    double lo = 0.05, hi = 1.0;
    const double g = 0.6180339887498949;
    const auto err = [&](double v) {
      chip_calibration c = cal;
      c.*field = v;
      const result<double> e = fit_error(data, c);
      return e ? e.value() : 1e300;
    };
    double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
    double fa = err(a), fb = err(b);
    for (int i = 0; i < 60; ++i) {
      if (fa < fb) {
        hi = b, b = a, fb = fa, a = hi - g * (hi - lo), fa = err(a);
      } else {
        lo = a, a = b, fa = fb, b = lo + g * (hi - lo), fb = err(b);
      }
    }
    cal.*field = 0.5 * (lo + hi);
  };
  bool uses_fp8 = false, uses_16 = false;
  for (const step_measurement& m : data) {
    (is_low_precision_gemm(m.plan.compute) ? uses_fp8 : uses_16) = true;
  }
  for (int round = 0; round < 4; ++round) {
    if (targets.gemm && uses_16) search(&chip_calibration::gemm_efficiency);
    if (targets.fp8_gemm && uses_fp8) search(&chip_calibration::fp8_gemm_efficiency);
    if (targets.memory) search(&chip_calibration::memory_efficiency);
  }
  cal.family = "fitted to user measurements";
  cal.evidence = "fit_calibration() over the user's measured steps";

  calibration_fit f;
  f.calibration = cal;
  double worst = 0.0;
  const result<double> after = fit_error(data, cal, &worst);
  if (!after) return *after.error();
  f.rms_log_error = detail::sqrt(after.value());
  f.rms_log_error_before = detail::sqrt(before.value());
  f.max_relative_error = worst;
  return f;
}

}  // namespace flopcast
