#pragma once
#include "flopcast/core/config.hpp"
// Charts as SVG text, with no dependency: line charts, scatter plots with their Pareto front,
// heatmaps and stacked bars, each with axes, ticks, labels and a legend, laid out to be read at
// 800 px wide.
//
// Charts are plain values (aggregates of strings and numbers); render() turns one into a
// complete <svg> document. The output depends only on the input (numbers are printed with
// std::to_chars, never through a locale), so the same chart gives the same bytes.
// Invalid input (mismatched lengths, non-finite data, non-positive data on a log axis, an empty
// chart) throws flopcast::invalid_input, a std::invalid_argument, whose message names the
// problem. In a heatmap NaN means "no value" and is drawn hatched.
//
// Text widths are estimated (0.6 em a character, about DejaVu Sans' digits), since nothing
// here can measure a font; long names are cut with an ellipsis to keep the layout intact.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flopcast/core/error.hpp"
#include "flopcast/core/text.hpp"
#include "flopcast/sweep/pareto.hpp"

namespace flopcast::svg {

// An axis: its label, linear or log scale, and an optional fixed range (otherwise the data's
// range, widened to round numbers).
struct axis {
  std::string label{};
  bool log = false;
  std::optional<double> min{}, max{};
};

// One named set of points; x[i] pairs with y[i].
struct series {
  std::string name{};
  std::vector<double> x{}, y{};
};

struct line_chart {
  std::string title{}, subtitle{};
  axis x{}, y{};
  std::vector<series> lines{};
};

// Points by series. With pareto_front set, the points no other point beats on both x and y
// (smaller is better on both axes; see pareto_front()) are ringed and joined by a step line.
struct scatter_chart {
  std::string title{}, subtitle{};
  axis x{}, y{};
  std::vector<series> points{};
  bool pareto_front = true;
};

// A grid of coloured cells: values[r * columns.size() + c] is row r, column c (row 0 on top).
// NaN is a missing value (drawn hatched, "n/a" in the legend). `value` is the colour scale:
// its label titles the colour bar, log and min/max work as on an axis.
struct heatmap {
  std::string title{}, subtitle{};
  std::string x_label{}, y_label{};
  axis value{};
  std::vector<std::string> columns{}, rows{};
  std::vector<double> values{};
};

// One bar per entry of `bars`, stacked from `segments` (bottom first): values[bar][segment],
// each finite and >= 0. The y axis is linear (heights add); each bar's total is printed on top
// when there is room.
struct stacked_bars {
  std::string title{}, subtitle{};
  std::string x_label{};
  axis y{};
  std::vector<std::string> bars{}, segments{};
  std::vector<std::vector<double>> values{};
};

// The picture's size in px (the SVG's width, height and viewBox).
struct size {
  int width = 800;
  int height = 500;
};

namespace detail {

[[noreturn]] inline void fail(const char* code, const std::string& message) {
  throw invalid_input(code, message);
}

// Not named "quoted": with a std::string argument, ADL would find std::quoted.
// Built by appending: GCC 12's -Wrestrict misreads "literal" + std::string&& in Release builds
// (GCC bug 105329).
inline std::string quoted_name(std::string_view name) {
  std::string out(1, '\'');
  out += excerpt(name);
  out += '\'';
  return out;
}

inline double pow10(int e) { return std::pow(10.0, static_cast<double>(e)); }

// m x 10^e computed so that decimal ticks are the doubles nearest their decimal values
// (0.3, not 0.30000000000000004): an exact integer divided by an exact power of ten rounds once.
inline double decimal(double m, int e) { return e >= 0 ? m * pow10(e) : m / pow10(-e); }

inline std::string fixed(double v, int decimals) {
  char buf[512];  // fixed notation of any finite double fits
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  const std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
  // No "-0" or "-0.0". (Built from the view, not assigned over a string: GCC 12 at -O2 reports
  // a false-positive -Wrestrict on that assignment once inlined into render(), GCC bug 105329.)
  if (text.find_first_not_of("-0.") == std::string_view::npos) return std::string(1, '0');
  return std::string(text);
}

inline std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Decimals needed to show multiples of `resolution` (a power of ten, or 2 or 5 of one).
inline int decimals_for(double resolution) {
  const double d = std::ceil(-std::log10(resolution) - 1e-6);
  return static_cast<int>(std::clamp(d, 0.0, 15.0));
}

// Coordinates: at most two decimals (a hundredth of a pixel), trimmed.
inline std::string num(double v) { return trim_zeros(fixed(v, 2)); }

inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

inline double text_width(std::string_view s, double font_px) {
  return 0.6 * font_px * static_cast<double>(code_points(s));
}

// `s` cut (at a code point) and ended with an ellipsis so that it is about `max_px` wide.
inline std::string fit(std::string_view s, double max_px, double font_px) {
  if (text_width(s, font_px) <= max_px + 0.5) return std::string(s);  // + 0.5: rounding slack
  const double room = max_px / (0.6 * font_px) - 1.0;
  const std::size_t keep = room < 1.0 ? 1 : static_cast<std::size_t>(room);
  std::size_t points = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && points++ == keep) break;
  }
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}


}  // namespace detail

// Text for SVG character data or attribute values: & < > " ' escaped; control characters XML
// forbids become spaces and invalid UTF-8 becomes U+FFFD, so any string gives well-formed XML.
inline std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : text[i];
      }
      ++i;
    } else if (const std::size_t n = utf8_sequence_length(text, i); n != 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

// Round ticks covering [lo, hi]: about `target` steps of 1, 2 or 5 x 10^k, the first at or
// below lo and the last at or above hi ([0, 9.3] -> 0 2 4 6 8 10). A single value is widened.
inline std::vector<double> nice_ticks(double lo, double hi, int target = 5) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi || target < 1)
    detail::fail("svg_bad_range", "nice_ticks: needs finite lo <= hi and target >= 1");
  const double magnitude = std::max(std::abs(lo), std::abs(hi));
  if (hi - lo <= magnitude * 1e-9) {  // one value (or too close to tell apart): widen by 10%
    const double pad = magnitude > 1e-100 ? magnitude * 0.1 : 1.0;
    lo -= pad, hi += pad;
  }
  const double rough = (hi - lo) / target;
  if (!std::isfinite(rough) || rough < 1e-250)
    detail::fail("svg_bad_range", "nice_ticks: the range is too wide or too narrow to tick");
  int e = static_cast<int>(std::floor(std::log10(rough)));
  const double base = rough / detail::pow10(e);
  const double slack = 1 + 1e-9;  // 0.2 / 0.1 may round above 2
  double m = base <= slack ? 1.0 : base <= 2 * slack ? 2.0 : base <= 5 * slack ? 5.0 : 10.0;
  if (m == 10.0) m = 1.0, ++e;
  const double step = detail::decimal(m, e);
  // Tick k is k x step; the range holds at most about target + 2 steps and lo / step is below
  // about 1e10 (the range is at least 1e-9 of the magnitude), so k fits a long long.
  const auto k0 = static_cast<long long>(std::floor(lo / step + 1e-9));
  const auto k1 = static_cast<long long>(std::ceil(hi / step - 1e-9));
  std::vector<double> ticks;
  for (long long k = k0; k <= k1; ++k) ticks.push_back(detail::decimal(static_cast<double>(k) * m, e));
  return ticks;
}

