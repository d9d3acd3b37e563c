#pragma once
#include "flopcast/core/config.hpp"
// The distributed step-time model: one training step of a transformer on a cluster under a
// parallel plan, with a breakdown of where the time goes. Every function is constexpr.
//
// Per microbatch, on the busiest pipeline stage: with an even split the last one (it also
// computes the logits); with an uneven one (parallel/plan.hpp, pipeline_split_of) whichever of
// the last stage, with its layers and the logits, and the fullest other stage takes longer:
//   compute   GEMM FLOPs / (peak(precision) x eta(each GEMM's narrowest dimension after TP))
//             + attention FLOPs / (16-bit peak x eta(head)), or a named kernel's published
//               forward and backward fractions (estimate/attention_kernel.hpp);
//             fused causal attention executes half the scores, unfused all of them
//   memory    bytes of norms, activations, residuals (and unfused attention scores) / (HBM x eta_mem)
//   TP        4 all-reduces of b s h per layer (6 with full or per-op recompute; half as many in a
//             parallel attention/MLP block), not hidden unless overlapped
//   CP        K/V all-gather forward, all-gather + reduce-scatter backward, hidden behind attention
//             unless the implementation gathers first (Llama 3)
//   EP        2 all-to-alls forward and 2 backward per MoE layer of the routed tokens
//   PP        one activation send forward and one gradient send backward per chunk boundary
// Step = microbatch time x (m + (p - 1)/v)  [1F1B; (p-1)/v of it is the bubble; it holds for
//        m < p too, see the bubble below]
//      + data-parallel communication not hidden behind the last backward + optimizer step.
// ZeRO-3 gathers each layer's weights for each microbatch's forward and backward and
// reduce-scatters its gradients, layer by layer: the forward's gathers hide only behind the
// forward, the backward's behind the backward, and the first gather is exposed.
// MFU = model FLOPs / (step x chips x peak at the plan's precision); HFU counts recompute.
#include <array>
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/estimate/attention_kernel.hpp"
#include "flopcast/estimate/calibration.hpp"
#include "flopcast/estimate/training_time.hpp"
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/parallel/collectives.hpp"
#include "flopcast/parallel/plan.hpp"
#include "flopcast/workload/flops.hpp"

FLOPCAST_DEFINE_REASON(goodput_out_of_range, "goodput must be in [0.01, 1]")
FLOPCAST_DEFINE_REASON(calibration_out_of_range,
                       "a calibration efficiency (GEMM, FP8 GEMM or HBM) must be in [0.01, 1]")
FLOPCAST_DEFINE_REASON(step_option_unknown,
                       "a step option's mask or rank order is not one of its enum's named values")
FLOPCAST_DEFINE_REASON(overlap_out_of_range, "communication overlap fractions must be in [0, 1]")

