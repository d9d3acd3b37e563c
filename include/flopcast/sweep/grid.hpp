#pragma once
#include "flopcast/core/config.hpp"
// Grids: every combination of clusters (chips), chip counts, models, GEMM precisions and
// assumption values (GEMM-efficiency scale, scale-out bandwidth scale, goodput), each point
// answered by the plan search's fastest plan (sweep/search.hpp, time objective), with its step
// breakdown, MFU, tokens/s and, given a training budget, days and chip-hours. A point with no
// valid plan carries the reason: the search's refusal, or the rejection most of its plans met.
//
//   grid_spec g;
//   g.clusters = {default_cluster(chips::h100_sxm, 1), default_cluster(chips::b200, 1)};
//   g.chip_counts = {1024, 2048, 4096};
//   g.models = {models::llama3_70b.shape};
//   g.global_batch_tokens = 16.0 * 1024 * 1024;
//   g.budget = training_budget{.flops = 6.3e24};
//   const grid_result r = run_grid(g);
//   write_csv(std::cout, r);
//
// Order (deterministic, whatever the thread count): clusters, then models, precisions, GEMM
// scales, scale-out scales, goodputs, and chip counts innermost, each in the order given; so a
// series over chip counts is a run of consecutive points.
//
// Each point's inputs: the cluster resized to the count (with_count); the search's precisions
// replaced by the point's one (the recipe, i.e. the stored bytes, stays base.recipe's); the
// chip's calibration (options.calibration, or default_calibration(chip)) with both GEMM
// efficiencies multiplied by the scale (a product above 1 is refused by the step model, with its
// reason, at that point); the scale-out per-accelerator rate multiplied by its scale; the
// goodput set. The global batch is given in tokens and rounded to whole sequences of each model.
//
// Writers (std::ostream, no dependency): write_table (aligned text for people), write_csv (RFC
// 4180: a header row, fields quoted when they hold a comma, quote, CR or LF, quotes doubled, CRLF
// line ends) and write_json. Numbers in CSV and JSON are the shortest decimals that read back as
// the same double; a missing value is an empty CSV field and JSON null.
//
// CSV columns and JSON keys (stable; JSON nests the plan and step terms as shown):
//   chip, cluster, model        names (cluster: cluster_spec::name, empty for default clusters)
//   chips, precision            accelerators; the GEMM precision ("BF16", "FP8")
//   gemm_efficiency_scale, scale_out_bandwidth_scale, goodput
//   global_batch                sequences per step
//   status                      "ok", or the reason's code (e.g. "plan_memory_exceeds_hbm")
//   reason                      the reason's sentence; empty (null) when ok
//   plans_considered, plans_valid
//   plan.{tp, sequence_parallel, pp, vp, cp, ep, dp, zero_stage, microbatch, recompute}
//                               (CSV: the same names without "plan.")
//   step.{step_s, <step_terms keys: compute_s, memory_bound_s, tp_comm_s, cp_comm_s, ep_comm_s,
//         pp_comm_s, bubble_s, dp_comm_s, offload_s, optimizer_s>}  (CSV: without "step.")
//   mfu, tokens_per_s, memory_per_chip_gb (decimal GB), days, chip_hours
//   energy_mwh_low, energy_mwh_high   the run's energy from the grid (estimate/power.hpp: the
//                               catalog's power budget per accelerator, x PUE x power factor x
//                               days), over the spec's PUE and power-factor ranges
//   rental_usd_low, rental_usd_high   chip-hours x $ per accelerator-hour (the spec's range, or
//                               the catalog's dated one, catalog/prices.hpp)
//   The last four need a budget and the catalog's figures for the chip: a chip without a
//   published system power or price has them missing (empty, null).
// JSON: {"budget": {"flops": F|null, "tokens": T|null}, "points": [{...}, ...]}; plan and step
// are null for a point without a plan; days and chip_hours are null without a budget.
#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "flopcast/core/error.hpp"
#include "flopcast/core/io.hpp"
#include "flopcast/core/interval.hpp"
#include "flopcast/core/text.hpp"
#include "flopcast/catalog/prices.hpp"
#include "flopcast/estimate/power.hpp"
#include "flopcast/estimate/step_time.hpp"
#include "flopcast/sweep/pareto.hpp"
#include "flopcast/sweep/search.hpp"

