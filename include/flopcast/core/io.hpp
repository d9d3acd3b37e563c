#pragma once
#include "flopcast/core/config.hpp"
// Printing quantities the way a person reads them: "2.47 days", "1.98 PFLOP/s", "153 MW"; plain
// numbers the same way (format_number); reasons and results ("error: <sentence> [<code>]").
// The estimates print with <flopcast/estimate/print.hpp>.
//
// to_string(q) picks, among the units listed for q's dimension, the largest one in which the
// value is at least 1, and prints three significant digits (no exponent below 1e6 of that
// unit). Dimensions without a listed unit print in base units with their dimension spelled out.
// Uses std::to_chars (no <format>, which libstdc++ 12 lacks).
#include <charconv>
#include <ostream>
#include <string>
#include <type_traits>

#include "flopcast/core/error.hpp"
#include "flopcast/core/interval.hpp"
#include "flopcast/core/units.hpp"

namespace flopcast {

// A number as people read it: `significant` digits (clamped to 1..17), trailing zeros trimmed,
// thousands grouped in plain notation for |v| < 1e6 ("23,748", "0.0123", "2.5"), scientific
// beyond ("2.1e25", "6.4e-5"); "nan", "inf" and "-inf" for the non-finite.
inline std::string format_number(double v, int significant = 3) {
  if (v != v) return "nan";
  if (v - v != v - v) return v < 0 ? "-inf" : "inf";
  significant = significant < 1 ? 1 : significant > 17 ? 17 : significant;
  char buf[64];
  const double a = v < 0 ? -v : v;
  std::to_chars_result r{};
  if (a != 0.0 && (a >= 1e6 || a < 1e-3)) {
    // "2.1e25": mantissa trimmed like the plain form, exponent without '+' or leading zeros.
    r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, significant - 1);
    std::string s(buf, r.ptr);
    const auto e = s.find('e');
    std::string mantissa = s.substr(0, e);
    if (mantissa.find('.') != std::string::npos) {
      while (mantissa.back() == '0') mantissa.pop_back();
      if (mantissa.back() == '.') mantissa.pop_back();
    }
    const int exponent = std::stoi(s.substr(e + 1));
    return mantissa + "e" + std::to_string(exponent);
  } else {
    int digits_before = 1;
    for (double t = 10.0; a >= t && digits_before < 7; t *= 10.0) ++digits_before;
    int decimals = a == 0.0 ? 0 : significant - digits_before;
    if (a != 0.0 && a < 1.0) {
      decimals = significant;  // 0.0123 -> 0.0123
      for (double t = 0.1; a < t && decimals < 12; t /= 10.0) ++decimals;
    }
    if (decimals < 0) decimals = 0;
    r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    // Trim trailing zeros after a decimal point ("2.50" -> "2.5", "3.00" -> "3").
    char* end = r.ptr;
    bool has_point = false;
    for (char* p = buf; p != end; ++p) has_point = has_point || *p == '.';
    if (has_point) {
      while (end[-1] == '0') --end;
      if (end[-1] == '.') --end;
    }
    r.ptr = end;
  }
  std::string out(buf, r.ptr);
  // Group the digits of large plain numbers: 23748 -> 23,748.
  const std::size_t sign = out[0] == '-' ? 1 : 0;
  std::size_t int_end = out.find('.');
  if (int_end == std::string::npos) int_end = out.size();
  if (int_end - sign >= 5) {
    for (std::size_t at = int_end; at > sign + 3; at -= 3) out.insert(at - 3, 1, ',');
  }
  return out;
}

namespace detail {

using flopcast::format_number;  // its former home

template <class Dim>
struct display_units;  // largest last

#define FLOPCAST_DISPLAY(DIM, ...)                                            \
  template <>                                                                 \
  struct display_units<DIM> {                                                 \
    static constexpr unit<DIM> list[] = {__VA_ARGS__};                        \
  };

FLOPCAST_DISPLAY(dims::flops, flop, gflop, tflop, pflop, eflop, zflop, yflop)
FLOPCAST_DISPLAY(dims::flop_rate, flop_per_s, gflop_per_s, tflop_per_s, pflop_per_s, eflop_per_s,
                 zflop_per_s)
FLOPCAST_DISPLAY(dims::bytes, bytes, kilobytes, megabytes, gigabytes, terabytes, petabytes)
FLOPCAST_DISPLAY(dims::byte_rate, bytes_per_s, megabytes_per_s, gigabytes_per_s, terabytes_per_s)
FLOPCAST_DISPLAY(dims::energy, joules, kilowatt_hours, megawatt_hours, gigawatt_hours,
                 terawatt_hours)
FLOPCAST_DISPLAY(dims::power, watts, kilowatts, megawatts, gigawatts)
FLOPCAST_DISPLAY(dims::money, dollars, thousand_dollars, million_dollars, billion_dollars)
FLOPCAST_DISPLAY(dims::price_rate, dollars_per_hour)
FLOPCAST_DISPLAY(dims::energy_price, dollars_per_kwh)
FLOPCAST_DISPLAY(dims::intensity, flop_per_byte)
FLOPCAST_DISPLAY(dims::efficiency, flop_per_joule, gflop_per_joule, tflop_per_joule)
#undef FLOPCAST_DISPLAY

template <class Dim, class = void>
struct has_display_units : std::false_type {};
template <class Dim>
struct has_display_units<Dim, std::void_t<decltype(display_units<Dim>::list)>> : std::true_type {};

inline void append_exponent(std::string& s, const char* symbol, int e) {
  if (e == 0) return;
  if (!s.empty()) s += '*';
  s += symbol;
  if (e != 1) {
    s += '^';
    s += std::to_string(e);
  }
}

template <class Dim>
std::string base_symbol() {
  std::string s;
  append_exponent(s, "FLOP", Dim::flop);
  append_exponent(s, "B", Dim::byte);
  append_exponent(s, "s", Dim::second);
  append_exponent(s, "J", Dim::joule);
  append_exponent(s, "$", Dim::dollar);
  return s;
}

// Time reads best in the unit people use for its size: 90 s, 45 min, 18 hours, 2.47 days.
inline const unit<dims::time>& time_display_unit(double s) {
  const double a = s < 0 ? -s : s;
  if (a == 0.0) return seconds;
  if (a < 1e-3) return microseconds;
  if (a < 1.0) return milliseconds;
  if (a < 120.0) return seconds;
  if (a < 7200.0) return minutes;
  if (a < 2.0 * 86400.0) return hours;
  if (a < 2.0 * 31557600.0) return days;
  return years;
}

}  // namespace detail