// Ticks inside [lo, hi] on a log axis, 0 < lo < hi: the decades (every n-th when there are
// more than 10), also 2 and 5 x 10^k when the range spans under 3 decades, 1..9 x 10^k when
// that gives fewer than two, linear ticks when even that does. log [3, 4000] -> 10 100 1000.
inline std::vector<double> log_ticks(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo > 0.0) || !(lo < hi))
    detail::fail("svg_bad_range", "log_ticks: needs finite 0 < lo < hi");
  const double span = std::log10(hi) - std::log10(lo);
  const int e0 = static_cast<int>(std::floor(std::log10(lo))) - 1;
  const int e1 = static_cast<int>(std::ceil(std::log10(hi))) + 1;
  const auto collect = [&](std::initializer_list<int> multiples, int stride) {
    std::vector<double> ticks;
    for (int e = e0; e <= e1; ++e) {
      if (((e % stride) + stride) % stride != 0) continue;
      for (const int m : multiples) {
        const double v = detail::decimal(m, e);
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push_back(v);
      }
    }
    return ticks;
  };
  std::vector<double> ticks =
      span < 3.0 ? collect({1, 2, 5}, 1)
                 : collect({1}, span > 10.0 ? static_cast<int>(std::ceil(span / 10.0)) : 1);
  if (ticks.size() < 2) ticks = collect({1, 2, 3, 4, 5, 6, 7, 8, 9}, 1);
  if (ticks.size() < 2) {
    ticks.clear();
    for (const double v : nice_ticks(lo, hi))
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push_back(v);
  }
  return ticks;
}

// Short labels for ticks. Linear (evenly spaced) ticks share one format for the axis: as many
// decimals as the step needs ("0.1", "0.2"), plain below 10,000 ("2500"), k, M, G, T, P from
// 10,000 up ("10k", "1.5M"), and powers of ten from 1e18 or below 1e-4 ("2e18"). Log ticks are
// labelled each on its own, with k, M... from 1,000 ("1k", "10k", "1M"), all as powers of ten
// when the axis reaches 1e18 or goes below 1e-4.
inline std::vector<std::string> tick_labels(std::span<const double> ticks, bool log) {
  std::vector<std::string> labels;
  double magnitude = 0.0, smallest = 1.0;
  for (const double t : ticks) {
    if (!std::isfinite(t)) detail::fail("svg_non_finite", "tick_labels: a tick is not finite");
    magnitude = std::max(magnitude, std::abs(t));
    if (t != 0) smallest = std::min(smallest, std::abs(t));
  }
  // One notation per log axis: 1e17 beside 1e18 reads better than 100P beside 1e18.
  const bool log_scientific = magnitude >= 1e18 || smallest < 1e-4;
  const auto label = [](double v, double resolution, double mag, double si_from) {
    using detail::decimals_for;
    if (v == 0.0 || std::abs(v) < resolution * 1e-6) return std::string("0");
    if (mag >= 1e18 || mag < 1e-4) {
      const int e = static_cast<int>(std::floor(std::log10(std::abs(v)) + 1e-9));
      const double scale = detail::pow10(e);
      return detail::trim_zeros(detail::fixed(v / scale, decimals_for(resolution / scale))) +
             "e" + std::to_string(e);
    }
    if (mag >= si_from) {
      const int k = std::clamp(static_cast<int>(std::floor(std::log10(mag) / 3 + 1e-9)), 1, 5);
      const double factor = detail::pow10(3 * k);
      return detail::fixed(v / factor, decimals_for(resolution / factor)) + "kMGTP"[k - 1];
    }
    return detail::fixed(v, decimals_for(resolution));
  };
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    const double v = ticks[i];
    if (log && v > 0.0) {
      // The coarsest power of ten that v is a multiple of (v = 2000 -> 1000, 0.05 -> 0.01).
      int e = static_cast<int>(std::floor(std::log10(v) + 1e-9));
      for (int k = 0; k < 6; ++k, --e) {
        const double q = v / detail::pow10(e);
        if (std::abs(q - std::round(q)) <= 1e-9 * q) break;
      }
      labels.push_back(label(v, detail::pow10(e), log_scientific ? 1e18 : v, 1e3));
    } else {
      const double step = ticks.size() > 1 ? std::abs(ticks[1] - ticks[0])
                                           : (v != 0.0 ? std::abs(v) : 1.0);
      labels.push_back(label(v, step > 0.0 ? step : 1.0, magnitude, 1e4));
    }
  }
  return labels;
}

// The Pareto front (both axes minimised) of <flopcast/sweep/pareto.hpp>, as scatter charts
// ring it: svg::pareto_front(x, y) is flopcast::pareto_front(x, y).
using flopcast::pareto_front;