FLOPCAST_DEFINE_REASON(grid_axis_empty,
                       "every grid axis needs at least one value (clusters, chip counts, models, "
                       "precisions, GEMM scales, scale-out scales, goodputs)")
FLOPCAST_DEFINE_REASON(grid_value_out_of_range,
                       "a grid value is out of range: chip counts in [1, 2^26], scales finite and "
                       "in (0, 1000], goodputs in [0.01, 1], the global batch at least one "
                       "sequence and at most 2^30 of them")
FLOPCAST_DEFINE_REASON(grid_budget_invalid,
                       "a training budget gives exactly one of FLOPs (in [1, 1e40]) or tokens (in "
                       "[1, 1e20])")

namespace flopcast {

// The work to train: model FLOPs (in the step model's convention, step_options::mask; 6 N D
// plus attention for a dense model) or tokens. Set exactly one.
struct training_budget {
  double flops = 0.0;
  double tokens = 0.0;
};

struct grid_spec {
  std::vector<cluster_spec> clusters{};  // their counts are replaced by each chip count
  std::vector<int> chip_counts{};
  std::vector<transformer> models{};
  std::vector<precision> precisions{precision::bf16};
  std::vector<double> gemm_efficiency_scales{1.0};
  std::vector<double> scale_out_bandwidth_scales{1.0};
  std::vector<double> goodputs{1.0};
  double global_batch_tokens = 0.0;  // per step; rounded to whole sequences of each model
  std::optional<training_budget> budget{};
  parallel_plan base{};      // the fields the search does not vary (recipe, optimizer, kernels)
  step_options options{};    // calibration, goodput and overlap: the axes above override them
  search_limits limits{};    // limits.precisions is replaced by each point's precision
  // Energy and rent per point (with a budget): the assumptions, as ranges.
  interval pue = power_defaults::pue;
  interval power_factor = power_defaults::power_factor;
  std::optional<interval> price_per_chip_hour{};  // $; default: each chip's catalog range
  unsigned threads = 0;      // 0: std::thread::hardware_concurrency(); 1: the calling thread
  // Called after each point with (points answered, points in all), from one thread at a time
  // (the grid serialises the calls); for a progress line. Empty: not called.
  std::function<void(std::size_t, std::size_t)> progress{};
};

struct grid_point {
  // Inputs.
  std::size_t cluster_index = 0, model_index = 0;  // into grid_spec::clusters and models
  std::string chip{}, cluster{}, model{};
  int chips = 0;
  precision compute = precision::bf16;
  double gemm_efficiency_scale = 1.0;
  double scale_out_bandwidth_scale = 1.0;
  double goodput = 1.0;
  int global_batch = 0;  // sequences
  // The answer: the fastest plan, or the reason there is none.
  std::optional<ranked_plan> best{};
  const reason* why = nullptr;
  std::size_t plans_considered = 0, plans_valid = 0;
  // From the best plan (NaN without one; days and chip_hours also NaN without a budget).
  double step_s = std::nan("");
  double mfu = std::nan("");
  double tokens_per_s = std::nan("");
  double days = std::nan("");
  double chip_hours = std::nan("");
  // With a budget and the catalog's figures for the chip (NaN otherwise): low and high over
  // the assumption ranges.
  double energy_mwh_low = std::nan(""), energy_mwh_high = std::nan("");
  double rental_usd_low = std::nan(""), rental_usd_high = std::nan("");

