#pragma once
#include "flopcast/core/config.hpp"
// A parallel plan: how a training step of a model is laid out on a cluster's chips, and the
// rules that make a plan valid, each with its reason.
//
// Rank order (innermost first, as Megatron-LM and Llama 3 lay them out): TP, CP, PP, DP. TP
// groups are consecutive ranks, so they sit inside one scale-up domain when t <= domain size;
// CP groups have stride t; PP neighbours stride t*c; DP groups stride t*c*p. EP is carved out
// of the DP x CP ranks (experts are spread over ep of them).
#include "flopcast/core/error.hpp"
#include "flopcast/core/limits.hpp"
#include "flopcast/core/precision.hpp"
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/workload/memory.hpp"
#include "flopcast/workload/recipe.hpp"
#include "flopcast/workload/transformer.hpp"

FLOPCAST_DEFINE_REASON(plan_sizes_below_one,
                       "tp, pp, vp, cp, ep, microbatch and global batch must each be at least 1")
FLOPCAST_DEFINE_REASON(plan_chips_not_divisible,
                       "the chip count must be a multiple of tp x pp x cp (dp = chips / (tp pp cp))")
FLOPCAST_DEFINE_REASON(plan_tp_does_not_divide_heads,
                       "tp must divide the number of attention heads")
FLOPCAST_DEFINE_REASON(plan_tp_does_not_divide_kv_heads,
                       "tp must divide the KV heads, or be a multiple of them (KV heads are then "
                       "replicated)")
FLOPCAST_DEFINE_REASON(plan_layers_not_divisible,
                       "pp x vp (pipeline stages x interleaved chunks) must divide the layers")
FLOPCAST_DEFINE_REASON(plan_ep_does_not_divide_experts, "ep must divide the number of experts")
FLOPCAST_DEFINE_REASON(plan_ep_exceeds_dp_cp, "ep must divide dp x cp (experts live on DP/CP ranks)")
FLOPCAST_DEFINE_REASON(plan_batch_not_divisible,
                       "the global batch must be a multiple of microbatch x dp")
FLOPCAST_DEFINE_REASON(plan_cp_does_not_divide_sequence,
                       "2 x cp must divide the sequence length (load-balanced causal chunks)")
FLOPCAST_DEFINE_REASON(plan_interleaving_needs_pipeline, "vp > 1 needs pp > 1")
FLOPCAST_DEFINE_REASON(plan_more_chips_than_cluster,
                       "the plan needs more chips than the cluster has")
FLOPCAST_DEFINE_REASON(plan_does_not_fit_in_memory,
                       "the model state and activations per chip exceed the chip's memory")
FLOPCAST_DEFINE_REASON(plan_ep_on_dense_model, "ep > 1 needs a mixture-of-experts model")
FLOPCAST_DEFINE_REASON(plan_size_too_large,
                       "a plan size is beyond its range (core/limits.hpp): tp, pp, vp, cp, ep at "
                       "most 2^26 (the largest cluster), microbatch and global batch at most 2^30")
FLOPCAST_DEFINE_REASON(plan_precision_not_trainable,
                       "the step model times GEMMs in bf16, fp16, fp8, fp6 or fp4 (attention runs "
                       "at 16 bits); wider formats (tf32, fp32, fp64) and int8 are not modelled")
FLOPCAST_DEFINE_REASON(plan_kind_unknown,
                       "a recompute, precision or optimizer value is not one of its enum's named "
                       "values")

