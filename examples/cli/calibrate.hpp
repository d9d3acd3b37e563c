#pragma once
// `flopcast calibrate FILE`: fit a chip's two efficiency constants (GEMM and HBM) to step times
// a user measured, with flopcast::fit_calibration, and print the fitted values, the error before
// and after, and the flags that make `flopcast estimate` use them.
//
// FILE (or - for standard input) holds one measured step per line: the options `flopcast
// estimate` takes to describe the job, plus --measured SECONDS. Blank lines and lines starting
// with # are skipped. Every line must name the same chip. Limits: a line of at most 64 KiB, at
// most 1,000 measured steps, 64 MiB in all, text only (a NUL byte is refused).
//
//   # Llama 3 8B on 64 H100, measured seconds per step
//   --model llama3-8b --chip h100 --chips 64 --tp 2 --zero 1 --global-batch 512 --measured 7.9
//   --model llama3-8b --chip h100 --chips 64 --tp 4 --zero 1 --global-batch 512 --measured 9.6
#include <cmath>
#include <exception>
#include <flopcast/estimate/fit.hpp>
#include <fstream>
#include <ios>
#include <istream>
#include <optional>
#include <span>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "args.hpp"
#include "estimate.hpp"
#include "format.hpp"

namespace flopcast_cli {

inline constexpr std::string_view calibrate_usage = "usage: flopcast calibrate FILE [--json]";

inline constexpr std::array calibrate_options{
    option{"--json", "", "print one JSON object instead of the table"},
};

// The measurement a line adds to the job options: seconds per step, a microsecond to ~3 years.
inline constexpr option measured_option{"--measured",  "S",  "measured seconds per step",
                                        "measurement", flopcast::limits::min_measured_step_s,
                                        flopcast::limits::max_measured_step_s};

// Limits on the input: each line is split into words and parsed, and the fit runs hundreds of
// estimates per measured step.
inline constexpr std::size_t max_line_bytes = 64 * 1024;
inline constexpr std::size_t max_input_bytes = 64 * 1024 * 1024;
inline constexpr std::size_t max_measured_lines = 1000;

inline void calibrate_help(std::ostream& out) {
  out << calibrate_usage << "\n\n"
      << "Fits a chip's calibration constants (the fraction of peak its large GEMMs reach, and of\n"
         "HBM bandwidth its streaming kernels reach) to step times you measured, and reports the\n"
         "fitted values, the error before and after, and the estimate options that use them.\n\n"
         "FILE (- for standard input) holds one measured step per line: the options of\n"
         "`flopcast estimate` that describe the job, plus --measured SECONDS (seconds per\n"
         "step). Blank lines and lines starting with # are skipped; all lines name one chip.\n\n"
         "  # Llama 3 8B on 64 H100, measured seconds per step\n"
         "  --model llama3-8b --chip h100 --chips 64 --tp 2 --zero 1 --global-batch 512 --measured "
         "7.9\n"
         "  --model llama3-8b --chip h100 --chips 64 --tp 4 --zero 1 --global-batch 512 --measured "
         "9.6\n\n"
         "Two constants need at least three measurements that differ in TP width and memory\n"
         "traffic to be both determined.\n\n"
         "Limits: --measured in [1e-6, 1e8] seconds; lines of at most 64 KiB; at most 1,000\n"
         "measured steps and 64 MiB in all; text only (a NUL byte is an error). Each option has\n"
         "the range `flopcast estimate --help` shows.\n\n"
         "Exit status: 0 fitted; 1 a job is invalid or the fit has no answer; 2 bad arguments or\n"
         "a bad line.\n";
  print_options(out, calibrate_options);
}

namespace detail {

// Splits a line into words at blanks; "double quotes" group words ("H100 SXM").
inline std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      in_word = true;
    } else if (!quoted && (c == ' ' || c == '\t' || c == '\r')) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quoted) throw usage_error("unbalanced double quote");
  if (in_word) words.push_back(word);
  return words;
}

struct measured_line {
  int number = 0;  // in the file, from 1
  job what;
  double seconds = 0.0;
};

// A file name as messages show it: safely (see shown()), and of a long one its last 80
// characters, which name the file.
inline std::string shown_path(std::string_view path) {
  if (path.size() <= 80) return shown(path, 160);
  return "..." + shown(path.substr(path.size() - 77), 160);
}

// Reads measurement lines from a stream within the limits above: next() gives each line without
// its newline, and throws usage_error for a line too long, a NUL byte or too much input.
class line_reader {
 public:
  explicit line_reader(std::istream& in) : in_(in) {}