  bool ok() const { return best.has_value(); }
};

struct grid_result {
  std::vector<grid_point> points;
  std::optional<training_budget> budget;
};

namespace detail {

inline const reason* find_problem(const grid_spec& g) {
  if (g.clusters.empty() || g.chip_counts.empty() || g.models.empty() || g.precisions.empty() ||
      g.gemm_efficiency_scales.empty() || g.scale_out_bandwidth_scales.empty() ||
      g.goodputs.empty()) {
    return &reasons::grid_axis_empty;
  }
  for (int n : g.chip_counts)
    if (!limits::within(n, 1, limits::max_accelerators)) return &reasons::grid_value_out_of_range;
  const auto scale_ok = [](double s) { return s > 0.0 && s <= 1000.0; };  // false for NaN
  for (double s : g.gemm_efficiency_scales)
    if (!scale_ok(s)) return &reasons::grid_value_out_of_range;
  for (double s : g.scale_out_bandwidth_scales)
    if (!scale_ok(s)) return &reasons::grid_value_out_of_range;
  for (double v : g.goodputs)
    if (!limits::within(v, limits::min_goodput, 1.0)) return &reasons::grid_value_out_of_range;
  if (!limits::within(g.global_batch_tokens, 1.0, 1e30)) return &reasons::grid_value_out_of_range;
  for (const transformer& m : g.models) {
    const double seqs = std::round(g.global_batch_tokens / std::max(1, m.seq_len));
    if (!limits::within(seqs, 1.0, static_cast<double>(limits::max_batch)))
      return &reasons::grid_value_out_of_range;
  }
  if (g.budget) {
    const training_budget& b = *g.budget;
    const bool by_flops = b.flops != 0.0, by_tokens = b.tokens != 0.0;
    if (by_flops == by_tokens) return &reasons::grid_budget_invalid;
    if (by_flops && !limits::within(b.flops, 1.0, limits::max_flops))
      return &reasons::grid_budget_invalid;
    if (by_tokens && !limits::within(b.tokens, 1.0, limits::max_tokens))
      return &reasons::grid_budget_invalid;
  }
  if (const reason* why = check_pue(g.pue)) return why;
  if (const reason* why = check_power_factor(g.power_factor)) return why;
  if (g.price_per_chip_hour) {
    if (const reason* why = check_price(*g.price_per_chip_hour)) return why;
  }
  return nullptr;
}

// The search request for one point (inputs already set on `p`).
inline search_request grid_request(const grid_spec& g, const grid_point& p) {
  search_request r;
  r.model = g.models[p.model_index];
  r.cluster = g.clusters[p.cluster_index].with_count(p.chips);
  // Only a rate there is is scaled: a cluster without one keeps its own reason (or none, when
  // the job fits in one scale-up domain).
  if (r.cluster.scale_out_per_direction().base_value() > 0.0) {
    r.cluster.scale_out.per_direction =
        r.cluster.scale_out_per_direction() * p.scale_out_bandwidth_scale;
  }
  r.chips = p.chips;
  r.global_batch = p.global_batch;
  r.base = g.base;
  r.options = g.options;
  chip_calibration cal =
      g.options.calibration ? *g.options.calibration : default_calibration(r.cluster.chip);
  cal.gemm_efficiency *= p.gemm_efficiency_scale;
  cal.fp8_gemm_efficiency *= p.gemm_efficiency_scale;
  r.options.calibration = cal;
  r.options.goodput = p.goodput;
  r.limits = g.limits;
  r.limits.precisions = {p.compute};
  r.objective = search_objective::time;
  r.top = 1;
  return r;
}

// A point's energy and rent over its wall time (estimate/power.hpp's bill_of_run on intervals),
// where the catalog has the chip's system power and a price (or the spec gives one).
inline void bill_point(const grid_spec& g, grid_point& p, duration<> wall) {
  const chip_spec& chip = g.clusters[p.cluster_index].chip;
  const double n = static_cast<double>(p.chips);
  const result<power_budget<>> budget = default_power_budget(chip, n);
  std::optional<interval> rent = g.price_per_chip_hour;
  if (!rent) {
    if (const chip_price* listed = price_for(chip)) {
      rent = interval(listed->rental_low.in(dollars_per_hour),
                      listed->rental_high.in(dollars_per_hour));
    }
  }
  const power_budget<interval> per_accelerator =
      budget ? splat_budget<interval>(budget.value()) : power_budget<interval>{};
  const run_bill<interval> bill = bill_of_run<interval>(
      interval(n), splat<interval>(wall), per_accelerator, g.pue, g.power_factor,
      splat<interval>(power_defaults::electricity), (rent ? *rent : interval(0.0)) * dollars_per_hour);
  if (budget) {
    p.energy_mwh_low = bill.drawn.in(megawatt_hours).lo;
    p.energy_mwh_high = bill.drawn.in(megawatt_hours).hi;
  }
  if (rent) {
    p.rental_usd_low = bill.rental.in(dollars).lo;
    p.rental_usd_high = bill.rental.in(dollars).hi;
  }
}

inline void answer(const grid_spec& g, grid_point& p, unsigned search_threads) {
  search_request r = grid_request(g, p);
  r.threads = search_threads;
  const result<search_result> found = try_search_plans(r);
  if (!found) {
    p.why = found.error();
    return;
  }
  const search_result& s = found.value();
  p.plans_considered = s.considered;
  p.plans_valid = s.valid;
  if (s.plans.empty()) {
    // Every plan was refused (considered > 0, so at least one reason was counted).
    p.why = s.rejected.empty() ? &reasons::search_space_empty : s.rejected.front().why;
    return;
  }
  p.best = s.plans.front();
  const step_breakdown& b = p.best->step;
  p.step_s = b.step.in(seconds);
  p.mfu = b.mfu;
  p.tokens_per_s = b.tokens_per_s;
  if (g.budget) {
    // The same wall time as try_estimate_run (run_wall_time).
    const double tokens = g.budget->tokens != 0.0
                              ? g.budget->tokens
                              : g.budget->flops / (b.model_flops.base_value() / b.tokens_per_step);
    const duration<> wall = run_wall_time(b, tokens, p.goodput);
    p.days = wall.in(flopcast::days);
    p.chip_hours = wall.in(hours) * static_cast<double>(p.chips);
    bill_point(g, p, wall);
  }
}

}  // namespace detail

// Runs the grid; refuses (with the reason) a spec whose axes are empty or whose numbers are out
// of range. Points are searched in parallel (each search on one thread) when there are at least
// as many points as threads, otherwise one at a time with threaded searches: the same answers.
inline result<grid_result> try_run_grid(const grid_spec& g) {
  if (const reason* why = detail::find_problem(g)) return *why;
  grid_result out;
  out.budget = g.budget;
  for (std::size_t c = 0; c < g.clusters.size(); ++c)
    for (std::size_t m = 0; m < g.models.size(); ++m)
      for (precision pr : g.precisions)
        for (double gemm : g.gemm_efficiency_scales)
          for (double net : g.scale_out_bandwidth_scales)
            for (double goodput : g.goodputs)
              for (int n : g.chip_counts) {
                grid_point p;
                p.cluster_index = c;
                p.model_index = m;
                p.chip = g.clusters[c].chip.name;
                p.cluster = g.clusters[c].name;
                p.model = g.models[m].name;
                p.chips = n;
                p.compute = pr;
                p.gemm_efficiency_scale = gemm;
                p.scale_out_bandwidth_scale = net;
                p.goodput = goodput;
                p.global_batch = static_cast<int>(
                    std::round(g.global_batch_tokens / std::max(1, g.models[m].seq_len)));
                out.points.push_back(std::move(p));
              }

  unsigned threads = g.threads != 0 ? g.threads : std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, 256u);
  std::mutex progress_lock;
  std::size_t answered = 0;
  const auto report = [&] {
    if (!g.progress) return;
    const std::lock_guard<std::mutex> hold(progress_lock);
    g.progress(++answered, out.points.size());
  };
  if (threads == 1 || out.points.size() < threads) {
    for (grid_point& p : out.points) {
      detail::answer(g, p, threads);
      report();
    }
  } else {
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i = next++; i < out.points.size(); i = next++) {
        detail::answer(g, out.points[i], 1);
        report();
      }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned k = 0; k < threads; ++k) pool.emplace_back(work);
    for (std::thread& t : pool) t.join();
  }
  return out;
}

