// Fuzz target: the flopcast command line (examples/cli/main.hpp), run in process.
//
// Each input builds a command line: mostly a well-formed `estimate` (a catalog model or a custom
// shape, a catalog chip, a plan whose sizes fit together) or `calibrate` (a file of measured
// steps given on standard input), sometimes `compare`, `chips`, `models` or something else, and
// then mutates it with hostile values: NaN, infinities, 1e300, -1, 0, INT_MAX, empty, non-ASCII,
// control bytes, long text, duplicate and unknown options, stray words. A calibrate file may be
// empty, binary, hold very long lines or bad values. run_cli() runs it with string streams, and
// the properties below must hold:
//   - the exit status is 0, 1 or 2 (3 is an internal error: a bug);
//   - status 0: something on stdout, nothing on stderr; stdout is printable ASCII lines with no
//     "inf" or "nan"; an estimate or calibrate table has no "-" for a figure; --json output has
//     a finite number for every figure (null only where a figure is absent by design), a step
//     time > 0 and 0 < MFU, HFU <= 1;
//   - status 1 or 2: nothing on stdout; stderr starts with "flopcast"; status 2 prints the usage
//     line, status 1 does not;
//   - every stderr line is printable ASCII and at most max_line characters (no echo of a
//     megabyte of input);
//   - each input finishes well within the harness's watchdog.
// The output helpers (fixed, significant, percent, json_number, shown) are also fed hostile
// numbers and text directly. The first input also runs the regressions of issue 8 (see
// regressions()).
#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/workload/catalog.hpp>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/main.hpp"
#include "harness.hpp"

namespace {

using flopcast_fuzz::entropy;

// The longest stderr line any input may produce: the estimate usage line is 166 characters; an
// unknown model with no close name lists the catalog (~230) after a 60-character echo.
constexpr std::size_t max_line = 400;

struct outcome {
  int status = -1;
  std::string out;
  std::string err;
};

std::string joined(const std::vector<std::string>& args) {
  std::string s;
  for (const std::string& a : args) {
    if (!s.empty()) s += ' ';
    s += '\'';
    s += flopcast_cli::shown(a, 80);
    s += '\'';
  }
  return s;
}

outcome run(const std::vector<std::string>& args, const std::string& input = {}) {
  std::istringstream in(input);
  std::ostringstream out, err;
  outcome o;
  o.status = flopcast_cli::run_cli(args, out, err, in);
  o.out = out.str();
  o.err = err.str();
  return o;
}

bool printable_lines(std::string_view s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c != '\n' && (u < 0x20 || u >= 0x7f)) return false;
  }
  return true;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "inf", "nan" (any case) as a word of their own ("Infinity Fabric" is fine).
bool has_non_finite_word(std::string_view s) {
  for (std::size_t i = 0; i + 3 <= s.size(); ++i) {
    if (i > 0 && is_word_char(s[i - 1])) continue;
    std::string w;
    for (std::size_t k = 0; k < 3; ++k)
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + k])));
    if (w != "inf" && w != "nan") continue;
    if (i + 3 < s.size() && is_word_char(s[i + 3])) continue;
    return true;
  }
  return false;
}

// A cell "-" in a table line (a figure that was not a number).
bool has_dash_cell(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
    if (s.substr(i, j - i) == "-") return true;
    i = j;
  }
  return false;
}

// The leaf members of the CLI's JSON ("  \"key\": value" lines), by key; a key seen twice keeps
// its last value, and every value is checked as it is read.
std::map<std::string, std::string> json_members(const std::string& json, const std::string& what) {
  std::map<std::string, std::string> members;
  std::istringstream lines(json);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t q = line.find('"');
    if (q == std::string::npos) continue;
    const std::size_t colon = line.find("\": ", q + 1);
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(q + 1, colon - q - 1);
    std::string value = line.substr(colon + 3);
    if (!value.empty() && value.back() == ',') value.pop_back();
    if (value == "{") continue;
    members[key] = value;
    if (value.empty() || value[0] == '"' || value == "true" || value == "false") continue;
    if (value == "null") {
      static const char* const may_be_null[] = {"tokens",     "steps",          "days",
                                                "chip_hours", "scale_out_link", "scale_out_gbps"};
      bool allowed = false;
      for (const char* k : may_be_null) allowed = allowed || key == k;
      FUZZ_CHECK(allowed, "null for '" + key + "' in the JSON of " + what + "\n" + json);
      continue;
    }
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    FUZZ_CHECK(end == value.c_str() + value.size() && std::isfinite(v),
               "'" + key + "': " + value + " is not a finite number in the JSON of " + what);
  }
  return members;
}

