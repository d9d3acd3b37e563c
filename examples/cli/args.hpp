#pragma once
// The flopcast command line's argument parser: options `--name VALUE` or `--name=VALUE`, flags
// `--name`, positional arguments, `-h`/`--help` anywhere. Every mistake is a usage_error, which
// main() prints with the command's usage line and turns into exit status 2.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <flopcast/workload/lookup.hpp>

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
        throw usage_error(max_positional == 0 ? "unexpected argument '" + word + "'"
                                              : "too many arguments: '" + word + "'");
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
      std::string message = "unknown option '" + std::string(name) + "'";
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
  return "invalid value '" + std::string(text) + "' for " + std::string(option) + ": expected " +
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
    os << "  " << left << std::string(width - left.size() + 2, ' ') << o.help << '\n';
  }
}

}  // namespace flopcast_cli
