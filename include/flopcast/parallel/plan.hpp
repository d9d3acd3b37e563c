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
FLOPCAST_DEFINE_REASON(plan_more_chunks_than_layers,
                       "each of the pp x vp pipeline chunks must hold at least one layer (the "
                       "embedding and the loss count as a layer each when in the split)")
FLOPCAST_DEFINE_REASON(plan_stage_layers_out_of_range,
                       "first_stage_layers and last_stage_layers must be 0 (the default split) or "
                       "at least 1, need pp >= 2, and must leave at least one layer for each other "
                       "stage (with pp = 2 and both set, they must add up to the layers)")
FLOPCAST_DEFINE_REASON(plan_layers_not_divisible,
                       "with first_stage_layers or last_stage_layers set, the layers left must "
                       "divide evenly over the middle stages, and with vp > 1 each stage's layers "
                       "over its vp chunks (Megatron-Core)")
FLOPCAST_DEFINE_REASON(plan_stage_layers_with_split_accounting,
                       "first_stage_layers and last_stage_layers cannot be combined with counting "
                       "the embedding or the loss as a layer in the split")
FLOPCAST_DEFINE_REASON(plan_interleaved_microbatches,
                       "with vp > 1 (interleaved 1F1B) the microbatches per pipeline, global batch "
                       "/ (microbatch x dp), must be a multiple of pp")
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
FLOPCAST_DEFINE_REASON(plan_offloaded_layers_out_of_range,
                       "offloaded_layers must be in [0, the layers on the first pipeline stage]")
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
  // Transformer layers on the first and on the last pipeline stage (over all of its vp chunks),
  // as Megatron-Core's num_layers_in_first/last_pipeline_stage; 0 = the default split
  // (pipeline_split below). The other stages share the rest evenly.
  int first_stage_layers = 0;
  int last_stage_layers = 0;
  // Count the input embedding (on the first chunk) and the loss, i.e. the output layer and
  // logits (on the last chunk), as one layer each in the default split, as Megatron-Core's
  // account_for_embedding_in_pipeline_split / account_for_loss_in_pipeline_split and
  // Megatron-DeepSpeed's partition method 'type:transformer|embedding' do.
  bool embedding_in_split = false;
  bool loss_in_split = false;
  // Layers per pipeline stage whose activations wait in host memory between the forward and the
  // backward: Megatron-Core's cpu_offloading_num_layers (cpu_offloading_weights off), as NVIDIA's
  // Megatron-Bridge recipes ran Llama 3 70B on GB200 (40 of 80 layers) and GB300 (20).
  int offloaded_layers = 0;
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

// How a plan spreads the transformer layers over its pipeline stages. A stage is one pipeline
// rank; with vp > 1 it holds vp chunks, k, k + pp, k + 2 pp, ... in pipeline order (Megatron's
// interleaving), so the first chunk sits on the first stage and the last chunk on the last.
//
// Default (balanced) split. The L layers, plus one slot each for the input embedding (first
// chunk) and the loss (output layer and logits, last chunk) when embedding_in_split /
// loss_in_split count them, are dealt over the pp x vp chunks as evenly as they go: every chunk
// gets floor(S / C) slots and the first S mod C chunks one more. This is DeepSpeed's
// partition_uniform (deepspeed/runtime/utils.py), which Megatron-DeepSpeed's PipelineModule uses
// for its 'uniform' and 'type:...' partition methods; it puts the extra layers on the early
// chunks, away from the last stage, which also computes the logits. When the slots divide evenly
// it is Megatron-Core's split: L / (pp vp) layers per chunk, or (L + 1 or 2) / (pp vp) slots with
// account_for_embedding/loss_in_pipeline_split, as NVIDIA ran Llama 3.1 405B in MLPerf Training
// v5.0 (126 layers + embedding + loss = 128 slots over PP 8 x VP 8: ASYM_PP_EMBED and
// ASYM_PP_LOSS in its config_DGXH100_*xtp8pp8cp2.sh) and BigScience ran BLOOM-176B (70 layers +
// the two tied embeddings = 72 over 12 stages: --pp-partition-method 'type:transformer|embedding',
// stage 0 = embedding + 5 layers, stages 1-10 = 6, stage 11 = 5 + embedding). Megatron-Core
// itself asks for an even split unless the edge stages are set; we accept the balanced one, as
// Megatron-DeepSpeed runs it.
//
// Explicit split: first_stage_layers F and/or last_stage_layers F' (Megatron-Core's
// num_layers_in_first/last_pipeline_stage) put F and F' layers on those stages and the rest,
// evenly, on the others; each count must be at least 1, the rest must divide over the other
// stages, and with vp > 1 every stage's count must divide over its vp chunks (the checks of
// megatron/core/transformer/transformer_config.py, TransformerConfig.__post_init__). It cannot
// be combined with counting the embedding or loss in the split.
struct pipeline_split {
  int first = 0;          // transformer layers on the first stage (over all its chunks)
  int last = 0;           // on the last stage, which also computes the output layer and logits
  int busiest_other = 0;  // the most on any stage but the last (0 with a single stage)
};

