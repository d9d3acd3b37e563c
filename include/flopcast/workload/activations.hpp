#pragma once
#include "flopcast/core/config.hpp"
// Activation memory of training: what the forward pass stores for the backward pass.
//
// The accounting follows Korthikanti et al. 2022 (arXiv 2205.05198, Sec. 4), which for a GPT
// layer with 16-bit activations and 1-byte dropout masks gives, per layer and microbatch,
//   s b h (34 + 5 a s / h) bytes:
//   attention 11 s b h + 5 a s^2 b (QKV input 2, Q and K 4, V 2, projection input 2, dropout
//   mask 1; softmax output 2, its dropout mask 1 and output 2 per score), MLP 19 s b h (input 2,
//   GeLU input 8, GeLU output 8, dropout mask 1), two LayerNorm inputs 4 s b h.
// Here the same terms are written from the model's shape, so they extend to grouped-query and
// latent attention, gated MLPs and experts:
//   - Q, K, V use the real widths (heads*qk_head, kv_heads*qk_head, kv_heads*v_head); latent
//     attention also keeps its two latents (q_lora_rank + kv_lora_rank) and materialises K and V
//     for every head.
//   - a plain MLP keeps the activation's input and output (2 f); a gated MLP keeps the gate and
//     up projections and the down projection's input (3 f), as Megatron-LM's fused SwiGLU does.
//   - an MoE layer keeps the router input, one copy of each token's hidden state per routed
//     expert, and the MLP terms for top_k + shared experts of width expert_ffn. Load is assumed
//     balanced (no capacity-factor padding); router logits are not counted.
//   - a parallel block (GPT-J, Falcon, PaLM) keeps one norm input and one normed input shared by
//     attention and MLP (2 instead of 4 of the s b h replicated terms); QK-norm keeps Q and K
//     before their norm; sliding-window layers keep min(window, s) scores per query.
//   - dropout = false removes the three masks and the stored dropout output of the scores
//     (Llama-family models train without dropout): 32 s b h + 2 a s^2 b for a GPT layer.
// Parallelism: tensor parallelism divides the attention and MLP interiors by t; sequence
// parallelism also divides the norm inputs, layer inputs and masks (everything) by t; context
// parallelism divides the sequence by c. Selective recompute or a fused attention kernel drops
// the s x s terms; full recompute keeps only each layer's input (2 s b h, divided by t with SP);
// per-op selective recompute (torchtitan) keeps the saved matmul and attention outputs.
// While a layer is being recomputed its full activations live briefly; like Korthikanti we do
// not count that transient.
#include "flopcast/core/number.hpp"
#include "flopcast/core/precision.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/workload/flops.hpp"
#include "flopcast/workload/sharding.hpp"

