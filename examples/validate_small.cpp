// Predicts every measured run of catalog/small_runs.hpp (649 runs at 2-1,024 GPUs) with the
// current step-time model and reports where it is wrong: per-source tables of measured vs
// predicted seconds per step, the error by scale band, by source and by plan feature, the rows
// the library refuses (and why), the rows it cannot express yet, and how well it ranks the plans
// one source measured for one model on one GPU count.
//
//   cmake --build build --target validate_small
//   build/examples/validate_small             # everything, as markdown (docs/validation.md)
//   build/examples/validate_small --summary   # the aggregate tables only
//
// Error = predicted / measured step time - 1 (positive: the model is too slow, i.e. it
// under-predicts throughput). "MAE" is the mean absolute error, "bias" the mean signed error.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <flopcast/catalog/small_runs.hpp>
#include <flopcast/flopcast.hpp>
#include <map>
#include <string>
#include <vector>

using namespace flopcast;

namespace {

struct outcome {
  const small_run* run = nullptr;
  bool predicted = false;
  double step_s = 0.0;  // predicted
  double error = 0.0;   // predicted / measured - 1
  double memory_gb = 0.0;
  const char* refused_code = nullptr;
  const char* refused_message = nullptr;
  // Refused by the memory check only: the prediction with the check off.
  bool unchecked = false;
  double unchecked_error = 0.0;
};

std::string sv(std::string_view s) { return std::string(s.data(), s.size()); }

const char* band_of(int chips) {
  if (chips <= 8) return "<= 8 GPUs";
  if (chips <= 64) return "9-64 GPUs";
  return "65-1,024 GPUs";
}

std::string plan_text(const small_run& r) {
  const parallel_plan& p = r.plan;
  char vp[16] = "";
  if (p.vp > 1) std::snprintf(vp, sizeof vp, "v%d", p.vp);
  char buf[200];
  std::snprintf(buf, sizeof buf, "tp%d pp%d%s cp%d dp%d z%d mb%d gbs%d %s %s%s", p.tp, p.pp, vp,
                p.cp, data_parallel(p, r.chips), p.zero_stage, p.microbatch, p.global_batch,
                sv(name(p.recompute_mode)).c_str(), sv(name(p.compute)).c_str(),
                r.options.tp_overlap > 0.0 ? " tp-overlap" : "");
  return buf;
}

struct stats {
  int n = 0;
  double sum_abs = 0.0, sum = 0.0, worst = 0.0;
  std::string worst_id;
  void add(double e, std::string_view id) {
    ++n;
    sum_abs += std::fabs(e);
    sum += e;
    if (std::fabs(e) > std::fabs(worst)) worst = e, worst_id = sv(id);
  }
  double mae() const { return n ? sum_abs / n : 0.0; }
  double bias() const { return n ? sum / n : 0.0; }
};

void print_stats_table(const char* title, const std::vector<std::pair<std::string, stats>>& rows) {
  std::printf(
      "\n### %s\n\n| group | rows | MAE | bias | largest error (row) |\n|---|---:|---:|---:|---|\n",
      title);
  for (const auto& [key, s] : rows) {
    if (s.n == 0) continue;
    std::printf("| %s | %d | %.1f%% | %+.1f%% | %+.1f%% (%s) |\n", key.c_str(), s.n,
                100.0 * s.mae(), 100.0 * s.bias(), 100.0 * s.worst, s.worst_id.c_str());
  }
}

// Ranks with ties averaged (1 = smallest).
std::vector<double> ranks(const std::vector<double>& v) {
  const std::size_t n = v.size();
  std::vector<std::size_t> idx(n);
  for (std::size_t i = 0; i < n; ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> r(n);
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i;
    while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) ++j;
    const double avg = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  const std::vector<double> ra = ranks(a), rb = ranks(b);
  const double n = static_cast<double>(a.size());
  double ma = 0.0, mb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) ma += ra[i], mb += rb[i];
  ma /= n, mb /= n;
  double sab = 0.0, saa = 0.0, sbb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) * (ra[i] - ma);
    sbb += (rb[i] - mb) * (rb[i] - mb);
  }
  return saa > 0.0 && sbb > 0.0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
  const bool summary_only = argc > 1 && std::strcmp(argv[1], "--summary") == 0;
  if (argc > 1 && !summary_only) {
    std::fprintf(stderr, "usage: validate_small [--summary]\n");
    return 2;
  }

  std::vector<outcome> out;
  out.reserve(small_runs::all.size());
  for (const small_run& r : small_runs::all) {
    outcome o;
    o.run = &r;
    if (r.skip.empty()) {
      const result<step_breakdown> s =
          try_estimate_step(r.model, r.cluster, r.chips, r.plan, r.options);
      if (s) {
        o.predicted = true;
        o.step_s = s.value().step.in(seconds);
        o.error = o.step_s / r.measured_s - 1.0;
        o.memory_gb = s.value().memory.total().in(gigabytes);
      } else {
        o.refused_code = s.error()->code;
        o.refused_message = s.message();
        if (s.error() == &reasons::plan_does_not_fit_in_memory) {
          step_options unchecked = r.options;
          unchecked.check_memory = false;
          const result<step_breakdown> u =
              try_estimate_step(r.model, r.cluster, r.chips, r.plan, unchecked);
          if (u) {
            o.unchecked = true;
            o.unchecked_error = u.value().step.in(seconds) / r.measured_s - 1.0;
            o.memory_gb = u.value().memory.total().in(gigabytes);
          }
        }
      }
    }
    out.push_back(o);
  }

  int n_pred = 0, n_refused = 0, n_skip = 0;
  for (const outcome& o : out) {
    if (o.predicted)
      ++n_pred;
    else if (o.run->skip.empty())
      ++n_refused;
    else
      ++n_skip;
  }

  std::printf("# Validation on measured runs at 2 to 1,024 GPUs\n\n");
  std::printf(
      "Generated by `build/examples/validate_small` from `include/flopcast/catalog/small_runs.hpp` "
      "(each row cites its public source). Error = predicted / measured seconds per step - 1: "
      "positive means the model is too slow. MAE = mean absolute error, bias = mean signed "
      "error.\n\n");
  std::printf(
      "%zu rows: %d predicted, %d refused by the library (plans that ran), %d not expressible "
      "yet (skipped).\n",
      out.size(), n_pred, n_refused, n_skip);

  // ---- Aggregates.
  std::vector<std::pair<std::string, stats>> bands{
      {"<= 8 GPUs", {}}, {"9-64 GPUs", {}}, {"65-1,024 GPUs", {}}, {"all", {}}};
  std::vector<std::pair<std::string, stats>> by_source;
  std::map<std::string, stats> features;
  const auto source_stats = [&](std::string_view src) -> stats& {
    for (auto& [k, s] : by_source) {
      if (k == src) return s;
    }
    by_source.emplace_back(sv(src), stats{});
    return by_source.back().second;
  };
  for (const outcome& o : out) {
    const small_run& r = *o.run;
    source_stats(r.source);
    if (!o.predicted) continue;
    for (auto& [k, s] : bands) {
      if (k == band_of(r.chips) || k == "all") s.add(o.error, r.id);
    }
    source_stats(r.source).add(o.error, r.id);
    const parallel_plan& p = r.plan;
    features[std::string("chip: ").append(sv(r.chip->name))].add(o.error, r.id);
    features[std::string("precision: ").append(sv(name(p.compute)))].add(o.error, r.id);
    features[std::string("recompute: ").append(name(p.recompute_mode))].add(o.error, r.id);
    features[std::string("ZeRO stage ").append(std::to_string(p.zero_stage))].add(o.error, r.id);
    features[p.tp > 1 ? "TP > 1" : "TP = 1"].add(o.error, r.id);
    features[p.pp > 1 ? "PP > 1" : "PP = 1"].add(o.error, r.id);
    features[p.cp > 1 ? "CP > 1" : "CP = 1"].add(o.error, r.id);
    const double params = total_parameters(r.model);
    features[params < 1e9    ? "model < 1B"
             : params < 1e10 ? "model 1-10B"
             : params < 1e11 ? "model 10-100B"
                             : "model >= 100B"]
        .add(o.error, r.id);
    const double tokens_per_gpu = static_cast<double>(p.microbatch) * r.model.seq_len / p.cp;
    features[tokens_per_gpu < 8192    ? "microbatch tokens per GPU < 8K"
             : tokens_per_gpu < 32768 ? "microbatch tokens per GPU 8K-32K"
                                      : "microbatch tokens per GPU >= 32K"]
        .add(o.error, r.id);
  }
  std::printf("\n## Summary\n");
  print_stats_table("By scale", bands);
  print_stats_table("By source", by_source);
  print_stats_table("By plan feature", {features.begin(), features.end()});

  // ---- Refused and skipped.
  std::printf(
      "\n## Rows the library refuses\n\nPlans that ran but that the library rejects. Where the "
      "memory check alone refuses, the error with the check off is given.\n\n");
  std::map<std::string, int> refusal_counts;
  stats unchecked_stats;
  for (const outcome& o : out) {
    if (o.refused_code) ++refusal_counts[o.refused_code];
    if (o.unchecked) unchecked_stats.add(o.unchecked_error, o.run->id);
  }
  std::printf("| reason | rows |\n|---|---:|\n");
  for (const auto& [code, n] : refusal_counts) std::printf("| `%s` | %d |\n", code.c_str(), n);
  if (unchecked_stats.n > 0) {
    std::printf(
        "\nMemory-refused rows predicted with the check off: %d rows, MAE %.1f%%, bias %+.1f%%.\n",
        unchecked_stats.n, 100.0 * unchecked_stats.mae(), 100.0 * unchecked_stats.bias());
  }
  if (!summary_only) {
    std::printf(
        "\n| row | source | GPUs | plan | reason | published memory | our estimate | error, check "
        "off |\n"
        "|---|---|---:|---|---|---:|---:|---:|\n");
    for (const outcome& o : out) {
      if (!o.refused_code) continue;
      const small_run& r = *o.run;
      char mem[64] = "";
      if (r.memory_in != memory_unit::none) {
        std::snprintf(mem, sizeof mem, "%.1f %s", r.memory,
                      r.memory_in == memory_unit::gib ? "GiB" : "GB");
      }
      char est[32] = "", err[32] = "";
      if (o.unchecked) {
        std::snprintf(est, sizeof est, "%.1f GB", o.memory_gb);
        std::snprintf(err, sizeof err, "%+.1f%%", 100.0 * o.unchecked_error);
      }
      std::printf("| %s | %s | %d | %s | %s: %s | %s | %s | %s |\n", sv(r.id).c_str(),
                  sv(r.source).c_str(), r.chips, plan_text(r).c_str(), o.refused_code,
                  o.refused_message, mem, est, err);
    }
  }
  std::printf("\n## Rows not expressible yet (skipped)\n\n| row | source | why |\n|---|---|---|\n");
  for (const outcome& o : out) {
    if (o.run->skip.empty()) continue;
    std::printf("| %s | %s | %s |\n", sv(o.run->id).c_str(), sv(o.run->source).c_str(),
                sv(o.run->skip).c_str());
  }

  // ---- Plans ranked as measured.
  struct group {
    std::string key;
    std::vector<const outcome*> rows;
  };
  std::vector<group> groups;
  for (const outcome& o : out) {
    if (!o.predicted) continue;
    const small_run& r = *o.run;
    std::string key = sv(r.source);
    key.append(" | ")
        .append(sv(r.model.name))
        .append(" seq ")
        .append(std::to_string(r.model.seq_len));
    key.append(" | ").append(std::to_string(r.chips)).append("x ").append(sv(r.chip->name));
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const group& g) { return g.key == key; });
    if (it == groups.end()) {
      groups.push_back({key, {}});
      it = groups.end() - 1;
    }
    it->rows.push_back(&o);
  }
  std::printf(
      "\n## Plans ranked as measured\n\nGroups where one source measured several plans of one "
      "model and sequence on one GPU count (repeats of one plan count once, at their mean). "
      "Throughput = tokens per second (global batch x "
      "sequence / step). rho = Spearman rank correlation of predicted vs measured throughput "
      "(3 plans or more); top pick = the plan the model rates fastest, and whether its measured "
      "throughput is within 10%% of the measured best.\n");
  if (!summary_only) {
    std::printf(
        "\n| group | plans | rho | top pick within 10%% | top pick: measured / best |\n"
        "|---|---:|---:|---|---:|\n");
  }
  int n_groups = 0, n_top_ok = 0, n_rho = 0;
  double sum_rho = 0.0;
  for (const group& g : groups) {
    // Repeats of one plan (same plan and options) count once, at their mean measured throughput.
    std::vector<std::string> plans;
    std::vector<double> measured, predicted, repeats;
    std::vector<const outcome*> first;
    for (const outcome* o : g.rows) {
      const double tokens = static_cast<double>(o->run->plan.global_batch) * o->run->model.seq_len;
      const std::string key = plan_text(*o->run);
      const auto it = std::find(plans.begin(), plans.end(), key);
      if (it == plans.end()) {
        plans.push_back(key);
        measured.push_back(tokens / o->run->measured_s);
        predicted.push_back(tokens / o->step_s);
        repeats.push_back(1.0);
        first.push_back(o);
      } else {
        const std::size_t i = static_cast<std::size_t>(it - plans.begin());
        measured[i] = (measured[i] * repeats[i] + tokens / o->run->measured_s) / (repeats[i] + 1.0);
        repeats[i] += 1.0;
      }
    }
    if (plans.size() < 2) continue;
    const std::size_t pick = static_cast<std::size_t>(
        std::max_element(predicted.begin(), predicted.end()) - predicted.begin());
    const double best = *std::max_element(measured.begin(), measured.end());
    const double ratio = measured[pick] / best;
    const bool ok = ratio >= 0.9;
    ++n_groups;
    n_top_ok += ok ? 1 : 0;
    char rho[16] = "";
    if (plans.size() >= 3) {
      const double r = spearman(predicted, measured);
      sum_rho += r;
      ++n_rho;
      std::snprintf(rho, sizeof rho, "%+.2f", r);
    }
    if (!summary_only) {
      std::printf("| %s | %zu | %s | %s | %.2f (%s) |\n", g.key.c_str(), plans.size(), rho,
                  ok ? "yes" : "no", ratio, sv(first[pick]->run->id).c_str());
    }
  }
  std::printf(
      "\n%d groups: the top pick is within 10%% of the measured best in %d; mean rho %.2f over "
      "the %d groups of 3 plans or more.\n",
      n_groups, n_top_ok, n_rho ? sum_rho / n_rho : 0.0, n_rho);

  // ---- Scaling at fixed per-GPU work.
  struct series {
    std::string key;
    std::vector<const outcome*> rows;
  };
  std::vector<series> scaling;
  for (const outcome& o : out) {
    if (!o.predicted) continue;
    const small_run& r = *o.run;
    const parallel_plan& p = r.plan;
    const double per_replica = static_cast<double>(p.global_batch) / data_parallel(p, r.chips);
    char key[400];
    std::snprintf(key, sizeof key,
                  "%s | %s seq %d | %s | tp%d pp%d cp%d z%d mb%d, %.0f per replica, %s %s",
                  sv(r.source).c_str(), sv(r.model.name).c_str(), r.model.seq_len,
                  sv(r.chip->name).c_str(), p.tp, p.pp, p.cp, p.zero_stage, p.microbatch,
                  per_replica, sv(name(p.recompute_mode)).c_str(), sv(name(p.compute)).c_str());
    auto it =
        std::find_if(scaling.begin(), scaling.end(), [&](const series& x) { return x.key == key; });
    if (it == scaling.end()) {
      scaling.push_back({key, {}});
      it = scaling.end() - 1;
    }
    it->rows.push_back(&o);
  }
  std::printf(
      "\n## Scaling at fixed work per GPU\n\nSeries where one source ran one model and plan at "
      "several GPU counts with the same work per data-parallel replica. Per-GPU throughput at the "
      "largest count over that at the smallest, measured and predicted (1.00 = perfect weak "
      "scaling).\n\n| series | GPUs | measured | predicted |\n|---|---|---:|---:|\n");
  int n_series = 0;
  double sum_gap = 0.0;
  for (const series& x : scaling) {
    const auto [lo, hi] = std::minmax_element(
        x.rows.begin(), x.rows.end(),
        [](const outcome* a, const outcome* b) { return a->run->chips < b->run->chips; });
    if ((*lo)->run->chips == (*hi)->run->chips) continue;
    // Per-GPU throughput ~ work per GPU / step; the work per GPU is the same along a series.
    const double measured = (*lo)->run->measured_s / (*hi)->run->measured_s;
    const double predicted = (*lo)->step_s / (*hi)->step_s;
    ++n_series;
    sum_gap += predicted - measured;
    std::printf("| %s | %d-%d | %.2f | %.2f |\n", x.key.c_str(), (*lo)->run->chips,
                (*hi)->run->chips, measured, predicted);
  }
  std::printf(
      "\n%d series: the predicted scaling ratio is %+.2f above the measured one on average.\n",
      n_series, n_series ? sum_gap / n_series : 0.0);

  // ---- Memory.
  std::printf(
      "\n## Memory: published peak vs our estimate\n\nRows that publish peak memory per GPU "
      "(GiB converted to GB). Our estimate is the model state and activations of the busiest "
      "chip (memory check off where it refuses); the published figure is the allocator's peak "
      "as the framework logs it.\n\n");
  if (!summary_only) {
    std::printf(
        "| row | source | chip | plan | published | estimate | estimate / published |\n"
        "|---|---|---|---|---:|---:|---:|\n");
  }
  stats memory_stats;
  for (const outcome& o : out) {
    const small_run& r = *o.run;
    if (r.memory_in == memory_unit::none || o.memory_gb <= 0.0) continue;
    const double pub_gb =
        r.memory_in == memory_unit::gib ? (r.memory * gibibytes).in(gigabytes) : r.memory;
    memory_stats.add(o.memory_gb / pub_gb - 1.0, r.id);
    if (!summary_only) {
      std::printf("| %s | %s | %s | %s | %.1f GB | %.1f GB | %.2f |\n", sv(r.id).c_str(),
                  sv(r.source).c_str(), sv(r.chip->name).c_str(), plan_text(r).c_str(), pub_gb,
                  o.memory_gb, o.memory_gb / pub_gb);
    }
  }
  std::printf(
      "\n%d rows: the estimate is %+.1f%% off the published peak on average (mean absolute "
      "%.1f%%, largest %+.1f%% in %s).\n",
      memory_stats.n, 100.0 * memory_stats.bias(), 100.0 * memory_stats.mae(),
      100.0 * memory_stats.worst, memory_stats.worst_id.c_str());

  if (summary_only) return 0;

  // ---- Per-source tables.
  std::printf("\n## Every row, by source\n");
  for (const auto& [src, s] : by_source) {
    std::printf("\n### %s\n\n", src.c_str());
    if (s.n > 0) {
      std::printf("%d rows predicted: MAE %.1f%%, bias %+.1f%%.\n\n", s.n, 100.0 * s.mae(),
                  100.0 * s.bias());
    }
    std::printf(
        "| row | model | seq | chip | GPUs | plan | measured s/step | predicted | error | memory "
        "published / est. | note |\n"
        "|---|---|---:|---|---:|---|---:|---:|---:|---|---|\n");
    for (const outcome& o : out) {
      const small_run& r = *o.run;
      if (r.source != src) continue;
      char pred[32] = "", err[32] = "", mem[64] = "";
      if (o.predicted) {
        std::snprintf(pred, sizeof pred, "%.4g", o.step_s);
        std::snprintf(err, sizeof err, "%+.1f%%", 100.0 * o.error);
      }
      if (r.memory_in != memory_unit::none) {
        const double pub_gb =
            r.memory_in == memory_unit::gib ? (r.memory * gibibytes).in(gigabytes) : r.memory;
        if (o.memory_gb > 0.0) {
          std::snprintf(mem, sizeof mem, "%.1f / %.1f GB", pub_gb, o.memory_gb);
        } else {
          std::snprintf(mem, sizeof mem, "%.1f GB", pub_gb);
        }
      }
      std::string note;
      if (!r.skip.empty())
        note.append("skipped: ").append(sv(r.skip));
      else if (o.refused_code)
        note.append("refused: ").append(o.refused_code);
      std::printf("| %s | %s | %d | %s | %d | %s | %.4g | %s | %s | %s | %s |\n", sv(r.id).c_str(),
                  sv(r.model.name).c_str(), r.model.seq_len, sv(r.chip->name).c_str(), r.chips,
                  plan_text(r).c_str(), r.measured_s, pred, err, mem, note.c_str());
    }
  }
  return 0;
}
