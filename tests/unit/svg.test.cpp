// The SVG chart writer: well-formed documents, round ticks and short labels, escaping, the
// Pareto front, refused input and byte-for-byte determinism.
#include <flopcast/sweep/svg.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "catch_any.hpp"

using namespace flopcast;

namespace {

const double nan_value = std::numeric_limits<double>::quiet_NaN();

// The names of the elements in document order if every tag is closed in order, else a message
// starting with "error". A small check, not an XML parser: enough for what the writer emits.
std::vector<std::string> elements(const std::string& doc, std::string& error) {
  std::vector<std::string> open, seen;
  std::size_t i = 0;
  while ((i = doc.find('<', i)) != std::string::npos) {
    const std::size_t end = doc.find('>', i);
    if (end == std::string::npos) {
      error = "error: unterminated tag";
      return seen;
    }
    const std::string tag = doc.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty() || tag[0] == '?' || tag[0] == '!') continue;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) {
        error = "error: </" + tag.substr(1) + "> closes " + (open.empty() ? "nothing" : open.back());
        return seen;
      }
      open.pop_back();
      if (open.empty() && doc.find('<', i) != std::string::npos) error = "error: content after the root";
      continue;
    }
    const std::string name = tag.substr(0, tag.find_first_of(" \n/"));
    if (open.empty() && !seen.empty()) error = "error: a second root";
    seen.push_back(name);
    if (tag.back() != '/') open.push_back(name);
  }
  if (!open.empty()) error = "error: <" + open.back() + "> not closed";
  return seen;
}

void require_well_formed(const std::string& doc, int width = 800, int height = 500) {
  std::string error;
  const auto names = elements(doc, error);
  INFO(error);
  REQUIRE(error.empty());
  REQUIRE(!names.empty());
  CHECK(names.front() == "svg");
  const std::string w = std::to_string(width), h = std::to_string(height);
  CHECK(doc.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h +
                      "\" viewBox=\"0 0 " + w + " " + h + "\"",
                  0) == 0);
  CHECK(doc.find("font-family=\"sans-serif\"") != std::string::npos);
  // Outside tags, only entity references may hold '&', and no bare '<' can hide in text.
  for (std::size_t a = doc.find('&'); a != std::string::npos; a = doc.find('&', a + 1)) {
    const std::string ref = doc.substr(a, 6);
    const bool entity = ref.rfind("&amp;", 0) == 0 || ref.rfind("&lt;", 0) == 0 ||
                        ref.rfind("&gt;", 0) == 0 || ref.rfind("&quot;", 0) == 0 ||
                        ref.rfind("&apos;", 0) == 0;
    CHECK(entity);
  }
}

std::size_t count(const std::string& doc, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t i = doc.find(what); i != std::string::npos; i = doc.find(what, i + 1)) ++n;
  return n;
}

svg::line_chart sample_lines() {
  svg::line_chart c;
  c.title = "Days to train";
  c.subtitle = "sample";
  c.x = {.label = "GPUs", .log = true};
  c.y = {.label = "days"};
  c.lines = {{"H100", {256, 1024, 4096}, {90, 25, 7}}, {"A100", {256, 1024, 4096}, {280, 75, 21}}};
  return c;
}

svg::scatter_chart sample_scatter() {
  svg::scatter_chart c;
  c.title = "Plans";
  c.x = {.label = "step time (s)"};
  c.y = {.label = "memory (GB)"};
  c.points = {{"TP 8", {10, 12, 9, 15}, {70, 50, 90, 45}}, {"TP 4", {11, 20}, {60, 44}}};
  return c;
}

svg::heatmap sample_heatmap() {
  svg::heatmap h;
  h.title = "MFU";
  h.x_label = "PP";
  h.y_label = "TP";
  h.value = {.label = "MFU"};
  h.columns = {"1", "2", "4"};
  h.rows = {"TP 4", "TP 8"};
  h.values = {0.31, nan_value, 0.42, 0.38, 0.45, 0.40};
  return h;
}

