#pragma once
// The flopcast command line's argument parser: options `--name VALUE` or `--name=VALUE`, flags
// `--name`, positional arguments, `-h`/`--help` anywhere. Every mistake is a usage_error, which
// main() prints with the command's usage line and turns into exit status 2.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <flopcast/core/error.hpp>
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/workload/lookup.hpp>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "format.hpp"

namespace flopcast_cli {

// A mistake in the arguments: exit status 2, the message and the usage line on stderr.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct option {
  std::string_view name;   // "--tp"
  std::string_view value;  // metavariable for the help text ("N"); empty: a flag without a value
  std::string_view help;
  std::string_view group{};  // help-text heading, printed when it changes
  // The valid range [min, max] of a numeric value, checked by to_int_in / to_number_in and
  // printed in the help text; both 0: no range (not a number, or checked elsewhere).
  double min = 0.0;
  double max = 0.0;
  constexpr bool ranged() const { return min != 0.0 || max != 0.0; }
};

struct arguments {
  struct entry {
    std::string_view name;  // the option's canonical name (from its spec)
    std::string value;      // empty for flags
  };
  std::vector<entry> given;
  std::vector<std::string> positional;

  const std::string* find(std::string_view name) const {
    for (const entry& e : given) {
      if (e.name == name) return &e.value;
    }
    return nullptr;
  }
  bool has(std::string_view name) const { return find(name) != nullptr; }
};

namespace detail {

// Levenshtein distance: the library's, also used for model-name suggestions.
using flopcast::models::detail::edit_distance;

// The known option closest to an unknown one, if it is close: within 1 edit (2 for long names),
// or one that starts with what was typed.
inline std::string_view closest_option(std::string_view typed, std::span<const option> options) {
  std::string_view best;
  if (typed.size() > 64) return best;  // no option name is that long; edit distance would be slow
  const std::size_t allowed = typed.size() >= 8 ? 2 : 1;  // "--foo" is not a typo of "--ffn"
  std::size_t best_distance = allowed + 1;
  for (const option& o : options) {
    std::size_t d = edit_distance(typed, o.name);
    if (typed.size() > 3 && o.name.substr(0, typed.size()) == typed) d = 1;
    if (d < best_distance) best = o.name, best_distance = d;
  }
  return best;
}

inline bool looks_like_number(std::string_view s) {
  if (s.size() < 2 || s[0] != '-') return false;
  return (s[1] >= '0' && s[1] <= '9') || s[1] == '.';
}

}  // namespace detail

