// Grids (sweep/grid.hpp): each point is the search's best plan at that point, points without a
// plan carry the reason, the Pareto front keeps exactly the undominated points, the writers
// quote and key as documented, and the output does not depend on the thread count. Also the
// library's default cluster (hardware/default_cluster.hpp), which the CLI now builds on.
#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "catch_any.hpp"
#include "flopcast/flopcast.hpp"
#include "flopcast/sweep/grid.hpp"
#include "flopcast/sweep/svg.hpp"

using namespace flopcast;

namespace {

// "\"key\": ", built by appending: GCC 12 at -O2 reports a false-positive -Wrestrict inside
// "literal" + std::string (GCC bug 105329).
std::string json_key(std::string_view key) {
  std::string k = "\"";
  k.append(key);
  k.append("\": ");
  return k;
}

// Small and fast: an 8B model on 8 and 16 H100 and A100, with a narrow search.
grid_spec small_grid() {
  grid_spec g;
  g.clusters = {default_cluster(chips::h100_sxm, 1), default_cluster(chips::a100_sxm4_80gb, 1)};
  g.chip_counts = {8, 16};
  g.models = {models::llama3_8b.shape};
  g.global_batch_tokens = 64.0 * 8192;  // 64 sequences
  g.limits.max_pp = 4;
  g.limits.max_cp = 2;
  g.limits.max_vp = 2;
  g.limits.microbatches = {1, 2};
  g.threads = 1;
  return g;
}

std::string csv_of(const grid_result& r) {
  std::ostringstream os;
  write_csv(os, r);
  return os.str();
}

std::string json_of(const grid_result& r) {
  std::ostringstream os;
  write_json(os, r);
  return os.str();
}

// RFC 4180 records: fields split on commas outside quotes, "" inside quotes is one quote,
// records end with CRLF outside quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  return rows;
}

}  // namespace

TEST_CASE("a grid point's plan is the search's top plan at that point", "[grid]") {
  const grid_spec g = small_grid();
  const grid_result r = run_grid(g);
  REQUIRE(r.points.size() == 4);
  for (const grid_point& p : r.points) {
    REQUIRE(p.ok());
    search_request s;
    s.model = models::llama3_8b.shape;
    s.cluster = g.clusters[p.cluster_index].with_count(p.chips);
    s.chips = p.chips;
    s.global_batch = 64;
    s.limits = g.limits;
    s.options.calibration = default_calibration(s.cluster.chip);
    s.top = 3;
    const search_result found = search_plans(s);
    REQUIRE(!found.plans.empty());
    CHECK(detail::plan_key(p.best->plan) == detail::plan_key(found.plans.front().plan));
    CHECK(p.step_s == found.plans.front().score);
    CHECK(p.mfu == found.plans.front().step.mfu);
    CHECK(p.tokens_per_s == found.plans.front().step.tokens_per_s);
    CHECK(p.plans_considered == found.considered);
    CHECK(p.plans_valid == found.valid);
    CHECK(std::isnan(p.days));  // no budget
  }
  // Order: clusters outer, chip counts inner.
  CHECK(r.points[0].chip == chips::h100_sxm.name);
  CHECK(r.points[1].chips == 16);
  CHECK(r.points[2].chip == chips::a100_sxm4_80gb.name);
}

TEST_CASE("grid assumptions move the answer the way they should", "[grid]") {
  grid_spec g = small_grid();
  g.clusters.resize(1);
  g.chip_counts = {16};
  g.gemm_efficiency_scales = {0.5, 1.0};
  g.goodputs = {0.5, 1.0};
  g.budget = training_budget{.tokens = 1e12};
  const grid_result r = run_grid(g);
  REQUIRE(r.points.size() == 4);  // gemm scale outer, goodput inner
  for (const grid_point& p : r.points) REQUIRE(p.ok());
  CHECK(r.points[0].step_s > r.points[2].step_s);       // slower GEMMs, slower steps
  CHECK(r.points[0].step_s == r.points[1].step_s);      // goodput does not change the step
  CHECK_THAT(r.points[0].days, Catch::Matchers::WithinRel(2.0 * r.points[1].days, 1e-12));
  const grid_point& p = r.points[3];
  CHECK_THAT(p.days, Catch::Matchers::WithinRel(1e12 / p.tokens_per_s / 86400.0, 1e-12));
  CHECK_THAT(p.chip_hours, Catch::Matchers::WithinRel(p.days * 24.0 * 16.0, 1e-12));

  // A FLOP budget: the same days as the tokens it buys at the step's FLOPs per token.
  const step_breakdown& b = p.best->step;
  const double flops_per_token = b.model_flops.base_value() / b.tokens_per_step;
  g.budget = training_budget{.flops = 1e12 * flops_per_token};
  const grid_result by_flops = run_grid(g);
  CHECK_THAT(by_flops.points[3].days, Catch::Matchers::WithinRel(p.days, 1e-12));

  // A network scale on a cluster without a network (8 V100, one domain) changes nothing.
  g = small_grid();
  g.clusters = {default_cluster(chips::v100_sxm2_32gb, 1)};
  g.chip_counts = {8};
  g.scale_out_bandwidth_scales = {1.0, 2.0};
  g.precisions = {precision::fp16};  // V100 has no BF16
  const grid_result v100 = run_grid(g);
  REQUIRE(v100.points.size() == 2);
  CHECK(v100.points[0].ok());
  CHECK(v100.points[1].step_s == v100.points[0].step_s);
}

