#pragma once
// Output helpers of the flopcast command line: numbers for people (fixed decimals, significant
// digits, thousands separators), aligned text tables, and a small JSON writer whose numbers
// round-trip (std::to_chars' shortest form).
#include <charconv>
#include <cmath>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <flopcast/core/error.hpp>
#include <flopcast/core/text.hpp>

namespace flopcast_cli {

// ---- Numbers for people
// ---------------------------------------------------------------------------

// "1234567" -> "1,234,567" (the integer part of a plain decimal string; a sign is kept).
inline std::string group_thousands(std::string s) {
  const std::size_t sign = !s.empty() && s[0] == '-' ? 1 : 0;
  std::size_t int_end = s.find('.');
  if (int_end == std::string::npos) int_end = s.size();
  if (int_end - sign > 3) {
    for (std::size_t at = int_end; at > sign + 3; at -= 3) s.insert(at - 3, 1, ',');
  }
  return s;
}

// `digits` significant digits in scientific notation: "1.23e+30". For figures too large (or too
// small) for plain notation.
inline std::string scientific(double v, int digits = 3) {
  if (!std::isfinite(v)) return "-";
  if (digits < 1) digits = 1;
  if (digits > 17) digits = 17;
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, digits - 1);
  if (r.ec != std::errc{}) return "-";  // cannot happen: 64 bytes hold any double at 17 digits
  return std::string(buf, r.ptr);
}

// Magnitudes from which fixed() and significant() switch to scientific notation: a plain
// decimal of 1e15 or more is unreadable, and std::to_chars' fixed form of 1e300 needs 300 bytes.
inline constexpr double plain_notation_max = 1e15;
inline constexpr double plain_notation_min = 1e-9;

// `decimals` digits after the point (0 to 12); thousands grouped. Magnitudes of 1e15 and more
// in scientific notation (4 significant digits); "-" for NaN and infinities.
inline std::string fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "-";
  if (std::fabs(v) >= plain_notation_max) return scientific(v, 4);
  if (decimals < 0) decimals = 0;
  if (decimals > 12) decimals = 12;
  char buf[64];  // below 1e15 with 12 decimals: at most 30 characters
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (r.ec != std::errc{}) return scientific(v, 4);
  std::string s(buf, r.ptr);
  if (s == "-0" ||
      (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos)) {
    s.erase(0, 1);  // no "-0.000"
  }
  return group_thousands(s);
}