inline grid_result run_grid(const grid_spec& g) { return try_run_grid(g).value(); }

// ---- Pareto fronts over grid points ---------------------------------------------------------

// Indices (into `points`) of the points with a plan that no other such point beats on both
// objectives, both minimised, sorted by x. Points without a plan, or where either objective is
// not finite (days without a budget), are left out. Objectives are callables of a grid_point:
//   grid_front(r.points, grid_metrics::chips, grid_metrics::days)
// (maximise a figure by minimising its negative).
template <class X, class Y>
std::vector<std::size_t> grid_front(std::span<const grid_point> points, X&& x, Y&& y) {
  std::vector<std::size_t> kept;
  std::vector<double> xs, ys;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!points[i].ok()) continue;
    const double a = static_cast<double>(x(points[i])), b = static_cast<double>(y(points[i]));
    if (!std::isfinite(a) || !std::isfinite(b)) continue;
    kept.push_back(i);
    xs.push_back(a);
    ys.push_back(b);
  }
  std::vector<std::size_t> front = pareto_front(xs, ys);
  for (std::size_t& i : front) i = kept[i];
  return front;
}

// Objectives for grid_front.
namespace grid_metrics {
inline double chips(const grid_point& p) { return static_cast<double>(p.chips); }
inline double step_s(const grid_point& p) { return p.step_s; }
inline double days(const grid_point& p) { return p.days; }
inline double chip_hours(const grid_point& p) { return p.chip_hours; }
// Energy ranks the same at either end (PUE and power factor scale every point alike).
inline double energy_mwh(const grid_point& p) { return p.energy_mwh_high; }
// Rent ranks by the geometric middle of its range (prices differ by chip, so the ends need not
// rank alike; the range is printed beside it).
inline double rental_usd(const grid_point& p) {
  return std::sqrt(p.rental_usd_low * p.rental_usd_high);
}
}  // namespace grid_metrics