namespace detail {

// Okabe & Ito's colour-blind-safe palette, yellow last (it is faint as a line on white).
inline constexpr const char* palette[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                          "#56B4E9", "#CC79A7", "#000000", "#F0E442"};
inline const char* colour(std::size_t i) { return palette[i % 8]; }
// Past eight series the colours repeat; the line dashes then tell them apart.
inline const char* dash(std::size_t i) {
  constexpr const char* dashes[] = {"", "7 4", "2 3", "9 3 2 3"};
  return dashes[(i / 8) % 4];
}

inline constexpr double title_font = 20, subtitle_font = 14, label_font = 14, tick_font = 12,
                        legend_font = 13, margin = 16;
inline constexpr const char* ink = "#222222";
inline constexpr const char* grey_ink = "#555555";
inline constexpr const char* grid_colour = "#e3e3e3";
inline constexpr const char* minor_grid_colour = "#f1f1f1";

struct box {
  double left, top, right, bottom;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
};

// The document under construction.
struct writer {
  std::string s;

  writer(size sz, std::string_view title) {
    const std::string w = std::to_string(sz.width), h = std::to_string(sz.height);
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h +
         "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"sans-serif\">\n";
    if (!title.empty()) s += "<title>" + escape(title) + "</title>\n";
    s += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"white\"/>\n";
  }
  void text(double x, double y, std::string_view t, double font, std::string_view anchor = "start",
            std::string_view extra = {}) {
    s += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(font) + "\"";
    if (anchor != "start") s += " text-anchor=\"" + std::string(anchor) + "\"";
    if (!extra.empty()) s += " " + std::string(extra);
    s += ">" + escape(t) + "</text>\n";
  }
  void line(double x1, double y1, double x2, double y2, std::string_view stroke, double width,
            std::string_view extra = {}) {
    s += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
         num(y2) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + num(width) + "\"";
    if (!extra.empty()) s += " " + std::string(extra);
    s += "/>\n";
  }
  void rect(double x, double y, double w, double h, std::string_view fill,
            std::string_view extra = {}) {
    s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
         num(h) + "\" fill=\"" + std::string(fill) + "\"";
    if (!extra.empty()) s += " " + std::string(extra);
    s += "/>\n";
  }
  // Marker shapes cycle with the series (circle, square, triangle, diamond), so series stay
  // apart in grey print and for readers who cannot tell the colours apart.
  void marker(double x, double y, std::size_t shape, double r, std::string_view fill,
              std::string_view extra = {}) {
    const std::string tail = " fill=\"" + std::string(fill) + "\"" +
                             (extra.empty() ? "" : " " + std::string(extra)) + "/>\n";
    switch (shape % 4) {
      case 0: s += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\"" + tail; break;
      case 1: {
        const double a = r * 0.9;
        s += "<rect x=\"" + num(x - a) + "\" y=\"" + num(y - a) + "\" width=\"" + num(2 * a) +
             "\" height=\"" + num(2 * a) + "\"" + tail;
        break;
      }
      case 2: {
        const double a = r * 1.2;
        s += "<path d=\"M" + num(x) + " " + num(y - a) + "L" + num(x + a * 0.87) + " " +
             num(y + a * 0.5) + "L" + num(x - a * 0.87) + " " + num(y + a * 0.5) + "Z\"" + tail;
        break;
      }
      default: {
        const double a = r * 1.25;
        s += "<path d=\"M" + num(x) + " " + num(y - a) + "L" + num(x + a) + " " + num(y) + "L" +
             num(x) + " " + num(y + a) + "L" + num(x - a) + " " + num(y) + "Z\"" + tail;
      }
    }
  }
  std::string finish() && {
    s += "</svg>\n";
    return std::move(s);
  }
};

inline void check_size(size sz) {
  if (sz.width < 320 || sz.height < 200 || sz.width > 20000 || sz.height > 20000)
    fail("svg_bad_size", "svg size must be 320 x 200 to 20000 x 20000 px, got " +
                             std::to_string(sz.width) + " x " + std::to_string(sz.height));
}

inline void check_plot(const box& b, const char* chart) {
  if (b.width() < 60 || b.height() < 40)
    fail("svg_bad_size", std::string(chart) + ": the picture is too small for its labels and legend");
}

// Title and subtitle at the top left; returns where the content may start.
inline double heading(writer& w, const std::string& title, const std::string& subtitle, size sz) {
  const double room = sz.width - 2 * margin;
  double y = margin;
  if (!title.empty()) {
    y += title_font;
    w.text(margin, y, fit(title, room, title_font), title_font, "start",
           "font-weight=\"bold\" fill=\"#111111\"");
  }
  if (!subtitle.empty()) {
    y += subtitle_font + 8;
    w.text(margin, y, fit(subtitle, room, subtitle_font), subtitle_font, "start",
           "fill=\"#555555\"");
  }
  return y + (title.empty() && subtitle.empty() ? 4 : 18);
}

// An axis with its range fixed and its ticks chosen.
struct scale {
  double lo = 0, hi = 1;
  bool log = false;
  double p0 = 0, p1 = 1;  // pixels of lo and hi
  std::vector<double> ticks, minor;
  std::vector<std::string> labels;

  double t(double v) const {
    return log ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo))
               : (v - lo) / (hi - lo);
  }
  double operator()(double v) const { return p0 + t(v) * (p1 - p0); }
};