// True when -h or --help appears before a bare `--`: help wins over every other mistake.
inline bool wants_help(std::span<const std::string> args) {
  for (const std::string& a : args) {
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

// Parses `args` (the words after the command name) against `options`. At most
// `max_positional` positional arguments are accepted.
inline arguments parse(std::span<const std::string> args, std::span<const option> options,
                       std::size_t max_positional) {
  arguments out;
  bool only_positional = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    const bool option_like =
        !only_positional && word.size() > 1 && word[0] == '-' && !detail::looks_like_number(word);
    if (!option_like) {
      if (out.positional.size() >= max_positional) {
        throw usage_error(max_positional == 0 ? "unexpected argument '" + shown(word) + "'"
                                              : "too many arguments: '" + shown(word) + "'");
      }
      out.positional.push_back(word);
      continue;
    }
    if (word == "--") {
      only_positional = true;
      continue;
    }
    if (word == "-h" || word == "--help") continue;  // handled by wants_help()
    const std::size_t eq = word.find('=');
    const std::string_view name = std::string_view(word).substr(0, eq);
    const option* spec = nullptr;
    for (const option& o : options) {
      if (o.name == name) spec = &o;
    }
    if (spec == nullptr) {
      std::string message = "unknown option '" + shown(name) + "'";
      const std::string_view close = detail::closest_option(name, options);
      if (!close.empty()) message += "; did you mean '" + std::string(close) + "'?";
      throw usage_error(message);
    }
    if (out.has(spec->name)) {
      throw usage_error("option '" + std::string(spec->name) + "' is given more than once");
    }
    arguments::entry e{spec->name, {}};
    if (spec->value.empty()) {
      if (eq != std::string::npos) {
        throw usage_error("option '" + std::string(spec->name) + "' takes no value");
      }
    } else if (eq != std::string::npos) {
      e.value = word.substr(eq + 1);
      if (e.value.empty()) {
        throw usage_error("option '" + std::string(spec->name) + "' needs a value (" +
                          std::string(spec->value) + ")");
      }
    } else {
      const bool next_is_value =
          i + 1 < args.size() && !(args[i + 1].size() > 1 && args[i + 1][0] == '-' &&
                                   !detail::looks_like_number(args[i + 1]));
      if (!next_is_value) {
        throw usage_error("option '" + std::string(spec->name) + "' needs a value (" +
                          std::string(spec->value) + ")");
      }
      e.value = args[++i];
    }
    out.given.push_back(std::move(e));
  }
  return out;
}

// ---- Values -------------------------------------------------------------------------------------

inline std::string invalid_value(std::string_view option, std::string_view text,
                                 std::string_view expected) {
  return "invalid value '" + shown(text) + "' for " + std::string(option) + ": expected " +
         std::string(expected);
}

// A whole number, all of the text ("8", "-1"; not "8x", "1e3", "").
inline int to_int(std::string_view option, const std::string& text) {
  int v = 0;
  const char* first = text.data();
  const char* last = first + text.size();
  const auto [end, ec] = std::from_chars(first, last, v);
  if (ec == std::errc::result_out_of_range) {
    throw usage_error(invalid_value(option, text, "a whole number that fits in an int"));
  }
  if (ec != std::errc{} || end != last || text.empty()) {
    throw usage_error(invalid_value(option, text, "a whole number"));
  }
  return v;
}

// A finite number, all of the text ("0.9", "15.6e12"). strtod rather than from_chars<double>,
// which not every standard library of our compilers has.
inline double to_double(std::string_view option, const std::string& text) {
  const auto bad = [&] { return usage_error(invalid_value(option, text, "a number")); };
  if (text.empty() || text[0] == ' ' || text[0] == '\t' || text[0] == '\n') throw bad();
  // Refuse hexadecimal floats, infinities and NaNs up front: strtod would take them.
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
      throw bad();
    }
  }
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) throw bad();
  return v;
}

// A count with an optional decimal suffix: "15.6e12", "15.6T", "450B", "2.5M", "300k".
inline double to_count(std::string_view option, const std::string& text) {
  double scale = 1.0;
  std::string digits = text;
  if (!digits.empty()) {
    switch (digits.back()) {
      case 'k':
      case 'K':
        scale = 1e3;
        break;
      case 'M':
        scale = 1e6;
        break;
      case 'B':
      case 'G':
        scale = 1e9;
        break;
      case 'T':
        scale = 1e12;
        break;
      default:
        break;
    }
    if (scale != 1.0) digits.pop_back();
  }
  try {
    return to_double(option, digits) * scale;
  } catch (const usage_error&) {
    throw usage_error(invalid_value(option, text, "a number such as 15.6e12 or 15.6T"));
  }
}

// ---- Ranges
// -------------------------------------------------------------------------------------

// A bound as the help text and messages show it: "65,536", "16,777,216", "0.01", "1e20",
// "1e-6".
inline std::string bound_text(double v) {
  const double a = std::fabs(v);
  if (a < 1e9 && a == std::floor(a)) return fixed(v, 0);
  if (a != 0.0 && (a >= 1e7 || a < 1e-3)) {
    std::string s = scientific(v, 3);  // "1.00e+20"
    const std::size_t e = s.find('e');
    std::string mantissa = s.substr(0, e);
    while (mantissa.find('.') != std::string::npos &&
           (mantissa.back() == '0' || mantissa.back() == '.')) {
      mantissa.pop_back();
    }
    std::string exponent = s.substr(e + 1);
    const bool negative = exponent[0] == '-';
    exponent.erase(0, 1);
    while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
    return mantissa + "e" + (negative ? "-" : "") + exponent;
  }
  return significant(v, 6);
}

