#pragma once
// `flopcast sweep`: a grid of chips x chip counts x models x precisions x assumptions
// (flopcast/sweep/grid.hpp), each point answered by the plan search's fastest plan; printed as a
// table, CSV, JSON or an SVG line chart (days, or seconds per step, against chip count).
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <flopcast/hardware/default_cluster.hpp>
#include <flopcast/hardware/networks.hpp>
#include <flopcast/sweep/grid.hpp>
#include <flopcast/sweep/svg.hpp>
#include <fstream>
#include <map>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "format.hpp"
#include "power.hpp"
#include "search.hpp"

namespace flopcast_cli {

inline constexpr std::string_view sweep_usage =
    "usage: flopcast sweep --chip LIST --chips LIST|FROM:TO:xK --model LIST [--batch-tokens T] "
    "[--flops F | --tokens T] [assumptions] [limits] [--json | --csv | --svg FILE]";

inline constexpr std::array sweep_own_options{
    option{"--chip", "LIST", "catalog chips, e.g. h100,b200,gb200 (flopcast chips), or all",
           "grid"},
    option{"--chips", "LIST", "chip counts: 512,1024 or FROM:TO:xK (1024:65536:x2) or "
                              "FROM:TO:+K", "grid", 1, 67'108'864},
    option{"--model", "LIST", "catalog models, e.g. llama3-70b,llama3-405b (flopcast models)",
           "grid"},
    option{"--precision", "LIST", "GEMM precisions: bf16, fp16, fp8 (default bf16)", "grid"},
    option{"--batch-tokens", "T", "global batch per step in tokens, rounded to whole sequences "
                                  "(default 16,777,216 = 16M)", "grid", 1, 1e12},
    option{"--flops", "F", "training budget in model FLOPs: days and chip-hours per point",
           "grid", 1, 1e40},
    option{"--tokens", "T", "training budget in tokens (instead of --flops)", "grid", 1, 1e20},
    option{"--gemm-scale", "LIST", "GEMM efficiency x each value, e.g. 0.9,1,1.1 (default 1)",
           "assumptions", 0.001, 1000},
    option{"--network-scale", "LIST", "scale-out bandwidth x each value (default 1)",
           "assumptions", 0.001, 1000},
    option{"--goodput", "LIST", "fractions of wall time spent on useful steps (default 1)",
           "assumptions", 0.01, 1},
    option{"--network", "NAME", "scale-out network profile for every chip (flopcast estimate "
                                "--help lists them)", "assumptions"},
    option{"--scale-out-gbps", "G", "NIC line rate per accelerator for every chip, Gb/s",
           "assumptions", 1, 1e6},
    option{"--pue", "X", "facility power / IT power for energy, X or LOW:HIGH",
           "energy and cost", 1, flopcast::limits::max_pue},
    option{"--power-factor", "F",
           "average draw / IT power budget, F or LOW:HIGH (measured range)",
           "energy and cost", 1e-6, 1},
    option{"--price-per-chip-hour", "P",
           "rent $ per accelerator-hour for every chip, P or LOW:HIGH (default: each chip's "
           "dated catalog range)",
           "energy and cost", 0, 1e4},
    option{"--objective", "O",
           "with --front, what trades against days: chips (default), energy (MWh) or cost "
           "(rent); energy and cost need --flops or --tokens",
           "output"},
    option{"--front", "", "print only the points no other beats on chips and days (or step "
                          "time without a budget)", "output"},
    option{"--svg", "FILE", "write a line chart: days (or step seconds) vs chips, one line per "
                            "chip, model and assumption", "output"},
};

// The search limits `flopcast search` takes, shared; its --json/--csv/--threads too.
inline std::vector<option> sweep_options() {
  std::vector<option> all(sweep_own_options.begin(), sweep_own_options.end());
  for (const option& o : search_only_options) {
    if (o.name == "--objective" || o.name == "--top" || o.name == "--precision") continue;
    all.push_back(o);
  }
  return detail::with_defaults(std::move(all));  // the power defaults' values, from the library
}

namespace detail {

inline const option& sweep_option(std::string_view name) {
  for (const option& o : sweep_own_options) {
    if (o.name == name) return o;
  }
  return search_option(name);
}

inline std::vector<double> number_list(std::string_view name, const std::string& text) {
  std::vector<double> out;
  for (const std::string& w : list_words(name, text)) {
    const double v = to_number_in(sweep_option(name), w);
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

// "512,1024" or "FROM:TO:xK" (multiply by K) or "FROM:TO:+K" (add K), at most 4,096 counts.
inline std::vector<int> chip_counts(const std::string& text) {
  const option& spec = sweep_option("--chips");
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos) {
    std::vector<int> out;
    for (const std::string& w : list_words("--chips", text)) {
      const int v = to_int_in(spec, w);
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    }
    return out;
  }
  const std::size_t second = text.find(':', colon + 1);
  const auto bad = [&] {
    return usage_error(invalid_value("--chips", text, "a list or FROM:TO:xK or FROM:TO:+K"));
  };
  if (second == std::string::npos || second + 2 > text.size()) throw bad();
  const int from = to_int_in(spec, text.substr(0, colon));
  const int to = to_int_in(spec, text.substr(colon + 1, second - colon - 1));
  const char how = text[second + 1];
  if (how != 'x' && how != '+') throw bad();
  const int step = to_int_in(spec, text.substr(second + 2));
  if (to < from || (how == 'x' && step < 2)) throw bad();
  std::vector<int> out;
  for (long long v = from; v <= to; v = how == 'x' ? v * step : v + step) {
    out.push_back(static_cast<int>(v));
    if (out.size() > 4096) {
      throw usage_error(invalid_value("--chips", text, "at most 4,096 chip counts"));
    }
  }
  return out;
}

// The name of a point's line in the chart: what varies across the grid.
inline std::string series_name(const flopcast::grid_spec& g, const flopcast::grid_point& p) {
  std::string s = p.chip;
  if (g.models.size() > 1) s += ", " + p.model;
  if (g.precisions.size() > 1) s += ", " + std::string(flopcast::name(p.compute));
  if (g.gemm_efficiency_scales.size() > 1) s += ", GEMM x" + significant(p.gemm_efficiency_scale, 3);
  if (g.scale_out_bandwidth_scales.size() > 1) {
    s += ", network x" + significant(p.scale_out_bandwidth_scale, 3);
  }
  if (g.goodputs.size() > 1) s += ", goodput " + percent(p.goodput, 0);
  return s;
}

}  // namespace detail

inline void sweep_help(std::ostream& out) {
  out << sweep_usage
      << "\n\nFor every chip, chip count, model, precision and assumption in the grid, searches the\n"
         "parallel plans (as flopcast search does, fastest step) and prints the best: its plan,\n"
         "step time, MFU and, with --flops or --tokens, days and chip-hours. Each chip gets its\n"
         "default cluster (its vendor's scale-up domain, one NIC per accelerator at the catalog\n"
         "rate, or --network). Points with no valid plan give the reason most plans were\n"
         "refused for.\n\n";
  print_options(out, sweep_options());
  out << "\nexample:\n"
         "  flopcast sweep --chip h100,b200,gb200 --chips 1024:65536:x2 --model llama3-405b "
         "--flops 2.1e25\n";
}

inline int sweep_command(std::span<const std::string> words, std::ostream& out,
                         std::ostream& err) {
  using namespace flopcast;
  const std::vector<option> all = sweep_options();
  const arguments a = parse(words, all, 0);
  int outputs = 0;
  for (const char* o : {"--json", "--csv", "--svg"}) outputs += a.has(o) ? 1 : 0;
  if (outputs > 1) throw usage_error("give one of --json, --csv and --svg");
  if (a.has("--flops") && a.has("--tokens")) throw usage_error("give --flops or --tokens, not both");
  for (const char* need : {"--chip", "--chips", "--model"}) {
    if (!a.has(need)) throw usage_error(std::string("missing ") + need + " LIST");
  }

  grid_spec g;
  default_cluster_options where;
  if (const std::string* v = a.find("--scale-out-gbps")) {
    where.scale_out_gbps = to_number_in(detail::sweep_option("--scale-out-gbps"), *v);
  }
  if (const std::string* net = a.find("--network")) {
    std::vector<std::string_view> names;
    for (const network_profile* n : networks::all) names.push_back(n->key);
    where.network = networks::all[detail::choose("--network", *net, names)];
  }
  if (*a.find("--chip") == "all") {
    // Every catalog entry that is one accelerator (not a two-GPU superchip), each on its default
    // cluster; chips that need a network they do not have are refused at their points.
    for (const chip_spec* c : all_chips) {
      if (c->accelerators == 1) g.clusters.push_back(default_cluster(*c, 1, where));
    }
  } else {
    for (const std::string& name : detail::list_words("--chip", *a.find("--chip"))) {
      const chip_spec& c = chip_or_usage_error(name);
      g.clusters.push_back(default_cluster(c, 1, where));
    }
  }
  g.chip_counts = detail::chip_counts(*a.find("--chips"));
  for (const std::string& name : detail::list_words("--model", *a.find("--model"))) {
    g.models.push_back(model_or_usage_error(name).shape);
  }
  if (const std::string* v = a.find("--precision")) g.precisions = detail::precision_list(*v);
  if (const std::string* v = a.find("--gemm-scale")) {
    g.gemm_efficiency_scales = detail::number_list("--gemm-scale", *v);
  }
  if (const std::string* v = a.find("--network-scale")) {
    g.scale_out_bandwidth_scales = detail::number_list("--network-scale", *v);
  }
  if (const std::string* v = a.find("--goodput")) g.goodputs = detail::number_list("--goodput", *v);
  // Default batch: 16M tokens, Llama 3 405B's pre-training batch at 8K sequences (arXiv
  // 2407.21783, Table 4: 2,048 sequences x 8,192 tokens).
  g.global_batch_tokens = 2048.0 * 8192.0;
  if (const std::string* v = a.find("--batch-tokens")) {
    g.global_batch_tokens = to_number_in(detail::sweep_option("--batch-tokens"), *v, true);
  }
  if (const std::string* v = a.find("--flops")) {
    g.budget = training_budget{.flops = to_number_in(detail::sweep_option("--flops"), *v, true)};
  } else if (const std::string* t = a.find("--tokens")) {
    g.budget = training_budget{.tokens = to_number_in(detail::sweep_option("--tokens"), *t, true)};
  }

  if (const std::string* v = a.find("--pue")) {
    g.pue = detail::range_from_text(detail::sweep_option("--pue"), *v);
  }
  if (const std::string* v = a.find("--power-factor")) {
    g.power_factor = detail::range_from_text(detail::sweep_option("--power-factor"), *v);
  }
  if (const std::string* v = a.find("--price-per-chip-hour")) {
    g.price_per_chip_hour = detail::range_from_text(detail::sweep_option("--price-per-chip-hour"), *v);
  }
  // The front's second objective against days (chips by default).
  std::size_t objective = 0;
  if (const std::string* v = a.find("--objective")) {
    static constexpr std::array<std::string_view, 3> objectives{"chips", "energy", "cost"};
    objective = detail::choose("--objective", *v, objectives);
    if (objective != 0 && !g.budget) {
      throw usage_error("--objective " + *v + " needs a training budget: --flops F or --tokens T");
    }
    if (!a.has("--front")) throw usage_error("--objective chooses the --front's axes: give --front");
  }

  detail::read_limits(a, g.limits);
  int threads = 0;
  detail::read_int(a, "--threads", threads);
  g.threads = static_cast<unsigned>(threads);

  // A progress line on stderr once the sweep has run a second, rewritten in place.
  const auto start = std::chrono::steady_clock::now();
  bool progress_shown = false;
  g.progress = [&](std::size_t done, std::size_t total) {
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < 1.0 || done == total) return;
    err << "\rflopcast sweep: " << done << " of " << total << " points, " << fixed(s, 1) << " s"
        << std::flush;
    progress_shown = true;
  };
  const result<grid_result> r = try_run_grid(g);
  if (progress_shown) err << '\n';
  if (!r) {
    err << "flopcast sweep: invalid grid: " << r.error()->message << " [" << r.error()->code
        << "]\n";
    return 1;
  }
  const grid_result& res = r.value();
  std::vector<grid_point> points = res.points;
  if (a.has("--front")) {
    const auto y = g.budget ? grid_metrics::days : grid_metrics::step_s;
    std::vector<std::size_t> kept;
    if (objective == 1) {
      kept = grid_front(res.points, grid_metrics::energy_mwh, grid_metrics::days);
    } else if (objective == 2) {
      kept = grid_front(res.points, grid_metrics::rental_usd, grid_metrics::days);
    } else {
      kept = grid_front(res.points, grid_metrics::chips, y);
    }
    std::vector<grid_point> front;
    for (std::size_t i : kept) front.push_back(res.points[i]);
    points = std::move(front);
  }
  const bool any = std::any_of(points.begin(), points.end(),
                               [](const grid_point& p) { return p.ok(); });
  if (!any) {
    err << "flopcast sweep: no point has a valid plan:";
    std::map<std::string_view, int> why;
    for (const grid_point& p : res.points) ++why[p.why != nullptr ? p.why->code : "unknown"];
    for (const auto& [code, n] : why) err << ' ' << code << " (" << n << ')';
    err << '\n';
    return 1;
  }
  const grid_result picked{.points = points, .budget = res.budget};

