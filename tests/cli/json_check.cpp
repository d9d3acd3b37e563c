// Checks the JSON that `flopcast estimate --json` (or `flopcast calibrate --json`) printed.
//
//   flopcast_cli_json_check FILE CASE
//
// FILE holds the program's standard output; CASE names what ran:
//   llama3-405b-16k  Llama 3 405B Table 4 row: 16,384 H100, TP 8, PP 16 x v 2 (128 layer slots)
//   narayanan-1t     Narayanan 2021 Table 1 1T row: 3,072 A100 80GB, TP 8, PP 64 x v 2
//   calibrate        the fit of tests/cli/measured_h100.txt
//   search           a `flopcast search --json`: the plans, each an estimate object
// Every case: the keys exist, numbers are finite, the figures that must be positive are, the
// utilizations lie in (0, 1). The two estimate cases also recompute the same estimate through
// the library (on its reference clusters) and require the printed numbers to read back exactly.
//
// The parser is a minimal, strict JSON reader: objects, arrays, strings, numbers, true, false,
// null. Members are flattened into dotted paths ("breakdown.compute_s").
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <flopcast/catalog/published_runs.hpp>
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/hardware/cluster.hpp>
#include <flopcast/workload/catalog.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---- A minimal JSON reader ----------------------------------------------------------------------

struct json_value {
  enum class kind { null, boolean, number, string, object, array } type = kind::null;
  double number = 0.0;
  std::string text;  // strings; "true"/"false" for booleans
};

class json_reader {
 public:
  explicit json_reader(std::string_view s) : s_(s) {}

  // Parses the whole document into `out` (path -> value); throws std::runtime_error.
  void parse(std::map<std::string, json_value>& out) {
    space();
    value("", out);
    space();
    if (i_ != s_.size()) fail("text after the JSON value");
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(i_));
  }
  void space() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool eat(char c) {
    space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  std::string string() {
    expect('"');
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail("unterminated string");
      const char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) fail("unterminated escape");
      const char e = s_[i_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (i_ + 4 > s_.size()) fail("short \\u escape");
          const std::string hex(s_.substr(i_, 4));
          i_ += 4;
          const long code = std::strtol(hex.c_str(), nullptr, 16);
          out += code < 0x80 ? static_cast<char>(code) : '?';  // enough for a checker
          break;
        }
        default:
          fail("bad escape");
      }
    }
  }

  // JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  double number() {
    const std::size_t start = i_;
    const auto digits = [&] {
      const std::size_t from = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == from) fail("expected a digit");
    };
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else {
      digits();
    }
    if (i_ < s_.size() && s_[i_] == '.') ++i_, digits();
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      digits();
    }
    const std::string text(s_.substr(start, i_ - start));
    return std::strtod(text.c_str(), nullptr);
  }

  void value(const std::string& path, std::map<std::string, json_value>& out) {
    space();
    if (i_ >= s_.size()) fail("unexpected end");
    json_value v;
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      v.type = json_value::kind::object;
      out[path] = v;
      if (eat('}')) return;
      do {
        space();
        const std::string key = string();
        expect(':');
        const std::string child = path.empty() ? key : path + "." + key;
        if (out.count(child) != 0) fail("duplicate key '" + child + "'");
        value(child, out);
      } while (eat(','));
      expect('}');
      return;
    }
    if (c == '[') {
      ++i_;
      v.type = json_value::kind::array;
      out[path] = v;
      if (eat(']')) return;
      int index = 0;
      do {
        value(path + "[" + std::to_string(index++) + "]", out);
      } while (eat(','));
      expect(']');
      return;
    }
    if (c == '"') {
      v.type = json_value::kind::string;
      v.text = string();
    } else if (literal("true")) {
      v.type = json_value::kind::boolean;
      v.text = "true";
    } else if (literal("false")) {
      v.type = json_value::kind::boolean;
      v.text = "false";
    } else if (literal("null")) {
      v.type = json_value::kind::null;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = json_value::kind::number;
      v.number = number();
    } else {
      fail(std::string("unexpected '") + c + "'");
    }
    out[path] = v;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// ---- Checks -------------------------------------------------------------------------------------