namespace flopcast {

struct parallel_plan {
  int tp = 1;                      // tensor parallel
  bool sequence_parallel = false;  // Korthikanti 2022: norms and dropout sharded over tp
  int pp = 1;                      // pipeline stages
  int vp = 1;                      // interleaved chunks per stage (1 = plain 1F1B)
  int cp = 1;                      // context parallel
  int ep = 1;                      // expert parallel (within dp x cp)
  int zero_stage = 0;              // 0-3; 3 = FSDP
  int microbatch = 1;              // sequences per microbatch
  int global_batch = 1;            // sequences per step, all replicas
  recompute recompute_mode = recompute::none;
  bool fused_attention = true;     // FlashAttention-style: scores never in HBM
  bool dropout = false;            // dropout masks stored (GPT-3-era models; most LLMs now use none)
  precision compute = precision::bf16;  // GEMM precision (attention stays BF16)
  precision_recipe recipe = recipes::bf16_fp32_master;
  optimizer opt = optimizer::adam;
};

// Data-parallel size implied by a chip count (0 when tp x pp x cp does not fit in it).
constexpr int data_parallel(const parallel_plan& p, int chips) {
  // In double: tp x pp x cp overflows 64 bits for sizes up to 2^26 each; exact below 2^53.
  const double mp = static_cast<double>(p.tp) * p.pp * p.cp;
  return mp >= 1.0 && mp <= chips ? static_cast<int>(chips / static_cast<long long>(mp)) : 0;
}

// The precisions the step model times GEMMs in.
constexpr bool trainable_gemm_precision(precision p) {
  return p == precision::bf16 || p == precision::fp16 || p == precision::fp8 ||
         p == precision::fp6 || p == precision::fp4;
}

constexpr sharding<double> sharding_of(const parallel_plan& p, int chips) {
  return {.tp = static_cast<double>(p.tp),
          .pp = static_cast<double>(p.pp),
          .dp = static_cast<double>(data_parallel(p, chips)),
          .cp = static_cast<double>(p.cp),
          .ep = static_cast<double>(p.ep),
          .virtual_stages = static_cast<double>(p.vp),
          .zero_stage = p.zero_stage,
          .sequence_parallel = p.sequence_parallel};
}

// Memory of the busiest chip (first pipeline stage) under the plan.
constexpr memory_breakdown<double> plan_memory_per_chip(const transformer& m, const parallel_plan& p,
                                                        int chips) {
  return memory_per_chip<double>(m, p.recipe, p.opt, sharding_of(p, chips),
                                 static_cast<double>(p.microbatch),
                                 {.policy = p.recompute_mode, .fused_attention = p.fused_attention, .dropout = p.dropout});
}

// Fraction of HBM a plan may use: the rest is the framework's workspace, communication buffers
// and allocator fragmentation (PyTorch runs commonly reserve 5-10%; we take 10%).
inline constexpr double usable_memory_fraction = 0.90;

// The first rule the plan breaks on `chips` chips of cluster `c`, or nullptr.
constexpr const reason* find_problem(const transformer& m, const parallel_plan& p,
                                     const cluster_spec& c, int chips, bool check_memory = true) {
  if (p.tp < 1 || p.pp < 1 || p.vp < 1 || p.cp < 1 || p.ep < 1 || p.microbatch < 1 ||
      p.global_batch < 1) {
    return &reasons::plan_sizes_below_one;
  }
  if (chips < 1) return &reasons::plan_sizes_below_one;
  const int most = limits::max_accelerators;
  if (p.tp > most || p.pp > most || p.vp > most || p.cp > most || p.ep > most ||
      p.microbatch > limits::max_batch || p.global_batch > limits::max_batch) {
    return &reasons::plan_size_too_large;
  }
  if (chips > c.count) return &reasons::plan_more_chips_than_cluster;
  if (p.zero_stage < 0 || p.zero_stage > 3) return &reasons::zero_stage_out_of_range;
  if (static_cast<unsigned>(p.recompute_mode) > static_cast<unsigned>(recompute::full) ||
      static_cast<unsigned>(p.opt) > static_cast<unsigned>(optimizer::adafactor) ||
      !known(p.compute) || !known(p.recipe.weights) || !known(p.recipe.gradients) ||
      !known(p.recipe.optimizer_state) ||
      (p.recipe.master_weights.has_value() && !known(*p.recipe.master_weights))) {
    return &reasons::plan_kind_unknown;
  }
  if (!trainable_gemm_precision(p.compute)) return &reasons::plan_precision_not_trainable;
  // Products of sizes in double (each is at most 2^26 here, a product up to 2^78): a product
  // larger than what it must divide cannot divide it, and one that is smaller is exact.
  using wide = long long;
  const double model_parallel = static_cast<double>(p.tp) * p.pp * p.cp;
  if (model_parallel > chips || chips % static_cast<wide>(model_parallel) != 0) {
    return &reasons::plan_chips_not_divisible;
  }
  if (m.heads % p.tp != 0) return &reasons::plan_tp_does_not_divide_heads;
  const int kv = m.key_value_heads();
  if (kv % p.tp != 0 && p.tp % kv != 0) return &reasons::plan_tp_does_not_divide_kv_heads;
  const double chunks = static_cast<double>(p.pp) * p.vp;
  if (chunks > m.layers || m.layers % static_cast<wide>(chunks) != 0) {
    return &reasons::plan_layers_not_divisible;
  }
  if (p.vp > 1 && p.pp == 1) return &reasons::plan_interleaving_needs_pipeline;
  if (p.cp > 1 && m.seq_len % (wide{2} * p.cp) != 0) return &reasons::plan_cp_does_not_divide_sequence;
  const int dp = data_parallel(p, chips);
  if (p.ep > 1 && !m.is_moe()) return &reasons::plan_ep_on_dense_model;
  if (m.is_moe() && m.moe.experts % p.ep != 0) return &reasons::plan_ep_does_not_divide_experts;
  if ((wide{dp} * p.cp) % p.ep != 0) return &reasons::plan_ep_exceeds_dp_cp;
  // microbatch x dp <= 2^30 x 2^26: exact in 64 bits.
  if (p.global_batch % (wide{p.microbatch} * dp) != 0) return &reasons::plan_batch_not_divisible;
  const data_size<> need = plan_memory_per_chip(m, p, chips).total();
  if (check_memory && need > c.chip.memory_per_accelerator() * usable_memory_fraction) {
    return &reasons::plan_does_not_fit_in_memory;
  }
  return nullptr;
}

}  // namespace flopcast
