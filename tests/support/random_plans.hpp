#pragma once
// Random step-model inputs for the batch tests and benchmark: a "batch" is one model, one cluster,
// one chip count and one set of step options (what estimate_steps takes), with many plans that
// vary every field a search or a user might vary, valid and invalid mixed. Deterministic for a
// seed.
#include <cstdint>
#include <random>
#include <vector>

#include "flopcast/flopcast.hpp"

namespace flopcast::testing {

struct random_batch {
  transformer model{};
  cluster_spec cluster{};
  int chips = 0;
  step_options options{};
  std::vector<parallel_plan> plans;
};

class plan_generator {
 public:
  explicit plan_generator(std::uint64_t seed) : gen_(seed) {}

  template <class V>
  const typename V::value_type& pick(const V& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(gen_)];
  }
  int pick_int(std::initializer_list<int> v) { return pick(std::vector<int>(v)); }
  bool coin(double p = 0.5) { return std::bernoulli_distribution(p)(gen_); }

  // Models: dense MHA, GQA, MoE (two), sliding-window, parallel block.
  transformer model() {
    static const std::vector<transformer> all{
        models::llama3_8b.shape,    models::llama3_70b.shape,     models::mixtral_8x7b.shape,
        models::qwen3_30b_a3b.shape, models::gpt3_175b.shape,     models::gemma2_9b.shape,
        models::gpt_j_6b.shape,     models::falcon_7b.shape,      models::llama2_7b.shape};
    return pick(all);
  }

  // The shape (tp, pp, cp, dp) first, then a cluster and chip count that hold it, so that a good
  // share of the plans are valid; some plans are then broken on purpose.
  random_batch batch(std::size_t plans) {
    random_batch b;
    b.model = model();
    const int tp = pick_int({1, 2, 4, 8});
    const int pp = pick_int({1, 2, 4, 8});
    const int cp = pick_int({1, 1, 2});
    const int dp = pick_int({1, 2, 4, 8, 16, 32});
    b.chips = tp * pp * cp * dp;
    switch (std::uniform_int_distribution<int>(0, 4)(gen_)) {
      case 0: b.cluster = clusters::hgx_h100_ndr.with_count(b.chips < 8 ? 8 : b.chips); break;
      case 1: b.cluster = clusters::dgx_a100_superpod.with_count(b.chips < 8 ? 8 : b.chips); break;
      // A partial last NVL72 domain whenever the count is not a multiple of 72.
      case 2: b.cluster = clusters::gb200_nvl72.with_count(b.chips); break;
      case 3: b.cluster = clusters::tpu_v4_pod.with_count(b.chips); break;
      default: b.cluster = clusters::dgx_b200.with_count(b.chips < 8 ? 8 : b.chips); break;
    }
    step_options& o = b.options;
    o.tp_overlap = coin(0.3) ? 0.5 : 0.0;
    o.overlap_dp = coin(0.8);
    o.overlap_pp = coin(0.3);
    o.overlap_cp = coin(0.8);
    o.hierarchical_dp = coin(0.7);
    o.zero3_prefetch = coin(0.8);
    o.order = coin() ? rank_order::tp_cp_dp_pp : rank_order::tp_cp_pp_dp;
    o.mask = coin() ? attention_mask::dense : attention_mask::causal_skip;
    o.attention = pick(std::vector<attention_kernel>{attention_kernel::calibrated,
                                                     attention_kernel::automatic});
    o.check_memory = coin(0.7);
    if (coin(0.05)) o.goodput = 0.0;  // an invalid option: every plan refused with its reason
    b.plans.reserve(plans);
    for (std::size_t i = 0; i < plans; ++i) b.plans.push_back(plan(b, tp, pp, cp, dp));
    return b;
  }

  parallel_plan plan(const random_batch& b, int tp, int pp, int cp, int dp) {
    parallel_plan p;
    // Mostly the batch's shape; sometimes another (often invalid on these chips).
    p.tp = coin(0.8) ? tp : pick_int({1, 2, 4, 8, 16});
    p.pp = coin(0.8) ? pp : pick_int({1, 2, 3, 4, 8});
    p.cp = coin(0.9) ? cp : pick_int({1, 2, 4});
    p.vp = p.pp > 1 && coin(0.3) ? pick_int({2, 3, 4}) : 1;
    p.sequence_parallel = p.tp > 1 && coin(0.6);
    p.ep = b.model.is_moe() ? pick_int({1, 2, 4, 8}) : (coin(0.02) ? 2 : 1);
    p.zero_stage = pick_int({0, 1, 2, 3});
    p.microbatch = pick_int({1, 2, 4});
    const int per_pipe = pick_int({1, 2, 4, 8, 16}) * (p.vp > 1 ? p.pp : 1);
    p.global_batch = p.microbatch * dp * per_pipe + (coin(0.03) ? 1 : 0);
    p.recompute_mode = pick(std::vector<recompute>{recompute::none, recompute::selective,
                                                   recompute::full, recompute::selective_op});
    p.compute = pick(std::vector<precision>{precision::bf16, precision::bf16, precision::fp8,
                                            precision::fp16});
    p.fused_attention = coin(0.8);
    p.dropout = coin(0.2);
    p.offloaded_layers = coin(0.15) ? pick_int({1, 2}) : 0;
    if (p.pp > 1 && coin(0.1)) {
      p.embedding_in_split = true;
      p.loss_in_split = coin();
    } else if (p.pp > 2 && coin(0.1)) {
      p.first_stage_layers = pick_int({1, 2, 3});
    }
    if (coin(0.01)) p.microbatch = 0;  // below one
    return p;
  }

 private:
  std::mt19937_64 gen_;
};

}  // namespace flopcast::testing