// "[1, 65,536]": the option's range, as the help text shows it.
inline std::string range_text(const option& spec) {
  return "[" + bound_text(spec.min) + ", " + bound_text(spec.max) + "]";
}

// A whole number within the option's range (see option::min, max).
inline int to_int_in(const option& spec, const std::string& text) {
  const auto out_of_range = [&] {
    return usage_error(invalid_value(spec.name, text, "a whole number in " + range_text(spec)));
  };
  int v = 0;
  const char* first = text.data();
  const char* last = first + text.size();
  const auto [end, ec] = std::from_chars(first, last, v);
  if (ec == std::errc::result_out_of_range) throw out_of_range();
  if (ec != std::errc{} || end != last || text.empty()) {
    throw usage_error(invalid_value(spec.name, text, "a whole number"));
  }
  if (spec.ranged() && !(v >= spec.min && v <= spec.max)) throw out_of_range();
  return v;
}

// A finite number within the option's range; `count`: with a decimal suffix (to_count).
inline double to_number_in(const option& spec, const std::string& text, bool count = false) {
  const double v = count ? to_count(spec.name, text) : to_double(spec.name, text);
  if (spec.ranged() && !(v >= spec.min && v <= spec.max)) {
    throw usage_error(invalid_value(spec.name, text, "a number in " + range_text(spec)));
  }
  return v;
}

// ---- Catalog names
// ------------------------------------------------------------------------------

// Longer names are no catalog entry's: they are refused before the library's lookup, whose
// "did you mean" suggestions cost an edit distance per catalog name.
inline constexpr std::size_t max_name_length = 256;

// The catalog chip `name` names, or a usage_error ("unknown chip 'h1000'; did you mean: ...").
inline const flopcast::chip_spec& chip_or_usage_error(const std::string& name) {
  if (name.size() > max_name_length) {
    throw usage_error("unknown chip '" + shown(name) + "' (a name of " +
                      group_thousands(std::to_string(name.size())) + " bytes; see flopcast chips)");
  }
  try {
    return flopcast::chip_named(name);
  } catch (const flopcast::invalid_input& e) {
    throw usage_error(e.what());  // the library shows the name safely
  }
}

// The catalog model `name` names, or a usage_error ("unknown model 'lama3'; did you mean ...").
inline const flopcast::model_card& model_or_usage_error(const std::string& name) {
  if (name.size() > max_name_length) {
    throw usage_error("unknown model '" + shown(name) + "' (a name of " +
                      group_thousands(std::to_string(name.size())) +
                      " bytes; see flopcast models)");
  }
  try {
    return flopcast::models::lookup(name);
  } catch (const flopcast::invalid_input& e) {
    throw usage_error(e.what());  // the library shows the name safely
  }
}

// ---- Help text
// ------------------------------------------------------------------------------------

inline void print_options(std::ostream& os, std::span<const option> options) {
  std::size_t width = 0;
  for (const option& o : options) {
    const std::size_t w = o.name.size() + (o.value.empty() ? 0 : o.value.size() + 1);
    if (w > width) width = w;
  }
  std::string_view group = "\x01";
  for (const option& o : options) {
    if (o.group != group) {
      group = o.group;
      os << '\n' << (group.empty() ? std::string_view("options") : group) << ":\n";
    }
    std::string left(o.name);
    if (!o.value.empty()) {
      left += ' ';
      left += o.value;
    }
    os << "  " << left << std::string(width - left.size() + 2, ' ') << o.help;
    if (o.ranged()) os << ' ' << range_text(o);
    os << '\n';
  }
}

}  // namespace flopcast_cli