// ---- Writers --------------------------------------------------------------------------------

namespace detail {

// The shortest decimal that reads back as the same double (no locale); "" when not finite.
inline std::string grid_number(double v) {
  return std::isfinite(v) ? json_number(v) : std::string();
}
inline std::string grid_json_number(double v) { return json_number(v); }

inline std::string json_quoted(std::string_view s) { return json_string(s); }

// RFC 4180: quoted when the field holds a comma, a quote, CR or LF; quotes doubled.
inline std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// One value of a point for the CSV and table writers, a JSON fragment for the JSON writer.
struct grid_cell {
  std::string text;  // CSV/table text ("" when missing)
  std::string json;  // JSON value
};

inline grid_cell cell_string(std::string_view s) { return {std::string(s), json_quoted(s)}; }
inline grid_cell cell_number(double v) { return {grid_number(v), grid_json_number(v)}; }
inline grid_cell cell_int(long long v) { return {std::to_string(v), std::to_string(v)}; }
inline grid_cell cell_missing() { return {{}, "null"}; }

struct grid_column {
  std::string key;    // CSV header and JSON key
  std::string group;  // "" (top level), "plan" or "step": the JSON object it nests in
  grid_cell (*value)(const grid_point&);
  std::size_t term = 0;  // for step terms: the index into step_terms
};

inline grid_cell term_value(const grid_point& p, std::size_t term) {
  if (!p.ok()) return cell_missing();
  return cell_number((p.best->step.*step_terms[term].field).in(seconds));
}

// Every column, in CSV order. Step terms are added from step_terms, so a new term appears in
// every writer.
inline std::vector<grid_column> grid_columns() {
  using P = const grid_point&;
  std::vector<grid_column> cols{
      {"chip", "", [](P p) { return cell_string(p.chip); }},
      {"cluster", "", [](P p) { return cell_string(p.cluster); }},
      {"model", "", [](P p) { return cell_string(p.model); }},
      {"chips", "", [](P p) { return cell_int(p.chips); }},
      {"precision", "", [](P p) { return cell_string(name(p.compute)); }},
      {"gemm_efficiency_scale", "", [](P p) { return cell_number(p.gemm_efficiency_scale); }},
      {"scale_out_bandwidth_scale", "",
       [](P p) { return cell_number(p.scale_out_bandwidth_scale); }},
      {"goodput", "", [](P p) { return cell_number(p.goodput); }},
      {"global_batch", "", [](P p) { return cell_int(p.global_batch); }},
      {"status", "", [](P p) { return cell_string(p.ok() ? "ok" : p.why->code); }},
      {"reason", "",
       [](P p) { return p.ok() ? cell_missing() : cell_string(p.why->message); }},
      {"plans_considered", "",
       [](P p) { return cell_int(static_cast<long long>(p.plans_considered)); }},
      {"plans_valid", "", [](P p) { return cell_int(static_cast<long long>(p.plans_valid)); }},
  };
#define FLOPCAST_GRID_PLAN_INT(KEY)                                               \
  cols.push_back({#KEY, "plan", [](P p) {                                         \
                    return p.ok() ? cell_int(p.best->plan.KEY) : cell_missing(); \
                  }})
  FLOPCAST_GRID_PLAN_INT(tp);
  cols.push_back({"sequence_parallel", "plan", [](P p) {
                    if (!p.ok()) return cell_missing();
                    const bool sp = p.best->plan.sequence_parallel;
                    return grid_cell{sp ? "true" : "false", sp ? "true" : "false"};
                  }});
  FLOPCAST_GRID_PLAN_INT(pp);
  FLOPCAST_GRID_PLAN_INT(vp);
  FLOPCAST_GRID_PLAN_INT(cp);
  FLOPCAST_GRID_PLAN_INT(ep);
  cols.push_back({"dp", "plan", [](P p) {
                    return p.ok() ? cell_int(data_parallel(p.best->plan, p.chips)) : cell_missing();
                  }});
  FLOPCAST_GRID_PLAN_INT(zero_stage);
  FLOPCAST_GRID_PLAN_INT(microbatch);
#undef FLOPCAST_GRID_PLAN_INT
  cols.push_back({"recompute", "plan", [](P p) {
                    return p.ok() ? cell_string(name(p.best->plan.recompute_mode)) : cell_missing();
                  }});
  cols.push_back({"step_s", "step", [](P p) { return cell_number(p.step_s); }});
  for (std::size_t t = 0; t < step_terms.size(); ++t)
    cols.push_back({std::string(step_terms[t].key), "step", nullptr, t});
  cols.push_back({"mfu", "", [](P p) { return cell_number(p.mfu); }});
  cols.push_back({"tokens_per_s", "", [](P p) { return cell_number(p.tokens_per_s); }});
  cols.push_back({"memory_per_chip_gb", "", [](P p) {
                    return p.ok() ? cell_number(p.best->step.memory.total().in(gigabytes))
                                  : cell_missing();
                  }});
  cols.push_back({"days", "", [](P p) { return cell_number(p.days); }});
  cols.push_back({"chip_hours", "", [](P p) { return cell_number(p.chip_hours); }});
  cols.push_back({"energy_mwh_low", "", [](P p) { return cell_number(p.energy_mwh_low); }});
  cols.push_back({"energy_mwh_high", "", [](P p) { return cell_number(p.energy_mwh_high); }});
  cols.push_back({"rental_usd_low", "", [](P p) { return cell_number(p.rental_usd_low); }});
  cols.push_back({"rental_usd_high", "", [](P p) { return cell_number(p.rental_usd_high); }});
  return cols;
}