double number_of(const std::map<std::string, std::string>& m, const std::string& key,
                 const std::string& what) {
  const auto it = m.find(key);
  FUZZ_CHECK(it != m.end(), "no '" + key + "' in the JSON of " + what);
  return std::strtod(it->second.c_str(), nullptr);
}

// The properties every run must have (see the top of the file).
// `err` without the progress lines search and sweep rewrite in place ("\rflopcast search: ...",
// ended by one newline once the command finishes).
std::string without_progress(const std::string& err) {
  std::string rest;
  std::size_t i = 0;
  while (i < err.size()) {
    if (err[i] == '\r' && (err.compare(i + 1, 17, "flopcast search: ") == 0 ||
                            err.compare(i + 1, 16, "flopcast sweep: ") == 0)) {
      i = err.find_first_of("\r\n", i + 1);
      if (i == std::string::npos) break;
      if (err[i] == '\n') ++i;
      continue;
    }
    rest += err[i++];
  }
  return rest;
}

void check(const std::vector<std::string>& args, const outcome& o, double seconds) {
  const std::string what = "flopcast " + joined(args);
  const std::string seen = what + "\n--- status " + std::to_string(o.status) + "\n--- stdout:\n" +
                           o.out.substr(0, 2000) + "\n--- stderr:\n" + o.err.substr(0, 2000);
  FUZZ_CHECK(o.status == 0 || o.status == 1 || o.status == 2, seen);
  FUZZ_CHECK(seconds < 20.0, "took " + std::to_string(seconds) + " s: " + seen);
  // Progress lines (a carriage return before each rewrite) are checked apart: what they say is
  // fixed text and a number.
  const std::string err = without_progress(o.err);
  FUZZ_CHECK(printable_lines(err), "stderr is not printable ASCII: " + seen);
  {
    std::istringstream lines(err);
    std::string line;
    while (std::getline(lines, line)) {
      FUZZ_CHECK(line.size() <= max_line,
                 "a stderr line of " + std::to_string(line.size()) + " characters: " + seen);
    }
  }
  const std::string command = args.empty() ? std::string() : args.front();
  if (o.status != 0) {
    FUZZ_CHECK(o.out.empty(),
               "stdout is not empty with status " + std::to_string(o.status) + ": " + seen);
    FUZZ_CHECK(err.starts_with("flopcast"), "stderr does not start with 'flopcast': " + seen);
    const bool usage = err.find("\nusage: flopcast") != std::string::npos;
    FUZZ_CHECK(o.status == 2 ? usage : !usage, "usage line and status disagree: " + seen);
    return;
  }
  // A search or sweep that runs over a second (slow under the sanitizers) rewrites a progress
  // line on stderr; nothing else may be there with status 0.
  FUZZ_CHECK(err.empty(), "stderr with status 0: " + seen);
  FUZZ_CHECK(!o.out.empty(), "nothing on stdout with status 0: " + seen);
  FUZZ_CHECK(printable_lines(o.out), "stdout is not printable ASCII: " + seen);
  FUZZ_CHECK(!has_non_finite_word(o.out), "stdout holds inf or nan: " + seen);
  bool json = false;
  bool help = false;
  for (const std::string& a : args) {
    if (a == "--") break;
    json = json || a == "--json";
    help = help || a == "-h" || a == "--help";
  }
  if (help || (command != "estimate" && command != "calibrate")) return;
  if (!json) {
    FUZZ_CHECK(!has_dash_cell(o.out), "a '-' figure in the table: " + seen);
    return;
  }
  const std::map<std::string, std::string> m = json_members(o.out, seen);
  if (command == "estimate") {
    const double step = number_of(m, "step_time_s", seen);
    const double mfu = number_of(m, "mfu", seen);
    const double hfu = number_of(m, "hfu", seen);
    FUZZ_CHECK(step > 0.0, "step_time_s <= 0: " + seen);
    FUZZ_CHECK(mfu > 0.0 && mfu <= 1.0, "MFU outside (0, 1]: " + seen);
    FUZZ_CHECK(hfu > 0.0 && hfu <= 1.0, "HFU outside (0, 1]: " + seen);
    FUZZ_CHECK(number_of(m, "tokens_per_s", seen) > 0.0, "tokens_per_s <= 0: " + seen);
  } else {
    for (const char* k : {"gemm_efficiency", "fp8_gemm_efficiency", "memory_efficiency"}) {
      const double e = number_of(m, k, seen);
      FUZZ_CHECK(e > 0.0 && e <= 1.0, std::string(k) + " outside (0, 1]: " + seen);
    }
  }
}