// Range and ticks for an axis over `data` (already checked finite, and positive for log).
// Linear: the data range widened to the covering round ticks; log: widened to the nearest
// 1, 2 or 5 x 10^k. Fixed ends are kept as given.
inline scale resolve(const axis& a, const std::vector<double>& data, const std::string& what) {
  const auto bad = [&](const std::string& why) { fail("svg_bad_axis", what + ": " + why); };
  if ((a.min && !std::isfinite(*a.min)) || (a.max && !std::isfinite(*a.max)))
    bad("the axis min and max must be finite");
  if (a.log && ((a.min && *a.min <= 0) || (a.max && *a.max <= 0)))
    bad("a log axis needs a positive min and max");
  double lo = data.empty() ? 0.0 : *std::min_element(data.begin(), data.end());
  double hi = data.empty() ? 1.0 : *std::max_element(data.begin(), data.end());
  if (a.min) lo = *a.min;
  if (a.max) hi = *a.max;
  if (a.min && a.max && !(*a.min < *a.max)) bad("the axis min must be below its max");
  scale s;
  s.log = a.log;
  if (a.log) {
    if (!a.min && a.max && lo >= hi) lo = hi / 10;
    if (!a.max && a.min && hi <= lo) hi = lo * 10;
    if (lo >= hi) lo /= 2, hi *= 2;
    const auto snap = [](double v, bool down) {
      const int e = static_cast<int>(std::floor(std::log10(v)));
      double best = down ? 0.0 : decimal(1, e + 1);
      for (int k = e - 1; k <= e + 1; ++k)
        for (const int m : {1, 2, 5}) {
          const double c = decimal(m, k);
          if (down && c <= v * (1 + 1e-12)) best = std::max(best, c);
          if (!down && c >= v * (1 - 1e-12)) best = std::min(best, c);
        }
      return best > 0 ? best : v;
    };
    if (!a.min) lo = snap(lo, true);
    if (!a.max) hi = snap(hi, false);
    s.lo = lo, s.hi = hi;
    s.ticks = log_ticks(lo, hi);
    // Unlabelled gridlines at 2..9 x 10^k while there are few decades.
    if (std::log10(hi / lo) <= 6)
      for (int e = static_cast<int>(std::floor(std::log10(lo)));
           e <= static_cast<int>(std::ceil(std::log10(hi))); ++e)
        for (int m = 1; m <= 9; ++m) {
          const double v = decimal(m, e);
          if (v > lo && v < hi) s.minor.push_back(v);
        }
  } else {
    if (!a.min && a.max && lo >= hi) lo = hi - std::max(1.0, std::abs(hi));
    if (!a.max && a.min && hi <= lo) hi = lo + std::max(1.0, std::abs(lo));
    std::vector<double> t = nice_ticks(lo, hi);
    if (!a.min) lo = t.front();
    if (!a.max) hi = t.back();
    if (lo >= hi) bad("the axis range is empty");
    if (a.min || a.max) t = nice_ticks(lo, hi);
    s.lo = lo, s.hi = hi;
    const double eps = (hi - lo) * 1e-9;
    for (const double v : t)
      if (v >= lo - eps && v <= hi + eps) s.ticks.push_back(v);
  }
  s.labels = tick_labels(s.ticks, s.log);
  return s;
}

// Which tick labels to print so that neighbours keep `gap` px apart given each label's
// `extent` px along the axis: first only decades on a log axis, then every n-th label.
inline std::vector<bool> visible_labels(const scale& s, const std::vector<double>& extent, double gap) {
  const std::size_t n = s.ticks.size();
  std::vector<bool> show(n, true);
  const auto crowded = [&] {
    double last_pos = 0, last_extent = 0;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!show[i]) continue;
      const double p = s(s.ticks[i]);
      if (any && std::abs(p - last_pos) < (extent[i] + last_extent) / 2 + gap) return true;
      last_pos = p, last_extent = extent[i], any = true;
    }
    return false;
  };
  if (!crowded()) return show;
  if (s.log) {
    for (std::size_t i = 0; i < n; ++i) {
      const double q = s.ticks[i] / pow10(static_cast<int>(std::floor(std::log10(s.ticks[i]) + 1e-9)));
      show[i] = std::abs(q - 1.0) < 1e-9;
    }
    if (!crowded()) return show;
  }
  const std::vector<bool> base = show;
  for (std::size_t every = 2; every <= n; ++every) {
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i) show[i] = base[i] && (k++ % every == 0);
    if (!crowded()) break;
  }
  return show;
}

struct legend_entry {
  std::string name;
  std::string colour;
  enum kind_t { line, marker, block, hatched, front } kind = line;
  std::size_t index = 0;  // the series' position: marker shape and dash
};

inline constexpr double legend_row = 20, legend_swatch = 22;

inline double legend_width(const std::vector<legend_entry>& entries, size sz) {
  double w = 0;
  for (const auto& e : entries) w = std::max(w, text_width(e.name, legend_font));
  return legend_swatch + 8 + std::min(w, sz.width * 0.28);
}

inline void draw_legend(writer& w, const std::vector<legend_entry>& entries, double x, double y,
                        double width, double bottom) {
  const double name_room = width - legend_swatch - 8;
  const auto rows = static_cast<std::size_t>(std::max(1.0, std::floor((bottom - y) / legend_row)));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const double cy = y + legend_row * static_cast<double>(i) + legend_row / 2;
    if (i + 1 == rows && entries.size() > rows) {  // no room for the rest: say how many
      w.text(x, cy + 4.5, "+ " + std::to_string(entries.size() - i) + " more", legend_font,
             "start", "fill=\"#555555\"");
      break;
    }
    const auto& e = entries[i];
    const double mid = x + legend_swatch / 2;
    switch (e.kind) {
      case legend_entry::line:
        w.line(x, cy, x + legend_swatch, cy, e.colour, 2.5,
               *dash(e.index) ? "stroke-dasharray=\"" + std::string(dash(e.index)) + "\"" : "");
        break;
      case legend_entry::marker: w.marker(mid, cy, e.index, 5, e.colour); break;
      case legend_entry::front:
        w.line(x, cy, x + legend_swatch, cy, ink, 1.5);
        w.marker(mid, cy, 0, 5.5, "none", "stroke=\"#222222\" stroke-width=\"1.8\"");
        break;
      case legend_entry::block: w.rect(x + 3, cy - 7, 14, 14, e.colour); break;
      case legend_entry::hatched:
        w.rect(x + 3, cy - 7, 14, 14, "url(#fc-missing)", "stroke=\"#bbbbbb\"");
        break;
    }
    w.text(x + legend_swatch + 8, cy + 4.5, fit(e.name, name_room, legend_font), legend_font,
           "start", "fill=\"#222222\"");
  }
}