namespace flopcast {

// How a job lays its ranks out over the cluster, innermost (adjacent ranks) first. This decides
// which peers share a scale-up domain. Megatron-LM and NeMo order them TP, CP, DP, PP
// (megatron/core/parallel_state.py, order "tp-cp-ep-dp-pp"): data-parallel peers sit next to
// each other and pipeline neighbours are tp x cp x dp ranks apart. Llama 3 (Sec. 3.3.2) orders
// them TP, CP, PP, DP: pipeline neighbours are adjacent and data parallelism is outermost.
enum class rank_order : unsigned char { tp_cp_dp_pp, tp_cp_pp_dp };

// Software behaviour that is not a property of the chip: named inputs with defaults.
struct step_options {
  double tp_overlap = 0.0;   // fraction of TP communication hidden behind GEMMs (TE userbuffers)
  bool overlap_dp = true;    // reduce gradients during the last backward (bucketed DDP/FSDP)
  bool overlap_pp = false;   // pipeline sends hidden behind compute (Megatron-Core, NeMo)
  // CP's K/V exchange hidden behind attention (ring attention, Megatron-Core/TE P2P). Llama 3's
  // all-gather-based CP gathers K and V first and then computes: exposed (arXiv 2407.21783,
  // Sec. 3.3.2).
  bool overlap_cp = true;
  double goodput = 1.0;      // fraction of wall time spent on useful steps (failures, restarts)
  attention_mask mask = attention_mask::dense;  // the FLOP-counting convention for MFU
  std::optional<chip_calibration> calibration{};  // default: default_calibration(chip)
  bool check_memory = true;  // reject plans whose memory estimate exceeds the chip's HBM
  // Data-parallel collectives that span scale-up domains: hierarchical (reduce inside the
  // domain, one share per chip across it: NCCL's node-aware rings) or flat (every chip's full
  // share crosses its own NIC: collectives that are not topology-aware, e.g. DeepSpeed ZeRO-3
  // in 2021).
  bool hierarchical_dp = true;
  bool zero3_prefetch = true;  // ZeRO-3 gathers the next layer's weights during compute
  rank_order order = rank_order::tp_cp_dp_pp;
  // The fused attention kernel (estimate/attention_kernel.hpp): calibrated keeps
  // eta = GEMM efficiency x head / (head + 128); the named kernels use their published fractions
  // of the 16-bit peak on Ampere, Hopper and Blackwell (elsewhere the calibrated model).
  attention_kernel attention = attention_kernel::calibrated;
};

// The first option outside its range, or nullptr. Ranges: tp_overlap in [0, 1], goodput in
// [0.01, 1] (limits::min_goodput), each calibration efficiency in [0.01, 1].
constexpr const reason* find_problem(const step_options& o) {
  if (!limits::within(o.goodput, limits::min_goodput, 1.0)) return &reasons::goodput_out_of_range;
  if (!limits::within(o.tp_overlap, 0.0, 1.0)) return &reasons::overlap_out_of_range;
  if (o.calibration) {
    const chip_calibration& c = *o.calibration;
    const auto ok = [](double e) { return limits::within(e, limits::min_efficiency, 1.0); };
    if (!ok(c.gemm_efficiency) || !ok(c.fp8_gemm_efficiency) || !ok(c.memory_efficiency)) {
      return &reasons::calibration_out_of_range;
    }
  }
  if (!limits::named(o.order, rank_order::tp_cp_pp_dp) ||
      !limits::named(o.attention, attention_kernel::automatic) ||
      !limits::named(o.mask, attention_mask::causal_skip)) {
    return &reasons::step_option_unknown;
  }
  return nullptr;
}

struct step_breakdown {
  // Per step (seconds on the critical path).
  duration<> compute{};          // GEMM + attention
  duration<> memory_bound{};     // norms, activations, residuals, unfused scores
  duration<> tp_comm{};          // exposed
  duration<> cp_comm{};          // exposed
  duration<> ep_comm{};          // exposed
  duration<> pp_comm{};          // exposed point-to-point
  duration<> bubble{};           // pipeline fill and drain
  duration<> dp_comm{};          // exposed data-parallel (and ZeRO) communication
  duration<> offload{};          // exposed activation transfers to and from host memory
  duration<> optimizer{};
  duration<> step{};

