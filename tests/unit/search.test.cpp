// Plan search (sweep/search.hpp): the threaded search returns exactly what a plain scalar loop
// over the same space finds, refusals are counted by reason, and the order is the documented one.
#include <algorithm>
#include <map>
#include <vector>

#include "catch_any.hpp"
#include "flopcast/flopcast.hpp"
#include "flopcast/sweep/search.hpp"

using namespace flopcast;

namespace {

search_request small_request() {
  search_request r;
  r.model = models::llama3_8b.shape;
  r.cluster = clusters::hgx_h100_ndr.with_count(64);
  r.chips = 64;
  r.global_batch = 128;
  r.limits.max_pp = 8;
  r.limits.max_cp = 4;
  r.limits.precisions = {precision::bf16, precision::fp8};
  r.top = 25;
  return r;
}

}  // namespace

TEST_CASE("the threaded search equals a plain loop over the same plans", "[search]") {
  search_request r = small_request();
  // The plain loop: every plan the space holds, timed one by one, sorted by the same order.
  std::vector<ranked_plan> all;
  std::map<const reason*, std::size_t> refused;
  std::size_t considered = 0;
  detail::for_each_plan(r, [&](const parallel_plan& p) {
    ++considered;
    const auto s = try_estimate_step(r.model, r.cluster, r.chips, p, r.options);
    if (!s) {
      ++refused[s.error()];
      return;
    }
    all.push_back({p, s.value(), s.value().step.in(seconds)});
  });
  std::sort(all.begin(), all.end(), [](const ranked_plan& a, const ranked_plan& b) {
    return detail::search_better(search_objective::time, a, b);
  });
  REQUIRE(all.size() > r.top);

  for (unsigned threads : {1u, 2u, 3u, 7u}) {
    r.threads = threads;
    const search_result found = search_plans(r);
    CHECK(found.considered == considered);
    CHECK(found.valid == all.size());
    std::size_t rejected = 0;
    for (const rejection& x : found.rejected) {
      rejected += x.plans;
      CHECK(refused[x.why] == x.plans);
    }
    CHECK(rejected + found.valid == found.considered);
    REQUIRE(found.plans.size() == r.top);
    for (std::size_t i = 0; i < r.top; ++i) {
      CHECK(detail::plan_key(found.plans[i].plan) == detail::plan_key(all[i].plan));
      CHECK(found.plans[i].score == all[i].step.step.in(seconds));
    }
  }
}

TEST_CASE("the search ranks by its objective and breaks ties as documented", "[search]") {
  search_request r = small_request();
  r.threads = 2;
  const search_result by_time = search_plans(r);
  REQUIRE(by_time.plans.size() >= 2);
  for (std::size_t i = 1; i < by_time.plans.size(); ++i) {
    CHECK(by_time.plans[i - 1].score <= by_time.plans[i].score);
  }
  r.objective = search_objective::throughput;
  const search_result by_rate = search_plans(r);
  REQUIRE(by_rate.plans.size() == by_time.plans.size());
  // One chip count and one batch: the fastest step is the highest rate per chip.
  CHECK(detail::plan_key(by_rate.plans.front().plan) ==
        detail::plan_key(by_time.plans.front().plan));
  CHECK(by_rate.plans.front().score ==
        by_time.plans.front().step.tokens_per_s / static_cast<double>(r.chips));
  // Refusals name the model's reasons: the batch, heads and memory rules all bite in this space.
  std::vector<std::string_view> codes;
  for (const rejection& x : by_time.rejected) codes.emplace_back(x.why->code);
  CHECK(std::find(codes.begin(), codes.end(), "plan_batch_not_divisible") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "plan_does_not_fit_in_memory") != codes.end());
  for (std::size_t i = 1; i < by_time.rejected.size(); ++i) {
    CHECK(by_time.rejected[i - 1].plans >= by_time.rejected[i].plans);
  }
}

TEST_CASE("equivalent plans are generated once", "[search]") {
  search_request r = small_request();
  std::size_t sp_at_tp1 = 0, vp_at_pp1 = 0, zero_alone = 0, ep_dense = 0, total = 0;
  std::vector<decltype(detail::plan_key(parallel_plan{}))> keys;
  detail::for_each_plan(r, [&](const parallel_plan& p) {
    ++total;
    keys.push_back(detail::plan_key(p));
    if (p.sequence_parallel && p.tp == 1) ++sp_at_tp1;
    if (p.vp > 1 && p.pp == 1) ++vp_at_pp1;
    if (data_parallel(p, r.chips) * p.cp == 1 && p.zero_stage != 0) ++zero_alone;
    if (p.ep != 1) ++ep_dense;
  });
  CHECK(total > 1000);
  CHECK(sp_at_tp1 == 0);
  CHECK(vp_at_pp1 == 0);
  CHECK(zero_alone == 0);
  CHECK(ep_dense == 0);
  std::sort(keys.begin(), keys.end());
  CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
}

TEST_CASE("a search with nothing to search or bad limits is refused with its reason",
          "[search]") {
  search_request r = small_request();
  r.limits.microbatches.clear();
  CHECK(try_search_plans(r).error() == &reasons::search_space_empty);
  r = small_request();
  r.limits.zero_stages = {4};
  CHECK(try_search_plans(r).error() == &reasons::search_limit_out_of_range);
  r = small_request();
  r.chips = 128;  // the cluster has 64
  CHECK(try_search_plans(r).error() == &reasons::plan_more_chips_than_cluster);
  r = small_request();
  r.global_batch = 0;
  CHECK(try_search_plans(r).error() != nullptr);
}