// How the inputs ended, by command and status: printed at exit, to see that generated command
// lines reach the estimate (status 0) and not only the parser.
struct tally {
  std::map<std::string, std::map<int, long>> counts;
  std::size_t longest_stderr_line = 0;
  ~tally() {
    std::string s = "fuzz_cli: exit statuses by command:";
    for (const auto& [command, by_status] : counts) {
      s.append(" ").append(command).append(" {");
      for (const auto& [status, n] : by_status) {
        s.append(" ").append(std::to_string(status)).append(": ").append(std::to_string(n));
      }
      s.append(" }");
    }
    std::fprintf(stderr, "%s; longest stderr line %zu characters\n", s.c_str(),
                 longest_stderr_line);
    // About a third of the estimate command lines print an estimate (status 0) as written.
    long estimates = 0, answered = 0;
    if (const auto e = counts.find("estimate"); e != counts.end()) {
      for (const auto& [status, n] : e->second) estimates += n, answered += status == 0 ? n : 0;
    }
    flopcast_fuzz::require_answered_share("fuzz_cli estimate", answered, estimates, 2000, 0.10);
  }
};
tally counts;

outcome run_and_check(const std::vector<std::string>& args, const std::string& input = {}) {
  const auto t0 = std::chrono::steady_clock::now();
  const outcome o = run(args, input);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  check(args, o, s);
  // FLOPCAST_FUZZ_CLI_LOG=<command>: each run of that command's status and first stderr line.
  static const char* const log = std::getenv("FLOPCAST_FUZZ_CLI_LOG");
  if (log != nullptr && !args.empty() && args.front() == log) {
    std::fprintf(stderr, "%d %s\n", o.status, o.err.substr(0, o.err.find('\n')).c_str());
  }
  const std::string command = args.empty() ? std::string("(none)") : args.front();
  const bool known = command == "estimate" || command == "calibrate" || command == "compare" ||
                     command == "chips" || command == "models" || command == "search";
  ++counts.counts[known ? command : std::string("other")][o.status];
  for (std::size_t at = 0; at < o.err.size();) {
    std::size_t end = o.err.find('\n', at);
    if (end == std::string::npos) end = o.err.size();
    if (end - at > counts.longest_stderr_line) counts.longest_stderr_line = end - at;
    at = end + 1;
  }
  return o;
}

// ---- Values ---------------------------------------------------------------------------------

std::string hostile_value(entropy& in) {
  static const char* const values[] = {
      "nan",
      "NaN",
      "inf",
      "-inf",
      "infinity",
      "1e300",
      "-1e300",
      "1e308",
      "1e309",
      "3e-308",
      "1e-300",
      "4.9e-324",
      "-1",
      "0",
      "-0",
      "0.0",
      "2147483647",
      "2147483648",
      "-2147483648",
      "4294967296",
      "99999999999999999999999",
      "1e30",
      "1e20",
      "1e5",
      "0x10",
      "0x1p3",
      "+8",
      " 8",
      "8 ",
      "8x",
      "1,000",
      "1_000",
      "",
      "-",
      "--",
      "=",
      "\xc3\xa9",
      "\xff\xfe",
      "\x01",
      "8\n",
      "8\t",
      "1.5",
      "0.5",
      "1e-7",
      "0.001",
      "1.0000001",
      "65537",
      "16777217",
      "1e5T",
      "15.6T",
      "1k",
      "100000000000000000000000000000000000000000000000000000000000000000000"};
  switch (in.pick(6)) {
    case 0:
      return in.text(in.coin(8) ? 5000 : 40);
    case 1: {
      std::string s(1 + in.below(in.coin(4) ? 100000 : 300), "19ex-."[in.pick(6)]);
      return s;
    }
    case 2:
      return std::to_string(in.size_like(1 << 16));
    default:
      return values[in.below(std::size(values))];
  }
}