// Axes, gridlines, tick labels and axis labels around the plot box.
inline void draw_axes(writer& w, const box& plot, const scale& xs, const scale& ys,
                      const std::string& x_label, const std::string& y_label, size sz,
                      bool x_grid = true) {
  for (const double v : ys.minor) w.line(plot.left, ys(v), plot.right, ys(v), minor_grid_colour, 1);
  if (x_grid)
    for (const double v : xs.minor) w.line(xs(v), plot.top, xs(v), plot.bottom, minor_grid_colour, 1);
  for (const double v : ys.ticks) w.line(plot.left, ys(v), plot.right, ys(v), grid_colour, 1);
  if (x_grid)
    for (const double v : xs.ticks) w.line(xs(v), plot.top, xs(v), plot.bottom, grid_colour, 1);
  w.line(plot.left, plot.bottom, plot.right, plot.bottom, grey_ink, 1);
  w.line(plot.left, plot.top, plot.left, plot.bottom, grey_ink, 1);

  std::vector<double> x_extent, y_extent;
  for (const auto& l : xs.labels) x_extent.push_back(text_width(l, tick_font));
  for (std::size_t i = 0; i < ys.labels.size(); ++i) y_extent.push_back(tick_font);
  const auto x_show = visible_labels(xs, x_extent, 10);
  const auto y_show = visible_labels(ys, y_extent, 6);
  for (std::size_t i = 0; i < xs.ticks.size(); ++i) {
    const double x = xs(xs.ticks[i]);
    w.line(x, plot.bottom, x, plot.bottom + 5, grey_ink, 1);
    if (x_show[i])
      w.text(x, plot.bottom + 8 + tick_font, xs.labels[i], tick_font, "middle", "fill=\"#333333\"");
  }
  for (std::size_t i = 0; i < ys.ticks.size(); ++i) {
    const double y = ys(ys.ticks[i]);
    w.line(plot.left - 5, y, plot.left, y, grey_ink, 1);
    if (y_show[i])
      w.text(plot.left - 8, y + tick_font * 0.35, ys.labels[i], tick_font, "end",
             "fill=\"#333333\"");
  }
  if (!x_label.empty())
    w.text((plot.left + plot.right) / 2, sz.height - margin, fit(x_label, plot.width(), label_font),
           label_font, "middle", "fill=\"#222222\"");
  if (!y_label.empty()) {
    const double cx = margin + label_font, cy = (plot.top + plot.bottom) / 2;
    w.text(cx, cy, fit(y_label, plot.height(), label_font), label_font, "middle",
           "fill=\"#222222\" transform=\"rotate(-90 " + num(cx) + " " + num(cy) + ")\"");
  }
}

inline double widest(const std::vector<std::string>& texts, double font) {
  double w = 0;
  for (const auto& t : texts) w = std::max(w, text_width(t, font));
  return w;
}

// The plot box of a chart with y tick labels on the left, x tick labels below and the legend
// (if any) on the right.
inline box xy_box(double top, const std::vector<std::string>& y_labels, bool has_y_label,
                  bool has_x_label, double x_overhang, double legend_w, size sz) {
  box b{};
  b.top = top;
  b.left = margin + (has_y_label ? label_font + 10 : 0) + widest(y_labels, tick_font) + 10;
  b.right = sz.width - margin - (legend_w > 0 ? legend_w + 20 : std::max(8.0, x_overhang));
  b.bottom = sz.height - margin - (has_x_label ? label_font + 10 : 0) - tick_font - 12;
  return b;
}

struct xy_data {
  std::vector<double> xs, ys;
};

// Checks every series of a line or scatter chart and gathers the values per axis.
inline xy_data check_series(const std::vector<series>& all, const axis& x, const axis& y,
                            const char* chart) {
  xy_data d;
  for (const auto& s : all) {
    const std::string name = std::string(chart) + ": series " + quoted_name(s.name);
    if (s.x.size() != s.y.size())
      fail("svg_length_mismatch", name + " has " + std::to_string(s.x.size()) + " x values and " +
                                      std::to_string(s.y.size()) + " y values");
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]))
        fail("svg_non_finite", name + " has a non-finite value at point " + std::to_string(i));
      if ((x.log && s.x[i] <= 0) || (y.log && s.y[i] <= 0))
        fail("svg_log_non_positive", name + " has a value <= 0 on a log axis at point " +
                                         std::to_string(i));
    }
    d.xs.insert(d.xs.end(), s.x.begin(), s.x.end());
    d.ys.insert(d.ys.end(), s.y.begin(), s.y.end());
  }
  if (d.xs.empty()) fail("svg_empty_chart", std::string(chart) + ": the chart has no points");
  return d;
}

inline std::string clip_def(const box& p, double pad) {
  return "<defs><clipPath id=\"fc-plot\"><rect x=\"" + num(p.left - pad) + "\" y=\"" +
         num(p.top - pad) + "\" width=\"" + num(p.width() + 2 * pad) + "\" height=\"" +
         num(p.height() + 2 * pad) + "\"/></clipPath></defs>\n";
}

struct xy_frame {
  box plot;
  scale xs, ys;
};

// Everything of a line or scatter chart but its data: heading, axes, legend.
inline xy_frame xy_layout(writer& w, const std::string& title, const std::string& subtitle,
                          const axis& x, const axis& y, const xy_data& d,
                          const std::vector<legend_entry>& legend, size sz, const char* chart) {
  xy_frame f;
  f.xs = resolve(x, d.xs, std::string(chart) + " x axis");
  f.ys = resolve(y, d.ys, std::string(chart) + " y axis");
  const double top = heading(w, title, subtitle, sz);
  const double lw = legend.empty() ? 0 : legend_width(legend, sz);
  const double overhang = f.xs.labels.empty() ? 0 : text_width(f.xs.labels.back(), tick_font) / 2;
  f.plot = xy_box(top, f.ys.labels, !y.label.empty(), !x.label.empty(), overhang, lw, sz);
  check_plot(f.plot, chart);
  f.xs.p0 = f.plot.left, f.xs.p1 = f.plot.right;
  f.ys.p0 = f.plot.bottom, f.ys.p1 = f.plot.top;
  draw_axes(w, f.plot, f.xs, f.ys, x.label, y.label, sz);
  if (!legend.empty())
    draw_legend(w, legend, f.plot.right + 20, f.plot.top, lw, sz.height - margin);
  return f;
}

// Viridis (a perceptually uniform, colour-blind-safe map), sampled at nine points.
inline std::string viridis(double t) {
  static constexpr unsigned char stops[9][3] = {
      {0x44, 0x01, 0x54}, {0x47, 0x2c, 0x7a}, {0x3b, 0x51, 0x8b}, {0x2c, 0x71, 0x8e}, {0x21, 0x90, 0x8d},
      {0x27, 0xad, 0x81}, {0x5c, 0xc8, 0x63}, {0xaa, 0xdc, 0x32}, {0xfd, 0xe7, 0x25}};
  t = std::clamp(t, 0.0, 1.0) * 8;
  const auto i = std::min(static_cast<std::size_t>(t), std::size_t{7});
  const double f = t - static_cast<double>(i);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "#";
  for (std::size_t c = 0; c < 3; ++c) {
    const double v = stops[i][c] + f * (stops[i + 1][c] - stops[i][c]);
    const auto b = static_cast<unsigned>(std::lround(v));
    out += hex[b >> 4], out += hex[b & 15];
  }
  return out;
}