inline grid_cell column_value(const grid_column& c, const grid_point& p) {
  return c.value != nullptr ? c.value(p) : term_value(p, c.term);
}

}  // namespace detail

// CSV (RFC 4180, CRLF line ends): a header row of the keys above, then one row per point.
inline void write_csv(std::ostream& os, const grid_result& r) {
  const std::vector<detail::grid_column> cols = detail::grid_columns();
  for (std::size_t i = 0; i < cols.size(); ++i) os << (i ? "," : "") << cols[i].key;
  os << "\r\n";
  for (const grid_point& p : r.points) {
    for (std::size_t i = 0; i < cols.size(); ++i)
      os << (i ? "," : "") << detail::csv_field(detail::column_value(cols[i], p).text);
    os << "\r\n";
  }
}

// JSON, two-space indented, keys in the documented order.
inline void write_json(std::ostream& os, const grid_result& r) {
  const std::vector<detail::grid_column> cols = detail::grid_columns();
  const auto budget_value = [&](double training_budget::*field) {
    return r.budget && (*r.budget).*field != 0.0 ? detail::grid_json_number((*r.budget).*field)
                                                 : std::string("null");
  };
  os << "{\n  \"budget\": {\"flops\": " << budget_value(&training_budget::flops)
     << ", \"tokens\": " << budget_value(&training_budget::tokens) << "},\n  \"points\": [";
  for (std::size_t k = 0; k < r.points.size(); ++k) {
    const grid_point& p = r.points[k];
    os << (k ? "," : "") << "\n    {";
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const detail::grid_column& c = cols[i];
      os << (i ? ", " : "");
      if (c.group.empty()) {
        os << detail::json_quoted(c.key) << ": " << detail::column_value(c, p).json;
        continue;
      }
      // A group's columns are adjacent: written as one object (null without a plan).
      os << detail::json_quoted(c.group) << ": ";
      std::size_t end = i;
      while (end < cols.size() && cols[end].group == c.group) ++end;
      if (p.ok()) {
        os << "{";
        for (std::size_t m = i; m < end; ++m)
          os << (m > i ? ", " : "") << detail::json_quoted(cols[m].key) << ": "
             << detail::column_value(cols[m], p).json;
        os << "}";
      } else {
        os << "null";
      }
      i = end - 1;
    }
    os << "}";
  }
  os << (r.points.empty() ? "" : "\n  ") << "]\n}\n";
}

