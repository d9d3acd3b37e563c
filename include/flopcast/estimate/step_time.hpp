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

// ---- The model as terms over a number type ------------------------------------------------------
// One formula, two paths (DESIGN.md). try_estimate_step runs in three parts:
//  1. step_setup: what is the same for every plan of a model on a cluster, chip count and options
//     (the model's and cluster's checks, the calibration, link rates, the model's constants);
//  2. prepare_step: per plan, in scalar code, the integer and structural decisions (validity and
//     its reason, the pipeline split, the memory estimate, FLOP counts by recompute policy, the
//     peak of the plan's precision, the attention kernel's efficiency) as a step_plan<double>:
//     numbers, with flags as 0 or 1;
//  3. step_terms_of<T>: the continuous model (GEMM and attention compute, memory-bound kernels,
//     each collective, pipeline sends and bubble, ZeRO-3, offload, data-parallel exposure,
//     optimizer, throughput and MFU), one function template over the number type. What were
//     branches on the plan are flopcast::select on lane masks.
// The scalar path runs step_terms_of<double>; sweep/step_batch.hpp runs step_terms_of<simd::pack>
// on the same step_plan values, so the two agree bit for bit under -ffp-contract=off.

namespace detail {
template <class T>
constexpr T gemm_eta(T eta_max, T width) {
  return eta_max * width / (width + T(model_constants::gemm_half_width));
}
constexpr double d(int v) { return static_cast<double>(v); }
template <class T>
constexpr duration<T> max0(duration<T> x) {
  return flopcast::max(x, duration<T>::from_base(T(0.0)));
}

// The GEMM efficiency of one layer's matrix multiplies as a chip runs them: each GEMM at
// eta(its narrowest dimension) (tokens M, output N or reduction K, after TP), weighted by its
// FLOPs, combined as times (a harmonic mean). A Megatron layer's GEMMs: the query/key/value
// projection (K = h, N = (q + k + v widths) / t), the output projection (K = q width / t), the
// MLP's up (and gate) projection (K = h, N = f / t) and down projection (K = f / t). In MoE layers
// the routed experts see M = tokens x top-k x ep / experts each. Latent attention (MLA) is
// approximated by its per-head query and value widths.
template <class T>
constexpr T layer_gemm_eta(const transformer& m, T eta_max, T t, T ep, T tokens) {
  const double h = d(m.hidden);
  const double q = d(m.heads) * d(m.qk_head_size());
  const double kv = d(m.key_value_heads()) * d(m.qk_head_size() + m.v_head_size());
  const double o = d(m.heads) * d(m.v_head_size());
  double flops = 0.0;  // the weights are the model's: the same in every lane
  T time = T(0.0);
  const auto gemm = [&](double weight, T mm, T n, T k) {
    const T narrow = flopcast::min(mm, flopcast::min(n, k));
    flops += weight;
    time = time + T(weight) / gemm_eta<T>(eta_max, narrow);
  };
  const auto mlp = [&](double share, double width, double count, T rows) {
    const double up = m.gated_mlp ? 2.0 : 1.0;
    gemm(share * count * up * h * width, rows, T(width) / t, T(h));
    gemm(share * count * h * width, rows, T(h), T(width) / t);
  };
  gemm((q + kv) * h, tokens, T(q + kv) / t, T(h));
  gemm(o * h, tokens, T(h), T(o) / t);
  const double moe_share = d(m.moe_layer_count()) / d(m.layers);
  mlp(1.0 - moe_share, d(m.ffn_size()), 1.0, tokens);
  if (m.is_moe()) {
    const T routed_rows = tokens * T(d(m.moe.top_k)) * ep / T(d(m.moe.experts));
    mlp(moe_share, d(m.expert_ffn_size()), d(m.moe.top_k), routed_rows);
    mlp(moe_share, d(m.shared_expert_ffn_size()), d(m.moe.shared_experts), tokens);
  }
  return T(flops) / time;
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

// a where m, else b; evaluates only what some lane needs (for double: exactly one side, as an
// if would), so rare features cost a batch nothing when no lane has them.
template <class T, class A, class B>
constexpr auto choose(mask_t<T> m, A&& a, B&& b) {
  using traits = number_traits<T>;
  if (traits::all(m)) return a();
  if (!traits::any(m)) return b();
  return flopcast::select(m, a(), b());
}
template <class T>
constexpr mask_t<T> flag(T x) {  // a 0/1 step_plan field as a mask
  return x > T(0.5);
}
}  // namespace detail

// What is the same for every plan of one model on one cluster, chip count and options.
struct step_setup {
  const transformer* model = nullptr;
  const cluster_spec* cluster = nullptr;
  const step_options* options = nullptr;
  int chips = 0;
  const reason* model_or_cluster = nullptr;  // checked before the plan
  const reason* options_problem = nullptr;   // checked after the plan
  // Set only when model_or_cluster is nullptr (what prepare_step needs before the options):
  parameter_counts counted{};  // count_parameters(model), once per model rather than per plan
  data_size<> usable{};        // usable_memory(chip)
  double s_model = 0.0;        // the model's sequence length (u.s is set only with the options)
  // Set only when both are nullptr:
  chip_calibration cal{};
  double acc = 1.0, s = 0.0, h = 0.0;
  bandwidth<> hbm{}, host{};
  double eta_calibrated = 0.0;
  double replicated = 0.0;     // memory-bound elements per token replicated over TP (x h)
  double mlp_elements = 0.0;   // detail::mlp_activation_elements
  double qk_norm_elements = 0.0;  // QK-norm's reads and writes per token before TP (0: none)
  double score_elements = 0.0;    // heads x attended keys: unfused score elements per token
  double kv_width = 0.0;
  double block_dense = 0.0, routed_experts = 0.0;  // count_parameters' block and expert parts
  // Per model, once here rather than per plan (the same values, so the same bits):
  std::array<flop_split<double>, 2> per_token{};  // forward_flops_per_token at s, by attention_mask
  double op_share = 0.0;                          // op_sac_matmul_share(model)
  constexpr const flop_split<double>& forward_per_token(attention_mask mask) const {
    return per_token[mask == attention_mask::causal_skip ? 1 : 0];
  }
  // The activation terms depend on the model and, of the plan, only on dropout, the saved GEMM
  // inputs' format and the MLP kind (plan_activation_options): all eight once here, with the
  // attended keys, rather than twice per plan. Set with `counted`.
  std::array<detail::activation_terms, 8> activation{};
  double attended = 0.0;  // attended_keys(model, s)
  constexpr const detail::activation_terms& activation_terms_of(const activation_options& a,
                                                                layer_mlp mlp) const {
    return activation[(a.dropout ? 4 : 0) + (a.saved_gemm_inputs == precision::fp8 ? 2 : 0) +
                      (mlp == layer_mlp::experts ? 1 : 0)];
  }
  // plan_activation_options by (recompute policy, fused attention, dropout, FP8 saved inputs),
  // read from here rather than built per plan (GCC builds it on the stack with narrow stores
  // and reads it back wider: a store-forwarding stall per plan).
  std::array<activation_options, 32> stored_options{};
  static constexpr std::size_t stored_index(const parallel_plan& p) {
    const bool low = p.compute == precision::fp8 || p.compute == precision::fp6 ||
                     p.compute == precision::fp4;  // plan_activation_options' rule
    return static_cast<std::size_t>(p.recompute_mode) * 8 + (p.fused_attention ? 4 : 0) +
           (p.dropout ? 2 : 0) + (low ? 1 : 0);
  }
  // Per GEMM precision: the peaks per accelerator and the calibrated GEMM efficiency, or the
  // reason the chip cannot run it (the first of the GEMM's and attention's). Set with `cal`.
  struct precision_rates {
    const reason* refused = nullptr;
    double gemm_peak = 0.0, attention_peak = 0.0, eta_max = 0.0;
  };
  std::array<precision_rates, static_cast<std::size_t>(precision::int8) + 1> rates{};
  // Whether the tables above are filled (make_step_setup's `many`): one plan (the scalar
  // try_estimate_step) computes only its own entries, with the same functions, so the same bits.
  bool cached = false;
};

namespace detail {
// One entry of step_setup::rates.
constexpr step_setup::precision_rates rates_for(const chip_spec& chip, double acc,
                                                const chip_calibration& cal, precision pr) {
  step_setup::precision_rates r;
  const result<flop_rate<>> gemm = chip.try_peak(pr);
  if (!gemm) {
    r.refused = gemm.error();
    return r;
  }
  // Attention (softmax and the score GEMMs) runs at 16 bits: FP16 for an FP16 plan or a chip
  // without BF16 (V100), BF16 otherwise; never faster than the plan's GEMM peak, so that MFU
  // against that peak cannot exceed 1.
  const precision attention_format =
      pr == precision::fp16 ? precision::fp16 : chip.sixteen_bit_format();
  const result<flop_rate<>> attention = chip.try_peak(attention_format);
  if (!attention) {
    r.refused = attention.error();
    return r;
  }
  const flop_rate<> gemm_peak = gemm.value() / acc;
  r.gemm_peak = gemm_peak.base_value();
  r.attention_peak = flopcast::min(attention.value() / acc, gemm_peak).base_value();
  r.eta_max = gemm_efficiency_at(cal, pr);
  return r;
}
}  // namespace detail

// `many`: fill the per-plan tables (step_setup::cached) for a batch or a search; filling them
// costs about two plans' worth of scalar work, so one plan does without.
constexpr step_setup make_step_setup(const transformer& m, const cluster_spec& c, int chips,
                                     const step_options& o, bool many = true) {
  using detail::d;
  step_setup u;
  u.model = &m;
  u.cluster = &c;
  u.options = &o;
  u.chips = chips;
  u.model_or_cluster = violation(m);
  if (u.model_or_cluster == nullptr) u.model_or_cluster = find_problem(c);
  u.options_problem = find_problem(o);
  if (u.model_or_cluster != nullptr) return u;
  // What prepare_step needs before it checks the options (the memory check comes first).
  u.counted = count_parameters(m);
  u.usable = usable_memory(c.chip);
  u.s_model = d(m.seq_len);
  u.cached = many;
  for (std::size_t k = 0; many && k < u.activation.size(); ++k) {
    const activation_options a{.dropout = (k & 4) != 0,
                               .saved_gemm_inputs = (k & 2) != 0 ? precision::fp8 : precision::bf16};
    u.activation[k] =
        detail::layer_activation_terms(m, (k & 1) != 0 ? layer_mlp::experts : layer_mlp::dense, a);
  }
  for (std::size_t k = 0; many && k < u.stored_options.size(); ++k) {
    parallel_plan p;
    p.recompute_mode = static_cast<recompute>(k / 8);
    p.fused_attention = (k & 4) != 0;
    p.dropout = (k & 2) != 0;
    p.compute = (k & 1) != 0 ? precision::fp8 : precision::bf16;
    u.stored_options[k] = plan_activation_options(p);
  }
  if (many) u.attended = attended_keys(m, u.s_model);
  if (u.options_problem != nullptr) return u;
  u.per_token = {forward_flops_per_token<double>(m, d(m.seq_len), attention_mask::dense),
                 forward_flops_per_token<double>(m, d(m.seq_len), attention_mask::causal_skip)};
  u.op_share = op_sac_matmul_share(m);
  u.cal = o.calibration ? *o.calibration : default_calibration(c.chip);
  u.acc = d(c.chip.accelerators);
  u.hbm = c.chip.memory_bandwidth / u.acc * u.cal.memory_efficiency;
  u.host = c.host_link.per_chip_per_direction.value_or(bandwidth<>{});
  u.s = d(m.seq_len);
  u.h = d(m.hidden);
  u.eta_calibrated = detail::gemm_eta(u.cal.gemm_efficiency, d(m.qk_head_size()));
  for (std::size_t k = 0; many && k < u.rates.size(); ++k) {
    u.rates[k] = detail::rates_for(c.chip, u.acc, u.cal, static_cast<precision>(k));
  }
  const double replicated_per_hidden =
      m.parallel_block ? model_constants::replicated_elements_per_hidden_parallel
                       : model_constants::replicated_elements_per_hidden;
  u.replicated = replicated_per_hidden * u.h;
  u.mlp_elements = detail::mlp_activation_elements(m);
  if (m.qk_norm != qk_norm_kind::none) {
    u.qk_norm_elements = 2.0 * (d(m.heads) + d(m.key_value_heads())) * d(m.qk_head_size());
  }
  u.score_elements = d(m.heads) * attended_keys(m, u.s);
  u.kv_width = d(m.key_value_heads()) * (d(m.qk_head_size()) + d(m.v_head_size()));
  const parameter_counts& counted = u.counted;
  u.block_dense = counted.position + counted.attention + counted.mlp + counted.shared_experts +
                  counted.router + counted.norms;
  u.routed_experts = counted.routed_experts;
  return u;
}

// One plan's inputs to the continuous model: plan sizes, the pipeline split, flags (0 or 1), and
// what scalar code decided from the plan's enums. T is double for one plan, a pack for a batch.
template <class T>
struct step_plan {
  T tp{}, pp{}, vp{}, cp{}, ep{}, dp{}, microbatch{}, sequences{};
  T first_layers{}, last_layers{}, other_layers{};  // other: busiest stage but the last (or 0)
  T sequence_parallel{}, fused_attention{}, dropout{}, zero_stage{}, offloaded_layers{};
  T full_recompute{}, op_recompute{};  // recompute::full, recompute::selective_op
  T passes{}, score_forwards{};        // memory-bound passes; forward passes over the scores
  T gemm_peak{}, attention_peak{}, eta_max{}, eta_attention{};  // per accelerator
  T layer_flops{}, attention_flops{}, logits_flops{}, forward_matmul{};  // per microbatch
  T model_flops{}, hardware_flops{};                                      // per step
  T held_dense{}, held_experts{};  // parameters on the chip before ZeRO
  T weight_bytes{}, gradient_bytes{};  // per parameter
  T layer_activation_bytes{};          // stored per layer (only with offloaded layers)
};

// The members of step_plan<T>, in one order for every T (to move values between lanes).
template <class T, class F>
constexpr void for_each_member(step_plan<T>& x, F&& f) {
  f(x.tp), f(x.pp), f(x.vp), f(x.cp), f(x.ep), f(x.dp), f(x.microbatch), f(x.sequences);
  f(x.first_layers), f(x.last_layers), f(x.other_layers);
  f(x.sequence_parallel), f(x.fused_attention), f(x.dropout), f(x.zero_stage),
      f(x.offloaded_layers);
  f(x.full_recompute), f(x.op_recompute), f(x.passes), f(x.score_forwards);
  f(x.gemm_peak), f(x.attention_peak), f(x.eta_max), f(x.eta_attention);
  f(x.layer_flops), f(x.attention_flops), f(x.logits_flops), f(x.forward_matmul);
  f(x.model_flops), f(x.hardware_flops), f(x.held_dense), f(x.held_experts);
  f(x.weight_bytes), f(x.gradient_bytes), f(x.layer_activation_bytes);
}

// The answer of the size checks (detail::plan_size_problem) for the last plan sizes seen: a
// batch passes one to prepare_step so that consecutive plans with the same sizes (the search
// varies ZeRO, recompute, precision and SP innermost) do not repeat the divisions.
struct shape_memo {
  detail::plan_size_key key{};
  const reason* why = nullptr;
  pipeline_split split{};
  chip_parameters<double> held{};  // parameters_per_chip: it reads only sizes in the key
  bool set = false;
};

// The scalar half of one plan: its reason if the model refuses it (in the order the checks have
// always run: model, cluster, plan, memory, options, precision), else its step_plan and memory.
// `memo`, if given, belongs to one setup (its model and chip count).
constexpr const reason* prepare_step(const step_setup& u, const parallel_plan& p,
                                     step_plan<double>& x, memory_breakdown<double>& memory,
                                     shape_memo* memo = nullptr) {
  using detail::d;
  if (u.model_or_cluster != nullptr) return u.model_or_cluster;
  const transformer& m = *u.model;
  const cluster_spec& c = *u.cluster;
  const step_options& o = *u.options;
  // The same checks and values as find_shape_problem, plan_memory_per_chip and memory_problem,
  // with the layer split, the sharding and the model's counts computed once.
  pipeline_split layout;
  if (memo == nullptr) {
    if (const reason* why = find_shape_problem(m, p, c, u.chips, layout)) return why;
  } else {
    // find_shape_problem in its two parts, the second remembered.
    if (const reason* why = detail::plan_field_problem(p, c, u.chips)) return why;
    const detail::plan_size_key key = detail::size_key_of(p);
    if (!memo->set || !(memo->key == key)) {
      memo->why = detail::plan_size_problem(m, p, u.chips, memo->split);
      if (memo->why == nullptr) {
        memo->held =
            parameters_per_chip<double>(m, u.counted, sharding_of(p, u.chips, memo->split));
      }
      memo->key = key;
      memo->set = true;
    }
    if (memo->why != nullptr) return memo->why;
    layout = memo->split;
  }
  const sharding<double> held_sharding = sharding_of(p, u.chips, layout);
  // memory_per_chip, with the model's activation terms from the setup (the same arithmetic).
  // find_shape_problem checked that the recompute policy is a named one.
  activation_options own{};  // only without the setup's tables
  const activation_options* stored_at = &own;
  if (u.cached) {
    stored_at = &u.stored_options[step_setup::stored_index(p)];
  } else {
    own = plan_activation_options(p);
  }
  const activation_options& stored = *stored_at;
  const double mb = d(p.microbatch);
  const auto layer_bytes = [&](layer_mlp kind) {
    return detail::layer_bytes<double>(
        m, mb, u.s_model, held_sharding, stored, kind,
        [&] {
          return u.cached ? u.activation_terms_of(stored, kind)
                          : detail::layer_activation_terms(m, kind, stored);
        },
        [&] { return u.cached ? u.attended : attended_keys(m, u.s_model); });
  };
  const chip_parameters<double> held =
      memo != nullptr ? memo->held : parameters_per_chip<double>(m, u.counted, held_sharding);
  memory = model_state_per_chip<double>(m, held, p.recipe, p.opt, held_sharding);
  // A kind of layer the model lacks is counted zero times: its bytes are not computed (a finite
  // value times zero adds nothing, so the sum has the same bits).
  const data_size<> dense_layer =
      m.dense_layer_count() > 0 ? layer_bytes(layer_mlp::dense) : data_size<>{};
  const data_size<> expert_layer =
      m.moe_layer_count() > 0 ? layer_bytes(layer_mlp::experts) : data_size<>{};
  memory.activations = detail::chip_activation_bytes<double>(m, mb, held_sharding, stored,
                                                             dense_layer, expert_layer);
  if (o.check_memory && memory.total() > u.usable) return &reasons::plan_does_not_fit_in_memory;
  if (u.options_problem != nullptr) return u.options_problem;
  // find_shape_problem checked that p.compute is a named precision.
  const step_setup::precision_rates rates =
      u.cached ? u.rates[static_cast<std::size_t>(p.compute)]
               : detail::rates_for(c.chip, u.acc, u.cal, p.compute);
  if (rates.refused != nullptr) return rates.refused;
  x.gemm_peak = rates.gemm_peak;
  x.attention_peak = rates.attention_peak;
  x.tp = d(p.tp), x.pp = d(p.pp), x.vp = d(p.vp), x.cp = d(p.cp), x.ep = d(p.ep);
  x.dp = held_sharding.dp;  // data_parallel(p, u.chips)
  x.microbatch = d(p.microbatch);
  x.sequences = d(p.global_batch);
  // The stages that may pace the pipeline: the last (it also computes the logits) and the
  // busiest other one, each with its own layer count (pipeline_split_of: even splits give every
  // stage layers / pp, and the last one paces).
  x.first_layers = d(layout.first);
  x.last_layers = d(layout.last);
  x.other_layers = d(layout.busiest_other);
  x.sequence_parallel = p.sequence_parallel ? 1.0 : 0.0;
  x.fused_attention = p.fused_attention ? 1.0 : 0.0;
  x.dropout = p.dropout ? 1.0 : 0.0;
  x.zero_stage = d(p.zero_stage);
  x.offloaded_layers = d(p.offloaded_layers);
  const bool full = p.recompute_mode == recompute::full;
  // Per-op selective recompute re-runs the norms and activations (and the projections' memory
  // traffic) but not the attention: one more pass of the memory-bound kernels.
  const bool op_sac = p.recompute_mode == recompute::selective_op;
  x.full_recompute = full ? 1.0 : 0.0;
  x.op_recompute = op_sac ? 1.0 : 0.0;
  x.passes = 3.0 + (full ? 1.0 : 0.0) + (op_sac ? 1.0 : 0.0);  // forward once, backward twice
  x.score_forwards =
      1.0 + (full || p.recompute_mode == recompute::selective ? 1.0 : 0.0);

  // Compute per microbatch. Time counts the FLOPs the kernels execute: a fused
  // (FlashAttention-style) causal kernel skips the fully masked half of the scores, while
  // unfused attention multiplies all of them and masks afterwards. `o.mask` only sets the
  // convention MFU is reported in.
  const attention_mask executed =
      p.fused_attention ? attention_mask::causal_skip : attention_mask::dense;
  const step_flops<double> f = flops_per_step<double>(
      u.forward_per_token(executed), x.microbatch, u.s, p.recompute_mode, u.op_share);
  x.layer_flops = (f.forward.matmul + f.backward.matmul + f.recomputed.matmul).base_value();
  x.attention_flops =
      (f.forward.attention + f.backward.attention + f.recomputed.attention).base_value();
  x.logits_flops = (f.forward.logits + f.backward.logits).base_value();
  x.forward_matmul = f.forward.matmul.base_value();
  x.eta_max = rates.eta_max;
  // A named fused kernel runs the forward (and its recompute) and the backward at its own
  // fractions of the peak; they combine as times into one efficiency for the attention FLOPs.
  const double keys = u.s / x.cp * (executed == attention_mask::causal_skip ? 0.5 : 1.0);
  const attention_efficiency kernel =
      p.fused_attention ? attention_kernel_efficiency(o.attention, c.chip.arch, keys,
                                                      d(m.qk_head_size()))
                        : attention_efficiency{};
  const double attention_forward = (f.forward.attention + f.recomputed.attention).base_value();
  const double attention_backward = f.backward.attention.base_value();
  x.eta_attention =
      kernel.forward > 0.0 && attention_forward + attention_backward > 0.0
          ? (attention_forward + attention_backward) /
                (attention_forward / kernel.forward + attention_backward / kernel.backward)
          : u.eta_calibrated;
  const step_flops<double> whole = flops_per_step<double>(
      u.forward_per_token(o.mask), x.sequences, u.s, p.recompute_mode, u.op_share);
  x.model_flops = whole.model().base_value();
  x.hardware_flops = whole.hardware().base_value();

  x.held_dense = held.dense;
  x.held_experts = held.experts;
  const state_bytes sb = bytes_per_parameter(p.recipe, p.opt, m);
  x.weight_bytes = sb.weights;
  x.gradient_bytes = sb.gradients;
  // The offloaded layers' stored activations (averaged over dense and MoE layers).
  if (p.offloaded_layers > 0) {
    const data_size<> per_layer =
        (dense_layer * d(m.dense_layer_count()) + expert_layer * d(m.moe_layer_count())) /
        d(m.layers);
    x.layer_activation_bytes = per_layer.base_value();
  }
  return nullptr;
}

// The breakdown as numbers (base units), for any T; step_breakdown is its double form.
template <class T>
struct step_values {
  T compute{}, memory_bound{}, tp_comm{}, cp_comm{}, ep_comm{}, pp_comm{}, bubble{}, dp_comm{},
      offload{}, optimizer{}, step{};
  T microbatches{}, data_parallel{}, gemm_efficiency{}, model_flops{}, hardware_flops{},
      tokens_per_step{}, tokens_per_s{}, model_flops_per_chip{}, hardware_flops_per_chip{}, mfu{},
      hfu{};
};

template <class T, class F>
constexpr void for_each_member(step_values<T>& x, F&& f) {
  f(x.compute), f(x.memory_bound), f(x.tp_comm), f(x.cp_comm), f(x.ep_comm), f(x.pp_comm);
  f(x.bubble), f(x.dp_comm), f(x.offload), f(x.optimizer), f(x.step);
  f(x.microbatches), f(x.data_parallel), f(x.gemm_efficiency), f(x.model_flops);
  f(x.hardware_flops), f(x.tokens_per_step), f(x.tokens_per_s), f(x.model_flops_per_chip);
  f(x.hardware_flops_per_chip), f(x.mfu), f(x.hfu);
}

namespace detail {
// One microbatch on one pipeline stage.
template <class T>
struct stage_terms {
  duration<T> compute{}, memory{}, tp{}, cp{}, ep{}, zero3{}, offload{}, total{};
};
template <class T>
constexpr stage_terms<T> select_stage(mask_t<T> m, const stage_terms<T>& a,
                                      const stage_terms<T>& b) {
  return {flopcast::select(m, a.compute, b.compute), flopcast::select(m, a.memory, b.memory),
          flopcast::select(m, a.tp, b.tp),           flopcast::select(m, a.cp, b.cp),
          flopcast::select(m, a.ep, b.ep),           flopcast::select(m, a.zero3, b.zero3),
          flopcast::select(m, a.offload, b.offload), flopcast::select(m, a.total, b.total)};
}
}  // namespace detail

// The continuous step model: every term of the breakdown from one plan's step_plan values.
template <class T>
constexpr step_values<T> step_terms_of(const step_setup& u, const step_plan<T>& x) {
  using detail::d;
  using detail::flag;
  using detail::max0;
  const transformer& m = *u.model;
  const cluster_spec& c = *u.cluster;
  const step_options& o = *u.options;
  const duration<T> no_time = duration<T>::from_base(T(0.0));
  const T zero = T(0.0), one = T(1.0);
  const bandwidth<T> hbm = splat<T>(u.hbm);
  const flop_rate<T> gemm_peak = flop_rate<T>::from_base(x.gemm_peak);
  const flop_rate<T> attention_peak = flop_rate<T>::from_base(x.attention_peak);

  const T t = x.tp, pp = x.pp, v = x.vp, cp = x.cp, ep = x.ep, dp = x.dp, b = x.microbatch;
  const T s = T(u.s), h = T(u.h);
  const T micro = x.sequences / (b * dp);
  const T tokens_chip = b * s / cp;  // tokens a chip processes per microbatch

  // ---- Compute per microbatch (FLOP counts from prepare_step).
  const T split = t * cp;
  const flop_count<T> all_layer_flops = flop_count<T>::from_base(x.layer_flops);
  const flop_count<T> all_attention_flops = flop_count<T>::from_base(x.attention_flops);
  const flop_count<T> logits_flops = flop_count<T>::from_base(x.logits_flops) / split;
  const T eta_gemm = detail::layer_gemm_eta<T>(m, x.eta_max, t, ep, tokens_chip);
  const T eta_logits = detail::gemm_eta<T>(
      x.eta_max, flopcast::min(tokens_chip, flopcast::min(h, T(d(m.vocab)) / t)));
  const T eta_attention = x.eta_attention;

  // ---- Memory-bound kernels per microbatch, per layer.
  const T replicated = T(u.replicated) / flopcast::select(flag(x.sequence_parallel), t, one);
  T sharded = T(u.mlp_elements) / t;
  // QK-norm reads and writes the queries and keys (TP shards them with the heads).
  if (m.qk_norm != qk_norm_kind::none) sharded = sharded + T(u.qk_norm_elements) / t;
  // Unfused attention: the elementwise kernels over the s x s scores, per (token, key, head); the
  // batched GEMMs that write and read them are the attention GEMM term above.
  const T score_keys = flopcast::select(flag(x.fused_attention), zero, T(u.score_elements) / t);
  const T score_forward = T(model_constants::score_softmax_forward) +
                          x.dropout * T(model_constants::score_dropout_forward);
  const T score_backward = T(model_constants::score_softmax_backward) +
                           x.dropout * T(model_constants::score_dropout_backward);
  const T passes = x.passes, score_forwards = x.score_forwards;
  const auto sixfold = flag(x.full_recompute) || flag(x.op_recompute);

  // ---- Tensor parallel: 4 (6 with full recompute) all-reduces per layer; a parallel block
  // (GPT-J, Falcon, PaLM) sums attention and MLP before one all-reduce: 2 (3).
  const data_size<T> activation = data_size<T>::from_base(tokens_chip * h * T(2.0));
  // Per-op selective recompute saves reduce-scatter outputs but re-gathers the inputs of the
  // recomputed projections: two more, like full recompute.
  const T tp_collectives = flopcast::select(sixfold, T(6.0), T(4.0)) /
                           T(m.parallel_block ? 2.0 : 1.0);

  // ---- Context parallel: K and V of the whole sequence gathered per layer.
  const data_size<T> kv = data_size<T>::from_base(b * s * T(u.kv_width) * T(2.0) / t);

  // ---- Expert parallel: dispatch and combine of the routed tokens, forward and backward.
  const data_size<T> routed =
      data_size<T>::from_base(tokens_chip * T(d(m.moe.top_k)) * h * T(2.0) / t);
  const T ep_collectives = flopcast::select(sixfold, T(6.0), T(4.0));

  // ---- Pipeline sends: forward activation and backward gradient per chunk boundary.
  const bool megatron_order = o.order == rank_order::tp_cp_dp_pp;
  const T pp_stride = megatron_order ? t * cp * dp : t * cp;
  const duration<T> p2p_one = point_to_point<T>(c, activation / t, pp_stride);
  const duration<T> pp_mb = o.overlap_pp ? no_time
                                         : flopcast::select(pp > one, p2p_one * (T(2.0) * v),
                                                            no_time);

  // ---- ZeRO-3 weight gathers and gradient reduce-scatters, per microbatch, prefetched.
  const T held_total = x.held_dense + x.held_experts;
  const T dp_group = dp * cp;
  // The DP x CP group: contiguous after TP in Megatron's order; in Llama 3's, DP peers are a whole
  // pipeline apart (with CP > 1 the group is approximated as contiguous after TP).
  const T dp_stride = megatron_order ? t : flopcast::select(cp > one, t, t * pp);
  const data_size<T> weights = data_size<T>::from_base(held_total * x.weight_bytes);
  const data_size<T> grads = data_size<T>::from_base(held_total * x.gradient_bytes);
  // Data-parallel collectives: on the cluster's placement, or flat at the NIC rate.
  const auto flat = [&] {
    if (o.hierarchical_dp) return zero > one;  // all false
    return place_group<T>(c, dp_group, dp_stride).domains > one;
  }();
  const duration<T> nic_alpha = splat<T>(c.scale_out.latency);
  const auto nic = [&](data_size<T> bytes) {
    return at_message_size<T>(splat<T>(c.scale_out_achievable()), bytes,
                              splat<T>(c.scale_out.half_size));
  };
  const auto dp_all_gather = [&](data_size<T> bytes) {
    return detail::choose<T>(
        flat, [&] { return all_gather<T>(bytes, dp_group, nic(bytes), nic_alpha); },
        [&] { return all_gather<T>(c, bytes, dp_group, dp_stride); });
  };
  const auto dp_reduce_scatter = [&](data_size<T> bytes) {
    return detail::choose<T>(
        flat, [&] { return reduce_scatter<T>(bytes, dp_group, nic(bytes), nic_alpha); },
        [&] { return reduce_scatter<T>(c, bytes, dp_group, dp_stride); });
  };
  const auto dp_all_reduce = [&](data_size<T> bytes) {
    return detail::choose<T>(
        flat, [&] { return all_reduce<T>(bytes, dp_group, nic(bytes), nic_alpha); },
        [&] { return all_reduce<T>(c, bytes, dp_group, dp_stride); });
  };
  const auto zero3 = x.zero_stage == T(3.0) && dp_group > one;
  const bool any_zero3 = number_traits<T>::any(zero3);
  // ZeRO-3 / FSDP as it runs: one all-gather of a layer's weights before its forward and again
  // before its backward, and one reduce-scatter of its gradients after its backward, each of one
  // layer's size (FSDP wraps each transformer block; DeepSpeed gathers per module). Each can hide
  // only behind compute of its own phase: the forward gathers behind the forward, the backward
  // gathers and reduce-scatters behind the backward (and its recompute). What is not in a block
  // (the embedding and output tables, held by the root module: MPT's and torchtitan's wrapping
  // policies wrap each block and leave the tables to the root) is gathered once before the
  // forward and its gradients reduce-scattered once after the backward, with nothing to hide
  // behind; so is the first block's gather.
  const T layer_params =
      (T(u.block_dense) / t + T(u.routed_experts) / (t * ep)) / T(d(m.layers));
  const T root_params = flopcast::max(zero, held_total - layer_params * x.first_layers);
  duration<T> zero3_gather = no_time, zero3_scatter = no_time, zero3_root = no_time;
  if (any_zero3) {
    const data_size<T> layer_weights = data_size<T>::from_base(layer_params * x.weight_bytes);
    const data_size<T> layer_grads = data_size<T>::from_base(layer_params * x.gradient_bytes);
    zero3_gather = flopcast::select(zero3, dp_all_gather(layer_weights), no_time);
    zero3_scatter = flopcast::select(zero3, dp_reduce_scatter(layer_grads), no_time);
    const auto rooted = zero3 && root_params > zero;
    if (number_traits<T>::any(rooted)) {
      zero3_root = flopcast::select(
          rooted,
          dp_all_gather(data_size<T>::from_base(root_params * x.weight_bytes)) +
              dp_reduce_scatter(data_size<T>::from_base(root_params * x.gradient_bytes)),
          no_time);
    }
  }
  const T forward_share = x.forward_matmul / x.layer_flops;  // 1/3, 1/4 with recompute

  // ---- Activation offload: the offloaded layers' stored activations go to host memory during
  // the forward and come back during the backward, over the host link, overlapped with compute
  // (Megatron-Core's cpu_offloading); what the phase's compute cannot cover is exposed.
  const data_size<T> layer_activations = data_size<T>::from_base(x.layer_activation_bytes);
  const bandwidth<T> host = splat<T>(u.host);
  const bool host_link = u.host.base_value() > 0.0;

  // One microbatch on a stage of `n` layers (with the logits on the last stage). The stage's
  // share of the layers' work is written as a divisor, layers / n, which is exactly pp when the
  // split is even, so even splits keep the same bits as a layers / pp model.
  const auto stage_time = [&](T n, bool logits) {
    const T divisor = T(d(m.layers)) / n;
    detail::stage_terms<T> r;
    const flop_count<T> layer_flops = all_layer_flops / (divisor * split);
    const flop_count<T> attention_flops = all_attention_flops / (divisor * split);
    const duration<T> attention_time = attention_flops / (attention_peak * eta_attention);
    const duration<T> logits_time =
        logits ? logits_flops / (gemm_peak * eta_logits) : no_time;
    r.compute = layer_flops / (gemm_peak * eta_gemm) + logits_time + attention_time +
                splat<T>(model_constants::layer_pass_overhead) * (n * passes);
    const data_size<T> traffic = data_size<T>::from_base(
        tokens_chip * n * T(2.0) *
        ((replicated + sharded) * passes +
         score_keys * (score_forward * score_forwards + score_backward)));
    r.memory = traffic / hbm;
    r.tp = all_reduce<T>(c, activation, t, one) * (n * tp_collectives) * T(1.0 - o.tp_overlap);
    const duration<T> cp_raw =
        (all_gather<T>(c, kv, cp, t) * T(2.0) + reduce_scatter<T>(c, kv, cp, t)) * n;
    r.cp = o.overlap_cp ? max0(cp_raw - attention_time) : cp_raw;
    const T moe_layers = T(d(m.moe_layer_count())) / divisor;
    r.ep = all_to_all<T>(c, routed, ep, t * cp) * (moe_layers * ep_collectives);
    r.zero3 = no_time;
    if (any_zero3) {
      const duration<T> forward = zero3_gather * n;
      const duration<T> backward = (zero3_gather + zero3_scatter) * n;
      r.zero3 = flopcast::select(
          zero3,
          o.zero3_prefetch ? zero3_root + zero3_gather +
                                 max0(forward - r.compute * forward_share) +
                                 max0(backward - r.compute * (one - forward_share))
                           : zero3_root + forward + backward,
          no_time);
    }
    r.offload = no_time;
    const T offloaded = flopcast::min(x.offloaded_layers, n);
    const auto offloading = offloaded > zero;
    if (host_link && number_traits<T>::any(offloading)) {
      const duration<T> transfer = layer_activations * offloaded / host;
      r.offload = flopcast::select(offloading,
                                   max0(transfer - r.compute * forward_share) +
                                       max0(transfer - r.compute * (one - forward_share)),
                                   no_time);
    }
    r.total = r.compute + r.memory + r.tp + r.cp + r.ep + pp_mb + r.zero3 + r.offload;
    return r;
  };
  // The busiest stage paces every slot of the schedule: the last stage unless another holds
  // enough more layers to outweigh the logits.
  detail::stage_terms<T> paced = stage_time(x.last_layers, true);
  const auto has_other = x.other_layers > zero;
  if (number_traits<T>::any(has_other)) {
    const detail::stage_terms<T> other = stage_time(x.other_layers, false);
    paced = detail::select_stage<T>(has_other && other.total > paced.total, other, paced);
  }
  const duration<T> microbatch_time = paced.total;
  // The fill and drain: (p - 1)/v slots. This stays honest with fewer microbatches than stages:
  // with v = 1 each microbatch must pass all p stages forward and back, and the last of the m
  // starts m - 1 slots after the first, so the step is (p + m - 1) slots, exactly m + (p - 1),
  // however small m is (the p - m stages idle in each slot are bubble, not saved time). With
  // v > 1 Megatron's interleaved schedule needs m to be a multiple of p (find_problem), so m >= p
  // and m + (p - 1)/v >= p slots, again at least the p stage-times one microbatch needs. With an
  // uneven split every slot is timed at the busiest stage, an upper bound on the fill and drain
  // (the other stages are no slower).
  const T bubble_fraction = (pp - one) / v;

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
  // (2/3 of a microbatch's compute) but for the last bucket; the last one is counted as stage 1's.
  const auto stage0 = x.zero_stage == zero;
  const auto stage2 = x.zero_stage == T(2.0);
  duration<T> dp_time = no_time, dp_tail = no_time, zero2_per_microbatch = no_time;
  const auto reduced = x.zero_stage < T(3.0) && dp_group > one;
  if (number_traits<T>::any(reduced)) {
    const T bucket_params =
        flopcast::max(T(model_constants::gradient_bucket_parameters),
                      T(model_constants::gradient_bucket_per_rank) * dp_group);
    const T buckets = flopcast::max(one, held_total / bucket_params);
    const data_size<T> bucket_grads = grads / buckets;
    const data_size<T> bucket_weights = weights / buckets;
    const duration<T> tail = detail::choose<T>(
        stage0, [&] { return dp_all_reduce(bucket_grads); },
        [&] { return dp_reduce_scatter(bucket_grads); });
    const duration<T> time = detail::choose<T>(
        stage0, [&] { return tail * buckets; },
        [&] { return (tail + dp_all_gather(bucket_weights)) * buckets; });
    dp_tail = flopcast::select(reduced, tail, no_time);
    dp_time = flopcast::select(reduced, time, no_time);
    const duration<T> scatter = tail * buckets;
    const duration<T> per_microbatch =
        o.overlap_dp
            ? flopcast::max(
                  max0(scatter - paced.compute * T(model_constants::backward_share_of_compute)),
                  tail)
            : scatter;
    zero2_per_microbatch = flopcast::select(reduced && stage2, per_microbatch, no_time);
  }
  const T window =
      flopcast::select(stage0, T(model_constants::backward_share_of_compute), one);
  const duration<T> overlap_window = o.overlap_dp ? paced.compute * window : no_time;
  const duration<T> dp_exposed =
      (o.overlap_dp ? flopcast::max(max0(dp_time - overlap_window), dp_tail) : dp_time) +
      zero2_per_microbatch * flopcast::max(zero, micro - one);

  // ---- Optimizer step over the parameters this chip updates.
  const T updated = flopcast::select(x.zero_stage >= one,
                                     x.held_dense / dp_group + x.held_experts / (dp_group / ep),
                                     held_total);
  const duration<T> optimizer_time =
      data_size<T>::from_base(updated * T(model_constants::optimizer_bytes_per_parameter)) / hbm;

  step_values<T> r;
  r.microbatches = micro;
  r.data_parallel = dp;
  r.gemm_efficiency = eta_gemm;
  const T slots = micro + bubble_fraction;
  r.compute = (paced.compute * micro).base_value();
  r.memory_bound = (paced.memory * micro).base_value();
  r.offload = (paced.offload * micro).base_value();
  r.tp_comm = (paced.tp * micro).base_value();
  r.cp_comm = (paced.cp * micro).base_value();
  r.ep_comm = (paced.ep * micro).base_value();
  r.pp_comm = (pp_mb * micro).base_value();
  r.dp_comm = (dp_exposed + paced.zero3 * micro).base_value();
  r.bubble = (microbatch_time * bubble_fraction).base_value();
  r.optimizer = optimizer_time.base_value();
  const duration<T> step = microbatch_time * slots + dp_exposed + optimizer_time;
  r.step = step.base_value();

  const flop_count<T> model_flops = flop_count<T>::from_base(x.model_flops);
  const flop_count<T> hardware_flops = flop_count<T>::from_base(x.hardware_flops);
  r.model_flops = x.model_flops;
  r.hardware_flops = x.hardware_flops;
  r.tokens_per_step = x.sequences * s;
  r.tokens_per_s = r.tokens_per_step / step.in(seconds);
  const flop_rate<T> model_rate = model_flops / step / T(d(u.chips));
  const flop_rate<T> hardware_rate = hardware_flops / step / T(d(u.chips));
  r.model_flops_per_chip = model_rate.base_value();
  r.hardware_flops_per_chip = hardware_rate.base_value();
  r.mfu = model_rate / gemm_peak;
  r.hfu = hardware_rate / gemm_peak;
  return r;
}

// Whether one plan's values (and its memory total) make an answer: every input was in range, but a
// result that is not a finite positive time (an input at an extreme of its range) is refused.
// Apart from finish_step so that the search can judge a plan without writing its breakdown.
constexpr const reason* step_problem(const step_values<double>& v, double memory_total) {
  using limits::finite_positive;
  // (MFU is not bounded by 1 here: in the dense convention it counts the masked half of the
  // scores a fused causal kernel skips. Against the FLOPs executed, utilization stays below 1
  // by construction: every term is timed at most at its peak.)
  if (!(finite_positive(v.step) && finite_positive(v.tokens_per_s) && finite_positive(v.mfu) &&
        finite_positive(v.hfu) && finite_positive(memory_total))) {
    return &reasons::estimate_out_of_range;
  }
  return nullptr;
}

// The double form of one plan's values with its memory, or the reason it is refused: every input
// was in range; a result that still is not a finite positive time (an input at an extreme of its
// range) is refused, never returned.
// This form writes into `r` (the batch path's output, without a copy) and returns the reason or
// nullptr.
constexpr const reason* finish_step(const step_values<double>& v,
                                    const memory_breakdown<double>& memory, step_breakdown& r) {
  r.compute = duration<>::from_base(v.compute);
  r.memory_bound = duration<>::from_base(v.memory_bound);
  r.tp_comm = duration<>::from_base(v.tp_comm);
  r.cp_comm = duration<>::from_base(v.cp_comm);
  r.ep_comm = duration<>::from_base(v.ep_comm);
  r.pp_comm = duration<>::from_base(v.pp_comm);
  r.bubble = duration<>::from_base(v.bubble);
  r.dp_comm = duration<>::from_base(v.dp_comm);
  r.offload = duration<>::from_base(v.offload);
  r.optimizer = duration<>::from_base(v.optimizer);
  r.step = duration<>::from_base(v.step);
  r.microbatches = v.microbatches;
  r.data_parallel = v.data_parallel;
  r.gemm_efficiency = v.gemm_efficiency;
  r.model_flops = flop_count<>::from_base(v.model_flops);
  r.hardware_flops = flop_count<>::from_base(v.hardware_flops);
  r.tokens_per_step = v.tokens_per_step;
  r.tokens_per_s = v.tokens_per_s;
  r.model_flops_per_chip = flop_rate<>::from_base(v.model_flops_per_chip);
  r.hardware_flops_per_chip = flop_rate<>::from_base(v.hardware_flops_per_chip);
  r.mfu = v.mfu;
  r.hfu = v.hfu;
  r.memory = memory;
  return step_problem(v, memory.total().base_value());  // `memory`: r's copy may be cold
}
constexpr result<step_breakdown> finish_step(const step_values<double>& v,
                                             const memory_breakdown<double>& memory) {
  step_breakdown r;
  if (const reason* why = finish_step(v, memory, r)) return *why;
  return r;
}

// One plan, with an existing setup (the batch path's scalar tail, and try_estimate_step).
constexpr result<step_breakdown> try_estimate_step(const step_setup& u, const parallel_plan& p) {
  step_plan<double> x;
  memory_breakdown<double> memory;
  if (const reason* why = prepare_step(u, p, x, memory)) return *why;
  return finish_step(step_terms_of<double>(u, x), memory);
}

constexpr result<step_breakdown> try_estimate_step(const transformer& m, const cluster_spec& c,
                                                   int chips, const parallel_plan& p,
                                                   const step_options& o = {}) {
  return try_estimate_step(make_step_setup(m, c, chips, o, false), p);
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

// The wall-clock time of `tokens` tokens at a step's rate: steps x step time / goodput. One
// formula for try_estimate_run and the sweeps (sweep/grid.hpp).
constexpr duration<> run_wall_time(const step_breakdown& s, double tokens, double goodput) {
  return s.step * (tokens / s.tokens_per_step) / goodput;
}

constexpr result<run_estimate> try_estimate_run(const transformer& m, const cluster_spec& c, int chips,
                                                const parallel_plan& p, double tokens,
                                                const step_options& o = {}) {
  if (!limits::within(tokens, 1.0, limits::max_tokens)) return reasons::tokens_must_be_positive;
  const result<step_breakdown> s = try_estimate_step(m, c, chips, p, o);
  if (!s) return *s.error();
  run_estimate r;
  r.step = s.value();
  r.steps = tokens / r.step.tokens_per_step;
  r.wall_time = run_wall_time(r.step, tokens, o.goodput);
  r.chip_time = r.wall_time * static_cast<double>(chips);
  if (!(limits::finite_positive(r.wall_time.base_value()) &&
        limits::finite_positive(r.chip_time.base_value()))) {
    return reasons::estimate_out_of_range;
  }
  return r;
}

}  // namespace flopcast