namespace detail {
constexpr long long split_min(long long a, long long b) { return a < b ? a : b; }
constexpr long long split_max(long long a, long long b) { return a < b ? b : a; }
}  // namespace detail

// The first rule of the layer split the plan breaks, or nullptr. Expects pp, vp >= 1.
constexpr const reason* split_problem(const transformer& m, const parallel_plan& p) {
  using wide = long long;
  const wide e = p.embedding_in_split ? 1 : 0, l = p.loss_in_split ? 1 : 0;
  const wide slots = wide{m.layers} + e + l;
  // In double: pp x vp may be up to 2^52 here; a product above the slots is refused before it is
  // used as an integer.
  const double chunks_d = static_cast<double>(p.pp) * p.vp;
  if (m.layers < 1 || chunks_d > static_cast<double>(slots)) {
    return &reasons::plan_more_chunks_than_layers;
  }
  const wide pp = p.pp, vp = p.vp;
  const wide f = p.first_stage_layers, g = p.last_stage_layers;
  if (f < 0 || g < 0) return &reasons::plan_stage_layers_out_of_range;
  if (f == 0 && g == 0) {
    // With no more chunks than slots every chunk gets at least one slot; the first and the last
    // chunk may then hold only the embedding or the loss and no transformer layer. Megatron-Core
    // runs such layouts (pipeline_model_parallel_layout, e.g. "E|t|...|L"), and NVIDIA's
    // Megatron-Bridge ran Llama 3.1 405B's 126 layers on PP 16 x VP 8 = 128 chunks that way.
    return nullptr;
  }
  if (e != 0 || l != 0) return &reasons::plan_stage_layers_with_split_accounting;
  if (pp < 2) return &reasons::plan_stage_layers_out_of_range;
  const wide others = pp - (f > 0 ? 1 : 0) - (g > 0 ? 1 : 0);
  const wide rest = wide{m.layers} - f - g;
  if (others == 0 ? rest != 0 : rest < others) return &reasons::plan_stage_layers_out_of_range;
  if (others > 0 && rest % others != 0) return &reasons::plan_layers_not_divisible;
  if (vp > 1 && (f % vp != 0 || g % vp != 0 || (others > 0 && (rest / others) % vp != 0))) {
    return &reasons::plan_layers_not_divisible;
  }
  return nullptr;
}

namespace detail {
// pipeline_split_of for a plan whose split is known to keep every rule (split_problem).
constexpr pipeline_split valid_split_of(const transformer& m, const parallel_plan& p) {
  using wide = long long;
  const wide pp = p.pp, vp = p.vp;
  const wide f = p.first_stage_layers, g = p.last_stage_layers;
  if (f > 0 || g > 0) {
    const wide others = pp - (f > 0 ? 1 : 0) - (g > 0 ? 1 : 0);
    const wide even = others > 0 ? (wide{m.layers} - f - g) / others : 0;
    const wide first = f > 0 ? f : even;
    const wide last = g > 0 ? g : even;
    const wide even_not_last = others - (g > 0 ? 0 : 1);  // even stages other than the last
    const wide busiest = detail::split_max(first, even_not_last > 0 ? even : 0);
    return {.first = static_cast<int>(first), .last = static_cast<int>(last),
            .busiest_other = static_cast<int>(busiest)};
  }
  const wide e = p.embedding_in_split ? 1 : 0, l = p.loss_in_split ? 1 : 0;
  const wide slots = wide{m.layers} + e + l;
  const wide chunks = pp * vp;
  const wide q = slots / chunks, r = slots % chunks;
  // Slots on stage k: vp chunks of q, plus one for each of its chunks k + j pp below r.
  const auto on_stage = [&](wide k) {
    return vp * q + (k < r ? detail::split_min(vp, (r - k + pp - 1) / pp) : 0);
  };
  if (pp == 1) {
    const int all = static_cast<int>(on_stage(0) - e - l);
    return {.first = all, .last = all, .busiest_other = 0};
  }
  const wide first = on_stage(0) - e;
  const wide last = on_stage(pp - 1) - l;
  // Stages hold non-increasing slot counts, so the busiest other stage is the first or the second.
  const wide busiest = detail::split_max(first, pp >= 3 ? on_stage(1) : 0);
  return {.first = static_cast<int>(first), .last = static_cast<int>(last),
          .busiest_other = static_cast<int>(busiest)};
}
}  // namespace detail

