#pragma once
#include "flopcast/core/config.hpp"
// Printing the estimates: `std::cout << estimate_step(...)` and the like, for people (the
// numbers stay in the structs for programs). Each prints a few lines, without a final newline,
// with numbers as format_number() and quantities as to_string() write them:
//
//   step 20.1 s: MFU 52.6%, HFU 56.2%, 78,209 tokens/s, 164 TFLOP/s per chip
//     = compute 16.8 s + memory-bound 412 ms + TP comm 1.95 s + bubble 695 ms + DP comm 321 ms
//       + optimizer 4.3 ms
//     memory per chip 58.7 GB: weights 2.73 GB, gradients 2.73 GB, ...
//
// A step lists only its non-zero terms; they add up to the step. Quantities, format_number(),
// reasons and result<T> ("error: <sentence> [<code>]") print with <flopcast/core/io.hpp>.
// <ostream> only: including this header does not pull in <iostream>.
#include <ostream>
#include <string>
#include <string_view>

#include "flopcast/core/io.hpp"
#include "flopcast/estimate/calibration.hpp"
#include "flopcast/estimate/fit.hpp"
#include "flopcast/estimate/step_time.hpp"
#include "flopcast/estimate/training_time.hpp"
#include "flopcast/workload/memory.hpp"

namespace flopcast {

namespace detail {

inline std::string percent(double fraction) { return format_number(100.0 * fraction) + "%"; }

// Writes items joined by a separator, continuing on a new line indented by `indent` before an
// item that would end past column 100. `column` is where the first item starts. A ", " list
// breaks after its comma; a " + " sum breaks before its plus.
class wrapped_line {
 public:
  wrapped_line(std::ostream& os, std::size_t column, std::size_t indent, std::string_view separator)
      : os_(os), column_(column), indent_(indent), separator_(separator) {}

  void item(const std::string& text) {
    if (!first_ && column_ + separator_.size() + text.size() <= 100) {
      os_ << separator_;
      column_ += separator_.size();
    } else if (!first_) {
      const bool comma = separator_.front() == ',';
      if (comma) os_ << ',';
      os_ << '\n' << std::string(indent_, ' ');
      column_ = indent_;
      if (!comma) {
        os_ << separator_.substr(1);  // " + " -> "+ "
        column_ += separator_.size() - 1;
      }
    }
    first_ = false;
    os_ << text;
    column_ += text.size();
  }

 private:
  std::ostream& os_;
  std::size_t column_;
  std::size_t indent_;
  std::string_view separator_;
  bool first_ = true;
};

template <class Dim>
void print_term(wrapped_line& line, std::string_view name, quantity<Dim, double> q) {
  if (q.base_value() != 0.0) line.item(std::string(name) + ' ' + to_string(q));
}

// The memory line, starting at `column`.
inline void print_memory(std::ostream& os, const memory_breakdown<double>& m, std::size_t column) {
  const std::string total = to_string(m.total());
  os << total;
  wrapped_line line(os, column + total.size() + 2, 4, ", ");
  bool any = false;
  const auto part = [&](const char* name, data_size<> q) {
    if (q.base_value() == 0.0) return;
    if (!any) os << ": ";
    any = true;
    print_term(line, name, q);
  };
  part("weights", m.weights);
  part("gradients", m.gradients);
  part("master weights", m.master_weights);
  part("optimizer state", m.optimizer_state);
  part("activations", m.activations);
}

}  // namespace detail

// "58.7 GB: weights 2.73 GB, gradients 2.73 GB, ..." (the non-zero parts).
inline std::ostream& operator<<(std::ostream& os, const memory_breakdown<double>& m) {
  detail::print_memory(os, m, 0);
  return os;
}

inline std::ostream& operator<<(std::ostream& os, const step_breakdown& s) {
  os << "step " << s.step << ": MFU " << detail::percent(s.mfu) << ", HFU "
     << detail::percent(s.hfu) << ", " << format_number(s.tokens_per_s) << " tokens/s, "
     << s.model_flops_per_chip << " per chip";
  if (s.step.base_value() != 0.0) os << "\n  = ";
  detail::wrapped_line line(os, 4, 4, " + ");
  for (const step_term& t : step_terms) detail::print_term(line, t.short_label, s.*t.field);
  os << "\n  memory per chip ";
  detail::print_memory(os, s.memory, 18);
  return os;
}

// "71,526 steps: 87.2 days, 6.43e6 chip-hours" and the step below it.
inline std::ostream& operator<<(std::ostream& os, const run_estimate& r) {
  return os << format_number(r.steps) << " steps: " << r.wall_time << ", "
            << format_number(r.chip_time.in(hours)) << " chip-hours\n"
            << r.step;
}

// "67.7 days, 2.66e7 chip-hours: 3.79e25 FLOP on 16,384 chips at 40% of 989 TFLOP/s each".
inline std::ostream& operator<<(std::ostream& os, const training_time_estimate& e) {
  return os << e.wall_time << ", " << format_number(e.chip_time.in(hours)) << " chip-hours: "
            << e.flops << " on " << format_number(e.chips) << " chips at "
            << detail::percent(e.utilization) << " of " << e.peak_per_chip << " each";
}

// "NVIDIA Ampere (A100): GEMM 69.3%, FP8 GEMM 52.1%, HBM 85%", then its evidence.
inline std::ostream& operator<<(std::ostream& os, const chip_calibration& c) {
  os << (c.family.empty() ? std::string_view("calibration") : c.family) << ": GEMM "
     << detail::percent(c.gemm_efficiency) << ", FP8 GEMM "
     << detail::percent(c.fp8_gemm_efficiency) << ", HBM "
     << detail::percent(c.memory_efficiency);
  if (!c.evidence.empty()) os << "\n  evidence: " << c.evidence;
  return os;
}

// The fitted constants, then how well they fit the measurements.
inline std::ostream& operator<<(std::ostream& os, const calibration_fit& f) {
  return os << f.calibration << "\n  fit: RMS log error " << format_number(f.rms_log_error)
            << " (" << format_number(f.rms_log_error_before) << " before), largest step error "
            << detail::percent(f.max_relative_error);
}

}  // namespace flopcast