// A value with three significant digits, trailing zeros trimmed ("0.693", "12.3k", "1234",
// "2.1e25"): totals on bars and values in heatmap cells.
inline std::string short_value(double v) {
  const double a = std::abs(v);
  if (a == 0) return "0";
  if (a >= 1e18 || a < 1e-4) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, 2);
    const std::string m(buf, r.ptr);
    const auto e = m.find('e');
    return trim_zeros(m.substr(0, e)) + "e" + std::to_string(std::stoi(m.substr(e + 1)));
  }
  const double res = pow10(static_cast<int>(std::floor(std::log10(a))) - 2);
  if (a >= 1e4) {
    const int k = std::clamp(static_cast<int>(std::floor(std::log10(a) / 3 + 1e-9)), 1, 5);
    const double factor = pow10(3 * k);
    return trim_zeros(fixed(v / factor, decimals_for(res / factor))) + "kMGTP"[k - 1];
  }
  return trim_zeros(fixed(v, decimals_for(res)));
}

}  // namespace detail

inline std::string render(const line_chart& chart, size sz = {}) {
  using namespace detail;
  check_size(sz);
  const xy_data d = check_series(chart.lines, chart.x, chart.y, "line chart");
  std::vector<legend_entry> legend;
  const bool named = std::any_of(chart.lines.begin(), chart.lines.end(),
                                 [](const series& s) { return !s.name.empty(); });
  if (named)
    for (std::size_t i = 0; i < chart.lines.size(); ++i)
      legend.push_back({chart.lines[i].name, colour(i), legend_entry::line, i});
  writer w(sz, chart.title);
  const xy_frame f =
      xy_layout(w, chart.title, chart.subtitle, chart.x, chart.y, d, legend, sz, "line chart");
  w.s += clip_def(f.plot, 4);
  w.s += "<g clip-path=\"url(#fc-plot)\" fill=\"none\" stroke-width=\"2.5\" "
         "stroke-linejoin=\"round\" stroke-linecap=\"round\">\n";
  for (std::size_t i = 0; i < chart.lines.size(); ++i) {
    const series& s = chart.lines[i];
    if (s.x.empty()) continue;
    w.s += "<polyline stroke=\"" + std::string(colour(i)) + "\"";
    if (*dash(i)) w.s += " stroke-dasharray=\"" + std::string(dash(i)) + "\"";
    w.s += " points=\"";
    // Appended piece by piece: GCC 12 at -O2 reports a false-positive -Wrestrict inside
    // ("" or " ") + std::string (GCC bug 105329).
    for (std::size_t k = 0; k < s.x.size(); ++k) {
      if (k != 0) w.s += ' ';
      w.s += num(f.xs(s.x[k]));
      w.s += ',';
      w.s += num(f.ys(s.y[k]));
    }
    w.s += "\"/>\n";
    // Few points: mark them, so a reader sees where the data is and where the line only joins.
    if (s.x.size() <= 24)
      for (std::size_t k = 0; k < s.x.size(); ++k)
        w.s += "<circle cx=\"" + num(f.xs(s.x[k])) + "\" cy=\"" + num(f.ys(s.y[k])) +
               "\" r=\"3.2\" fill=\"" + colour(i) + "\" stroke=\"none\"/>\n";
  }
  w.s += "</g>\n";
  return std::move(w).finish();
}

inline std::string render(const scatter_chart& chart, size sz = {}) {
  using namespace detail;
  check_size(sz);
  const xy_data d = check_series(chart.points, chart.x, chart.y, "scatter chart");
  std::vector<legend_entry> legend;
  for (std::size_t i = 0; i < chart.points.size(); ++i)
    if (!chart.points[i].name.empty() || chart.points.size() > 1)
      legend.push_back({chart.points[i].name, colour(i), legend_entry::marker, i});
  if (chart.pareto_front) legend.push_back({"Pareto front", "", legend_entry::front, 0});
  writer w(sz, chart.title);
  const xy_frame f =
      xy_layout(w, chart.title, chart.subtitle, chart.x, chart.y, d, legend, sz, "scatter chart");
  w.s += clip_def(f.plot, 8);
  w.s += "<g clip-path=\"url(#fc-plot)\">\n";
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const series& s = chart.points[i];
    for (std::size_t k = 0; k < s.x.size(); ++k)
      w.marker(f.xs(s.x[k]), f.ys(s.y[k]), i, 4.5, colour(i),
               "fill-opacity=\"0.8\" stroke=\"white\" stroke-width=\"0.6\"");
  }
  if (chart.pareto_front) {
    // The front as the edge of the region its points dominate: right, then down, point to point.
    const auto front = pareto_front(d.xs, d.ys);
    std::string path;
    for (std::size_t k = 0; k < front.size(); ++k) {
      const double px = f.xs(d.xs[front[k]]), py = f.ys(d.ys[front[k]]);
      path += k == 0 ? "M" + num(px) + " " + num(py) : "H" + num(px) + "V" + num(py);
    }
    w.s += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#222222\" stroke-width=\"1.5\"/>\n";
    for (const std::size_t i : front)
      w.marker(f.xs(d.xs[i]), f.ys(d.ys[i]), 0, 7, "none",
               "stroke=\"#222222\" stroke-width=\"1.8\"");
  }
  w.s += "</g>\n";
  return std::move(w).finish();
}