svg::stacked_bars sample_bars() {
  svg::stacked_bars b;
  b.title = "Step time";
  b.y = {.label = "s"};
  b.bars = {"plan A", "plan B", "plan C"};
  b.segments = {"compute", "communication", "bubble"};
  b.values = {{9, 1, 0.5}, {9.5, 0.4, 1.2}, {10, 0.2, 0}};
  return b;
}

}  // namespace

TEST_CASE("svg: nice ticks are 1, 2 or 5 x 10^k and cover the range", "[svg]") {
  CHECK(svg::nice_ticks(0, 9.3) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(svg::nice_ticks(0, 1) == std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0});
  CHECK(svg::nice_ticks(-3, 47) == std::vector<double>{-10, 0, 10, 20, 30, 40, 50});
  CHECK(svg::nice_ticks(0, 16384) == std::vector<double>{0, 5000, 10000, 15000, 20000});
  // The doubles nearest the decimals: 0.3, not 0.1 + 0.2.
  const auto small = svg::nice_ticks(0.1, 0.55);
  REQUIRE(small.size() == 6);
  CHECK(small[2] == 0.3);
  // One value is widened to a range around it.
  const auto one = svg::nice_ticks(5, 5);
  CHECK(one.front() <= 4.5);
  CHECK(one.back() >= 5.5);
  CHECK_THROWS_AS(svg::nice_ticks(2, 1), std::invalid_argument);
  CHECK_THROWS_AS(svg::nice_ticks(0, nan_value), std::invalid_argument);
}

TEST_CASE("svg: log ticks are decades, with 2 and 5 over few decades", "[svg]") {
  CHECK(svg::log_ticks(3, 4000) == std::vector<double>{10, 100, 1000});
  CHECK(svg::log_ticks(1, 1e6) == std::vector<double>{1, 10, 100, 1e3, 1e4, 1e5, 1e6});
  CHECK(svg::log_ticks(2, 1000) == std::vector<double>{2, 5, 10, 20, 50, 100, 200, 500, 1000});
  CHECK(svg::log_ticks(0.01, 0.5) == std::vector<double>{0.01, 0.02, 0.05, 0.1, 0.2, 0.5});
  // Many decades: every other one, at most about ten labels.
  const auto wide = svg::log_ticks(1e3, 1e27);
  CHECK(wide.size() == 9);
  CHECK(wide.front() == 1e3);
  CHECK(wide[1] == 1e6);
  // Within one decade: the integers.
  CHECK(svg::log_ticks(2.5, 6) == std::vector<double>{3, 4, 5, 6});
  CHECK_THROWS_AS(svg::log_ticks(0, 10), std::invalid_argument);
  CHECK_THROWS_AS(svg::log_ticks(10, 1), std::invalid_argument);
}

TEST_CASE("svg: tick labels are short and exact", "[svg]") {
  using v = std::vector<std::string>;
  const auto labels = [](std::vector<double> t, bool log = false) {
    return svg::tick_labels(t, log);
  };
  CHECK(labels(svg::nice_ticks(0, 0.3)) == v{"0", "0.1", "0.2", "0.3"});
  CHECK(labels(svg::nice_ticks(0, 2.2)) == v{"0", "0.5", "1.0", "1.5", "2.0", "2.5"});
  CHECK(labels({0, 0.1, 0.2, 0.30000000000000004}) == v{"0", "0.1", "0.2", "0.3"});
  CHECK(labels({0, 500, 1000, 1500, 2000}) == v{"0", "500", "1000", "1500", "2000"});
  CHECK(labels({2010, 2015, 2020}) == v{"2010", "2015", "2020"});  // years, not "2,010"
  CHECK(labels({0, 5000, 10000, 15000, 20000}) == v{"0", "5k", "10k", "15k", "20k"});
  CHECK(labels({0, 500000, 1000000, 1500000}) == v{"0", "0.5M", "1.0M", "1.5M"});
  CHECK(labels({-20, -10, 0, 10}) == v{"-20", "-10", "0", "10"});
  CHECK(labels({1, 10, 100, 1000, 1e4, 1e6}, true) == v{"1", "10", "100", "1k", "10k", "1M"});
  CHECK(labels({0.01, 0.02, 0.05, 2000, 5e9}, true) == v{"0.01", "0.02", "0.05", "2k", "5G"});
  CHECK(labels({1e18, 1e21, 1e24}, true) == v{"1e18", "1e21", "1e24"});
  CHECK(labels({1e17, 1e18}, true) == v{"1e17", "1e18"});  // one notation per axis
  CHECK(labels({2e18, 4e18, 6e18}) == v{"2e18", "4e18", "6e18"});
}

