// The plan search's performance targets (issue 10), in one run:
//  1. the step model on one thread: valid plans per second, scalar (try_estimate_step plan by
//     plan, as a user calls it, and with the setup shared) vs batched (estimate_steps), and the
//     ratio; the two are checked to agree bit for bit on the step time;
//  2. the search on two threads vs one (speed-up);
//  3. three full searches at the default search_limits on two threads: wall time, plans
//     considered and valid, the best plan, and whether it is the plain scalar loop's best;
//  4. a joint search: every catalog chip x 8 .. 131,072 chips (x2) x every plan of one model, and
//     the Pareto front of step time vs chip count.
// Timings are the best of several runs (another process may share the cores).
// Build (2 double lanes on baseline x86-64):
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFLOPCAST_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target bench_search_bench && build-bench/tests/benchmarks/bench_search_bench
// With the machine's own vector width (8 lanes with AVX-512):
//   cmake -S . -B build-bench-native -DCMAKE_BUILD_TYPE=Release -DFLOPCAST_BUILD_BENCHMARKS=ON
//         -DCMAKE_CXX_FLAGS=-march=native   (one command)
//   cmake --build build-bench-native --target bench_search_bench
//   build-bench-native/tests/benchmarks/bench_search_bench
// Optional argument: repeats (default 10; this shared VM's timings vary by up to 1.5x run to run).
#include "best_seconds.hpp"
#include <flopcast/flopcast.hpp>
#include <flopcast/sweep/grid.hpp>
#include <flopcast/sweep/search.hpp>
#include <flopcast/sweep/step_batch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace flopcast;

namespace {

using flopcast_bench::best_seconds;

search_request request(const model_card& m, const cluster_spec& c, int chips, int batch) {
  search_request r;
  r.model = m.shape;
  r.cluster = c.with_count(chips);
  r.chips = chips;
  r.global_batch = batch;
  r.top = 10;
  return r;
}

std::string describe(const parallel_plan& p, int chips) {
  const char* rc[] = {"none", "selective", "full", "selective-op"};
  return "TP " + std::to_string(p.tp) + (p.sequence_parallel ? "+SP" : "") + ", PP " +
         std::to_string(p.pp) + " x VP " + std::to_string(p.vp) + ", CP " +
         std::to_string(p.cp) + ", EP " + std::to_string(p.ep) + ", DP " +
         std::to_string(data_parallel(p, chips)) + ", ZeRO " + std::to_string(p.zero_stage) +
         ", mb " + std::to_string(p.microbatch) + ", recompute " +
         rc[static_cast<int>(p.recompute_mode) % 4];
}

// 1. The step model, one thread, on the plans of a search space.
void step_model(const search_request& r, int repeats) {
  std::vector<parallel_plan> plans;
  detail::for_each_plan(r, [&](const parallel_plan& p) { plans.push_back(p); });
  const std::size_t n = plans.size();
  std::vector<step_breakdown> scalar_out(n), batch_out(n);
  std::vector<const reason*> scalar_status(n), batch_status(n);
  const double scalar = best_seconds(
      [&] {
        for (std::size_t i = 0; i < n; ++i) {
          const result<step_breakdown> s =
              try_estimate_step(r.model, r.cluster, r.chips, plans[i], r.options);
          scalar_status[i] = s ? nullptr : s.error();
          if (s) scalar_out[i] = s.value();
        }
      },
      repeats);
  const double shared = best_seconds(
      [&] {
        const step_setup u = make_step_setup(r.model, r.cluster, r.chips, r.options);
        for (std::size_t i = 0; i < n; ++i) {
          const result<step_breakdown> s = try_estimate_step(u, plans[i]);
          scalar_status[i] = s ? nullptr : s.error();
          if (s) scalar_out[i] = s.value();
        }
      },
      repeats);
  std::size_t invalid = 0;
  const double batched = best_seconds(
      [&] {
        invalid = estimate_steps(r.model, r.cluster, r.chips, plans, r.options, batch_out,
                                 batch_status);
      },
      repeats);
  // What the search writes: the step time and memory total of each plan (visit_steps), the
  // full breakdown only for the few that enter its top k.
  std::vector<double> light_step(n);
  std::size_t light_valid = 0;
  const double light = best_seconds(
      [&] {
        light_valid = 0;
        const step_setup u = make_step_setup(r.model, r.cluster, r.chips, r.options);
        visit_steps(
            u, std::span<const parallel_plan>(plans),
            [&](std::size_t i, const step_values<double>& v,
                const memory_breakdown<double>& memory) {
              const double total = memory.total().base_value();
              if (step_problem(v, total) != nullptr) return;
              light_step[i] = v.step;
              ++light_valid;
            },
            [&](std::size_t i, const reason*) { light_step[i] = 0.0; });
      },
      repeats);
  std::size_t differ = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double l = scalar_status[i] == nullptr ? scalar_out[i].step.base_value() : 0.0;
    if (std::memcmp(&l, &light_step[i], sizeof l) != 0) ++differ;
    const double a = scalar_out[i].step.base_value(), b = batch_out[i].step.base_value();
    if (scalar_status[i] != batch_status[i] ||
        (scalar_status[i] == nullptr && std::memcmp(&a, &b, sizeof a) != 0)) {
      ++differ;
    }
  }
  const double valid = static_cast<double>(n - invalid);
  std::printf("1. step model, one thread: %s on %d %s, %zu plans (%.0f valid), %zu differ\n",
              r.model.name.data(), r.chips, r.cluster.chip.name.data(), n, valid, differ);
  std::printf("   scalar try_estimate_step         %7.2f M valid plans/s  (%6.2f M plans/s)\n",
              valid / scalar / 1e6, n / scalar / 1e6);
  std::printf("   scalar, setup shared             %7.2f M valid plans/s  (%6.2f M plans/s)\n",
              valid / shared / 1e6, n / shared / 1e6);
  std::printf("   batched estimate_steps           %7.2f M valid plans/s  (%6.2f M plans/s)"
              "  %.2fx scalar, %.2fx shared-setup scalar\n",
              valid / batched / 1e6, n / batched / 1e6, scalar / batched, shared / batched);
  std::printf("   batched, search's figures only   %7.2f M valid plans/s  (%6.2f M plans/s)"
              "  %.2fx scalar, %.2fx shared-setup scalar\n",
              static_cast<double>(light_valid) / light / 1e6, n / light / 1e6, scalar / light,
              shared / light);
}