inline std::string render(const heatmap& chart, size sz = {}) {
  using namespace detail;
  check_size(sz);
  const std::size_t nc = chart.columns.size(), nr = chart.rows.size();
  if (nc == 0 || nr == 0)
    fail("svg_empty_chart", "heatmap: needs at least one column and one row, got " +
                                std::to_string(nc) + " columns and " + std::to_string(nr) + " rows");
  if (chart.values.size() != nc * nr)
    fail("svg_value_count", "heatmap: " + std::to_string(nr) + " rows x " + std::to_string(nc) +
                                " columns need " + std::to_string(nr * nc) + " values, got " +
                                std::to_string(chart.values.size()));
  std::vector<double> finite;
  bool missing = false;
  for (std::size_t i = 0; i < chart.values.size(); ++i) {
    const double v = chart.values[i];
    if (std::isnan(v)) {
      missing = true;
      continue;
    }
    const std::string where = " at row " + std::to_string(i / nc) + ", column " + std::to_string(i % nc);
    if (!std::isfinite(v)) fail("svg_non_finite", "heatmap: an infinite value" + where);
    if (chart.value.log && v <= 0)
      fail("svg_log_non_positive", "heatmap: a value <= 0 on a log colour scale" + where);
    finite.push_back(v);
  }
  if (finite.empty()) fail("svg_empty_chart", "heatmap: every value is missing (NaN)");

  // The colour scale spans the data exactly (no rounding out: colour is the signal here).
  axis value_axis = chart.value;
  const auto [mn, mx] = std::minmax_element(finite.begin(), finite.end());
  if (!value_axis.min && !value_axis.max && *mn < *mx) value_axis.min = *mn, value_axis.max = *mx;
  scale cs = resolve(value_axis, finite, "heatmap colour scale");

  writer w(sz, chart.title);
  const double top = heading(w, chart.title, chart.subtitle, sz);
  // Right: colour bar, its tick labels, its rotated title.
  const double bar_w = 16;
  const double right_w = bar_w + 8 + widest(cs.labels, tick_font) +
                         (chart.value.label.empty() ? 0 : label_font + 14);
  box plot{};
  plot.top = top;
  plot.right = sz.width - margin - std::max(right_w, missing ? bar_w + 40 : 0.0) - 24;
  const double row_label_w = std::min(widest(chart.rows, tick_font), sz.width * 0.25);
  plot.left = margin + (chart.y_label.empty() ? 0 : label_font + 10) + row_label_w + 8;
  const double cell_w_guess = (plot.right - plot.left) / static_cast<double>(nc);
  const double col_label_w = std::min(widest(chart.columns, tick_font), sz.height * 0.25);
  const bool rotate = col_label_w > cell_w_guess - 6;
  const double col_label_h = rotate ? col_label_w * 0.71 + tick_font : tick_font;
  plot.bottom = sz.height - margin - (chart.x_label.empty() ? 0 : label_font + 10) - col_label_h - 12;
  check_plot(plot, "heatmap");
  const double cw = plot.width() / static_cast<double>(nc), ch = plot.height() / static_cast<double>(nr);

  w.s += "<defs><pattern id=\"fc-missing\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f2f2f2\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b0b0b0\" stroke-width=\"2\"/></pattern>"
         "<linearGradient id=\"fc-scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">";
  for (int i = 0; i <= 8; ++i)
    w.s += "<stop offset=\"" + num(i / 8.0) + "\" stop-color=\"" + viridis(i / 8.0) + "\"/>";
  w.s += "</linearGradient></defs>\n";

  // Cells, with their values printed in all of them or, when one does not fit, in none.
  std::vector<std::string> cell_texts;
  for (const double v : finite) cell_texts.push_back(short_value(v));
  const bool show_values = ch >= 16 && widest(cell_texts, 11) + 6 <= cw;
  for (std::size_t r = 0; r < nr; ++r)
    for (std::size_t c = 0; c < nc; ++c) {
      const double v = chart.values[r * nc + c];
      const double x = plot.left + cw * static_cast<double>(c), y = plot.top + ch * static_cast<double>(r);
      const double t = std::isnan(v) ? 0 : std::clamp(cs.t(v), 0.0, 1.0);
      w.rect(x, y, cw, ch, std::isnan(v) ? "url(#fc-missing)" : viridis(t),
             "stroke=\"white\" stroke-width=\"1\"");
      if (std::isnan(v)) continue;
      if (show_values)
        w.text(x + cw / 2, y + ch / 2 + 4, short_value(v), 11, "middle",
               t < 0.6 ? "fill=\"white\"" : "fill=\"#111111\"");
    }
  // Row labels (every n-th when rows are thin), column labels (rotated when wide).
  const auto every = [](double room, double need) {
    return static_cast<std::size_t>(std::max(1.0, std::ceil(need / std::max(room, 1e-9))));
  };
  const std::size_t row_every = every(ch, tick_font + 2);
  for (std::size_t r = 0; r < nr; r += row_every)
    w.text(plot.left - 8, plot.top + ch * (static_cast<double>(r) + 0.5) + tick_font * 0.35,
           fit(chart.rows[r], row_label_w, tick_font), tick_font, "end", "fill=\"#333333\"");
  const std::size_t col_every = every(cw, rotate ? tick_font + 2 : col_label_w + 8);
  for (std::size_t c = 0; c < nc; c += col_every) {
    const double cx = plot.left + cw * (static_cast<double>(c) + 0.5);
    const std::string label = fit(chart.columns[c], col_label_w, tick_font);
    if (rotate) {
      const double y = plot.bottom + 10;
      w.text(cx + 4, y, label, tick_font, "end",
             "fill=\"#333333\" transform=\"rotate(-45 " + num(cx + 4) + " " + num(y) + ")\"");
    } else {
      w.text(cx, plot.bottom + 8 + tick_font, label, tick_font, "middle", "fill=\"#333333\"");
    }
  }
  if (!chart.x_label.empty())
    w.text((plot.left + plot.right) / 2, sz.height - margin, fit(chart.x_label, plot.width(), label_font),
           label_font, "middle", "fill=\"#222222\"");
  if (!chart.y_label.empty()) {
    const double cx = margin + label_font, cy = (plot.top + plot.bottom) / 2;
    w.text(cx, cy, fit(chart.y_label, plot.height(), label_font), label_font, "middle",
           "fill=\"#222222\" transform=\"rotate(-90 " + num(cx) + " " + num(cy) + ")\"");
  }

  // Colour bar.
  const double bx = plot.right + 24, by = plot.top;
  const double bh = std::min(plot.height() - (missing ? 30 : 0), 320.0);
  cs.p0 = by + bh, cs.p1 = by;
  w.rect(bx, by, bar_w, bh, "url(#fc-scale)", "stroke=\"#888888\" stroke-width=\"0.5\"");
  std::vector<double> extent(cs.ticks.size(), tick_font);
  const auto show = visible_labels(cs, extent, 4);
  for (std::size_t i = 0; i < cs.ticks.size(); ++i) {
    const double y = cs(cs.ticks[i]);
    w.line(bx + bar_w, y, bx + bar_w + 4, y, grey_ink, 1);
    if (show[i])
      w.text(bx + bar_w + 7, y + tick_font * 0.35, cs.labels[i], tick_font, "start", "fill=\"#333333\"");
  }
  if (!chart.value.label.empty()) {
    const double cx = bx + right_w - 4, cy = by + bh / 2;
    w.text(cx, cy, fit(chart.value.label, bh, label_font), label_font, "middle",
           "fill=\"#222222\" transform=\"rotate(-90 " + num(cx) + " " + num(cy) + ")\"");
  }
  if (missing)
    draw_legend(w, {{"n/a", "", legend_entry::hatched, 0}}, bx - 3, by + bh + 8, bar_w + 40,
                sz.height);
  return std::move(w).finish();
}