// A plausible value for a ranged option, often at or just past an edge.
std::string value_for(entropy& in, const flopcast_cli::option& o) {
  if (!o.ranged()) {
    if (o.name == "--recompute") return in.one_of({"none", "selective", "full"});
    if (o.name == "--precision") return in.one_of({"bf16", "fp16", "fp8"});
    if (o.name == "--recipe") return in.one_of({"bf16", "bf16-fp32-grads", "fp8", "pure-bf16"});
    if (o.name == "--optimizer") return in.one_of({"adam", "sgd-momentum", "sgd", "adafactor"});
    if (o.name == "--rank-order") return in.one_of({"tp-cp-dp-pp", "tp-cp-pp-dp"});
    return hostile_value(in);
  }
  const bool whole = o.value == "N";
  double v = 0.0;
  switch (in.pick(8)) {
    case 0:
      v = o.min;
      break;
    case 1:
      v = o.max;
      break;
    case 2:
      v = whole ? o.min - 1 : o.min * (1 - 1e-9) - 1e-300;
      break;
    case 3:
      v = whole ? o.max + 1 : o.max * (1 + 1e-9);
      break;
    default:
      v = o.min > 0 ? in.log_uniform(o.min, o.max) : in.unit() * o.max;
  }
  if (whole) return std::to_string(static_cast<long long>(std::floor(v)));
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

const std::vector<std::string>& chip_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const flopcast::chip_alias& a : flopcast::chip_aliases) n.emplace_back(a.alias);
    for (const flopcast::chip_spec* c : flopcast::all_chips) n.emplace_back(c->name);
    return n;
  }();
  return names;
}

const std::vector<const flopcast::model_card*>& catalog_models() {
  static const std::vector<const flopcast::model_card*> cards(flopcast::models::all.begin(),
                                                              flopcast::models::all.end());
  return cards;
}

template <class T>
const T& any_of(entropy& in, const std::vector<T>& v) {
  return v[in.below(v.size())];
}

// ---- Command lines --------------------------------------------------------------------------