// At most `digits` significant digits in plain notation, trailing zeros dropped: 0.001234,
// 12.35, 69.5, 1,235, 12,346. Below 1e-9 and from 1e15 up: scientific notation (1.235e+20).
inline std::string significant(double v, int digits = 4) {
  if (!std::isfinite(v)) return "-";
  if (v == 0.0) return "0";
  const double a = std::fabs(v);
  if (a >= plain_notation_max || a < plain_notation_min) return scientific(v, digits);
  const int magnitude = static_cast<int>(std::floor(std::log10(a)));  // 12.3 -> 1
  int decimals = digits - 1 - magnitude;
  if (decimals < 0) decimals = 0;
  if (decimals > 12) decimals = 12;
  std::string s = fixed(v, decimals);
  if (s.find('.') != std::string::npos) {  // "69.50" -> "69.5", "300.0" -> "300"
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

inline std::string percent(double fraction, int decimals = 1) {
  return fixed(100.0 * fraction, decimals) + "%";
}

// ---- Values echoed in messages
// -------------------------------------------------------------------

// A value from the command line or a file, safe to echo in a message: printable ASCII as it is,
// every other byte (control bytes, non-ASCII) as \xNN and backslashes doubled, cut to at most
// `most` characters (then "..."). A megabyte of hostile text becomes one short line.
inline std::string shown(std::string_view s, std::size_t most = 60) {
  return flopcast::excerpt(s, most);  // the library's escaping: one rule for every message
}

// ---- Tables
// ---------------------------------------------------------------------------------------

// Rows of cells, printed with columns padded to their widest cell. Column 0 is left-aligned,
// the others right-aligned unless `left` says otherwise.
class table {
 public:
  explicit table(std::vector<bool> left = {}) : left_(std::move(left)) {}

  void row(std::vector<std::string> cells) { rows_.push_back({std::move(cells), false}); }
  // A line of its own (a heading), not aligned with the columns.
  void heading(std::string text) { rows_.push_back({{std::move(text)}, true}); }

  void print(std::ostream& os, std::string_view indent = "  ") const {
    std::vector<std::size_t> width;
    for (const line& l : rows_) {
      if (l.heading) continue;
      if (l.cells.size() > width.size()) width.resize(l.cells.size(), 0);
      for (std::size_t i = 0; i < l.cells.size(); ++i) {
        if (l.cells[i].size() > width[i]) width[i] = l.cells[i].size();
      }
    }
    for (const line& l : rows_) {
      if (l.heading) {
        os << l.cells[0] << '\n';
        continue;
      }
      std::string out(indent);
      for (std::size_t i = 0; i < l.cells.size(); ++i) {
        const std::string& c = l.cells[i];
        const bool left = i == 0 || (i < left_.size() && left_[i]);
        const std::string pad(width[i] - c.size(), ' ');
        if (i > 0) out += "  ";
        out += left ? c + pad : pad + c;
      }
      while (!out.empty() && out.back() == ' ') out.pop_back();
      os << out << '\n';
    }
  }

 private:
  struct line {
    std::vector<std::string> cells;
    bool heading;
  };
  std::vector<line> rows_;
  std::vector<bool> left_;
};

// ---- JSON
// -----------------------------------------------------------------------------------------

// The shortest decimal that reads back as the same double; null for NaN and infinities.
using flopcast::json_number;  // <flopcast/core/text.hpp>

using flopcast::json_string;  // <flopcast/core/text.hpp>: escapes, and U+FFFD for bad UTF-8

// Writes one JSON object, two-space indented, members in the order they are added.
class json_writer {
 public:
  explicit json_writer(std::ostream& os) : os_(os) { open('{', {}); }
  ~json_writer() = default;
  json_writer(const json_writer&) = delete;
  json_writer& operator=(const json_writer&) = delete;

  void begin_object(std::string_view key) { open('{', key); }
  void end_object() { close('}'); }
  // An array of objects: begin_array(key), then begin_element() ... end_element() per object.
  void begin_array(std::string_view key) { open('[', key); }
  void end_array() { close(']'); }
  void begin_element() { open('{', {}); }
  void end_element() { close('}'); }

  void number(std::string_view key, double v) { member(key, json_number(v)); }
  void integer(std::string_view key, long long v) { member(key, std::to_string(v)); }
  void string(std::string_view key, std::string_view v) { member(key, json_string(v)); }
  void boolean(std::string_view key, bool v) { member(key, v ? "true" : "false"); }
  void null(std::string_view key) { member(key, "null"); }

  // Closes every open object and ends the line.
  void finish() {
    while (depth_ > 0) close(arrays_.back() ? ']' : '}');
    os_ << '\n';
  }

 private:
  void indent() { os_ << std::string(2 * static_cast<std::size_t>(depth_), ' '); }
  void separate() {
    if (depth_ == 0) return;
    if (!first_.back()) os_ << ',';
    os_ << '\n';
    first_.back() = false;
    indent();
  }
  void member(std::string_view key, const std::string& value) {
    separate();
    os_ << json_string(key) << ": " << value;
  }
  void open(char bracket, std::string_view key) {
    if (depth_ > 0) {
      separate();
      if (!arrays_.back()) os_ << json_string(key) << ": ";  // array elements have no key
    }
    os_ << bracket;
    first_.push_back(true);
    arrays_.push_back(bracket == '[');
    ++depth_;
  }
  void close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    arrays_.pop_back();
    --depth_;
    if (!empty) {
      os_ << '\n';
      indent();
    }
    os_ << bracket;
  }

  std::ostream& os_;
  std::vector<bool> first_;
  std::vector<bool> arrays_;  // per open container: an array (its members have no keys)
  int depth_ = 0;
};

}  // namespace flopcast_cli
