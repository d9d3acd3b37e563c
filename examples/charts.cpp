// Charts from plan-search grids, written as SVG (and the grid behind the first as CSV):
//   days_vs_gpus.svg   days to train 2.1e25 FLOP vs GPU count, one line per chip, each point
//                      the fastest plan the search finds there
//   top_plans.svg      the 20 fastest plans for Llama 3 405B on 16,384 H100, stacked by the
//                      step model's terms
//   days_vs_gpus.csv   the grid of the first chart (sweep/grid.hpp's columns)
//
// Build and run: cmake --build build --target charts && build/examples/charts [DIR]
// (DIR defaults to docs/charts). 49 full plan searches of up to ~200,000 plans each plus one
// more: about 3 s built with -O2 on a 2-core machine (about 45 s in an unoptimized build), so
// the search limits stay at their defaults.
//
// The model: 2.1e25 FLOP is Epoch AI's estimate of GPT-4's training compute (the model catalog's
// models::gpt4_rumoured). GPT-4's shape is not published (the rumour is a 16-expert MoE), so the
// stand-in is a dense model of published shape and training setup: Llama 3 405B (126 layers,
// hidden 16,384, 8K context), trained by Meta with a 16M-token global batch (arXiv 2407.21783,
// Table 4); 2.1e25 FLOP is about 8.6T of its tokens. The batch is held at 16M tokens (2,048
// sequences) at every GPU count, as a fixed recipe would be: at 65,536 GPUs that leaves a
// sequence per 32 GPUs, so model parallelism must grow with the count.
#include <flopcast/flopcast.hpp>
#include <flopcast/sweep/grid.hpp>
#include <flopcast/sweep/search.hpp>
#include <flopcast/sweep/svg.hpp>

#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace flopcast;

namespace {

constexpr double budget_flops = 2.1e25;
constexpr double batch_tokens = 2048.0 * 8192.0;  // 16M tokens: 2,048 sequences of 8K

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "charts: cannot write " << path.string() << "\n";
    return false;
  }
  std::cout << "wrote " << path.string() << "\n";
  return true;
}

// Short names for the legend: the catalog's display names are long ("H100 SXM5 80GB").
struct chip_entry {
  const chip_spec* chip;
  const char* label;
};

// "TP4 PP16x7 CP4 Z2": a bar label short enough to read rotated. Sequence parallelism, one
// sequence per microbatch and no recompute are the usual choices; only departures are named.
std::string short_plan(const parallel_plan& p) {
  std::string s = "TP" + std::to_string(p.tp) + (p.tp > 1 && !p.sequence_parallel ? " noSP" : "") +
                  " PP" + std::to_string(p.pp);
  if (p.vp > 1) s += "x" + std::to_string(p.vp);
  if (p.cp > 1) s += " CP" + std::to_string(p.cp);
  s += " Z" + std::to_string(p.zero_stage);
  if (p.microbatch > 1) s += " mb" + std::to_string(p.microbatch);
  if (p.recompute_mode != recompute::none) s += " " + std::string(name(p.recompute_mode));
  return s;
}