// The options of a job whose sizes fit together: a catalog model (or a custom shape), a chip,
// chips = tp x pp x cp x dp, a batch that divides, and random software options.
std::vector<std::string> job_words(entropy& in, const std::string& chip = {}) {
  std::vector<std::string> w;
  const auto add = [&](std::string name, std::string value = {}) {
    w.push_back(std::move(name));
    if (!value.empty()) w.push_back(std::move(value));
  };
  int layers = 0;
  if (in.coin(5)) {
    const int heads = 1 << in.pick(7);
    layers = in.coin(4) ? 1 + in.pick(96) : 8 * (1 + in.pick(12));
    add("--layers", std::to_string(layers));
    add("--hidden", std::to_string(heads * (32 << in.pick(4))));
    add("--heads", std::to_string(heads));
    add("--vocab", std::to_string(1000 + in.pick(256000)));
    add("--seq", std::to_string(128 << in.pick(8)));
    if (in.coin(3)) add("--kv-heads", std::to_string(1 << in.pick(3)));
    if (in.coin(4)) add("--gated-mlp");
    if (in.coin(4)) add("--rotary");
    if (in.coin(4)) add("--rms-norm");
    if (in.coin(6)) {
      const int experts = 1 << in.pick(7);
      add("--experts", std::to_string(experts));
      add("--top-k", std::to_string(1 + in.pick(experts < 8 ? experts : 8)));
    }
  } else {
    const flopcast::model_card& card = *any_of(in, catalog_models());
    add("--model", std::string(card.key));
    layers = card.shape.layers;
    if (in.coin(6)) {
      layers = in.coin(3) ? 1 + in.pick(128) : 8 * (1 + in.pick(16));
      add("--layers", std::to_string(layers));
    }
    if (in.coin(8)) add("--seq", std::to_string(512 << in.pick(7)));
  }
  add("--chip", chip.empty() ? any_of(in, chip_names()) : chip);
  // Pipeline stages and chunks that divide the layers, most of the time.
  int pp = 1 << in.pick(4), vp = pp > 1 && in.coin(3) ? 1 << in.pick(3) : 1;
  if (!in.coin(8)) {
    while (pp > 1 && layers % pp != 0) pp /= 2;
    while (vp > 1 && layers % (pp * vp) != 0) vp /= 2;
  }
  const int tp = 1 << in.pick(4), cp = in.coin(4) ? 2 : 1;
  const int dp = 1 << in.pick(9);
  add("--chips", std::to_string(tp * pp * cp * dp));
  if (tp > 1 || in.coin(4)) add("--tp", std::to_string(tp));
  if (pp > 1 || in.coin(4)) add("--pp", std::to_string(pp));
  if (vp > 1) add("--vp", std::to_string(vp));
  if (cp > 1) add("--cp", std::to_string(cp));
  const int micro = 1 << in.pick(3);
  if (micro > 1 || in.coin(4)) add("--microbatch", std::to_string(micro));
  if (in.coin(2)) add("--global-batch", std::to_string(micro * dp * (1 << in.pick(4))));
  if (in.coin(2)) add("--zero", std::to_string(in.pick(4)));
  if (in.coin(3)) add("--sequence-parallel");
  if (!in.coin(3)) add("--no-memory-check");
  if (in.coin(3)) add("--recompute", in.one_of({"none", "selective", "full"}));
  if (in.coin(5)) add("--precision", in.one_of({"bf16", "fp16", "fp8"}));
  if (in.coin(6)) add("--recipe", in.one_of({"bf16", "bf16-fp32-grads", "fp8", "pure-bf16"}));
  if (in.coin(8)) add("--optimizer", in.one_of({"adam", "sgd-momentum", "sgd", "adafactor"}));
  if (in.coin(6)) add("--rank-order", in.one_of({"tp-cp-dp-pp", "tp-cp-pp-dp"}));
  for (const char* flag : {"--unfused-attention", "--dropout", "--overlap-pp", "--no-overlap-dp",
                           "--flat-dp", "--no-zero3-prefetch", "--no-overlap-cp", "--causal-flops",
                           "--untied-embeddings", "--no-biases"}) {
    if (in.coin(12)) add(flag);
  }
  if (in.coin(5)) add("--tp-overlap", std::to_string(in.unit()));
  if (in.coin(5)) add("--scale-out-gbps", std::to_string(in.log_uniform(10, 3200)));
  if (in.coin(6)) {
    add("--network", in.one_of({"infiniband-ndr", "roce-meta", "aws-p4d-efa", "aws-p5-efa",
                                "gcp-a3-high", "gcp-a3-mega", "azure-nd-h100-v5", "no-such-net"}));
  }
  if (in.coin(8)) add("--domain", std::to_string(1 << in.pick(9)));
  if (in.coin(5)) add("--gemm-efficiency", std::to_string(in.log_uniform(0.02, 1.0)));
  if (in.coin(8)) add("--fp8-gemm-efficiency", std::to_string(in.log_uniform(0.02, 1.0)));
  if (in.coin(8)) add("--memory-efficiency", std::to_string(in.log_uniform(0.02, 1.0)));
  return w;
}