  // False at the end of the input.
  bool next(std::string& line) {
    using traits = std::char_traits<char>;
    std::streambuf* buf = in_.rdbuf();
    line.clear();
    if (buf == nullptr) return false;
    ++number_;
    traits::int_type c = buf->sbumpc();
    if (traits::eq_int_type(c, traits::eof())) return false;
    while (!traits::eq_int_type(c, traits::eof()) && traits::to_char_type(c) != '\n') {
      if (++bytes_ > max_input_bytes) {
        throw usage_error("the input is larger than 64 MiB (a file of measured steps is small)");
      }
      if (traits::to_char_type(c) == '\0') {
        throw usage_error("a NUL byte: binary input (expected text, one measured step a line)");
      }
      if (line.size() >= max_line_bytes) {
        throw usage_error("the line is longer than 64 KiB");
      }
      line.push_back(traits::to_char_type(c));
      c = buf->sbumpc();
    }
    ++bytes_;  // the newline
    return true;
  }
  int number() const { return number_; }

 private:
  std::istream& in_;
  int number_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace detail

// `flopcast calibrate FILE [--json]`; FILE "-" reads `in`.
inline int calibrate_command(std::span<const std::string> words, std::istream& in,
                             std::ostream& out, std::ostream& err) {
  using namespace flopcast;
  const arguments a = parse(words, calibrate_options, 1);
  if (a.positional.empty()) throw usage_error("missing FILE (the measured steps; - for stdin)");
  const std::string& path = a.positional.front();
  const std::string where_file = detail::shown_path(path);
  std::ifstream file;
  std::istream* source = &in;
  if (path != "-") {
    if (path.empty() || path.size() > 4096 || path.find('\0') != std::string::npos) {
      throw usage_error("cannot read '" + where_file + "'");
    }
    file.open(path, std::ios::binary);
    if (!file) throw usage_error("cannot read '" + where_file + "'");
    source = &file;
  }

  std::vector<option> line_options(job_options.begin(), job_options.end());
  line_options.push_back(measured_option);
  std::vector<detail::measured_line> lines;
  std::string text;
  detail::line_reader reader(*source);
  while (true) {
    try {
      if (!reader.next(text)) break;
    } catch (const usage_error& e) {
      throw usage_error(where_file + ":" + std::to_string(reader.number()) + ": " + e.what());
    } catch (const std::exception&) {  // a read error (libstdc++ throws for a directory)
      throw usage_error("cannot read '" + where_file + "'");
    }
    const int number = reader.number();
    const std::size_t start = text.find_first_not_of(" \t\r");
    if (start == std::string::npos || text[start] == '#') continue;
    if (lines.size() >= max_measured_lines) {
      throw usage_error(where_file + ":" + std::to_string(number) + ": more than " +
                        group_thousands(std::to_string(max_measured_lines)) +
                        " measured steps (the fit runs hundreds of estimates for each)");
    }
    try {
      const std::vector<std::string> line_words = detail::split_words(text);
      const arguments la = parse(line_words, line_options, 0);
      const std::string* measured = la.find("--measured");
      if (measured == nullptr) throw usage_error("missing --measured SECONDS");
      const double seconds_measured = to_number_in(measured_option, *measured);
      lines.push_back(detail::measured_line{number, make_job(la), seconds_measured});
    } catch (const usage_error& e) {
      throw usage_error(where_file + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  if (lines.empty()) throw usage_error("'" + where_file + "' holds no measured steps");

  // Each job must have an estimate before a fit can use it: report the line that has none.
  std::vector<step_measurement> data;
  for (const detail::measured_line& l : lines) {
    const std::string where = "calibrate (" + where_file + ":" + std::to_string(l.number) + ")";
    if (const result<cluster_spec> c = try_check(l.what.cluster); !c) {
      return report_reason(err, where, *c.error(), l.what);
    }
    if (const reason* why = plan_precheck(l.what)) return report_reason(err, where, *why, l.what);
    const result<step_breakdown> s =
        try_estimate_step(l.what.model, l.what.cluster, l.what.chips, l.what.plan, l.what.options);
    if (!s) return report_reason(err, where, *s.error(), l.what);
    if (const std::string bad = bad_figure(l.what, s.value(), std::nullopt); !bad.empty()) {
      return report_bad_figure(err, where, bad);
    }
    data.push_back({l.what.model, l.what.cluster, l.what.chips, l.what.plan, l.what.options,
                    l.seconds * seconds});
  }
  const result<calibration_fit> fit = fit_calibration(data);
  if (!fit) {
    err << "flopcast calibrate: " << fit.message() << " [" << fit.error()->code << "]\n";
    return 1;
  }
  const calibration_fit& f = fit.value();
  const chip_spec& chip = *lines.front().what.chip;
  const chip_calibration before = default_calibration(chip);

  // Predicted steps with the default and the fitted constants.
  struct row {
    int line;
    std::string job;
    double measured_s, default_s, fitted_s;
  };
  std::vector<row> rows;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    step_options o0 = data[i].options;
    o0.calibration = before;
    step_options o1 = data[i].options;
    o1.calibration = f.calibration;
    const step_measurement& m = data[i];
    const auto predict = [&](const step_options& o) {
      const result<step_breakdown> s = try_estimate_step(m.model, m.cluster, m.chips, m.plan, o);
      return s ? s.value().step.in(seconds) : std::nan("");
    };
    const job& j = lines[i].what;
    rows.push_back({lines[i].number,
                    std::string(j.card ? j.card->key : j.model.name) + ", " +
                        std::to_string(j.chips) + " chips, TP " + std::to_string(j.plan.tp) +
                        " PP " + std::to_string(j.plan.pp) + " CP " + std::to_string(j.plan.cp),
                    lines[i].seconds, predict(o0), predict(o1)});
  }

  // Status 0 prints finite figures only (see bad_figure()).
  {
    std::vector<std::pair<std::string, double>> figures{
        {"gemm_efficiency", f.calibration.gemm_efficiency},
        {"fp8_gemm_efficiency", f.calibration.fp8_gemm_efficiency},
        {"memory_efficiency", f.calibration.memory_efficiency},
        {"rms_log_error", f.rms_log_error},
        {"rms_log_error_before", f.rms_log_error_before},
        {"max_relative_error", f.max_relative_error}};
    for (const row& r : rows) {
      figures.emplace_back("lines." + std::to_string(r.line) + ".default_s", r.default_s);
      figures.emplace_back("lines." + std::to_string(r.line) + ".fitted_s", r.fitted_s);
    }
    for (const auto& [key, v] : figures) {
      if (!std::isfinite(v) || v < 0.0) {
        return report_bad_figure(err, "calibrate", key + " = " + json_number(v));
      }
    }
  }

  if (a.has("--json")) {
    json_writer w(out);
    w.string("chip", chip.name);
    w.integer("measurements", static_cast<long long>(lines.size()));
    write_efficiencies(w, f.calibration);
    write_efficiencies(w, before, "default_");
    w.number("rms_log_error", f.rms_log_error);
    w.number("rms_log_error_before", f.rms_log_error_before);
    w.number("max_relative_error", f.max_relative_error);
    w.begin_object("lines");
    for (const row& r : rows) {
      w.begin_object(std::to_string(r.line));
      w.number("measured_s", r.measured_s);
      w.number("default_s", r.default_s);
      w.number("fitted_s", r.fitted_s);
      w.end_object();
    }
    w.end_object();
    w.finish();
    return 0;
  }

  out << "flopcast calibrate: " << lines.size() << " measured step"
      << (lines.size() == 1 ? "" : "s") << " on " << chip.name << "\n\n";
  table t;
  t.row({"", "default", "fitted"});
  t.row({"GEMM efficiency (16-bit)", significant(before.gemm_efficiency, 4),
         significant(f.calibration.gemm_efficiency, 4)});
  t.row({"GEMM efficiency (FP8)", significant(before.fp8_gemm_efficiency, 4),
         significant(f.calibration.fp8_gemm_efficiency, 4)});
  t.row({"HBM efficiency", significant(before.memory_efficiency, 4),
         significant(f.calibration.memory_efficiency, 4)});
  t.row({"RMS log error", percent(f.rms_log_error_before), percent(f.rms_log_error)});
  t.row({"largest error", "", percent(f.max_relative_error)});
  t.print(out);
  out << '\n';
  table r({false, true});
  r.row({"line", "job", "measured s", "default s", "fitted s", "fitted error"});
  for (const row& x : rows) {
    r.row({std::to_string(x.line), x.job, significant(x.measured_s, 4), significant(x.default_s, 4),
           significant(x.fitted_s, 4), percent(x.fitted_s / x.measured_s - 1.0)});
  }
  r.print(out);
  out << "\nEstimate other plans on " << chip.name << " with the fitted constants:\n"
      << "  flopcast estimate ... --gemm-efficiency "
      << significant(f.calibration.gemm_efficiency, 6) << " --fp8-gemm-efficiency "
      << significant(f.calibration.fp8_gemm_efficiency, 6) << " --memory-efficiency "
      << significant(f.calibration.memory_efficiency, 6) << '\n';
  if (lines.size() < 3) {
    out << "note: two constants from " << lines.size() << " measurement"
        << (lines.size() == 1 ? "" : "s")
        << " are not both determined; measure plans that differ in TP width and memory traffic.\n";
  }
  return 0;
}

}  // namespace flopcast_cli
