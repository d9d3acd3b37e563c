#pragma once
#include "flopcast/core/config.hpp"
// Plan search: every parallel plan for a model on a cluster at a global batch, each timed by the
// step model (estimate/step_time.hpp), the invalid ones counted by the reason the model gives,
// and the best k returned with their breakdowns.
//
// The space: TP (powers of two), sequence parallelism (at TP > 1), PP (powers of two and the
// divisors of the layer count: uneven splits are spread as pipeline_split_of does), interleaved
// chunks per stage, CP (powers of two), EP (MoE only: powers of two dividing the experts), the
// ZeRO stage, the microbatch, recompute and the GEMM precision, each within search_limits.
// Plans that would be the same work under another name are generated once: no SP at TP 1, no
// interleaving at PP 1, one ZeRO stage (0) when the data-parallel group is one chip, EP 1 on a
// dense model. Only shapes whose model-parallel size divides the chip count are generated; every
// other rule (heads, layers, batch, memory) is the step model's, and each refusal is counted.
//
// Order: by the objective; ties by less memory per chip, then by the plan's fields in the order
// of plan_key (smaller first). The result is the same for any thread count.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "flopcast/estimate/step_time.hpp"
#include "flopcast/sweep/step_batch.hpp"

FLOPCAST_DEFINE_REASON(search_space_empty,
                       "the search limits leave no plan to try (check the limits and the lists of "
                       "stages, microbatches, recompute modes and precisions)")
FLOPCAST_DEFINE_REASON(search_limit_out_of_range,
                       "a search limit is out of range: max tp, pp, vp, cp and ep must be in "
                       "[1, 2^26], microbatches in [1, 2^30], ZeRO stages in 0-3, and top at most "
                       "1,000,000")