// The best plan by a plain scalar loop over the same space (what search.test.cpp compares with).
ranked_plan scalar_best(const search_request& r) {
  ranked_plan best;
  bool any = false;
  detail::for_each_plan(r, [&](const parallel_plan& p) {
    const result<step_breakdown> s = try_estimate_step(r.model, r.cluster, r.chips, p, r.options);
    if (!s) return;
    ranked_plan c{p, s.value(), s.value().step.in(seconds)};
    if (!any || detail::search_better(search_objective::time, c, best)) best = c, any = true;
  });
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
  std::printf("flopcast search benchmark: backend %s (width %d), best of %d runs\n",
              simd::backend_name, number_traits<simd::pack>::width, repeats);

  const search_request gpt3 = request(models::gpt3_175b, clusters::dgx_a100_superpod, 1024, 1536);
  const search_request mt1t =
      request(models::megatron_1t, clusters::dgx_a100_superpod, 3072, 3072);
  const search_request l405 = request(models::llama3_405b, clusters::hgx_h100_ndr, 16384, 2048);

  step_model(gpt3, repeats);

  // 2. Two threads vs one on the largest of the three searches.
  {
    search_request r = l405;
    r.threads = 1;
    const double one = best_seconds([&] { (void)search_plans(r); }, repeats);
    r.threads = 2;
    const double two = best_seconds([&] { (void)search_plans(r); }, repeats);
    std::printf("2. search, Llama 3 405B on 16,384 H100: 1 thread %.1f ms, 2 threads %.1f ms, "
                "speed-up %.2fx\n",
                one * 1e3, two * 1e3, one / two);
  }

  // 3. The three full searches on two threads.
  std::printf("3. full searches (default search_limits, time objective, 2 threads):\n");
  for (const search_request* q : {&gpt3, &mt1t, &l405}) {
    search_request r = *q;
    r.threads = 2;
    search_result found;
    const double s = best_seconds([&] { found = search_plans(r); }, repeats);
    const ranked_plan reference = scalar_best(r);
    const bool same = !found.plans.empty() &&
                      detail::plan_key(found.plans.front().plan) ==
                          detail::plan_key(reference.plan) &&
                      found.plans.front().score == reference.score;
    std::printf("   %-16s on %6d %-10s %7.1f ms  %7zu plans, %6zu valid  best: %s, %.3f s/step"
                "  (scalar loop's best: %s)\n",
                r.model.name.data(), r.chips, r.cluster.chip.name.data(), s * 1e3,
                found.considered, found.valid,
                found.plans.empty() ? "none" : describe(found.plans.front().plan, r.chips).c_str(),
                found.plans.empty() ? 0.0 : found.plans.front().score, same ? "same" : "DIFFERS");
  }

  // 4. The joint search: every chip of the catalog at 8 .. 131,072 chips, one model.
  {
    grid_spec g;
    for (const chip_spec* c : all_chips) g.clusters.push_back(default_cluster(*c, 8));
    for (int n = 8; n <= 131072; n *= 2) g.chip_counts.push_back(n);
    g.models = {models::gpt3_175b.shape};
    g.global_batch_tokens = 1536.0 * 2048.0;
    g.threads = 2;
    grid_result r;
    const double s = best_seconds([&] { r = run_grid(g); }, std::min(repeats, 2));
    const std::vector<std::size_t> front =
        grid_front(std::span<const grid_point>(r.points), grid_metrics::chips,
                   grid_metrics::step_s);
    std::size_t considered = 0, answered = 0;
    for (const grid_point& p : r.points) {
      considered += p.plans_considered;
      answered += p.ok() ? 1 : 0;
    }
    std::printf("4. joint search, GPT-3 175B: %zu chips x %zu counts = %zu points (%zu with a "
                "plan), %zu plans, %.2f s on 2 threads; front (step time vs chips): %zu points\n",
                g.clusters.size(), g.chip_counts.size(), r.points.size(), answered, considered, s,
                front.size());
  }
  return 0;
}