inline std::string render(const stacked_bars& chart, size sz = {}) {
  using namespace detail;
  check_size(sz);
  const std::size_t nb = chart.bars.size(), ns = chart.segments.size();
  if (nb == 0 || ns == 0)
    fail("svg_empty_chart", "stacked bars: needs at least one bar and one segment, got " +
                                std::to_string(nb) + " bars and " + std::to_string(ns) + " segments");
  if (chart.values.size() != nb)
    fail("svg_value_count", "stacked bars: " + std::to_string(nb) + " bars need " +
                                std::to_string(nb) + " rows of values, got " +
                                std::to_string(chart.values.size()));
  if (chart.y.log)
    fail("svg_bad_axis", "stacked bars: the y axis must be linear (stacked heights add)");
  std::vector<double> totals(nb, 0.0);
  for (std::size_t b = 0; b < nb; ++b) {
    const std::string bar = "stacked bars: bar " + quoted_name(chart.bars[b]);
    if (chart.values[b].size() != ns)
      fail("svg_value_count", bar + " has " + std::to_string(chart.values[b].size()) +
                                  " values for " + std::to_string(ns) + " segments");
    for (std::size_t s = 0; s < ns; ++s) {
      const double v = chart.values[b][s];
      if (!std::isfinite(v) || v < 0)
        fail("svg_non_finite", bar + ", segment " + quoted_name(chart.segments[s]) +
                                   ": values must be finite and >= 0");
      totals[b] += v;
    }
    if (!std::isfinite(totals[b])) fail("svg_non_finite", bar + ": the total is not finite");
  }
  std::vector<double> range = totals;
  range.push_back(0.0);  // bars stand on zero
  std::vector<legend_entry> legend;
  for (std::size_t s = ns; s-- > 0;)  // top segment first, as the eye meets them in the bars
    legend.push_back({chart.segments[s], colour(s), legend_entry::block, s});

  writer w(sz, chart.title);
  scale ys = resolve(chart.y, range, "stacked bars y axis");
  const double top = heading(w, chart.title, chart.subtitle, sz);
  const double lw = legend_width(legend, sz);
  box plot = xy_box(top, ys.labels, !chart.y.label.empty(), !chart.x_label.empty(), 0, lw, sz);
  const double slot_guess = plot.width() / static_cast<double>(nb);
  const double bar_label_w = std::min(widest(chart.bars, tick_font), sz.height * 0.3);
  const bool rotate = bar_label_w > slot_guess - 4;
  if (rotate) {
    plot.bottom -= bar_label_w * 0.71;
    // The first label runs down and to the left of its bar from (centre + 4): keep its start
    // inside the picture.
    const double reach = bar_label_w * 0.71 - 4 - slot_guess / 2;
    plot.left = std::max(plot.left, margin + reach);
  }
  check_plot(plot, "stacked bars");
  ys.p0 = plot.bottom, ys.p1 = plot.top;
  scale xs;  // categories: no ticks of its own
  xs.p0 = plot.left, xs.p1 = plot.right;
  draw_axes(w, plot, xs, ys, chart.x_label, chart.y.label, sz, false);
  draw_legend(w, legend, plot.right + 20, plot.top, lw, sz.height - margin);

  const double slot = plot.width() / static_cast<double>(nb);
  const double bar_w = std::min(slot * 0.72, 90.0);
  w.s += clip_def(plot, 0);
  w.s += "<g clip-path=\"url(#fc-plot)\" stroke=\"white\" stroke-width=\"0.6\">\n";
  for (std::size_t b = 0; b < nb; ++b) {
    const double x = plot.left + slot * (static_cast<double>(b) + 0.5) - bar_w / 2;
    double base = 0;
    for (std::size_t s = 0; s < ns; ++s) {
      const double v = chart.values[b][s];
      if (v > 0) {
        const double y0 = ys(base), y1 = ys(base + v);
        w.rect(x, y1, bar_w, y0 - y1, colour(s));
      }
      base += v;
    }
  }
  w.s += "</g>\n";
  // Rotated labels need about a line's height between bars; with more bars, every n-th.
  const auto label_every = static_cast<std::size_t>(
      rotate ? std::max(1.0, std::ceil((tick_font + 2) / slot)) : 1.0);
  // Totals on top of the bars: on all of them or (when one does not fit its slot) on none.
  std::vector<std::string> total_labels;
  for (const double t : totals) total_labels.push_back(short_value(t));
  const bool show_totals = widest(total_labels, 11) <= slot - 4;
  for (std::size_t b = 0; b < nb; ++b) {
    const double cx = plot.left + slot * (static_cast<double>(b) + 0.5);
    const double ty = ys(totals[b]) - 5;
    if (show_totals && ty > plot.top + 8)
      w.text(cx, ty, total_labels[b], 11, "middle", "fill=\"#333333\"");
    if (b % label_every != 0) continue;
    if (rotate) {
      const double y = plot.bottom + 10;
      w.text(cx + 4, y, fit(chart.bars[b], bar_label_w, tick_font), tick_font, "end",
             "fill=\"#333333\" transform=\"rotate(-45 " + num(cx + 4) + " " + num(y) + ")\"");
    } else {
      w.text(cx, plot.bottom + 8 + tick_font, chart.bars[b], tick_font, "middle", "fill=\"#333333\"");
    }
  }
  return std::move(w).finish();
}

}  // namespace flopcast::svg