TEST_CASE("grid energy and rent follow the run's days and the catalog's figures", "[grid][power]") {
  grid_spec g = small_grid();  // H100 and A100 80GB on 8 and 16
  g.chip_counts = {16};
  g.budget = training_budget{.tokens = 1e11};
  g.pue = interval(1.1, 1.4);
  g.power_factor = interval(0.6);
  const grid_result r = run_grid(g);
  REQUIRE(r.points.size() == 2);
  const grid_point& h100 = r.points[0];
  REQUIRE(h100.ok());
  // 16 H100 = 2 DGX: 700 + 575 W each, plus a 1-tier fat tree (1/64 x 1,720 W + 9 W optic);
  // energy = 16 x that x PUE x 0.6 x hours; rent = chip-hours x the catalog's $2.99-12.29.
  const double watts_each = 1275.0 + 1720.0 / 64 + 9.0;
  const double mwh = 16 * watts_each * 0.6 * h100.days * 24.0 / 1e6;
  CHECK_THAT(h100.energy_mwh_low, Catch::Matchers::WithinRel(1.1 * mwh, 1e-12));
  CHECK_THAT(h100.energy_mwh_high, Catch::Matchers::WithinRel(1.4 * mwh, 1e-12));
  CHECK_THAT(h100.rental_usd_low, Catch::Matchers::WithinRel(h100.chip_hours * 2.99, 1e-12));
  CHECK_THAT(h100.rental_usd_high, Catch::Matchers::WithinRel(h100.chip_hours * 12.29, 1e-12));
  // DGX A100 power is published, an A100 80GB rental price is not: energy but no rent.
  const grid_point& a100 = r.points[1];
  REQUIRE(a100.ok());
  CHECK(std::isfinite(a100.energy_mwh_low));
  CHECK(std::isnan(a100.rental_usd_low));
  // A price for every chip fills it in.
  g.price_per_chip_hour = interval(2.0);
  const grid_result priced = run_grid(g);
  CHECK_THAT(priced.points[1].rental_usd_high,
             Catch::Matchers::WithinRel(priced.points[1].chip_hours * 2.0, 1e-12));
  // Out-of-range assumptions are refused with the power model's reasons.
  g.pue = interval(0.9);
  CHECK(try_run_grid(g).error() == &reasons::pue_out_of_range);
  g.pue = interval(1.2);
  g.price_per_chip_hour = interval(-1.0);
  CHECK(try_run_grid(g).error() == &reasons::price_invalid);
}

TEST_CASE("a grid point with no valid plan reports why", "[grid]") {
  grid_spec g = small_grid();
  g.models = {models::llama3_70b.shape};
  g.chip_counts = {8};
  g.clusters.resize(1);
  g.limits.max_pp = 1;  // 70B on 8 H100 without pipeline stages does not fit
  const grid_result r = run_grid(g);
  REQUIRE(r.points.size() == 1);
  const grid_point& p = r.points[0];
  CHECK_FALSE(p.ok());
  REQUIRE(p.why != nullptr);
  CHECK(std::string(p.why->code) == "plan_does_not_fit_in_memory");
  CHECK(p.plans_considered > 0);
  CHECK(p.plans_valid == 0);
  CHECK(std::isnan(p.step_s));
  CHECK(csv_of(r).find("plan_does_not_fit_in_memory") != std::string::npos);

  // A refusal before any plan (GEMM efficiency scaled above 1) carries the search's reason.
  g = small_grid();
  g.clusters.resize(1);
  g.chip_counts = {8};
  g.gemm_efficiency_scales = {3.0};
  const grid_result scaled = run_grid(g);
  REQUIRE(scaled.points.size() == 1);
  CHECK_FALSE(scaled.points[0].ok());
  CHECK(scaled.points[0].why == &reasons::calibration_out_of_range);
  CHECK(scaled.points[0].plans_considered == 0);

  // The grid itself is refused for an empty axis or a value out of range.
  g = small_grid();
  g.models.clear();
  CHECK(try_run_grid(g).error() == &reasons::grid_axis_empty);
  g = small_grid();
  g.goodputs = {0.0};
  CHECK(try_run_grid(g).error() == &reasons::grid_value_out_of_range);
  g = small_grid();
  g.budget = training_budget{.flops = 1e24, .tokens = 1e12};
  CHECK(try_run_grid(g).error() == &reasons::grid_budget_invalid);
}