  double microbatches = 0.0;     // per pipeline per step
  double data_parallel = 0.0;
  double gemm_efficiency = 0.0;  // the layers' GEMMs at the plan's shapes (time-weighted)
  flop_count<> model_flops{};    // whole step, whole cluster
  flop_count<> hardware_flops{};
  double tokens_per_step = 0.0;
  double tokens_per_s = 0.0;
  flop_rate<> model_flops_per_chip{};     // achieved
  flop_rate<> hardware_flops_per_chip{};
  double mfu = 0.0;
  double hfu = 0.0;
  memory_breakdown<double> memory{};  // per chip (first stage)
};

// The terms of a step's breakdown, in the order they are reported: a label for people, a short
// one, a key for machines (the CLI's JSON) and the member. One list for every printer.
struct step_term {
  std::string_view label;
  std::string_view short_label;
  std::string_view key;
  duration<> step_breakdown::*field;
};
inline constexpr std::array<step_term, 10> step_terms{{
    {"compute", "compute", "compute_s", &step_breakdown::compute},
    {"memory-bound kernels", "memory-bound", "memory_bound_s", &step_breakdown::memory_bound},
    {"TP communication", "TP comm", "tp_comm_s", &step_breakdown::tp_comm},
    {"CP communication", "CP comm", "cp_comm_s", &step_breakdown::cp_comm},
    {"EP communication", "EP comm", "ep_comm_s", &step_breakdown::ep_comm},
    {"PP communication", "PP comm", "pp_comm_s", &step_breakdown::pp_comm},
    {"pipeline bubble", "bubble", "bubble_s", &step_breakdown::bubble},
    {"DP communication", "DP comm", "dp_comm_s", &step_breakdown::dp_comm},
    {"activation offload", "offload", "offload_s", &step_breakdown::offload},
    {"optimizer step", "optimizer", "optimizer_s", &step_breakdown::optimizer},
}};

namespace detail {
constexpr double gemm_eta(double eta_max, double width) {
  return eta_max * width / (width + model_constants::gemm_half_width);
}
constexpr double d(int v) { return static_cast<double>(v); }
constexpr duration<> max0(duration<> x) { return flopcast::max(x, duration<>{}); }

// The GEMM efficiency of one layer's matrix multiplies as a chip runs them: each GEMM at
// eta(its narrowest dimension) (tokens M, output N or reduction K, after TP), weighted by its
// FLOPs, combined as times (a harmonic mean). A Megatron layer's GEMMs: the query/key/value
// projection (K = h, N = (q + k + v widths) / t), the output projection (K = q width / t), the
// MLP's up (and gate) projection (K = h, N = f / t) and down projection (K = f / t). In MoE layers
// the routed experts see M = tokens x top-k x ep / experts each. Latent attention (MLA) is
// approximated by its per-head query and value widths.
constexpr double layer_gemm_eta(const transformer& m, double eta_max, double t, double ep,
                                double tokens) {
  const double h = d(m.hidden);
  const double q = d(m.heads) * d(m.qk_head_size());
  const double kv = d(m.key_value_heads()) * d(m.qk_head_size() + m.v_head_size());
  const double o = d(m.heads) * d(m.v_head_size());
  double flops = 0.0, time = 0.0;
  const auto gemm = [&](double weight, double mm, double n, double k) {
    const double narrow = flopcast::min(mm, flopcast::min(n, k));
    flops += weight;
    time += weight / gemm_eta(eta_max, narrow);
  };
  const auto mlp = [&](double share, double width, double count, double rows) {
    const double up = m.gated_mlp ? 2.0 : 1.0;
    gemm(share * count * up * h * width, rows, width / t, h);
    gemm(share * count * h * width, rows, h, width / t);
  };
  gemm((q + kv) * h, tokens, (q + kv) / t, h);
  gemm(o * h, tokens, h, o / t);
  const double moe_share = d(m.moe_layer_count()) / d(m.layers);
  mlp(1.0 - moe_share, d(m.ffn_size()), 1.0, tokens);
  if (m.is_moe()) {
    const double routed_rows = tokens * d(m.moe.top_k) * ep / d(m.moe.experts);
    mlp(moe_share, d(m.expert_ffn_size()), d(m.moe.top_k), routed_rows);
    mlp(moe_share, d(m.shared_expert_ffn_size()), d(m.moe.shared_experts), tokens);
  }
  return flops / time;
}

// FFN elements the MLP activation reads and writes per token (per layer, averaged over layers).
constexpr double mlp_activation_elements(const transformer& m) {
  const double per_matrix_width = m.gated_mlp ? 3.0 : 2.0;  // gated: read gate+up, write product
  const double dense = per_matrix_width * d(m.ffn_size());
  if (!m.is_moe()) return dense;
  const double routed = per_matrix_width * m.moe_token_ffn_width();
  const double moe_share = d(m.moe_layer_count()) / d(m.layers);
  return (1.0 - moe_share) * dense + moe_share * routed;
}
}  // namespace detail

constexpr result<step_breakdown> try_estimate_step(const transformer& m, const cluster_spec& c,
                                                   int chips, const parallel_plan& p,
                                                   const step_options& o = {}) {
  if (const reason* why = violation(m)) return *why;
  if (const reason* why = find_problem(c)) return *why;
  if (const reason* why = find_problem(m, p, c, chips, o.check_memory)) return *why;
  if (const reason* why = find_problem(o)) return *why;
  const result<flop_rate<>> gemm_peak_r = c.chip.try_peak(p.compute);
  if (!gemm_peak_r) return *gemm_peak_r.error();
  // Attention (softmax and the score GEMMs) runs at 16 bits: FP16 for an FP16 plan or a chip
  // without BF16 (V100), BF16 otherwise; never faster than the plan's GEMM peak, so that MFU
  // against that peak cannot exceed 1.
  const precision attention_format =
      p.compute == precision::fp16 || !c.chip.supports(precision::bf16) ? precision::fp16
                                                                         : precision::bf16;
  const result<flop_rate<>> attention_peak_r = c.chip.try_peak(attention_format);
  if (!attention_peak_r) return *attention_peak_r.error();

  using detail::d;
  const chip_calibration cal = o.calibration ? *o.calibration : default_calibration(c.chip);
  const double acc = d(c.chip.accelerators);
  const flop_rate<> gemm_peak = gemm_peak_r.value() / acc;
  const flop_rate<> attention_peak = flopcast::min(attention_peak_r.value() / acc, gemm_peak);
  const bandwidth<> hbm = c.chip.memory_bandwidth / acc * cal.memory_efficiency;

  const double t = d(p.tp), pp = d(p.pp), v = d(p.vp), cp = d(p.cp), ep = d(p.ep);
  const double dp = d(data_parallel(p, chips));
  const double b = d(p.microbatch), s = d(m.seq_len), h = d(m.hidden);
  const double micro = d(p.global_batch) / (b * dp);
  const double tokens_chip = b * s / cp;  // tokens a chip processes per microbatch

  // The stages that may pace the pipeline: the last (it also computes the logits) and the
  // busiest other one, each with its own layer count (pipeline_split_of: even splits give every
  // stage layers / pp, and the last one paces, as before).
  const pipeline_split layout = pipeline_split_of(m, p);

  // ---- Compute per microbatch. Time counts the FLOPs the kernels execute: a fused
  // (FlashAttention-style) causal kernel skips the fully masked half of the scores, while
  // unfused attention multiplies all of them and masks afterwards. `o.mask` only sets the
  // convention MFU is reported in.
  const attention_mask executed =
      p.fused_attention ? attention_mask::causal_skip : attention_mask::dense;
  const step_flops<double> f = flops_per_step<double>(m, b, s, p.recompute_mode, executed);
  const double split = t * cp;
  const flop_count<> all_layer_flops = f.forward.matmul + f.backward.matmul + f.recomputed.matmul;
  const flop_count<> all_attention_flops =
      f.forward.attention + f.backward.attention + f.recomputed.attention;
  const flop_count<> logits_flops = (f.forward.logits + f.backward.logits) / split;
  const double eta_max = gemm_efficiency_at(cal, p.compute);
  const double eta_gemm = detail::layer_gemm_eta(m, eta_max, t, ep, tokens_chip);
  const double eta_logits = detail::gemm_eta(
      eta_max, flopcast::min(tokens_chip, flopcast::min(h, d(m.vocab) / t)));
  const double eta_calibrated = detail::gemm_eta(cal.gemm_efficiency, d(m.qk_head_size()));
  // A named fused kernel runs the forward (and its recompute) and the backward at its own
  // fractions of the peak; they combine as times into one efficiency for the attention FLOPs.
  const double keys = s / cp * (executed == attention_mask::causal_skip ? 0.5 : 1.0);
  const attention_efficiency kernel =
      p.fused_attention ? attention_kernel_efficiency(o.attention, c.chip.arch, keys,
                                                      d(m.qk_head_size()))
                        : attention_efficiency{};
  const double attention_forward =
      (f.forward.attention + f.recomputed.attention).base_value();
  const double attention_backward = f.backward.attention.base_value();
  const double eta_attention =
      kernel.forward > 0.0 && attention_forward + attention_backward > 0.0
          ? (attention_forward + attention_backward) /
                (attention_forward / kernel.forward + attention_backward / kernel.backward)
          : eta_calibrated;

  // ---- Memory-bound kernels per microbatch, per layer.
  const double replicated_per_hidden =
      m.parallel_block ? model_constants::replicated_elements_per_hidden_parallel
                       : model_constants::replicated_elements_per_hidden;
  const double replicated = replicated_per_hidden * h / (p.sequence_parallel ? t : 1.0);
  double sharded = detail::mlp_activation_elements(m) / t;
  // QK-norm reads and writes the queries and keys (TP shards them with the heads).
  if (m.qk_norm != qk_norm_kind::none) {
    sharded += 2.0 * (d(m.heads) + d(m.key_value_heads())) * d(m.qk_head_size()) / t;
  }
  // Unfused attention: the elementwise kernels over the s x s scores, per (token, key, head); the
  // batched GEMMs that write and read them are the attention GEMM term above.
  const double score_keys = p.fused_attention ? 0.0 : d(m.heads) * attended_keys(m, s) / t;
  const double dropout = p.dropout ? 1.0 : 0.0;
  const double score_forward = model_constants::score_softmax_forward +
                               dropout * model_constants::score_dropout_forward;
  const double score_backward = model_constants::score_softmax_backward +
                                dropout * model_constants::score_dropout_backward;
  double passes = 3.0;  // forward once, backward twice
  double score_forwards = 1.0;
  if (p.recompute_mode == recompute::full) passes += 1.0, score_forwards += 1.0;
  if (p.recompute_mode == recompute::selective) score_forwards += 1.0;
  // Per-op selective recompute re-runs the norms and activations (and the projections' memory
  // traffic) but not the attention: one more pass of the memory-bound kernels.
  const bool op_sac = p.recompute_mode == recompute::selective_op;
  if (op_sac) passes += 1.0;

  // ---- Tensor parallel: 4 (6 with full recompute) all-reduces per layer; a parallel block
  // (GPT-J, Falcon, PaLM) sums attention and MLP before one all-reduce: 2 (3).
  const data_size<> activation = data_size<>::from_base(tokens_chip * h * 2.0);
  // Per-op selective recompute saves reduce-scatter outputs but re-gathers the inputs of the
  // recomputed projections: two more, like full recompute.
  const double tp_collectives = (p.recompute_mode == recompute::full || op_sac ? 6.0 : 4.0) /
                                (m.parallel_block ? 2.0 : 1.0);

  // ---- Context parallel: K and V of the whole sequence gathered per layer.
  const double kv_width = d(m.key_value_heads()) * (d(m.qk_head_size()) + d(m.v_head_size()));
  const data_size<> kv = data_size<>::from_base(b * s * kv_width * 2.0 / t);

  // ---- Expert parallel: dispatch and combine of the routed tokens, forward and backward.
  const data_size<> routed = data_size<>::from_base(tokens_chip * d(m.moe.top_k) * h * 2.0 / t);
  const double ep_collectives = p.recompute_mode == recompute::full || op_sac ? 6.0 : 4.0;

  // ---- Pipeline sends: forward activation and backward gradient per chunk boundary.
  const bool megatron_order = o.order == rank_order::tp_cp_dp_pp;
  const double pp_stride = megatron_order ? t * cp * dp : t * cp;
  const duration<> p2p_one = point_to_point<double>(c, activation / t, pp_stride);
  const duration<> pp_mb = p.pp > 1 && !o.overlap_pp ? p2p_one * (2.0 * v) : duration<>{};

  // ---- ZeRO-3 weight gathers and gradient reduce-scatters, per microbatch, prefetched.
  const chip_parameters<double> held = parameters_per_chip<double>(m, sharding_of(m, p, chips));
  const state_bytes sb = bytes_per_parameter(p.recipe, p.opt, m);
  const double dp_group = dp * cp;
  // The DP x CP group: contiguous after TP in Megatron's order; in Llama 3's, DP peers are a whole
  // pipeline apart (with CP > 1 the group is approximated as contiguous after TP).
  const double dp_stride = megatron_order || cp > 1.0 ? t : t * pp;
  const data_size<> weights = data_size<>::from_base(held.total() * sb.weights);
  const data_size<> grads = data_size<>::from_base(held.total() * sb.gradients);
  // Data-parallel collectives: on the cluster's placement, or flat at the NIC rate.
  const bool spans_domains = place_group<double>(c, dp_group, dp_stride).domains > 1.0;
  const bool flat = !o.hierarchical_dp && spans_domains;
  const duration<> nic_alpha = c.scale_out.latency;
  const auto nic = [&](data_size<> bytes) {
    return at_message_size<double>(c.scale_out_achievable(), bytes, c.scale_out.half_size);
  };
  const auto dp_all_gather = [&](data_size<> bytes) {
    return flat ? all_gather<double>(bytes, dp_group, nic(bytes), nic_alpha)
                : all_gather<double>(c, bytes, dp_group, dp_stride);
  };
  const auto dp_reduce_scatter = [&](data_size<> bytes) {
    return flat ? reduce_scatter<double>(bytes, dp_group, nic(bytes), nic_alpha)
                : reduce_scatter<double>(c, bytes, dp_group, dp_stride);
  };
  const auto dp_all_reduce = [&](data_size<> bytes) {
    return flat ? all_reduce<double>(bytes, dp_group, nic(bytes), nic_alpha)
                : all_reduce<double>(c, bytes, dp_group, dp_stride);
  };
  const bool zero3 = p.zero_stage == 3 && dp_group > 1.0;
  // ZeRO-3 / FSDP as it runs: one all-gather of a layer's weights before its forward and again
  // before its backward, and one reduce-scatter of its gradients after its backward, each of one
  // layer's size (FSDP wraps each transformer block; DeepSpeed gathers per module). Each can hide
  // only behind compute of its own phase: the forward gathers behind the forward, the backward
  // gathers and reduce-scatters behind the backward (and its recompute). What is not in a block
  // (the embedding and output tables, held by the root module: MPT's and torchtitan's wrapping
  // policies wrap each block and leave the tables to the root) is gathered once before the
  // forward and its gradients reduce-scattered once after the backward, with nothing to hide
  // behind; so is the first block's gather.
  const parameter_counts counted = count_parameters(m);
  const double block_dense = counted.position + counted.attention + counted.mlp +
                             counted.shared_experts + counted.router + counted.norms;
  const double layer_params =
      (block_dense / t + counted.routed_experts / (t * ep)) / d(m.layers);
  const double root_params = flopcast::max(0.0, held.total() - layer_params * d(layout.first));
  const data_size<> layer_weights = data_size<>::from_base(layer_params * sb.weights);
  const data_size<> layer_grads = data_size<>::from_base(layer_params * sb.gradients);
  const duration<> zero3_gather = zero3 ? dp_all_gather(layer_weights) : duration<>{};
  const duration<> zero3_scatter = zero3 ? dp_reduce_scatter(layer_grads) : duration<>{};
  const duration<> zero3_root =
      zero3 && root_params > 0.0
          ? dp_all_gather(data_size<>::from_base(root_params * sb.weights)) +
                dp_reduce_scatter(data_size<>::from_base(root_params * sb.gradients))
          : duration<>{};
  const double forward_share =
      f.forward.matmul.base_value() / all_layer_flops.base_value();  // 1/3, 1/4 with recompute

  // ---- Activation offload: the offloaded layers' stored activations go to host memory during
  // the forward and come back during the backward, over the host link, overlapped with compute
  // (Megatron-Core's cpu_offloading); what the phase's compute cannot cover is exposed.
  const sharding<double> held_sharding = sharding_of(m, p, chips);
  const activation_options stored = plan_activation_options(p);
  const data_size<> layer_activations =
      (activation_bytes_per_layer<double>(m, b, s, held_sharding, stored, layer_mlp::dense) *
           d(m.dense_layer_count()) +
       activation_bytes_per_layer<double>(m, b, s, held_sharding, stored, layer_mlp::experts) *
           d(m.moe_layer_count())) /
      d(m.layers);
  const bandwidth<> host = c.host_link.per_chip_per_direction.value_or(bandwidth<>{});

  // One microbatch on a stage of `stage_layers` layers (with the logits on the last stage). The
  // stage's share of the layers' work is written as a divisor, layers / stage_layers, which is
  // exactly pp when the split is even, so even splits keep the same bits as a layers / pp model.
  struct stage_terms {
    duration<> compute{}, memory{}, tp{}, cp{}, ep{}, zero3{}, offload{}, total{};
  };
  const auto stage_time = [&](int stage_layers, bool logits) {
    const double n = d(stage_layers);
    const double divisor = d(m.layers) / n;
    stage_terms r;
    const flop_count<> layer_flops = all_layer_flops / (divisor * split);
    const flop_count<> attention_flops = all_attention_flops / (divisor * split);
    const duration<> attention_time = attention_flops / (attention_peak * eta_attention);
    const duration<> logits_time =
        logits ? logits_flops / (gemm_peak * eta_logits) : duration<>{};
    r.compute = layer_flops / (gemm_peak * eta_gemm) + logits_time + attention_time +
                model_constants::layer_pass_overhead * (n * passes);
    const data_size<> traffic = data_size<>::from_base(
        tokens_chip * n * 2.0 *
        ((replicated + sharded) * passes +
         score_keys * (score_forward * score_forwards + score_backward)));
    r.memory = traffic / hbm;
    r.tp = all_reduce<double>(c, activation, t, 1.0) * (n * tp_collectives) * (1.0 - o.tp_overlap);
    const duration<> cp_raw =
        (all_gather<double>(c, kv, cp, t) * 2.0 + reduce_scatter<double>(c, kv, cp, t)) * n;
    r.cp = o.overlap_cp ? detail::max0(cp_raw - attention_time) : cp_raw;
    const double moe_layers = d(m.moe_layer_count()) / divisor;
    r.ep = all_to_all<double>(c, routed, ep, t * cp) * (moe_layers * ep_collectives);
    if (zero3) {
      const duration<> forward = zero3_gather * n, backward = (zero3_gather + zero3_scatter) * n;
      r.zero3 = o.zero3_prefetch
                    ? zero3_root + zero3_gather +
                          detail::max0(forward - r.compute * forward_share) +
                          detail::max0(backward - r.compute * (1.0 - forward_share))
                    : zero3_root + forward + backward;
    }
    const double offloaded = flopcast::min(d(p.offloaded_layers), n);
    if (offloaded > 0.0 && host.base_value() > 0.0) {
      const duration<> transfer = layer_activations * offloaded / host;
      r.offload = detail::max0(transfer - r.compute * forward_share) +
                  detail::max0(transfer - r.compute * (1.0 - forward_share));
    }
    r.total = r.compute + r.memory + r.tp + r.cp + r.ep + pp_mb + r.zero3 + r.offload;
    return r;
  };
  // The busiest stage paces every slot of the schedule: the last stage unless another holds
  // enough more layers to outweigh the logits.
  stage_terms paced = stage_time(layout.last, true);
  if (layout.busiest_other > 0) {
    const stage_terms other = stage_time(layout.busiest_other, false);
    if (other.total > paced.total) paced = other;
  }
  const duration<> compute_mb = paced.compute;
  const duration<> memory_mb = paced.memory;
  const duration<> tp_mb = paced.tp;
  const duration<> cp_mb = paced.cp;
  const duration<> ep_mb = paced.ep;
  const duration<> zero3_mb = paced.zero3;
  const duration<> microbatch_time = paced.total;
  // The fill and drain: (p - 1)/v slots. This stays honest with fewer microbatches than stages:
  // with v = 1 each microbatch must pass all p stages forward and back, and the last of the m
  // starts m - 1 slots after the first, so the step is (p + m - 1) slots, exactly m + (p - 1),
  // however small m is (the p - m stages idle in each slot are bubble, not saved time). With
  // v > 1 Megatron's interleaved schedule needs m to be a multiple of p (find_problem), so m >= p
  // and m + (p - 1)/v >= p slots, again at least the p stage-times one microbatch needs. With an
  // uneven split every slot is timed at the busiest stage, an upper bound on the fill and drain
  // (the other stages are no slower).
  const double bubble_fraction = (pp - 1.0) / v;

  // ---- Data-parallel gradient reduction (stages 0-2), hidden behind the last backward.
  // Stage 0 all-reduces gradients during the last backward (2/3 of a microbatch's compute);
  // stages 1-2 (distributed optimizer) reduce-scatter them then, and all-gather the updated
  // weights during the next step's first forward (the other 1/3).
  // Gradients are reduced in buckets, each one collective of the bucket's size, launched as the
  // backward fills it (Megatron-Core's DDP: bucket_size = max(40,000,000, 1,000,000 x DP)
  // parameters, megatron/core/distributed/distributed_data_parallel.py). The last bucket fills
  // only at the end of the backward: its reduction is exposed whatever the window.
  // ZeRO-2 shards the gradients themselves, so a step of several microbatches cannot accumulate
  // them whole: each microbatch's backward reduce-scatters its gradients into the shards
  // (DeepSpeed's stage 2 reduces at every micro-step; PyTorch FSDP's SHARD_GRAD_OP without
  // no_sync likewise). The first m - 1 of those reductions hide behind their own backward
  // (2/3 of a microbatch's compute) but for the last bucket; the last one is counted below.
  duration<> dp_time{}, dp_tail{}, zero2_per_microbatch{};
  if (p.zero_stage < 3 && dp_group > 1.0) {
    const double bucket_params = flopcast::max(model_constants::gradient_bucket_parameters,
                                               model_constants::gradient_bucket_per_rank * dp_group);
    const double buckets = flopcast::max(1.0, held.total() / bucket_params);
    const data_size<> bucket_grads = grads / buckets;
    const data_size<> bucket_weights = weights / buckets;
    dp_tail = p.zero_stage == 0 ? dp_all_reduce(bucket_grads) : dp_reduce_scatter(bucket_grads);
    dp_time = p.zero_stage == 0 ? dp_tail * buckets
                                : (dp_tail + dp_all_gather(bucket_weights)) * buckets;
    if (p.zero_stage == 2) {
      const duration<> scatter = dp_tail * buckets;
      zero2_per_microbatch =
          o.overlap_dp ? flopcast::max(detail::max0(scatter - compute_mb * (2.0 / 3.0)), dp_tail)
                       : scatter;
    }
  }
  const double window = p.zero_stage == 0 ? 2.0 / 3.0 : 1.0;
  const duration<> overlap_window = o.overlap_dp ? compute_mb * window : duration<>{};
  const duration<> dp_exposed =
      (o.overlap_dp ? flopcast::max(detail::max0(dp_time - overlap_window), dp_tail) : dp_time) +
      zero2_per_microbatch * flopcast::max(0.0, micro - 1.0);

  // ---- Optimizer step over the parameters this chip updates.
  const double updated = p.zero_stage >= 1 ? held.dense / dp_group + held.experts / (dp_group / ep)
                                           : held.total();
  const duration<> optimizer_time =
      data_size<>::from_base(updated * model_constants::optimizer_bytes_per_parameter) / hbm;

  step_breakdown r;
  r.microbatches = micro;
  r.data_parallel = dp;
  r.gemm_efficiency = eta_gemm;
  const double slots = micro + bubble_fraction;
  r.compute = compute_mb * micro;
  r.memory_bound = memory_mb * micro;
  r.offload = paced.offload * micro;
  r.tp_comm = tp_mb * micro;
  r.cp_comm = cp_mb * micro;
  r.ep_comm = ep_mb * micro;
  r.pp_comm = pp_mb * micro;
  r.dp_comm = dp_exposed + zero3_mb * micro;
  r.bubble = microbatch_time * bubble_fraction;
  r.optimizer = optimizer_time;
  r.step = microbatch_time * slots + dp_exposed + optimizer_time;

  const double seqs = d(p.global_batch);
  const step_flops<double> whole = flops_per_step<double>(m, seqs, s, p.recompute_mode, o.mask);
  r.model_flops = whole.model();
  r.hardware_flops = whole.hardware();
  r.tokens_per_step = seqs * s;
  r.tokens_per_s = r.tokens_per_step / r.step.in(seconds);
  r.model_flops_per_chip = r.model_flops / r.step / d(chips);
  r.hardware_flops_per_chip = r.hardware_flops / r.step / d(chips);
  r.mfu = r.model_flops_per_chip / gemm_peak;
  r.hfu = r.hardware_flops_per_chip / gemm_peak;
  r.memory = plan_memory_per_chip(m, p, chips);
  // Every input was in range; a result that still is not a finite positive time (an input at an
  // extreme of its range) is refused, never returned.
  using limits::finite_positive;
  // (MFU is not bounded by 1 here: in the dense convention it counts the masked half of the
  // scores a fused causal kernel skips. Against the FLOPs executed, utilization stays below 1
  // by construction: every term is timed at most at its peak.)
  if (!(finite_positive(r.step.base_value()) && finite_positive(r.tokens_per_s) &&
        finite_positive(r.mfu) && finite_positive(r.hfu) &&
        finite_positive(r.memory.total().base_value()))) {
    return reasons::estimate_out_of_range;
  }
  return r;
}

constexpr step_breakdown estimate_step(const transformer& m, const cluster_spec& c, int chips,
                                       const parallel_plan& p, const step_options& o = {}) {
  return try_estimate_step(m, c, chips, p, o).value();
}

// Wall-clock time and chip-hours to train on `tokens` tokens at the step's rate, divided by the
// goodput (Llama 3 reports > 90% effective training time at 16K GPUs).
struct run_estimate {
  step_breakdown step{};
  double steps = 0.0;
  duration<> wall_time{};
  duration<> chip_time{};
};

constexpr result<run_estimate> try_estimate_run(const transformer& m, const cluster_spec& c, int chips,
                                                const parallel_plan& p, double tokens,
                                                const step_options& o = {}) {
  if (!limits::within(tokens, 1.0, limits::max_tokens)) return reasons::tokens_must_be_positive;
  const result<step_breakdown> s = try_estimate_step(m, c, chips, p, o);
  if (!s) return *s.error();
  run_estimate r;
  r.step = s.value();
  r.steps = tokens / r.step.tokens_per_step;
  r.wall_time = r.step.step * r.steps / o.goodput;
  r.chip_time = r.wall_time * static_cast<double>(chips);
  if (!(limits::finite_positive(r.wall_time.base_value()) &&
        limits::finite_positive(r.chip_time.base_value()))) {
    return reasons::estimate_out_of_range;
  }
  return r;
}

}  // namespace flopcast
