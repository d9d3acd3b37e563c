// One formula, two paths, for the whole step model: estimate_steps (sweep/step_batch.hpp) runs
// step_terms_of<T> on SIMD packs and must equal try_estimate_step, which runs it on doubles, bit
// for bit on every field, and refuse each invalid plan with the same reason. The test build
// compiles without FMA contraction (-ffp-contract=off), which equality needs.
#include <flopcast/sweep/search.hpp>
#include <flopcast/sweep/step_batch.hpp>

#include <cstring>
#include <vector>

#include "catch_any.hpp"
#include "random_plans.hpp"

using namespace flopcast;

namespace {

bool same(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

// Every number in the breakdown, bit for bit.
bool same(const step_breakdown& a, const step_breakdown& b) {
  for (const step_term& t : step_terms) {
    if (!same((a.*t.field).base_value(), (b.*t.field).base_value())) return false;
  }
  const auto& ma = a.memory;
  const auto& mb = b.memory;
  return same(a.step.base_value(), b.step.base_value()) && same(a.microbatches, b.microbatches) &&
         same(a.data_parallel, b.data_parallel) && same(a.gemm_efficiency, b.gemm_efficiency) &&
         same(a.model_flops.base_value(), b.model_flops.base_value()) &&
         same(a.hardware_flops.base_value(), b.hardware_flops.base_value()) &&
         same(a.tokens_per_step, b.tokens_per_step) && same(a.tokens_per_s, b.tokens_per_s) &&
         same(a.model_flops_per_chip.base_value(), b.model_flops_per_chip.base_value()) &&
         same(a.hardware_flops_per_chip.base_value(), b.hardware_flops_per_chip.base_value()) &&
         same(a.mfu, b.mfu) && same(a.hfu, b.hfu) &&
         same(ma.weights.base_value(), mb.weights.base_value()) &&
         same(ma.gradients.base_value(), mb.gradients.base_value()) &&
         same(ma.master_weights.base_value(), mb.master_weights.base_value()) &&
         same(ma.optimizer_state.base_value(), mb.optimizer_state.base_value()) &&
         same(ma.activations.base_value(), mb.activations.base_value());
}

struct tally {
  std::size_t plans = 0, valid = 0, mismatched = 0;
};

// Times the batch both ways and counts the plans whose results differ in any bit or reason.
template <class P>
tally compare(const testing::random_batch& b) {
  const std::size_t n = b.plans.size();
  std::vector<step_breakdown> out(n);
  std::vector<const reason*> status(n);
  const std::size_t invalid =
      estimate_steps<P>(b.model, b.cluster, b.chips, b.plans, b.options, out, status);
  tally t;
  std::size_t refused = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ++t.plans;
    const result<step_breakdown> s =
        try_estimate_step(b.model, b.cluster, b.chips, b.plans[i], b.options);
    if (!s) {
      ++refused;
      if (status[i] != s.error()) ++t.mismatched;
      continue;
    }
    ++t.valid;
    if (status[i] != nullptr || !same(out[i], s.value())) ++t.mismatched;
  }
  if (invalid != refused) ++t.mismatched;
  return t;
}

}  // namespace

TEST_CASE("estimate_steps equals try_estimate_step bit for bit on 100,000 random plans",
          "[step_batch]") {
  // 400 batches of 250 plans: nine models (dense MHA, GQA, two MoE, sliding window, parallel
  // block), five clusters (HGX H100, DGX A100, GB200 NVL72 with partial domains, DGX B200, a
  // TPU v4 pod), random step options, every plan field varied; valid and refused plans mixed.
  testing::plan_generator gen(2024);
  tally all;
  for (int k = 0; k < 400; ++k) {
    const tally t = compare<simd::pack>(gen.batch(250));
    all.plans += t.plans;
    all.valid += t.valid;
    all.mismatched += t.mismatched;
  }
  CHECK(all.plans == 100'000);
  CHECK(all.valid > 30'000);                  // enough of both kinds to mean something
  CHECK(all.plans - all.valid > 30'000);
  CHECK(all.mismatched == 0);
}

TEST_CASE("estimate_steps equals try_estimate_step on a search space, in the search's order",
          "[step_batch]") {
  // Consecutive plans of a search share their sizes (ZeRO, microbatch, recompute, precision and
  // SP vary innermost), so the batch answers most of their size rules from its shape_memo: every
  // plan and every refusal must still match the plan-by-plan path. An MoE model on a cluster
  // where EP, CP and uneven pipelines all occur.
  for (const model_card* m : {&models::mixtral_8x7b, &models::llama3_70b}) {
    search_request r;
    r.model = m->shape;
    r.chips = 64;
    r.cluster = clusters::hgx_h100_ndr.with_count(r.chips);
    r.global_batch = 128;
    r.limits.max_pp = 8;
    r.limits.max_cp = 4;
    r.limits.precisions = {precision::bf16, precision::fp8};
    testing::random_batch b;
    b.model = r.model;
    b.cluster = r.cluster;
    b.chips = r.chips;
    b.options = r.options;
    detail::for_each_plan(r, [&](const parallel_plan& p) { b.plans.push_back(p); });
    const tally t = compare<simd::pack>(b);
    CAPTURE(m->shape.name);
    CHECK(t.plans > 5'000);
    CHECK(t.valid > 1'000);
    CHECK(t.plans - t.valid > 1'000);
    CHECK(t.mismatched == 0);
  }
}

TEST_CASE("estimate_steps: every tail length, and other pack widths", "[step_batch]") {
  // Valid plans are gathered into full packs and the last (valid % width) run at T = double:
  // batches of 1 .. 3 x width valid plans cover every tail length, with refused plans between.
  testing::plan_generator gen(7);
  testing::random_batch b;
  do {
    b = gen.batch(400);
    b.options.goodput = 1.0;
    b.options.check_memory = false;
  } while (compare<simd::pack>(b).valid < 100);
  constexpr std::size_t w = number_traits<simd::pack>::width;
  std::vector<parallel_plan> valid, refused;
  for (const parallel_plan& p : b.plans) {
    (try_estimate_step(b.model, b.cluster, b.chips, p, b.options) ? valid : refused).push_back(p);
  }
  REQUIRE(valid.size() >= 3 * w + 1);
  for (std::size_t count = 0; count <= 3 * w; ++count) {
    testing::random_batch part = b;
    part.plans.clear();
    for (std::size_t i = 0; i < count; ++i) {
      part.plans.push_back(valid[i]);
      if (!refused.empty()) part.plans.push_back(refused[i % refused.size()]);
    }
    const tally t = compare<simd::pack>(part);
    CHECK(t.valid == count);
    CHECK(t.mismatched == 0);
  }
  // The portable backend at widths that divide nothing evenly.
  for (int k = 0; k < 20; ++k) {
    const testing::random_batch r = gen.batch(97);
    CHECK(compare<simd::array_pack<3>>(r).mismatched == 0);
    CHECK(compare<simd::array_pack<8>>(r).mismatched == 0);
  }
}

TEST_CASE("estimate_steps refuses mismatched spans", "[step_batch]") {
  std::vector<parallel_plan> plans(3);
  std::vector<step_breakdown> out(2);
  std::vector<const reason*> status(3);
  CHECK_THROWS_AS(estimate_steps(models::llama3_8b.shape, clusters::hgx_h100_ndr, 8, plans, {},
                                 out, status),
                  std::invalid_argument);
}