class checker {
 public:
  explicit checker(std::map<std::string, json_value> doc) : doc_(std::move(doc)) {}

  int failures() const { return failures_; }

  void fail(const std::string& what) {
    std::cout << "FAIL " << what << '\n';
    ++failures_;
  }

  std::optional<double> number(const std::string& key) {
    const auto it = doc_.find(key);
    if (it == doc_.end()) {
      fail(key + ": missing");
      return std::nullopt;
    }
    if (it->second.type != json_value::kind::number) {
      fail(key + ": not a number");
      return std::nullopt;
    }
    if (!std::isfinite(it->second.number)) {
      fail(key + ": not finite");
      return std::nullopt;
    }
    return it->second.number;
  }

  void positive(const std::string& key) {
    if (const auto v = number(key); v && !(*v > 0.0))
      fail(key + " = " + show(*v) + ": not positive");
  }
  void non_negative(const std::string& key) {
    if (const auto v = number(key); v && !(*v >= 0.0)) fail(key + " = " + show(*v) + ": negative");
  }
  void open_unit(const std::string& key) {
    if (const auto v = number(key); v && !(*v > 0.0 && *v < 1.0)) {
      fail(key + " = " + show(*v) + ": not in (0, 1)");
    }
  }
  void within(const std::string& key, double lo, double hi) {
    if (const auto v = number(key); v && !(*v >= lo && *v <= hi)) {
      fail(key + " = " + show(*v) + ": outside [" + show(lo) + ", " + show(hi) + "]");
    }
  }
  // The printed number reads back as `expected` (to a relative 1e-12).
  void equals(const std::string& key, double expected) {
    const auto v = number(key);
    if (!v) return;
    const double scale = std::fabs(expected) > 0.0 ? std::fabs(expected) : 1.0;
    if (std::fabs(*v - expected) > 1e-12 * scale) {
      fail(key + " = " + show(*v) + ", the library gives " + show(expected));
    } else {
      std::cout << "ok   " << key << " = " << show(*v) << '\n';
    }
  }
  void string(const std::string& key, std::string_view expected) {
    const auto it = doc_.find(key);
    if (it == doc_.end() || it->second.type != json_value::kind::string) {
      fail(key + ": missing or not a string");
    } else if (it->second.text != expected) {
      fail(key + " = '" + it->second.text + "', expected '" + std::string(expected) + "'");
    }
  }
  // Two figures the program printed agree with each other to a relative 1e-9.
  void consistent(const std::string& what, double a, double b) {
    if (std::fabs(a - b) > 1e-9 * std::fabs(b)) {
      fail(what + ": " + show(a) + " vs " + show(b));
    } else {
      std::cout << "ok   " << what << '\n';
    }
  }
  double get(const std::string& key) { return number(key).value_or(std::nan("")); }
  // The keys that start with `prefix`, in order.
  std::vector<std::string> keys_under(const std::string& prefix) const {
    std::vector<std::string> out;
    for (const auto& [key, value] : doc_) {
      if (key.rfind(prefix, 0) == 0) out.push_back(key);
    }
    return out;
  }
  // Elements of the array at `key` (0 when absent or not an array).
  std::size_t array_size(const std::string& key) const {
    std::size_t n = 0;
    while (doc_.count(key + "[" + std::to_string(n) + "].step_time_s") != 0) ++n;
    return n;
  }

  static std::string show(double v) {
    std::ostringstream os;
    os.precision(17);
    os << v;
    return os.str();
  }

 private:
  std::map<std::string, json_value> doc_;
  int failures_ = 0;
};

constexpr const char* breakdown_keys[] = {"compute_s", "memory_bound_s", "tp_comm_s",
                                          "cp_comm_s", "ep_comm_s",      "pp_comm_s",
                                          "bubble_s",  "dp_comm_s",      "offload_s",
                                          "optimizer_s"};