bool days_vs_gpus(const std::filesystem::path& dir) {
  const std::array<chip_entry, 7> chip_list{{{&chips::a100_sxm4_80gb, "A100"},
                                             {&chips::h100_sxm, "H100"},
                                             {&chips::h200_sxm, "H200"},
                                             {&chips::b200, "B200"},
                                             {&chips::gb200, "GB200 NVL72"},
                                             {&chips::mi300x, "MI300X"},
                                             {&chips::tpu_v5p, "TPU v5p"}}};
  grid_spec g;
  // Every chip on its default cluster (hardware/default_cluster.hpp): its vendor's scale-up
  // domain (8-GPU NVLink/Infinity Fabric nodes, 72-GPU NVL72 racks, an 8,960-chip v5p ICI pod)
  // and one NIC per accelerator at its catalog rate.
  for (const chip_entry& c : chip_list) g.clusters.push_back(default_cluster(*c.chip, 1));
  for (int n = 1024; n <= 65536; n *= 2) g.chip_counts.push_back(n);
  g.models = {models::llama3_405b.shape};
  g.global_batch_tokens = batch_tokens;
  g.budget = training_budget{.flops = budget_flops};
  const grid_result r = run_grid(g);
  if (!write_file(dir / "days_vs_gpus.csv", [&] {
        std::ostringstream csv;
        write_csv(csv, r);
        return csv.str();
      }())) {
    return false;
  }

  svg::line_chart chart;
  chart.title = "Days to train 2.1e25 FLOP (GPT-4 scale) vs GPU count";
  chart.subtitle = "Llama 3 405B shape, BF16, 16M-token batch, fastest plan per point, no restarts";
  chart.x = {.label = "GPUs (TPU chips), log scale", .log = true, .min = 900.0, .max = 75000.0};
  chart.y = {.label = "days (log scale)", .log = true, .min = 4.0, .max = 2000.0};
  for (std::size_t c = 0; c < chip_list.size(); ++c) {
    svg::series s{.name = chip_list[c].label};
    for (const grid_point& p : r.points) {
      if (p.cluster_index != c) continue;
      if (!p.ok()) {
        std::cerr << "  " << chip_list[c].label << " at " << p.chips << ": no plan ("
                  << p.why->code << ")\n";
        continue;
      }
      s.x.push_back(p.chips);
      s.y.push_back(p.days);
    }
    chart.lines.push_back(std::move(s));
  }
  write_table(std::cout, r);
  return write_file(dir / "days_vs_gpus.svg", svg::render(chart, {.width = 800, .height = 520}));
}

bool top_plans(const std::filesystem::path& dir) {
  constexpr int gpus = 16384;
  search_request r;
  r.model = models::llama3_405b.shape;
  r.cluster = clusters::hgx_h100_ndr.with_count(gpus);
  r.chips = gpus;
  r.global_batch = static_cast<int>(batch_tokens / r.model.seq_len);
  r.top = 20;
  const result<search_result> found = try_search_plans(r);
  if (!found) {
    std::cerr << "charts: the search refused: " << found.error()->message << "\n";
    return false;
  }
  const search_result& s = found.value();

  // Terms that are zero in all 20 plans (EP: a dense model; offload: not searched) are left
  // out, so the legend lists only what the bars show.
  std::vector<std::size_t> terms;
  for (std::size_t t = 0; t < step_terms.size(); ++t) {
    for (const ranked_plan& p : s.plans) {
      if ((p.step.*step_terms[t].field).in(seconds) > 0.0) {
        terms.push_back(t);
        break;
      }
    }
  }
  svg::stacked_bars chart;
  chart.title = "Top 20 plans: Llama 3 405B on 16,384 H100";
  chart.subtitle = "BF16, 16M-token batch, HGX nodes with 400G NDR per GPU; best first, of " +
                   format_number(static_cast<double>(s.considered), 6) + " plans searched";
  chart.x_label = "plan: TP (with SP), PP x interleave, CP, ZeRO stage, microbatch when > 1";
  chart.y = {.label = "seconds per step"};
  for (const std::size_t t : terms) chart.segments.emplace_back(step_terms[t].short_label);
  for (std::size_t i = 0; i < s.plans.size(); ++i) {
    chart.bars.push_back(short_plan(s.plans[i].plan));
    std::vector<double> v;
    for (const std::size_t t : terms) v.push_back((s.plans[i].step.*step_terms[t].field).in(seconds));
    chart.values.push_back(std::move(v));
  }
  return write_file(dir / "top_plans.svg", svg::render(chart, {.width = 900, .height = 600}));
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : "docs/charts";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::cerr << "charts: cannot create " << dir.string() << ": " << ec.message() << "\n";
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const bool ok = days_vs_gpus(dir) && top_plans(dir);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "charts: " << format_number(s, 2) << " s\n";
  return ok ? 0 : 1;
}