// Hostile changes to a command line's words (after `keep` leading words).
void mutate(entropy& in, std::vector<std::string>& w, std::size_t keep,
            const std::vector<flopcast_cli::option>& options) {
  const int n = in.pick(4);
  for (int k = 0; k < n; ++k) {
    const std::size_t size = w.size();
    const std::size_t at = size > keep ? keep + in.below(size - keep + 1) : size;
    switch (in.pick(10)) {
      case 0:
      case 1:
      case 2: {  // an option with a value in or out of its range, or a hostile one
        const flopcast_cli::option& o = options[in.below(options.size())];
        const std::string v = in.coin(3) ? hostile_value(in) : value_for(in, o);
        if (o.value.empty()) {
          w.insert(w.begin() + static_cast<std::ptrdiff_t>(at), std::string(o.name));
        } else if (in.coin(4)) {
          w.insert(w.begin() + static_cast<std::ptrdiff_t>(at), std::string(o.name) + "=" + v);
        } else {
          w.insert(w.begin() + static_cast<std::ptrdiff_t>(at), {std::string(o.name), v});
        }
        break;
      }
      case 3:  // a value replaced
        if (size > keep) w[keep + in.below(size - keep)] = hostile_value(in);
        break;
      case 4:  // a word dropped
        if (size > keep)
          w.erase(w.begin() + static_cast<std::ptrdiff_t>(keep + in.below(size - keep)));
        break;
      case 5:  // an unknown or mangled option
        w.insert(w.begin() + static_cast<std::ptrdiff_t>(at),
                 in.one_of({"--tpp", "--bogus", "-x", "--", "---", "--=", "--tp=", "--json=1", "-h",
                            "--help"}));
        if (in.coin(3)) {
          w.insert(w.begin() + static_cast<std::ptrdiff_t>(at),
                   "--" + in.text(in.coin(5) ? 3000 : 20));
        }
        break;
      case 6:  // a stray word
        w.insert(w.begin() + static_cast<std::ptrdiff_t>(at), hostile_value(in));
        break;
      case 7: {  // a value of a named option set to an edge of every kind
        const flopcast_cli::option& o = options[in.below(options.size())];
        if (!o.value.empty()) {
          w.push_back(std::string(o.name));
          w.push_back(in.one_of(
              {"nan", "inf", "1e300", "-1", "0", "2147483647", "", "1e-300", "\xc3\xa9"}));
        }
        break;
      }
      case 8: {  // a long name
        const std::string long_name =
            std::string(1 + in.below(in.coin(3) ? 1000000 : 400), in.coin(2) ? 'h' : '\x01');
        w.insert(w.begin() + static_cast<std::ptrdiff_t>(at),
                 {in.coin(2) ? "--chip" : "--model", long_name});
        break;
      }
      default:  // a word duplicated
        if (size > keep) w.push_back(w[keep + in.below(size - keep)]);
        break;
    }
  }
}

std::vector<flopcast_cli::option> estimate_options() { return flopcast_cli::estimate_options(); }

std::vector<flopcast_cli::option> line_options() {
  std::vector<flopcast_cli::option> o(flopcast_cli::job_options.begin(),
                                      flopcast_cli::job_options.end());
  o.push_back(flopcast_cli::measured_option);
  return o;
}

// A file of measured steps: usually a few well-formed lines on one chip, sometimes bad.
std::string calibrate_file(entropy& in) {
  std::string file;
  const int lines = in.coin(10) ? 0 : 1 + in.pick(5);
  const std::vector<flopcast_cli::option> options = line_options();
  const std::string chip = in.coin(4) ? std::string() : any_of(in, chip_names());
  for (int i = 0; i < lines; ++i) {
    switch (in.pick(30)) {
      case 0:
        file += "# a comment\n";
        continue;
      case 1:
        file += in.coin(2) ? "\n" : "   \t\r\n";
        continue;
      case 2:  // binary
        file += in.text(200) + std::string(1, '\0') + in.text(20) + "\n";
        continue;
      case 3:  // a very long line
        file += "--model llama3-8b --chip " + std::string(1 + in.below(200000), 'h') +
                " --chips 8 --measured 1\n";
        continue;
      default:
        break;
    }
    std::vector<std::string> w = job_words(in, chip);
    w.push_back("--measured");
    w.push_back(in.coin(6) ? hostile_value(in) : std::to_string(in.log_uniform(1e-3, 1e3)));
    if (in.coin(6)) mutate(in, w, 0, options);
    std::string line;
    for (const std::string& word : w) {
      if (!line.empty()) line += in.coin(10) ? "\t" : " ";
      line += word.find(' ') != std::string::npos && !in.coin(10) ? "\"" + word + "\"" : word;
    }
    if (in.coin(10)) line += "\r";
    file += line;
    if (i + 1 < lines || in.coin(2)) file += "\n";
  }
  if (in.coin(20)) file += in.text(1000);
  return file;
}

// ---- Direct checks of the output helpers ----------------------------------------------------