TEST_CASE("the Pareto front keeps exactly the undominated points", "[grid][pareto]") {
  // Generic: minimise both.
  const std::vector<double> x{1, 2, 2, 3, 4, 4, 5};
  const std::vector<double> y{9, 5, 7, 5, 1, 1, 0.5};
  // (2,7) is dominated by (2,5); (3,5) by (2,5); the two (4,1) both stay.
  CHECK(pareto_front(x, y) == std::vector<std::size_t>{0, 1, 4, 5, 6});
  CHECK_THROWS_AS(pareto_front(x, std::vector<double>{1.0}), invalid_input);

  // Over grid points: days vs chips, points without a plan or a finite figure left out.
  std::vector<grid_point> points(5);
  const double chips_of[] = {8, 16, 32, 64, 128};
  const double days_of[] = {100, 60, 70, 20, 20};
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i].chips = static_cast<int>(chips_of[i]);
    points[i].days = days_of[i];
    points[i].best = ranked_plan{};
  }
  points[3].best.reset();  // no plan: out, so 128 chips at 20 days joins the front
  CHECK(grid_front(points, grid_metrics::chips, grid_metrics::days) ==
        std::vector<std::size_t>{0, 1, 4});
  points[0].days = std::nan("");
  CHECK(grid_front(points, grid_metrics::chips, grid_metrics::days) ==
        std::vector<std::size_t>{1, 4});

  // Brute force on a real grid: a point is on the front iff no other point dominates it.
  grid_spec g = small_grid();
  g.chip_counts = {8, 16, 32};
  g.budget = training_budget{.tokens = 1e11};
  const grid_result r = run_grid(g);
  const auto front = grid_front(r.points, grid_metrics::chips, grid_metrics::chip_hours);
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    bool dominated = false;
    for (const grid_point& q : r.points) {
      const grid_point& p = r.points[i];
      dominated = dominated || (q.chips <= p.chips && q.chip_hours <= p.chip_hours &&
                                (q.chips < p.chips || q.chip_hours < p.chip_hours));
    }
    CHECK((std::find(front.begin(), front.end(), i) != front.end()) == !dominated);
  }
}

TEST_CASE("grid CSV follows RFC 4180 and JSON has every documented key", "[grid][writers]") {
  CHECK(detail::csv_field("plain") == "plain");
  CHECK(detail::csv_field("a,b") == "\"a,b\"");
  CHECK(detail::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(detail::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(detail::csv_field("cr\r") == "\"cr\r\"");

  grid_spec g = small_grid();
  transformer odd = models::llama3_8b.shape;
  odd.name = "Llama, \"8B\"\nvariant";  // a name that needs every kind of quoting
  g.models = {odd, models::llama3_70b.shape};
  g.chip_counts = {8};
  g.limits.max_pp = 1;  // 70B does not fit: a row with empty fields
  g.budget = training_budget{.flops = 1e22};
  const grid_result r = run_grid(g);
  const std::string csv = csv_of(r);
  CHECK(csv.find("\"Llama, \"\"8B\"\"\nvariant\"") != std::string::npos);
  const auto rows = parse_csv(csv);
  REQUIRE(rows.size() == 1 + r.points.size());
  for (const auto& row : rows) CHECK(row.size() == rows.front().size());
  CHECK(rows[1][2] == odd.name);
  CHECK(rows.front().front() == "chip");
  const auto column = [&](std::string_view key) {
    return static_cast<std::size_t>(
        std::find(rows.front().begin(), rows.front().end(), key) - rows.front().begin());
  };
  REQUIRE(column("status") < rows.front().size());
  CHECK(rows[1][column("status")] == "ok");
  CHECK(rows[2][column("status")] == "plan_does_not_fit_in_memory");
  CHECK(rows[2][column("tp")].empty());
  for (const step_term& t : step_terms) CHECK(column(t.key) < rows.front().size());

  const std::string json = json_of(r);
  for (const char* key :
       {"budget", "flops", "tokens", "points", "chip", "cluster", "model", "chips", "precision",
        "gemm_efficiency_scale", "scale_out_bandwidth_scale", "goodput", "global_batch", "status",
        "reason", "plans_considered", "plans_valid", "plan", "tp", "sequence_parallel", "pp", "vp",
        "cp", "ep", "dp", "zero_stage", "microbatch", "recompute", "step", "step_s", "mfu",
        "tokens_per_s", "memory_per_chip_gb", "days", "chip_hours"}) {
    CHECK(json.find(json_key(key)) != std::string::npos);
  }
  for (const step_term& t : step_terms) CHECK(json.find(json_key(t.key)) != std::string::npos);
  CHECK(json.find("\"Llama, \\\"8B\\\"\\nvariant\"") != std::string::npos);  // escaped
  CHECK(json.find("\"plan\": null, \"step\": null") != std::string::npos);
  CHECK(json.find("\"tokens\": null") != std::string::npos);
  // Balanced braces and brackets outside strings: a cheap well-formedness check.
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      CHECK(--depth >= 0);
    }
  }
  CHECK(depth == 0);

  std::ostringstream table;
  write_table(table, r);
  CHECK(table.str().find("no plan: ") != std::string::npos);
  CHECK(table.str().find("best plan") != std::string::npos);
}