  if (const std::string* file = a.find("--svg")) {
    svg::line_chart chart;
    const bool by_days = g.budget.has_value();
    std::string models;
    for (const transformer& m : g.models) (models += models.empty() ? "" : ", ") += m.name;
    const std::string work =
        !g.budget ? "" : g.budget->flops != 0.0 ? format_number(g.budget->flops) + " FLOP"
                                                  : format_number(g.budget->tokens) + " tokens";
    chart.title = by_days ? "Days to train " + work + " vs chip count"
                          : "Seconds per step vs chip count";
    chart.subtitle = models + "; the fastest plan per point; " +
                     format_number(g.global_batch_tokens) + " tokens per step";
    chart.x = {.label = "chips", .log = true};
    chart.y = {.label = by_days ? "days" : "seconds per step", .log = true};
    std::map<std::string, std::size_t> index;
    for (const grid_point& p : picked.points) {
      if (!p.ok()) continue;
      const std::string name = detail::series_name(g, p);
      auto [it, fresh] = index.try_emplace(name, chart.lines.size());
      if (fresh) chart.lines.push_back({.name = name});
      chart.lines[it->second].x.push_back(static_cast<double>(p.chips));
      chart.lines[it->second].y.push_back(by_days ? p.days : p.step_s);
    }
    std::ofstream f(*file, std::ios::binary);
    if (!f) throw usage_error("cannot write --svg file '" + shown(*file) + "'");
    f << svg::render(chart);
    if (!f) throw usage_error("cannot write --svg file '" + shown(*file) + "'");
    out << "flopcast sweep: " << chart.lines.size() << " line(s), "
        << picked.points.size() << " point(s) written to " << shown(*file) << '\n';
    return 0;
  }
  if (a.has("--json")) {
    write_json(out, picked);
  } else if (a.has("--csv")) {
    write_csv(out, picked);
  } else {
    write_table(out, picked);
  }
  return 0;
}

}  // namespace flopcast_cli