void check_formatting(entropy& in) {
  double v = in.real_like(-1e6, 1e6);
  if (in.coin(3)) v = std::ldexp(in.unit() - 0.5, in.pick(2100) - 1050);
  const int decimals = in.pick(16) - 2;
  for (const std::string& s :
       {flopcast_cli::fixed(v, decimals), flopcast_cli::significant(v, 1 + in.pick(8)),
        flopcast_cli::percent(v, in.pick(4)), flopcast_cli::json_number(v),
        flopcast_cli::scientific(v, in.pick(20)), flopcast_cli::bound_text(v)}) {
    FUZZ_CHECK(
        !s.empty() && s.size() <= 48 && printable_lines(s) && s.find('\n') == std::string::npos,
        "formatting " + flopcast_cli::json_number(v) + " gave '" + flopcast_cli::shown(s, 200) +
            "'");
  }
  const std::string t = in.text(in.coin(10) ? 100000 : 100);
  const std::size_t most = 1 + in.below(100);
  const std::string s = flopcast_cli::shown(t, most);
  FUZZ_CHECK(s.size() <= most + 3 && printable_lines(s) && s.find('\n') == std::string::npos,
             "shown() gave '" + flopcast_cli::shown(s, 400) + "'");
}

// ---- Regressions of issue 8 -----------------------------------------------------------------

void expect(const std::vector<std::string>& args, const std::string& input, int status,
            std::string_view in_stderr) {
  const outcome o = run_and_check(args, input);
  FUZZ_CHECK(o.status == status && o.err.find(in_stderr) != std::string::npos,
             "flopcast " + joined(args) + ": status " + std::to_string(o.status) + ", expected " +
                 std::to_string(status) + " and '" + std::string(in_stderr) + "' on stderr:\n" +
                 o.err.substr(0, 1000));
}