// Prints v in unit u: to_string(t, hours) -> "59.3 hours".
template <class Dim>
std::string to_string(quantity<Dim, double> q, unit<Dim> u, int significant = 3) {
  std::string s = detail::format_number(q.in(u), significant);
  s += ' ';
  s += u.symbol;
  return s;
}

template <class Dim>
std::string to_string(quantity<Dim, double> q, int significant = 3) {
  const double v = q.base_value();
  if constexpr (std::is_same_v<Dim, dims::flops>) {
    // Training budgets are read in powers of ten: "2.1e25 FLOP".
    return detail::format_number(v, significant) + " FLOP";
  } else if constexpr (std::is_same_v<Dim, dims::money>) {
    // "$5 B", "$2.3 M", "$640 k", "$12.5".
    const double a = v < 0 ? -v : v;
    const char* suffix = "";
    double scaled = v;
    if (a >= 1e9 * (1.0 - 0.5e-3)) {
      scaled = v / 1e9, suffix = " B";
    } else if (a >= 1e6 * (1.0 - 0.5e-3)) {
      scaled = v / 1e6, suffix = " M";
    } else if (a >= 1e3 * (1.0 - 0.5e-3)) {
      scaled = v / 1e3, suffix = " k";
    }
    // Appended, not "$" + std::string: GCC 12 -O3 warns -Wrestrict (a false positive) inside
    // operator+(const char*, std::string&&).
    std::string text = scaled < 0 ? "-$" : "$";
    return text.append(detail::format_number(scaled < 0 ? -scaled : scaled, significant))
        .append(suffix);
  } else if constexpr (std::is_same_v<Dim, dims::price_rate>) {
    std::string text = "$";
    return text.append(detail::format_number(q.in(dollars_per_hour), significant)).append("/hour");
  } else if constexpr (std::is_same_v<Dim, dims::energy_price>) {
    std::string text = "$";
    return text.append(detail::format_number(q.in(dollars_per_kwh), significant)).append("/kWh");
  } else if constexpr (std::is_same_v<Dim, dims::time>) {
    return to_string(q, detail::time_display_unit(v), significant);
  } else if constexpr (detail::has_display_units<Dim>::value) {
    const auto& list = detail::display_units<Dim>::list;
    const double a = v < 0 ? -v : v;
    std::size_t pick = 0;
    for (std::size_t i = 0; i < std::size(list); ++i) {
      // Round first, so 999.7 GB/s prints as "1 TB/s", not "1e+03 GB/s".
      if (a >= list[i].scale * (1.0 - 0.5e-3)) pick = i;
    }
    return to_string(q, list[pick], significant);
  } else {
    std::string s = detail::format_number(v, significant);
    s += ' ';
    s += detail::base_symbol<Dim>();
    return s;
  }
}

template <class Dim>
std::ostream& operator<<(std::ostream& os, quantity<Dim, double> q) {
  return os << to_string(q);
}

// "<sentence> [<code>]": what went wrong, then the stable name a program matches on.
inline std::ostream& operator<<(std::ostream& os, const reason& why) {
  return os << (why.message ? why.message : "") << " [" << (why.code ? why.code : "") << ']';
}

// The value (printed by its own operator<<), or "error: <sentence> [<code>]".
template <class T>
std::ostream& operator<<(std::ostream& os, const result<T>& r) {
  if (const reason* why = r.error()) return os << "error: " << *why;
  return os << r.value();
}

// An assumption range as people read it: "161.9 - 206.1" (a point prints as one number).
inline std::string to_string(interval v, int significant = 3) {
  if (v.is_point()) return detail::format_number(v.lo, significant);
  return detail::format_number(v.lo, significant) + " - " + detail::format_number(v.hi, significant);
}
// A quantity range in unit u: to_string(facility.in-range, megawatts) -> "161.9 - 206.1 MW".
template <class Dim>
std::string to_string(quantity<Dim, interval> q, unit<Dim> u, int significant = 3) {
  std::string s = to_string(q.in(u), significant);
  s += ' ';
  s += u.symbol;
  return s;
}

}  // namespace flopcast