TEST_CASE("grid output is the same for any thread count", "[grid]") {
  grid_spec g = small_grid();
  g.precisions = {precision::bf16, precision::fp8};  // FP8 on A100: refused, with its reason
  g.budget = training_budget{.tokens = 1e11};
  const grid_result one = run_grid(g);
  for (unsigned threads : {2u, 3u, 16u}) {
    g.threads = threads;
    const grid_result many = run_grid(g);
    CHECK(csv_of(many) == csv_of(one));
    CHECK(json_of(many) == json_of(one));
  }
  const auto fp8_on_a100 = std::find_if(one.points.begin(), one.points.end(), [](const grid_point& p) {
    return p.chip == chips::a100_sxm4_80gb.name && p.compute == precision::fp8;
  });
  REQUIRE(fp8_on_a100 != one.points.end());
  CHECK_FALSE(fp8_on_a100->ok());
  CHECK(fp8_on_a100->why == &reasons::precision_not_supported_by_chip);
}

TEST_CASE("default clusters: the catalog shapes for A100 and H100, any chip valid", "[grid][cluster]") {
  constexpr cluster_spec h = default_cluster(chips::h100_sxm, 32768);
  constexpr cluster_spec ref = clusters::hgx_h100_ndr;
  STATIC_REQUIRE(h.scale_up.size == ref.scale_up.size);
  STATIC_REQUIRE(h.scale_up.link.name == ref.scale_up.link.name);
  STATIC_REQUIRE(h.scale_out.link.name == ref.scale_out.link.name);
  STATIC_REQUIRE(h.scale_out.shape == ref.scale_out.shape);
  STATIC_REQUIRE(h.scale_out_achievable() == ref.scale_out_achievable());
  STATIC_REQUIRE(h.scale_up_achievable() == ref.scale_up_achievable());
  const cluster_spec a = default_cluster(chips::a100_sxm4_80gb, 1024);
  CHECK(a.scale_out.link.name == clusters::dgx_a100_superpod.scale_out.link.name);
  CHECK(a.scale_out_achievable() == clusters::dgx_a100_superpod.scale_out_achievable());
  // Every chip: one entry is a valid cluster; many are when the catalog gives a NIC rate, and
  // otherwise (V100, PCIe cards, TPU v6e's 256-chip pods) the reason names the missing network until a rate
  // is given.
  for (const chip_spec* c : all_chips) {
    INFO(c->name);
    CHECK(find_problem(default_cluster(*c, c->accelerators)) == nullptr);
    const int many = 1024 * c->accelerators;
    if (c->scale_out || many <= default_cluster(*c, many).per_domain()) {  // or one TPU pod
      CHECK(find_problem(default_cluster(*c, many)) == nullptr);
    } else {
      CHECK(find_problem(default_cluster(*c, many)) == &reasons::cluster_needs_scale_out);
      CHECK(find_problem(default_cluster(*c, many, {.scale_out_gbps = 200.0})) == nullptr);
    }
  }
  // Options: a network profile replaces the scale-out network; the rate option still wins.
  const cluster_spec efa =
      default_cluster(chips::h100_sxm, 64, {.scale_out_gbps = 200.0, .network = &networks::aws_p5_efa});
  CHECK(efa.scale_out.link.name == networks::aws_p5_efa.link.name);
  CHECK_THAT(efa.scale_out_per_direction().in(gigabits_per_s), Catch::Matchers::WithinRel(200.0, 1e-12));
}