// What every `estimate --json` object must satisfy, whatever the job; `at` prefixes its keys
// (an element of `search --json`'s plans, which has no run: days and chip-hours are null).
void check_estimate_shape(checker& c, const std::string& at = "", bool run = true) {
  const auto k = [&](const std::string& key) { return at + key; };
  for (const char* key : {"step_time_s", "tokens_per_s", "model_tflops_per_chip",
                          "hardware_tflops_per_chip", "memory_per_chip_gb"}) {
    c.positive(k(key));
  }
  c.open_unit(k("mfu"));
  c.open_unit(k("hfu"));
  if (c.get(k("hfu")) < c.get(k("mfu"))) c.fail(k("hfu") + " below mfu");
  double sum = 0.0;
  for (const char* key : breakdown_keys) {
    c.non_negative(k(std::string("breakdown.") + key));
    sum += c.get(k(std::string("breakdown.") + key));
  }
  c.positive(k("breakdown.compute_s"));
  c.consistent(k("breakdown") + " sums to step_time_s", sum, c.get(k("step_time_s")));
  c.consistent(k("tokens_per_s x step_time_s = tokens_per_step"),
               c.get(k("tokens_per_s")) * c.get(k("step_time_s")), c.get(k("tokens_per_step")));
  if (run) {
    c.positive(k("days"));
    c.positive(k("chip_hours"));
    c.consistent("chip_hours = days x 24 x chips", c.get(k("chip_hours")),
                 c.get(k("days")) * 24.0 * c.get(k("chips")));
  }
  double memory = 0.0;
  for (const char* key :
       {"weights", "gradients", "master_weights", "optimizer_state", "activations"}) {
    c.non_negative(k(std::string("memory_gb.") + key));
    memory += c.get(k(std::string("memory_gb.") + key));
  }
  c.consistent(k("memory parts sum to memory_per_chip_gb"), memory,
               c.get(k("memory_per_chip_gb")));
}

// The same estimate through the library, on its reference cluster: the CLI's numbers must be
// these, read back exactly.
void check_against_library(checker& c, const flopcast::transformer& m,
                           const flopcast::cluster_spec& cluster, int chips,
                           const flopcast::parallel_plan& p, double tokens,
                           const flopcast::step_options& o) {
  using namespace flopcast;
  const result<run_estimate> r = try_estimate_run(m, cluster, chips, p, tokens, o);
  if (!r) {
    c.fail(std::string("the library has no estimate: ") + r.message());
    return;
  }
  const step_breakdown& b = r.value().step;
  c.equals("step_time_s", b.step.in(seconds));
  c.equals("tokens_per_s", b.tokens_per_s);
  c.equals("model_tflops_per_chip", b.model_flops_per_chip.in(tflop_per_s));
  c.equals("hardware_tflops_per_chip", b.hardware_flops_per_chip.in(tflop_per_s));
  c.equals("mfu", b.mfu);
  c.equals("hfu", b.hfu);
  c.equals("memory_per_chip_gb", b.memory.total().in(gigabytes));
  c.equals("days", r.value().wall_time.in(days));
  c.equals("chip_hours", r.value().chip_time.in(hours));
  c.equals("breakdown.compute_s", b.compute.in(seconds));
  c.equals("breakdown.memory_bound_s", b.memory_bound.in(seconds));
  c.equals("breakdown.tp_comm_s", b.tp_comm.in(seconds));
  c.equals("breakdown.cp_comm_s", b.cp_comm.in(seconds));
  c.equals("breakdown.ep_comm_s", b.ep_comm.in(seconds));
  c.equals("breakdown.pp_comm_s", b.pp_comm.in(seconds));
  c.equals("breakdown.bubble_s", b.bubble.in(seconds));
  c.equals("breakdown.dp_comm_s", b.dp_comm.in(seconds));
  c.equals("breakdown.optimizer_s", b.optimizer.in(seconds));
}

// The validation row a command line reproduces: the CLI's JSON must equal the library's estimate
// for exactly that row's model, cluster, plan and options.
const flopcast::published_run& validation_row(std::string_view id) {
  for (const flopcast::published_run& r : flopcast::runs::validation) {
    if (r.id == id) return r;
  }
  std::cerr << "no validation row " << id << '\n';
  std::exit(2);
}