namespace flopcast {

struct activation_options {
  recompute policy = recompute::none;
  bool fused_attention = false;         // FlashAttention-style kernel: s x s scores never stored
  bool dropout = true;                  // Korthikanti's accounting includes dropout masks
  precision storage = precision::bf16;  // stored activation format (masks are 1 byte)
  // The format of the GEMM inputs kept for the backward's weight-gradient GEMMs: the attention
  // and MLP inputs (after their norms), the output projection's input and the MLP's second
  // matrix's input. An FP8 step in Transformer Engine keeps the FP8 copy it cast for the forward
  // GEMM (transformer_engine/pytorch/module/linear.py and layernorm_linear.py save the quantized
  // input), so those tensors take 1 byte; the norms' inputs, Q, K, V and the MLP's first outputs
  // stay in `storage`.
  precision saved_gemm_inputs = precision::bf16;
};

enum class layer_mlp : unsigned char { dense, experts };

namespace detail {
struct activation_terms {        // elements (or mask bytes) per token of the local sequence
  double replicated = 0.0;       // norm inputs, layer/MLP inputs: divided by t only with SP
  double mask_bytes = 0.0;       // dropout masks outside the TP region
  double tensor_parallel = 0.0;  // attention and MLP interiors: divided by t
  double scores_per_key = 0.0;   // s x s terms, in bytes per (token, key)
};

constexpr activation_terms layer_activation_terms(const transformer& m, layer_mlp mlp,
                                                  const activation_options& o) {
  const double e = bytes_per_element(o.storage);
  const double g = bytes_per_element(o.saved_gemm_inputs);
  const double h = m.hidden;
  const double a = m.heads;
  const bool latent = m.attention == attention_kind::latent;
  const double kv = latent ? a : static_cast<double>(m.key_value_heads());
  const double qk = m.qk_head_size();
  const double v = m.v_head_size();

  activation_terms t;
  // Two norm inputs, the attention input; the MLP input (MoE: router input + routed copies).
  const double routed = mlp == layer_mlp::experts ? static_cast<double>(m.moe.top_k) : 0.0;
  // A parallel block keeps one norm input and one normed input that attention and MLP share.
  // The norm inputs are in `storage`, the normed GEMM inputs in `saved_gemm_inputs`.
  t.replicated = m.parallel_block ? e * h + g * h * (1.0 + routed)
                                  : e * h * 2.0 + g * h * (1.0 + 1.0 + routed);
  t.mask_bytes = o.dropout ? 2.0 * h : 0.0;

  double interior = a * qk + kv * qk + kv * v;  // Q, K, V
  if (latent) interior += static_cast<double>(m.mla.q_lora_rank) + m.mla.kv_lora_rank;
  if (m.qk_norm != qk_norm_kind::none) interior += a * qk + kv * qk;  // Q and K before their norm
  // The first matrix's outputs (gate and up when gated) in `storage`; the second's input (the
  // activation's output) is a saved GEMM input, as is the output projection's.
  const double width =
      mlp == layer_mlp::dense ? static_cast<double>(m.ffn_size()) : m.moe_token_ffn_width();
  interior += (m.gated_mlp ? 2.0 : 1.0) * width;
  t.tensor_parallel = e * interior + g * (a * v + width);

  // Softmax output (e), and with dropout its mask (1) and output (e), per head.
  t.scores_per_key = a * (o.dropout ? 2.0 * e + 1.0 : e);
  return t;
}

template <class T>
constexpr T sp_divisor(const sharding<T>& plan) {
  return plan.sequence_parallel ? plan.tp : T(1.0);
}

// layers / (the layers on the chip's stage): pp when the split is even (stage_layers = 0).
template <class T>
constexpr T stage_divisor(const transformer& m, const sharding<T>& plan) {
  const T layers = T(static_cast<double>(m.layers));
  return select(plan.stage_layers > T(0.0),
                layers / select(plan.stage_layers > T(0.0), plan.stage_layers, T(1.0)), plan.pp);
}
// The share of the stage's layers whose activations stay in HBM: all but the offloaded ones.
template <class T>
constexpr T kept_share(const transformer& m, const sharding<T>& plan) {
  const T stage = T(static_cast<double>(m.layers)) / stage_divisor(m, plan);
  const T kept = (stage - plan.offloaded_layers) / stage;
  return select(kept > T(0.0), kept, T(0.0));
}

// The stored bytes of one layer under no or selective recompute, from its terms (which depend
// only on the model and a few plan fields, so a sweep computes them once: estimate/step_time.hpp)
// and the attended keys (called only when the scores are kept).
template <class T, class Keys>
constexpr data_size<T> stored_layer_bytes(const activation_terms& t, T tokens, T sp, T tp,
                                          const activation_options& o, Keys&& keys) {
  const bool keep_scores = o.policy == recompute::none && !o.fused_attention;
  const T scores = keep_scores ? T(t.scores_per_key) * tokens * T(keys()) / tp : T(0.0);
  return data_size<T>::from_base(T(t.replicated + t.mask_bytes) * tokens / sp +
                                 T(t.tensor_parallel) * tokens / tp + scores);
}
}  // namespace detail

namespace detail {
// activation_bytes_per_layer with its model-only parts (the terms, the attended keys) supplied
// by the caller, which may have them cached (estimate/step_time.hpp's step_setup).
template <class T, class Terms, class Keys>
constexpr data_size<T> layer_bytes(const transformer& m, T microbatch, T seq_len,
                                   const sharding<T>& plan, const activation_options& o,
                                   layer_mlp mlp, Terms&& terms, Keys&& keys) {
  const T tokens = microbatch * seq_len / plan.cp;  // tokens of the local sequence shard
  const T sp = detail::sp_divisor(plan);
  const double e = bytes_per_element(o.storage);
  if (o.policy == recompute::full) {
    return data_size<T>::from_base(T(e * m.hidden) * tokens / sp);
  }
  if (o.policy == recompute::selective_op) {
    // torchtitan's op SAC keeps the layer input, the saved matmul outputs (Q, V, the MLP's first
    // matrix, its last one's reduce-scattered output) and the attention output; the recomputed
    // ops' outputs (K, the output projection, the second MLP matrix, norms, activations) and
    // the scores are not stored. Dropout masks, if any, are kept.
    const double h = m.hidden;
    const double a = m.heads;
    const double kv = static_cast<double>(m.key_value_heads());
    const double width =
        mlp == layer_mlp::dense ? static_cast<double>(m.ffn_size()) : m.moe_token_ffn_width();
    const double replicated = e * h * (m.gated_mlp ? 2.0 : 1.0) + (o.dropout ? 2.0 * h : 0.0);
    const double interior = e * (a * m.qk_head_size() + kv * m.v_head_size() +
                                 a * m.v_head_size() + width);
    return data_size<T>::from_base(T(replicated) * tokens / sp + T(interior) * tokens / plan.tp);
  }
  return stored_layer_bytes(terms(), tokens, sp, plan.tp, o, keys);
}
}  // namespace detail

// Bytes one layer stores for one microbatch of `microbatch` sequences of `seq_len` tokens, on
// one chip of the plan.
template <class T>
constexpr data_size<T> activation_bytes_per_layer(const transformer& m, T microbatch, T seq_len,
                                                  const sharding<T>& plan,
                                                  const activation_options& o,
                                                  layer_mlp mlp = layer_mlp::dense) {
  return detail::layer_bytes(
      m, microbatch, seq_len, plan, o, mlp,
      [&] { return detail::layer_activation_terms(m, mlp, o); },
      // Keys per query, averaged over the layers: min(window, seq_len) on sliding-window layers.
      [&] { return attended_keys(m, seq_len); });
}

namespace detail {
// activation_bytes_per_chip from the bytes of one dense and one MoE layer.
template <class T>
constexpr data_size<T> chip_activation_bytes(const transformer& m, T microbatch,
                                             const sharding<T>& plan, const activation_options& o,
                                             data_size<T> dense, data_size<T> moe) {
  const T seq = T(static_cast<double>(m.seq_len));
  const T warm_up_factor =
      select(plan.virtual_stages > T(1.0),
             T(1.0) + (plan.pp - T(1.0)) / (plan.pp * plan.virtual_stages), T(1.0));
  // A step of m microbatches holds at most m in flight (each through the whole stage): with
  // m < pp (1 + (pp-1)/(pp v)) the factor is m / pp (Llama 3 405B: pp 16, v 2, m 16 holds 16
  // microbatches, not 23.5). microbatches = 0 (unknown) keeps the warm-up count.
  const T warm_up = plan.pp * warm_up_factor;
  const T in_flight_factor =
      select(plan.microbatches > T(0.0),
             select(plan.microbatches < warm_up, plan.microbatches / plan.pp, warm_up_factor),
             warm_up_factor);
  // An uneven split: pp microbatches through the stage's own layers, pp x stage_layers layers'
  // worth (the factor is exactly 1 for an even split).
  const T stage_share = plan.pp / detail::stage_divisor(m, plan);
  const data_size<T> layers = (dense * T(static_cast<double>(m.dense_layer_count())) +
                               moe * T(static_cast<double>(m.moe_layer_count()))) *
                              in_flight_factor * stage_share * detail::kept_share(m, plan);

  const T tokens = microbatch * seq / plan.cp;
  const T sp = detail::sp_divisor(plan);
  const double h = m.hidden;
  const double e = bytes_per_element(o.storage);
  const T embedding_mask = o.dropout ? T(h) * tokens / sp * plan.pp : T(0.0);
  const T output_layer = T(2.0 * e * h) * tokens / sp + T(4.0 * m.vocab) * tokens / plan.tp;
  const T single_stage_output = select(plan.pp == T(1.0), output_layer, T(0.0));
  return layers + data_size<T>::from_base(embedding_mask + single_stage_output);
}
}  // namespace detail

// Activation bytes on the busiest chip: the first pipeline stage, which under 1F1B holds pp
// microbatches in flight, each through layers/pp layers (so L layers' worth, whatever pp; with an
// uneven split, through the stage's stage_layers: pp x stage_layers layers' worth), times
// 1 + (pp-1)/(pp*v) with v > 1 interleaved chunks (Korthikanti 2022, Sec. 4.2.3), or the
// step's own microbatch count when that is smaller (sharding::microbatches). Adds the input-embedding dropout mask (first stage) and, when
// the whole model is one stage, the output layer's norm and projection inputs and its FP32
// logits (Korthikanti Sec. 4.3). MoE and dense layers are averaged over the stage.
template <class T>
constexpr data_size<T> activation_bytes_per_chip(const transformer& m, T microbatch,
                                                 const sharding<T>& plan,
                                                 const activation_options& o) {
  const T seq = T(static_cast<double>(m.seq_len));
  return detail::chip_activation_bytes(
      m, microbatch, plan, o,
      activation_bytes_per_layer(m, microbatch, seq, plan, o, layer_mlp::dense),
      activation_bytes_per_layer(m, microbatch, seq, plan, o, layer_mlp::experts));
}

// Korthikanti 2022's closed forms for a GPT layer (Table 2), bytes per layer per microbatch,
// s sequence, b microbatch, h hidden, a heads, t tensor-parallel size. Kept as published to
// check the general accounting above against.
enum class korthikanti_case : unsigned char {
  no_parallelism,             // s b h (34 + 5 a s / h)
  tensor_parallel,            // s b h (10 + 24 / t + 5 a s / (h t))
  tensor_sequence_parallel,   // s b h / t (34 + 5 a s / h)
  tensor_sequence_selective,  // 34 s b h / t
  full_recompute,             // 2 s b h
};

template <class T>
constexpr data_size<T> korthikanti_activation_bytes(T s, T b, T h, T a, T t, korthikanti_case c) {
  const T sbh = s * b * h;
  T bytes = T(0.0);
  switch (c) {
    case korthikanti_case::no_parallelism:
      bytes = sbh * (T(34.0) + T(5.0) * a * s / h);
      break;
    case korthikanti_case::tensor_parallel:
      bytes = sbh * (T(10.0) + T(24.0) / t + T(5.0) * a * s / (h * t));
      break;
    case korthikanti_case::tensor_sequence_parallel:
      bytes = sbh / t * (T(34.0) + T(5.0) * a * s / h);
      break;
    case korthikanti_case::tensor_sequence_selective:
      bytes = T(34.0) * sbh / t;
      break;
    case korthikanti_case::full_recompute:
      bytes = T(2.0) * sbh;
      break;
  }
  return data_size<T>::from_base(bytes);
}

}  // namespace flopcast