namespace flopcast {

// What the search may vary. Each list is tried in full; each max bounds a power-of-two (or
// divisor) enumeration.
// The default limits reach past the largest sizes of the published runs the library carries, so
// the search never rules out what a framework ran: TP 64 covers a whole 72-GPU NVL72 domain in
// powers of two; PP 128 and 8 chunks per stage cover Megatron-Bridge's Llama 3.1 405B at
// PP 16 x VP 8 (128 chunks); CP 32 covers NeMo's 1M-token runs (both in catalog/small_runs.hpp);
// EP 256 covers DeepSeek-V3's 256 routed experts (workload/catalog.hpp).
struct search_limits {
  int max_tp = 64;
  int max_pp = 128;
  int max_vp = 8;   // interleaved chunks per stage, every count from 1
  int max_cp = 32;
  int max_ep = 256;
  bool sequence_parallel = true;  // try SP at TP > 1 (both with and without)
  std::vector<int> zero_stages{0, 1, 2, 3};
  std::vector<int> microbatches{1, 2, 4, 8, 16};
  std::vector<recompute> recompute_modes{recompute::none, recompute::selective, recompute::full};
  std::vector<precision> precisions{precision::bf16};
};

// What the best plan is best at.
enum class search_objective : unsigned char {
  time,        // shortest step (the batch is fixed, so also the most tokens per second)
  throughput,  // most tokens per second per chip (the same order at one chip count)
};

struct search_request {
  transformer model{};
  cluster_spec cluster{};
  int chips = 0;
  int global_batch = 0;          // sequences per step
  parallel_plan base{};          // the fields not searched: recipe, optimizer, kernels, splits
  step_options options{};
  search_limits limits{};
  search_objective objective = search_objective::time;
  std::size_t top = 10;
  unsigned threads = 0;          // 0: std::thread::hardware_concurrency(); 1: the calling thread
};

struct ranked_plan {
  parallel_plan plan{};
  step_breakdown step{};
  double score = 0.0;  // the objective's figure: seconds per step, or tokens/s per chip
};

struct rejection {
  const reason* why = nullptr;
  std::size_t plans = 0;
};

struct search_result {
  std::vector<ranked_plan> plans;    // best first, at most `top`
  std::size_t considered = 0;        // plans timed (valid or refused)
  std::size_t valid = 0;
  std::vector<rejection> rejected;   // by reason, most frequent first (ties by code)
};

namespace detail {

// The plan's searched fields as a tuple, for the documented tie-break.
constexpr auto plan_key(const parallel_plan& p) {
  return std::make_tuple(p.tp, p.sequence_parallel, p.pp, p.vp, p.cp, p.ep, p.zero_stage,
                         p.microbatch, static_cast<int>(p.recompute_mode),
                         static_cast<int>(p.compute));
}

// Whether a plan with this score and memory total ranks before b: the search's order, from the
// figures it ranks on, so that a plan is judged before its breakdown is written.
inline bool ranks_before(search_objective o, double score, double memory,
                         const parallel_plan& plan, const ranked_plan& b) {
  if (score != b.score) return o == search_objective::time ? score < b.score : score > b.score;
  const double mb = b.step.memory.total().base_value();
  if (memory != mb) return memory < mb;
  return plan_key(plan) < plan_key(b.plan);
}

inline bool search_better(search_objective o, const ranked_plan& a, const ranked_plan& b) {
  return ranks_before(o, a.score, a.step.memory.total().base_value(), a.plan, b);
}

inline std::vector<int> powers_of_two_up_to(long long limit) {
  std::vector<int> out;
  for (long long v = 1; v <= limit; v *= 2) out.push_back(static_cast<int>(v));
  return out;
}

// Powers of two up to `limit`, and the divisors of `layers` up to it, ascending.
inline std::vector<int> stage_counts(int layers, long long limit) {
  std::vector<int> out = powers_of_two_up_to(limit);
  for (long long v = 1; v <= limit && v <= layers; ++v) {
    if (layers % v == 0) out.push_back(static_cast<int>(v));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

inline const reason* find_problem(const search_limits& l, std::size_t top) {
  const auto in = [](long long v, long long hi) { return v >= 1 && v <= hi; };
  if (!in(l.max_tp, limits::max_chips) || !in(l.max_pp, limits::max_chips) ||
      !in(l.max_vp, limits::max_chips) || !in(l.max_cp, limits::max_chips) ||
      !in(l.max_ep, limits::max_chips) || top > 1'000'000) {
    return &reasons::search_limit_out_of_range;
  }
  for (int z : l.zero_stages) {
    if (z < 0 || z > 3) return &reasons::search_limit_out_of_range;
  }
  for (int mb : l.microbatches) {
    if (!in(mb, limits::max_batch)) return &reasons::search_limit_out_of_range;
  }
  if (l.zero_stages.empty() || l.microbatches.empty() || l.recompute_modes.empty() ||
      l.precisions.empty()) {
    return &reasons::search_space_empty;
  }
  return nullptr;
}

// Calls f(plan) for every plan in the space, in a fixed order.
template <class F>
void for_each_plan(const search_request& r, F&& f) {
  const search_limits& l = r.limits;
  const transformer& m = r.model;
  const long long chips = r.chips;
  const int experts = m.is_moe() ? m.moe.experts : 1;
  for (int tp : powers_of_two_up_to(std::min<long long>(l.max_tp, chips))) {
    for (int pp : stage_counts(m.layers, std::min<long long>(l.max_pp, chips / tp))) {
      for (int cp : powers_of_two_up_to(std::min<long long>(l.max_cp, chips / (tp * pp)))) {
        const long long mp = static_cast<long long>(tp) * pp * cp;
        if (chips % mp != 0) continue;
        const long long dp = chips / mp;
        for (int vp = 1; vp <= (pp == 1 ? 1 : l.max_vp); ++vp) {
          if (static_cast<long long>(pp) * vp > m.layers + 2LL) break;
          for (int ep : powers_of_two_up_to(std::min<long long>(l.max_ep, dp * cp))) {
            if (experts % ep != 0) continue;
            for (int zero : l.zero_stages) {
              if (dp * cp == 1 && zero != 0) continue;  // nothing to shard over
              for (int mb : l.microbatches) {
                for (recompute rc : l.recompute_modes) {
                  for (precision pr : l.precisions) {
                    for (int sp = 0; sp <= (tp > 1 && l.sequence_parallel ? 1 : 0); ++sp) {
                      parallel_plan p = r.base;
                      p.tp = tp;
                      p.sequence_parallel = sp == 1;
                      p.pp = pp;
                      p.vp = vp;
                      p.cp = cp;
                      p.ep = ep;
                      p.zero_stage = zero;
                      p.microbatch = mb;
                      p.global_batch = r.global_batch;
                      p.recompute_mode = rc;
                      p.compute = pr;
                      f(p);
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

// One thread's share. Aligned to its own cache lines: the threads update their parts for every
// plan, and parts that shared a line would make the cores fight over it (false sharing).
struct alignas(64) search_part {
  std::vector<ranked_plan> best;
  std::size_t considered = 0, valid = 0;
  // Refusals by reason: a handful of reasons, so a flat list beats a map's node per lookup.
  std::vector<rejection> rejected;
  void refuse(const reason* why) {
    for (rejection& r : rejected) {
      if (r.why == why) {
        ++r.plans;
        return;
      }
    }
    rejected.push_back({why, 1});
  }
};

inline void keep_best(std::vector<ranked_plan>& best, ranked_plan&& candidate, std::size_t top,
                      search_objective o) {
  if (top == 0) return;
  const auto better = [o](const ranked_plan& a, const ranked_plan& b) {
    return search_better(o, a, b);
  };
  if (best.size() == top && !better(candidate, best.back())) return;
  best.insert(std::upper_bound(best.begin(), best.end(), candidate, better), std::move(candidate));
  if (best.size() > top) best.pop_back();
}

// Whether a score loses to the worst of a full list whatever the tie-breaks: search_better
// compares scores first.
inline bool worse_score(search_objective o, double score, const std::vector<ranked_plan>& best,
                        std::size_t top) {
  if (best.size() < top || top == 0) return top == 0;
  const double last = best.back().score;
  return o == search_objective::time ? score > last : score < last;
}

}  // namespace detail

// The score a plan gets under an objective.
inline double objective_score(search_objective o, const step_breakdown& s, int chips) {
  return o == search_objective::time ? s.step.in(seconds)
                                     : s.tokens_per_s / static_cast<double>(chips);
}

// Searches the space; refuses (with the reason) a request whose model, cluster or limits are
// invalid before any plan is tried. Plans the model refuses are counted, never returned.
inline result<search_result> try_search_plans(const search_request& r) {
  if (const reason* why = violation(r.model)) return *why;
  if (const reason* why = find_problem(r.cluster)) return *why;
  if (const reason* why = check_chips(static_cast<double>(r.chips))) return *why;
  if (r.chips > r.cluster.count) return reasons::plan_more_chips_than_cluster;
  if (!limits::within(r.global_batch, 1, limits::max_batch)) {
    return reasons::plan_size_too_large;
  }
  if (const reason* why = detail::find_problem(r.limits, r.top)) return *why;
  if (const reason* why = find_problem(r.options)) return *why;

  unsigned threads = r.threads != 0 ? r.threads : std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, 256u);
  std::vector<detail::search_part> parts(threads);
  // Thread k times the chunks of `chunk` consecutive plans (in the fixed order) whose position
  // is k modulo the thread count; merging by the total order of search_better makes the result
  // independent of the split. Whole chunks rather than single plans: each thread then skips
  // the others' plans in runs, and the plans it gathers are neighbours (one shape, so the
  // branches of the step model go the same way). Each thread times its plans through the
  // batched step model (sweep/step_batch.hpp), whose results equal try_estimate_step's bit for
  // bit.
  constexpr std::size_t chunk = 512;
  const auto work = [&](unsigned k) {
    detail::search_part& part = parts[k];
    std::vector<parallel_plan> plans;
    plans.reserve(chunk);
    const step_setup setup = make_step_setup(r.model, r.cluster, r.chips, r.options);  // once
    // Each valid plan is judged on its step time (or throughput) and memory total alone; only a
    // plan that enters the top k gets its breakdown written (finish_step, as estimate_steps
    // would), so the results are the same as timing every plan in full.
    const auto lane = [&](std::size_t i, const step_values<double>& v,
                          const memory_breakdown<double>& memory) {
      const double total = memory.total().base_value();
      if (const reason* why = step_problem(v, total)) {
        part.refuse(why);
        return;
      }
      ++part.valid;
      const double score = r.objective == search_objective::time
                               ? duration<>::from_base(v.step).in(seconds)
                               : v.tokens_per_s / static_cast<double>(r.chips);
      if (detail::worse_score(r.objective, score, part.best, r.top)) return;
      if (part.best.size() == r.top &&
          !detail::ranks_before(r.objective, score, total, plans[i], part.best.back())) {
        return;
      }
      ranked_plan candidate{plans[i], {}, score};
      (void)finish_step(v, memory, candidate.step);
      detail::keep_best(part.best, std::move(candidate), r.top, r.objective);
    };
    const auto refused = [&](std::size_t, const reason* why) { part.refuse(why); };
    const auto flush = [&] {
      visit_steps(setup, std::span<const parallel_plan>(plans), lane, refused);
      part.considered += plans.size();
      plans.clear();
    };
    std::size_t index = 0;
    detail::for_each_plan(r, [&](const parallel_plan& p) {
      if ((index++ / chunk) % threads != k) return;
      plans.push_back(p);
      if (plans.size() == chunk) flush();
    });
    flush();
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned k = 0; k < threads; ++k) pool.emplace_back(work, k);
    for (std::thread& t : pool) t.join();
  }

  search_result out;
  std::map<const reason*, std::size_t> rejected;
  for (detail::search_part& part : parts) {
    out.considered += part.considered;
    out.valid += part.valid;
    for (const rejection& x : part.rejected) rejected[x.why] += x.plans;
    for (ranked_plan& p : part.best) {
      detail::keep_best(out.plans, std::move(p), r.top, r.objective);
    }
  }
  if (out.considered == 0) return reasons::search_space_empty;
  for (const auto& [why, n] : rejected) out.rejected.push_back({why, n});
  std::sort(out.rejected.begin(), out.rejected.end(), [](const rejection& a, const rejection& b) {
    if (a.plans != b.plans) return a.plans > b.plans;
    return std::string_view(a.why->code) < std::string_view(b.why->code);
  });
  return out;
}

inline search_result search_plans(const search_request& r) { return try_search_plans(r).value(); }

}  // namespace flopcast