TEST_CASE("svg: the Pareto front minimises both coordinates", "[svg]") {
  //             0  1  2  3  4  5  6  7
  const std::vector<double> x{4, 1, 3, 2, 5, 3, 6, 1};
  const std::vector<double> y{4, 9, 2, 5, 1, 3, 1, 9};
  // 1 and 7 are the same point (both kept, by index); 2 beats 5 (same x, lower y) and 0;
  // 4 beats 6 (same y, lower x).
  CHECK(svg::pareto_front(x, y) == std::vector<std::size_t>{1, 7, 3, 2, 4});
  CHECK(svg::pareto_front(std::vector<double>{}, std::vector<double>{}).empty());
  CHECK_THROWS_AS(svg::pareto_front(x, std::vector<double>{1, 2}), std::invalid_argument);
  const std::vector<double> bad{1, nan_value};
  CHECK_THROWS_AS(svg::pareto_front(bad, std::vector<double>{1, 2}), std::invalid_argument);

  // The chart rings exactly the front's points (here every point: as x grows, y falls), plus the
  // ring in the legend.
  auto c = sample_scatter();
  const std::vector<double> all_x{10, 12, 9, 15, 11, 20}, all_y{70, 50, 90, 45, 60, 44};
  const auto front = svg::pareto_front(all_x, all_y);
  CHECK(front == std::vector<std::size_t>{2, 0, 4, 1, 3, 5});
  const std::string with = svg::render(c);
  c.pareto_front = false;
  const std::string without = svg::render(c);
  CHECK(count(with, "fill=\"none\" stroke=\"#222222\" stroke-width=\"1.8\"") == front.size() + 1);
  CHECK(count(without, "stroke-width=\"1.8\"") == 0);
  CHECK(with.find("Pareto front") != std::string::npos);
}

TEST_CASE("svg: every chart kind is one well-formed <svg> document", "[svg]") {
  require_well_formed(svg::render(sample_lines()));
  require_well_formed(svg::render(sample_scatter()));
  require_well_formed(svg::render(sample_heatmap()));
  require_well_formed(svg::render(sample_bars()));
  require_well_formed(svg::render(sample_lines(), {.width = 1200, .height = 700}), 1200, 700);
  require_well_formed(svg::render(sample_bars(), {.width = 320, .height = 200}), 320, 200);

  // Each series and segment appears in the legend; the heatmap's missing cell is hatched.
  const std::string lines = svg::render(sample_lines());
  CHECK(count(lines, "<polyline") == 2);
  CHECK(lines.find(">H100</text>") != std::string::npos);
  CHECK(lines.find(">1k</text>") != std::string::npos);  // log x ticks
  const std::string heat = svg::render(sample_heatmap());
  CHECK(count(heat, "fill=\"url(#fc-missing)\"") == 2);  // one cell, one legend swatch
  CHECK(heat.find(">n/a</text>") != std::string::npos);
  const std::string bars = svg::render(sample_bars());
  CHECK(bars.find(">communication</text>") != std::string::npos);
  CHECK(bars.find(">11.1</text>") != std::string::npos);  // plan B's total on its bar
}