// A plan in one line: "TP 8 SP, PP 16 x 2, CP 1, EP 1, DP 64, ZeRO 1, mb 1, selective".
inline std::string describe_plan(const parallel_plan& p, int chips) {
  std::string s = "TP " + std::to_string(p.tp) + (p.sequence_parallel ? " SP" : "") + ", PP " +
                  std::to_string(p.pp);
  if (p.vp > 1) s += " x " + std::to_string(p.vp);
  s += ", CP " + std::to_string(p.cp);
  if (p.ep > 1) s += ", EP " + std::to_string(p.ep);
  s += ", DP " + std::to_string(data_parallel(p, chips)) + ", ZeRO " +
       std::to_string(p.zero_stage) + ", mb " + std::to_string(p.microbatch) + ", " +
       std::string(name(p.recompute_mode));
  if (p.compute != precision::bf16) s += ", " + std::string(name(p.compute));
  return s;
}

// An aligned text table for people: the inputs that vary across the grid, the plan, step time,
// MFU, tokens/s and (with a budget) days, chip-hours, energy (MWh) and rent ($M) as low-high;
// or the reason there is no plan.
inline void write_table(std::ostream& os, const grid_result& r) {
  const auto varies = [&](auto get) {
    for (const grid_point& p : r.points)
      if (get(p) != get(r.points.front())) return true;
    return false;
  };
  const bool show_cluster = varies([](const grid_point& p) { return p.cluster; });
  const bool show_model = varies([](const grid_point& p) { return p.model; });
  const bool show_precision = varies([](const grid_point& p) { return p.compute; });
  const bool show_gemm = varies([](const grid_point& p) { return p.gemm_efficiency_scale; });
  const bool show_net = varies([](const grid_point& p) { return p.scale_out_bandwidth_scale; });
  const bool show_goodput = varies([](const grid_point& p) { return p.goodput; });
  const bool budget = r.budget.has_value();
  const auto any = [&](double grid_point::*field) {
    for (const grid_point& p : r.points)
      if (std::isfinite(p.*field)) return true;
    return false;
  };
  const bool show_energy = budget && any(&grid_point::energy_mwh_low);
  const bool show_rent = budget && any(&grid_point::rental_usd_low);
  const auto range_text = [](double lo, double hi, double scale) {
    if (!std::isfinite(lo)) return std::string("-");
    if (lo == hi) return format_number(lo / scale, 3);
    return format_number(lo / scale, 3) + "-" + format_number(hi / scale, 3);
  };

  // Each column: its heading and whether it is a number (right-aligned).
  std::vector<std::pair<std::string, bool>> head{{"chip", false}};
  if (show_cluster) head.push_back({"cluster", false});
  if (show_model) head.push_back({"model", false});
  head.push_back({"chips", true});
  if (show_precision) head.push_back({"precision", false});
  if (show_gemm) head.push_back({"GEMM x", true});
  if (show_net) head.push_back({"net x", true});
  if (show_goodput) head.push_back({"goodput", true});
  const std::size_t plan_column = head.size();
  head.push_back({"best plan", false});
  for (const char* h : {"step", "MFU", "tokens/s"}) head.push_back({h, true});
  if (budget) {
    head.push_back({"days", true});
    head.push_back({"chip-hours", true});
  }
  if (show_energy) head.push_back({"MWh", true});
  if (show_rent) head.push_back({"rent $M", true});

  std::vector<std::vector<std::string>> rows(1);
  for (const auto& h : head) rows[0].push_back(h.first);
  for (const grid_point& p : r.points) {
    std::vector<std::string> row{p.chip};
    if (show_cluster) row.push_back(p.cluster);
    if (show_model) row.push_back(p.model);
    row.push_back(format_number(p.chips, 6));
    if (show_precision) row.push_back(std::string(name(p.compute)));
    if (show_gemm) row.push_back(format_number(p.gemm_efficiency_scale, 3));
    if (show_net) row.push_back(format_number(p.scale_out_bandwidth_scale, 3));
    if (show_goodput) row.push_back(format_number(p.goodput, 3));
    if (p.ok()) {
      row.push_back(describe_plan(p.best->plan, p.chips));
      row.push_back(format_number(p.step_s, 3) + " s");
      row.push_back(format_number(100.0 * p.mfu, 3) + "%");
      row.push_back(format_number(p.tokens_per_s, 3));
      if (budget) {
        row.push_back(format_number(p.days, 3));
        row.push_back(format_number(p.chip_hours, 3));
      }
      if (show_energy) row.push_back(range_text(p.energy_mwh_low, p.energy_mwh_high, 1.0));
      if (show_rent) row.push_back(range_text(p.rental_usd_low, p.rental_usd_high, 1e6));
    } else {  // one cell that runs on past the plan column
      row.push_back(std::string("no plan: ") + p.why->message + " [" + p.why->code + "]");
    }
    rows.push_back(std::move(row));
  }
  // Widths in code points (names may hold UTF-8); a reason cell does not widen its column.
  const auto width = [](const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  std::vector<std::size_t> widths(head.size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i)
      if (row.size() == head.size()) widths[i] = std::max(widths[i], width(row[i]));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool last = i + 1 == row.size();
      const std::size_t w = row.size() == head.size() || i < plan_column ? widths[i] : 0;
      const std::size_t pad = w > width(row[i]) ? w - width(row[i]) : 0;
      if (i) line += "  ";
      if (head[i].second) line.append(pad, ' ');
      line += row[i];
      if (!head[i].second && !last) line.append(pad, ' ');
    }
    os << line << "\n";
  }
}

}  // namespace flopcast