void llama3_405b_16k(checker& c) {
  using namespace flopcast;
  check_estimate_shape(c);
  c.string("chip", "H100 SXM5 80GB");
  c.string("model_key", "llama3-405b");
  c.within("chips", 16384, 16384);
  c.within("plan.dp", 128, 128);
  c.within("plan.microbatches", 16, 16);
  // Llama 3 reports 41% MFU for this row; the validation test bounds the error, here sanity.
  c.within("mfu", 0.30, 0.50);
  c.within("tokens", 15.6e12, 15.6e12);
  const published_run& r = validation_row("llama3-405b-t4-16384-cp1");
  check_against_library(c, r.model, r.cluster, r.chips, r.plan, 15.6e12, r.options);
}

void narayanan_1t(checker& c) {
  using namespace flopcast;
  check_estimate_shape(c);
  c.string("chip", "A100 SXM4 80GB");
  c.within("plan.dp", 6, 6);
  c.within("plan.microbatches", 512, 512);
  // Narayanan 2021 Table 1 reports 163 TFLOP/s per GPU (with recompute) and estimates about 84
  // days for 450B tokens; loose sanity bounds here, the validation test bounds the error.
  c.within("hardware_tflops_per_chip", 120.0, 240.0);
  c.within("days", 50.0, 120.0);
  c.within("parameters", 1.0e12, 1.02e12);
  const published_run& r = validation_row("meg21-t1-1008.0B");
  check_against_library(c, r.model, r.cluster, r.chips, r.plan, 450e9, r.options);
}

// `search --json`: every plan is an estimate object, best first; the counts add up.
void search(checker& c) {
  const double considered = c.get("considered"), valid = c.get("valid");
  double refused = 0.0;
  for (const std::string& key : c.keys_under("rejected.")) refused += c.get(key);
  c.consistent("considered = valid + refused", considered, valid + refused);
  const std::size_t plans = c.array_size("plans");
  if (plans == 0) c.fail("no plans");
  double previous = 0.0;
  for (std::size_t i = 0; i < plans; ++i) {
    const std::string at = "plans[" + std::to_string(i) + "].";
    check_estimate_shape(c, at, false);
    const double step = c.get(at + "step_time_s");
    if (i > 0 && step < previous) c.fail(at + "step_time_s is shorter than the plan before it");
    previous = step;
  }
}

void calibrate(checker& c) {
  c.string("chip", "H100 SXM5 80GB");
  c.within("measurements", 3, 3);
  c.open_unit("gemm_efficiency");
  c.open_unit("fp8_gemm_efficiency");
  c.open_unit("memory_efficiency");
  // The measurements are BF16 plans: the FP8 figure has nothing to move it.
  if (c.get("fp8_gemm_efficiency") != c.get("default_fp8_gemm_efficiency")) {
    c.fail("a fit to 16-bit measurements moved the FP8 GEMM efficiency");
  }
  c.non_negative("rms_log_error");
  c.positive("rms_log_error_before");
  c.non_negative("max_relative_error");
  if (c.get("rms_log_error") > c.get("rms_log_error_before")) {
    c.fail("the fit is worse than the default calibration");
  }
  for (const char* line : {"lines.3", "lines.4", "lines.6"}) {
    for (const char* key : {".measured_s", ".default_s", ".fitted_s"}) {
      c.positive(std::string(line) + key);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: flopcast_cli_json_check FILE llama3-405b-16k|narayanan-1t|calibrate\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << '\n';
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::map<std::string, json_value> doc;
  try {
    json_reader(text.str()).parse(doc);
  } catch (const std::exception& e) {
    std::cout << "FAIL " << e.what() << "\n--- output was:\n" << text.str() << '\n';
    return 1;
  }
  checker c(std::move(doc));
  const std::string_view which = argv[2];
  if (which == "llama3-405b-16k") {
    llama3_405b_16k(c);
  } else if (which == "narayanan-1t") {
    narayanan_1t(c);
  } else if (which == "search") {
    search(c);
  } else if (which == "calibrate") {
    calibrate(c);
  } else {
    std::cerr << "unknown case '" << which << "'\n";
    return 2;
  }
  if (c.failures() > 0) {
    std::cout << c.failures() << " check(s) failed\n--- output was:\n" << text.str() << '\n';
    return 1;
  }
  std::cout << "all checks passed (" << which << ")\n";
  return 0;
}