// The layers on the first, the last and the busiest other stage. For a plan whose split breaks
// a rule (split_problem) it returns zeros.
constexpr pipeline_split pipeline_split_of(const transformer& m, const parallel_plan& p) {
  if (p.pp < 1 || p.vp < 1 || split_problem(m, p) != nullptr) return {};
  return detail::valid_split_of(m, p);
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

// The sharding of the plan's first pipeline stage, with its own layer count (`split` is
// pipeline_split_of(m, p), for callers that already have it).
constexpr sharding<double> sharding_of(const parallel_plan& p, int chips,
                                       const pipeline_split& split) {
  sharding<double> s = sharding_of(p, chips);
  s.stage_layers = static_cast<double>(split.first);
  s.offloaded_layers = static_cast<double>(p.offloaded_layers);
  const long long per_step = static_cast<long long>(p.microbatch) * data_parallel(p, chips);
  if (per_step > 0) s.microbatches = static_cast<double>(p.global_batch / per_step);
  return s;
}
constexpr sharding<double> sharding_of(const transformer& m, const parallel_plan& p, int chips) {
  return sharding_of(p, chips, pipeline_split_of(m, p));
}

// What the plan's layers store for the backward. FP8 and narrower GEMMs keep their FP8 input
// copies (activation_options::saved_gemm_inputs; FP4 recipes are counted at FP8's byte).
constexpr activation_options plan_activation_options(const parallel_plan& p) {
  const bool low = p.compute == precision::fp8 || p.compute == precision::fp6 ||
                   p.compute == precision::fp4;
  return {.policy = p.recompute_mode,
          .fused_attention = p.fused_attention,
          .dropout = p.dropout,
          .saved_gemm_inputs = low ? precision::fp8 : precision::bf16};
}

// Memory of the busiest chip (first pipeline stage) under the plan.
constexpr memory_breakdown<double> plan_memory_per_chip(const transformer& m, const parallel_plan& p,
                                                        int chips) {
  return memory_per_chip<double>(m, p.recipe, p.opt, sharding_of(m, p, chips),
                                 static_cast<double>(p.microbatch),
                                 plan_activation_options(p));
}

// ---- Memory a plan may use ------------------------------------------------------------------
// The estimate (plan_memory_per_chip) counts model state and activations. A run also holds, on
// every GPU, memory that no tensor of the model owns; each part is a named quantity:
//   usable = device capacity x (1 - fragmentation) - runtime - GEMM workspace - comm buffers,
// from the capacity the device gives software (chip_spec::memory_device: 81,559 MiB on an
// "80GB" H100, 85.5e9 bytes, not 80e9). Ranges: each size finite and >= 0, fragmentation in
// [0, 0.5] (valid() checks them).
struct memory_reserve {
  // CUDA context and the kernels a training process loads (PyTorch, cuBLAS, NCCL, attention):
  // Hugging Face's "Model training anatomy" (transformers docs, model_memory_anatomy) measures
  // 1,343 MB occupied after loading kernels and before any tensor.
  data_size<> runtime = 1.343 * gigabytes;
  // cuBLAS workspace: PyTorch's default CUBLAS_WORKSPACE_CONFIG on Hopper and newer is
  // ":4096:8", 8 x 4 MiB per handle (PyTorch docs, "Reproducibility" / cuBLAS workspace).
  data_size<> gemm_workspace = 32.0 * mebibytes;
  // NCCL buffers: NCCL_BUFFSIZE is 4 MiB per channel and direction by default (NCCL docs,
  // Environment Variables); up to 32 channels x send and receive = 256 MiB per communicator,
  // and a 4-D job (TP, CP, PP, DP) holds 4 of them: 1 GiB.
  data_size<> communication_buffers = 1.0 * gibibytes;
  // The caching allocator's fragmentation: blocks reserved but not allocated at the peak. An
  // assumption (5%); checked against measured peaks below.
  double fragmentation = 0.05;
};

// TPUs run XLA, which compiles buffers (collectives' included) into one static allocation: no
// CUDA context, cuBLAS workspace or NCCL buffers; only the fragmentation allowance remains.
constexpr memory_reserve memory_reserve_for(const chip_spec& c) {
  if (c.maker == vendor::google) {
    return {.runtime = data_size<>{}, .gemm_workspace = data_size<>{},
            .communication_buffers = data_size<>{}};
  }
  return {};
}

constexpr bool valid(const memory_reserve& r) {
  const auto size_ok = [](data_size<> x) {
    return x.base_value() >= 0.0 && limits::finite(x.base_value());
  };
  return size_ok(r.runtime) && size_ok(r.gemm_workspace) && size_ok(r.communication_buffers) &&
         limits::within(r.fragmentation, 0.0, 0.5);
}

// Memory per accelerator a plan's model state and activations may fill.
//
// Checked against measured peaks: torchtitan's memory column (the caching allocator's peak
// reserved GiB, max over ranks; github.com/pytorch/torchtitan
// benchmarks/llama3_h100_202412_torchtitan.md, Llama 3.1 on 96 GB H100s) and torchao's float8
// tables (torchtitan Llama 3 8B, 8 GPUs; github.com/pytorch/ao torchao/float8/README.md).
// plan_memory_per_chip over the measured figure, same plan (FSDP = ZeRO-3):
//   - selective recompute (8B, local batch 1-2, 8-128 GPUs): 1.10-1.18 (torchtitan H100),
//     1.11 (torchao H100), 1.36 (MI300X), 1.57 (B200), 1.66 (torchtitan 2025, H200). Over:
//     torchtitan's per-op selective checkpointing also recomputes the element-wise ops that
//     Megatron-style selective recompute (ours) keeps; the same plan measures 33.7-47.7 GiB
//     across chips and versions, so software, not shape, sets the spread.
//   - full recompute (8B at 32K-256K tokens, 70B TP 8, 405B TP 8 x PP 8): 0.20-0.47. Under:
//     the estimate keeps only layer inputs, not the transient of the layer being recomputed,
//     FSDP's gathered and prefetched layers or the FP32 logits of 32K-256K tokens, and the
//     allocator keeps what it reserved (every long-context row reports 84-85 GiB of 95).
// Neither side is a fit target: the allowances above are the framework's, not fitted.
// Meta trained Llama 3 405B with TP 8, PP 16, 8K sequences on 80 GB H100s (Llama 3 paper,
// arXiv 2407.21783, Sec. 3.3.2): the estimate is 75.5 GB, within the 78.8 GB usable here.
constexpr data_size<> usable_memory(const chip_spec& c,
                                    const memory_reserve& r) {
  return c.device_memory_per_accelerator() * (1.0 - r.fragmentation) - r.runtime -
         r.gemm_workspace - r.communication_buffers;
}
constexpr data_size<> usable_memory(const chip_spec& c) {
  return usable_memory(c, memory_reserve_for(c));
}

// The first rule the plan breaks on `chips` chips of cluster `c` other than memory, or nullptr:
// find_problem below without its last check, for callers that keep the memory estimate (the
// step model computes it once per plan for the check and for its result). A valid plan's layer
// split (pipeline_split_of) is stored in `split`, so that the caller need not compute it again.
namespace detail {
// find_shape_problem's checks in two parts, run in this order. The first reads every field but
// does no arithmetic; the second reads only the sizes that plan_size_key holds, so that a batch
// of plans that share them (the search varies ZeRO, recompute, precision and SP innermost) can
// reuse its answer.
constexpr const reason* plan_field_problem(const parallel_plan& p, const cluster_spec& c,
                                           int chips) {
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
  if (!limits::named(p.recompute_mode, recompute::selective_op) ||
      !limits::named(p.opt, optimizer::adafactor) || !known(p.compute) ||
      !known(p.recipe.weights) || !known(p.recipe.gradients) || !known(p.recipe.optimizer_state) ||
      (p.recipe.master_weights.has_value() && !known(*p.recipe.master_weights))) {
    return &reasons::plan_kind_unknown;
  }
  if (!trainable_gemm_precision(p.compute)) return &reasons::plan_precision_not_trainable;
  return nullptr;
}

// The plan fields plan_size_problem reads (with the model and the chip count).
struct plan_size_key {
  int tp = 0, pp = 0, vp = 0, cp = 0, ep = 0, microbatch = 0, global_batch = 0;
  int first_stage_layers = 0, last_stage_layers = 0, offloaded_layers = 0;
  bool embedding_in_split = false, loss_in_split = false;
  friend constexpr bool operator==(const plan_size_key&, const plan_size_key&) = default;
};
constexpr plan_size_key size_key_of(const parallel_plan& p) {
  return {p.tp, p.pp, p.vp, p.cp, p.ep, p.microbatch, p.global_batch, p.first_stage_layers,
          p.last_stage_layers, p.offloaded_layers, p.embedding_in_split, p.loss_in_split};
}

// Expects plan_field_problem to have found nothing.
constexpr const reason* plan_size_problem(const transformer& m, const parallel_plan& p, int chips,
                                          pipeline_split& split) {
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
  if (const reason* why = split_problem(m, p)) return why;
  if (p.vp > 1 && p.pp == 1) return &reasons::plan_interleaving_needs_pipeline;
  split = detail::valid_split_of(m, p);  // split_problem found nothing above
  if (p.offloaded_layers < 0 || p.offloaded_layers > split.first) {
    return &reasons::plan_offloaded_layers_out_of_range;
  }
  if (p.cp > 1 && m.seq_len % (wide{2} * p.cp) != 0) {
    return &reasons::plan_cp_does_not_divide_sequence;
  }
  const int dp = data_parallel(p, chips);
  if (p.ep > 1 && !m.is_moe()) return &reasons::plan_ep_on_dense_model;
  if (m.is_moe() && m.moe.experts % p.ep != 0) return &reasons::plan_ep_does_not_divide_experts;
  if ((wide{dp} * p.cp) % p.ep != 0) return &reasons::plan_ep_exceeds_dp_cp;
  // microbatch x dp <= 2^30 x 2^26: exact in 64 bits.
  if (p.global_batch % (wide{p.microbatch} * dp) != 0) return &reasons::plan_batch_not_divisible;
  // Interleaved 1F1B runs the microbatches in groups of pp through each chunk: Megatron-Core's
  // forward_backward_pipelining_with_interleaving (megatron/core/pipeline_parallel/schedules.py)
  // raises "number of microbatches (...) is not divisible by pipeline-model-parallel-size (...)
  // when using interleaved schedule".
  if (p.vp > 1 && (p.global_batch / (wide{p.microbatch} * dp)) % p.pp != 0) {
    return &reasons::plan_interleaved_microbatches;
  }
  return nullptr;
}
}  // namespace detail

constexpr const reason* find_shape_problem(const transformer& m, const parallel_plan& p,
                                           const cluster_spec& c, int chips,
                                           pipeline_split& split) {
  if (const reason* why = detail::plan_field_problem(p, c, chips)) return why;
  return detail::plan_size_problem(m, p, chips, split);
}
constexpr const reason* find_shape_problem(const transformer& m, const parallel_plan& p,
                                           const cluster_spec& c, int chips) {
  pipeline_split split;
  return find_shape_problem(m, p, c, chips, split);
}

// Whether a plan's memory estimate is over what the chip leaves usable (when checked).
constexpr const reason* memory_problem(const memory_breakdown<double>& need, const chip_spec& chip,
                                       bool check_memory) {
  if (check_memory && need.total() > usable_memory(chip)) {
    return &reasons::plan_does_not_fit_in_memory;
  }
  return nullptr;
}

// The first rule the plan breaks on `chips` chips of cluster `c`, or nullptr.
constexpr const reason* find_problem(const transformer& m, const parallel_plan& p,
                                     const cluster_spec& c, int chips, bool check_memory = true) {
  if (const reason* why = find_shape_problem(m, p, c, chips)) return why;
  return memory_problem(plan_memory_per_chip(m, p, chips), c.chip, check_memory);
}

}  // namespace flopcast