void regressions() {
  using v = std::vector<std::string>;
  const v job{"estimate", "--model", "llama3-8b", "--chip", "h100", "--chips", "8"};
  const auto with = [&](v extra) {
    v a = job;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  // 1. Huge figures printed stack bytes with status 0; tiny efficiencies gave an infinite step.
  expect(with({"--tokens", "1e300"}), "", 2, "for --tokens: expected a number in [1, 1e20]");
  expect(with({"--goodput", "1e-300"}), "", 2, "for --goodput");
  expect(with({"--gemm-efficiency", "1e-300"}), "", 2, "for --gemm-efficiency");
  expect(with({"--tp-overlap", "2"}), "", 2, "for --tp-overlap");
  expect(with({"--scale-out-gbps", "1e300"}), "", 2, "for --scale-out-gbps");
  expect({"calibrate", "-"}, "--model llama3-8b --chip h100 --chips 8 --measured 1e308\n", 2,
         "for --measured");
  FUZZ_CHECK(flopcast_cli::fixed(1e300, 1) == "1.000e+300", flopcast_cli::fixed(1e300, 1));
  FUZZ_CHECK(flopcast_cli::significant(-3e200, 3) == "-3.00e+200",
             flopcast_cli::significant(-3e200, 3));
  // 2. int overflow in the CLI's own size guard.
  expect(with({"--tp", "100000", "--pp", "100000", "--vp", "0"}), "", 2, "for --tp");
  expect(with({"--vp", "0"}), "", 2, "invalid value '0' for --vp");
  expect(with({"--tp", "65536", "--pp", "65536", "--cp", "65536"}), "", 1,
         "tp x pp x cp = 281474976710656");
  // 3. A megabyte of chip name, with control bytes: fast, short, escaped.
  const std::string huge(1 << 20, '\x01');
  expect({"calibrate", "-"}, "--model llama3-8b --chip " + huge + " --chips 8 --measured 1\n", 2,
         "longer than 64 KiB");
  expect({"calibrate", "-"},
         "--model llama3-8b --chip h\x01" + std::string(60000, 'x') + " --chips 8 --measured 1\n",
         2, "unknown chip 'h\\x01xxx");
  expect(with({"--chip", huge}), "", 2, "option '--chip' is given more than once");
  expect({"estimate", "--model", "llama3-8b", "--chips", "8", "--chip", huge}, "", 2,
         "unknown chip '\\x01\\x01");
  expect({"compare", "h100", std::string(300, 'h')}, "", 2, "a name of 300 bytes");
  expect({"estimate", "--model", std::string(100000, 'x'), "--chip", "h100", "--chips", "8"}, "", 2,
         "unknown model 'xxxx");
  std::string binary = "--model llama3-8b";
  binary += '\0';
  binary += " --chip h100 --chips 8 --measured 1\n";
  expect({"calibrate", "-"}, binary, 2, "-:1: a NUL byte");
  expect({"calibrate", "-"}, "", 2, "holds no measured steps");
  {
    std::string many;
    for (int i = 0; i < 1001; ++i) many += "--measured 1\n";
    expect({"calibrate", "-"}, many, 2, "-:1: give --model NAME or a custom shape");
    many.clear();
    for (int i = 0; i < 1001; ++i) {
      many += "--model llama3-8b --chip h100 --chips 8 --tp 8 --zero 1 --measured 1\n";
    }
    expect({"calibrate", "-"}, many, 2, "-:1001: more than 1,000 measured steps");
  }
  // 4. The fit hung on a measured step of 3e-308 s.
  expect({"calibrate", "-"}, "--model llama3-8b --chip h100 --chips 8 --measured 3e-308\n", 2,
         "for --measured: expected a number in [1e-6, 100,000,000]");
}

void one_input(entropy& in) {
  static bool first = true;
  if (first) {
    first = false;
    regressions();
  }
  check_formatting(in);

  std::vector<std::string> args;
  std::string input;
  const int kind = in.pick(21);
  if (kind == 20) {  // search: a job without the searched plan options, in a small space
    args.push_back("search");
    const std::vector<std::string> w = job_words(in);
    for (std::size_t i = 0; i < w.size(); ++i) {
      const auto& searched = flopcast_cli::searched_options;
      if (std::find(searched.begin(), searched.end(), w[i]) != searched.end()) {
        // Drop the option and its value (a following word that is not an option).
        if (i + 1 < w.size() && w[i + 1].rfind("--", 0) != 0) ++i;
        continue;
      }
      args.push_back(w[i]);
    }
    if (!in.coin(8)) args.insert(args.end(), {"--global-batch", in.one_of({"8", "64", "1024"})});
    args.insert(args.end(), {"--max-pp", "4", "--max-vp", "2", "--max-cp", "2", "--microbatch",
                             in.one_of({"1", "1,2", "2,4"}), "--threads", "1"});
    if (in.coin(3)) args.insert(args.end(), {"--top", in.one_of({"1", "3", "50"})});
    if (in.coin(3)) args.push_back(in.coin(2) ? "--json" : "--csv");
    if (in.coin(3)) mutate(in, args, 1, flopcast_cli::search_options());
  } else if (kind < 12) {  // estimate
    args.push_back("estimate");
    const std::vector<std::string> w = job_words(in);
    args.insert(args.end(), w.begin(), w.end());
    if (in.coin(3)) args.insert(args.end(), {"--tokens", in.one_of({"15.6T", "1e12", "450B"})});
    if (in.coin(6)) args.insert(args.end(), {"--goodput", std::to_string(in.unit())});
    if (in.coin(2)) args.push_back("--json");
    if (!in.coin(3)) mutate(in, args, 1, estimate_options());
  } else if (kind < 16) {  // calibrate
    args.push_back("calibrate");
    if (in.coin(12)) {
      args.push_back(in.one_of({"/nonexistent/measured.txt", "", "/", ".", "-x"}));
    } else {
      args.push_back("-");
      input = calibrate_file(in);
    }
    if (in.coin(2)) args.push_back("--json");
    if (in.coin(8))
      mutate(in, args, 1,
             {flopcast_cli::calibrate_options.begin(), flopcast_cli::calibrate_options.end()});
  } else if (kind < 18) {  // compare
    args.push_back("compare");
    const int n = in.pick(5);
    for (int i = 0; i < n; ++i) {
      args.push_back(in.coin(6) ? hostile_value(in) : any_of(in, chip_names()));
    }
  } else if (kind < 19) {  // chips, models
    args.push_back(in.coin(2) ? "chips" : "models");
    if (in.coin(3)) args.push_back(hostile_value(in));
  } else {  // anything
    const int n = in.pick(4);
    for (int i = 0; i < n; ++i) {
      args.push_back(in.coin(2) ? hostile_value(in)
                                : in.one_of({"--help", "-h", "help", "--version", "estimate",
                                             "frobnicate", "-", "--"}));
    }
  }
  run_and_check(args, input);
}

}  // namespace

FLOPCAST_FUZZ_TARGET("fuzz_cli", one_input)