TEST_CASE("svg: text is escaped", "[svg]") {
  auto c = sample_lines();
  c.title = "A&B <fast> \"q\" 'p'";
  c.lines[0].name = "</text><script>";
  c.x.label = std::string("bad\x01utf8 \xff end");
  const std::string doc = svg::render(c);
  require_well_formed(doc);
  CHECK(doc.find("A&amp;B &lt;fast&gt; &quot;q&quot; &apos;p&apos;") != std::string::npos);
  CHECK(doc.find("&lt;/text&gt;&lt;script&gt;") != std::string::npos);
  CHECK(doc.find("<script>") == std::string::npos);
  CHECK(doc.find("bad utf8 \xEF\xBF\xBD end") != std::string::npos);
  CHECK(svg::escape("caf\xC3\xA9 \xE2\x80\xA6") == "caf\xC3\xA9 \xE2\x80\xA6");  // valid UTF-8 kept
  CHECK(svg::escape("\xC3") == "\xEF\xBF\xBD");                                // cut sequence
}

TEST_CASE("svg: invalid charts are refused with the reason", "[svg]") {
  const auto message = [](auto&& chart) -> std::string {
    try {
      (void)svg::render(chart);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "accepted";
  };
  const auto has = [](const std::string& text, const std::string& part) {
    INFO(text);
    return text.find(part) != std::string::npos;
  };
  auto lines = sample_lines();
  lines.lines[1].y.pop_back();
  CHECK(has(message(lines), "series 'A100' has 3 x values and 2 y values"));
  lines = sample_lines();
  lines.lines[0].y[1] = std::numeric_limits<double>::infinity();
  CHECK(has(message(lines), "series 'H100' has a non-finite value at point 1"));
  lines = sample_lines();
  lines.lines[0].x[0] = 0;
  CHECK(has(message(lines), "value <= 0 on a log axis"));
  lines = sample_lines();
  lines.lines.clear();
  CHECK(has(message(lines), "no points"));
  lines = sample_lines();
  lines.y.min = 5, lines.y.max = 5;
  CHECK(has(message(lines), "min must be below its max"));

  auto scatter = sample_scatter();
  scatter.points[0].x[0] = nan_value;
  CHECK(has(message(scatter), "non-finite"));
  scatter = sample_scatter();
  scatter.points = {{"empty", {}, {}}};
  CHECK(has(message(scatter), "no points"));

  auto heat = sample_heatmap();
  heat.values.pop_back();
  CHECK(has(message(heat), "2 rows x 3 columns need 6 values, got 5"));
  heat = sample_heatmap();
  heat.values[0] = -std::numeric_limits<double>::infinity();
  CHECK(has(message(heat), "infinite value at row 0, column 0"));
  heat = sample_heatmap();
  heat.value.log = true;
  heat.values[2] = 0;
  CHECK(has(message(heat), "<= 0 on a log colour scale"));
  heat = sample_heatmap();
  for (auto& v : heat.values) v = nan_value;
  CHECK(has(message(heat), "every value is missing"));
  heat = sample_heatmap();
  heat.rows.clear();
  heat.values.clear();
  CHECK(has(message(heat), "at least one column and one row"));

  auto bars = sample_bars();
  bars.values[1].pop_back();
  CHECK(has(message(bars), "bar 'plan B' has 2 values for 3 segments"));
  bars = sample_bars();
  bars.values[0][2] = -1;
  CHECK(has(message(bars), "finite and >= 0"));
  bars = sample_bars();
  bars.y.log = true;
  CHECK(has(message(bars), "must be linear"));
  bars = sample_bars();
  bars.bars.clear();
  CHECK(has(message(bars), "at least one bar"));

  CHECK_THROWS_AS(svg::render(sample_lines(), {.width = 100, .height = 100}), std::invalid_argument);
  // The library's own error type, with a code programs can match.
  CHECK_THROWS_AS(svg::render(svg::line_chart{}), invalid_input);
}

TEST_CASE("svg: the same chart gives the same bytes", "[svg]") {
  CHECK(svg::render(sample_lines()) == svg::render(sample_lines()));
  CHECK(svg::render(sample_scatter()) == svg::render(sample_scatter()));
  CHECK(svg::render(sample_heatmap()) == svg::render(sample_heatmap()));
  CHECK(svg::render(sample_bars()) == svg::render(sample_bars()));
  // And a change in the data changes the picture.
  auto c = sample_lines();
  c.lines[0].y[0] = 91;
  CHECK(svg::render(c) != svg::render(sample_lines()));
}
