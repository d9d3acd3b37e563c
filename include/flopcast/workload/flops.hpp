#pragma once
#include "flopcast/core/config.hpp"
// FLOPs of training a transformer: per token and per step, forward, backward and recompute,
// split into weight matmuls, attention (scores and values) and logits.
//
// Counting convention (the one Narayanan 2021, Korthikanti 2022 and PaLM use):
//  - A multiply-add is 2 FLOPs. Forward: 2 FLOPs per matrix weight a token multiplies by (Q, K, V
//    and output projections; the MLP, or the top_k routed plus shared experts; the router), plus
//    attention 2*s*heads*(qk_head + v_head) per layer (scores Q K^T and values P V against s keys),
//    plus the logits 2*h*V. Embedding lookups, norms, biases, softmax and activations are not
//    counted (they are < 1% and memory-bound).
//  - Attention is NOT halved for causal masking by default: every s x s score is counted, as in
//    Narayanan's Eq. 3 and PaLM's 6N + 12 L H Q T. attention_mask::causal_skip halves it, which
//    is what a kernel that skips fully masked blocks (FlashAttention, causal) executes.
//  - Transformer-XL relative attention (Gopher, Chinchilla) computes a second score matrix per
//    head (the position term), so its score FLOPs double; its position projection is applied to
//    the s relative positions once per batch, not per token, and is not counted.
//  - Sliding-window layers (transformer::sliding_window) attend to min(window, context) keys
//    (dense convention), k - k^2/(2 context) with k = min(window, context) under causal_skip.
//  - Backward = 2 x forward. Model FLOPs (MFU) = forward + backward. Hardware FLOPs (HFU) add the
//    recomputation: selective re-runs the attention core's forward (scores and values); full
//    re-runs the forward of every layer (not the logits); selective_op re-runs the forward of the
//    key and output projections and one MLP matrix (op_sac_matmul_share).
//
// Every function is written once over the number type T: double in constant expressions, a
// SIMD pack in sweeps. Inputs that vary in sweeps (tokens, batch, sequence length) are T.
#include <string_view>

#include "flopcast/core/number.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/workload/parameters.hpp"

namespace flopcast {

// Keys a query attends to (and tokens a layer caches) over a context of `context` tokens,
// averaged over the layers: sliding-window layers see only the last min(window, context)
// (Mistral 7B, Gemma 2); the others the whole context. Used by activations, the KV cache and
// the step model's score traffic.
template <class T>
constexpr T attended_keys(const transformer& m, T context) {
  if (m.sliding_window <= 0) return context;
  const T local = flopcast::min(T(static_cast<double>(m.sliding_window)), context);
  return (T(static_cast<double>(m.global_layer_count())) * context +
          T(static_cast<double>(m.local_layer_count())) * local) /
         T(static_cast<double>(m.layers));
}

enum class attention_mask : unsigned char {
  dense,        // count all s x s scores (Narayanan 2021, Korthikanti 2022, PaLM): the default
  causal_skip,  // count half: a causal kernel that skips masked blocks
};

enum class recompute : unsigned char {
  none,       // store every activation
  selective,  // recompute the attention core (Korthikanti 2022)
  full,       // store only each layer's input; recompute the layer's forward
  // Per-op selective activation checkpointing as torchtitan runs it ("op" SAC,
  // torchtitan/distributed/activation_checkpoint.py, _save_list and _custom_policy): the outputs
  // of matmuls, attention kernels and reduce-scatters are saved, except every second matmul of a
  // block; everything else (norms, activations, rotary) is recomputed. In a Llama block's order
  // (wq, wk, wv, wo, w1, w3, w2) that recomputes the key and output projections and the MLP's
  // second matrix (w3; the down projection in a plain MLP), and no attention.
  selective_op,
};

// The policy as the command line spells it: none, selective, full, selective-op.
constexpr std::string_view name(recompute r) {
  switch (r) {
    case recompute::none: return "none";
    case recompute::selective: return "selective";
    case recompute::full: return "full";
    case recompute::selective_op: return "selective-op";
  }
  return "?";
}

template <class T = double>
struct flop_split {
  flop_count<T>
      matmul{};  // weight matmuls in the layers (attention projections, MLP/experts, router)
  flop_count<T> attention{};  // scores and values
  flop_count<T> logits{};     // projection onto the vocabulary

  constexpr flop_count<T> total() const { return matmul + attention + logits; }
};

template <class T>
constexpr flop_split<T> scaled(const flop_split<T>& f, T k) {
  return {f.matmul * k, f.attention * k, f.logits * k};
}

namespace detail {
// Attention FLOPs of one token's forward pass per key it attends to, summed over layers.
constexpr double attention_flops_per_key(const transformer& m) {
  const double score_matrices = m.positions == position_kind::relative ? 2.0 : 1.0;
  return 2.0 * m.layers * m.heads * (score_matrices * m.qk_head_size() + m.v_head_size());
}
}  // namespace detail

// Forward FLOPs of one token that attends to `context` keys (the training sequence length for
// the dense convention).
template <class T>
constexpr flop_split<T> forward_flops_per_token(const transformer& m, T context,
                                                attention_mask mask = attention_mask::dense) {
  const double matmul = 2.0 * detail::active_layer_matrix_elements(m);
  const double keys = mask == attention_mask::causal_skip ? 0.5 : 1.0;
  const double logits = 2.0 * m.hidden * static_cast<double>(m.vocab);
  if (m.sliding_window > 0) {
    // Global layers attend to the context; local ones to k = min(window, context) keys, or
    // under causal masking to k - k^2 / (2 context) on average (position i sees min(i, k)).
    const double per_layer = detail::attention_flops_per_key(m) / m.layers;
    const T window = T(static_cast<double>(m.sliding_window));
    const T k = flopcast::min(window, context);
    const T local_keys = mask == attention_mask::causal_skip ? k - k * k / (T(2.0) * context) : k;
    const T attention = T(per_layer) * (T(keys * m.global_layer_count()) * context +
                                        T(static_cast<double>(m.local_layer_count())) * local_keys);
    return {flop_count<T>::from_base(T(matmul)), flop_count<T>::from_base(attention),
            flop_count<T>::from_base(T(logits))};
  }
  return {flop_count<T>::from_base(T(matmul)),
          flop_count<T>::from_base(T(keys * detail::attention_flops_per_key(m)) * context),
          flop_count<T>::from_base(T(logits))};
}

// The share of a layer's forward matmul FLOPs that recompute::selective_op re-runs: the key
// projection (h x kv_heads x qk_head), the output projection (heads x v_head x h) and one MLP
// matrix (h x ffn; each token's top_k + shared experts in MoE layers), over all weight matmuls.
constexpr double op_sac_matmul_share(const transformer& m) {
  const double h = m.hidden;
  const double k = static_cast<double>(m.key_value_heads()) * m.qk_head_size() * h;
  const double o = static_cast<double>(m.heads) * m.v_head_size() * h;
  const double recomputed = static_cast<double>(m.layers) * (k + o) +
                            m.dense_layer_count() * h * m.ffn_size() +
                            m.moe_layer_count() * h * m.moe_token_ffn_width();
  const double all = detail::active_layer_matrix_elements(m);
  return all > 0.0 ? recomputed / all : 0.0;
}

// The extra forward work a recompute policy adds, given the forward pass it repeats (and, for
// selective_op, op_sac_matmul_share of the model).
template <class T>
constexpr flop_split<T> recompute_flops(const flop_split<T>& forward, recompute policy,
                                        double op_matmul_share = 0.0) {
  flop_split<T> r{};
  if (policy == recompute::selective_op) r.matmul = forward.matmul * T(op_matmul_share);
  if (policy == recompute::selective) r.attention = forward.attention;
  if (policy == recompute::full) {
    r.matmul = forward.matmul;
    r.attention = forward.attention;
  }
  return r;
}

template <class T = double>
struct step_flops {
  flop_split<T> forward{};
  flop_split<T> backward{};
  flop_split<T> recomputed{};

  constexpr flop_count<T> model() const { return forward.total() + backward.total(); }
  constexpr flop_count<T> hardware() const { return model() + recomputed.total(); }
};

// One training step from the model's per-token forward FLOPs at seq_len (forward_flops_per_token)
// and op_sac_matmul_share: what the step model computes once per model for all its plans.
template <class T>
constexpr step_flops<T> flops_per_step(const flop_split<T>& per_token, T sequences, T seq_len,
                                       recompute policy, double op_matmul_share) {
  const flop_split<T> forward = scaled(per_token, sequences * seq_len);
  return {forward, scaled(forward, T(2.0)), recompute_flops(forward, policy, op_matmul_share)};
}

// One training step of `sequences` sequences of `seq_len` tokens (global batch, or a microbatch).
template <class T>
constexpr step_flops<T> flops_per_step(const transformer& m, T sequences, T seq_len,
                                       recompute policy = recompute::none,
                                       attention_mask mask = attention_mask::dense) {
  return flops_per_step(forward_flops_per_token(m, seq_len, mask), sequences, seq_len, policy,
                        op_sac_matmul_share(m));
}

// Model FLOPs (forward + backward) per token at a given context.
template <class T>
constexpr flop_count<T> model_flops_per_token(const transformer& m, T context,
                                              attention_mask mask = attention_mask::dense) {
  return forward_flops_per_token(m, context, mask).total() * T(3.0);
}

// Hardware FLOPs per token: model FLOPs plus recomputation.
template <class T>
constexpr flop_count<T> hardware_flops_per_token(const transformer& m, T context, recompute policy,
                                                 attention_mask mask = attention_mask::dense) {
  const flop_split<T> forward = forward_flops_per_token(m, context, mask);
  return forward.total() * T(3.0) + recompute_flops(forward, policy, op_sac_matmul_share(m)).total();
}

// Model FLOPs of training on `tokens` tokens at the model's training context (seq_len).
template <class T>
constexpr flop_count<T> training_flops(const transformer& m, T tokens,
                                       attention_mask mask = attention_mask::dense) {
  return model_flops_per_token(m, T(static_cast<double>(m.seq_len)), mask) * tokens;
}

// The 6 N D shortcut (Kaplan 2020; GPT-3 App. D), with N the active parameters per token
// (all parameters for a dense model). It ignores attention and counts embedding lookups as
// matmuls; see the table in docs/workload.md for how far it is from the exact count.
constexpr flop_count<> six_n_flops_per_token(const transformer& m) {
  return flop_count<>::from_base(6.0 * active_parameters(m));
}
template <class T>
constexpr flop_count<T> six_n_d(const transformer& m, T tokens) {
  return flop_count<T>::from_base(T(6.0 * active_parameters(m)) * tokens);
}

// Narayanan et al. 2021, Eq. 3, FLOPs per iteration for GPT models with batch B, sequence s,
// l layers, hidden h, vocabulary V: with full activation recomputation
//   F = 96 B s l h^2 (1 + s/(6h) + V/(16 l h)),
// and without it (also Korthikanti 2022's model FLOPs)
//   F = 72 B s l h^2 (1 + s/(6h) + V/(12 l h)).
template <class T>
constexpr flop_count<T> narayanan_flops_with_recompute(T batch, T seq_len, T layers, T hidden,
                                                       T vocab) {
  return flop_count<T>::from_base(
      T(96.0) * batch * seq_len * layers * hidden * hidden *
      (T(1.0) + seq_len / (T(6.0) * hidden) + vocab / (T(16.0) * layers * hidden)));
}
template <class T>
constexpr flop_count<T> narayanan_flops_without_recompute(T batch, T seq_len, T layers, T hidden,
                                                          T vocab) {
  return flop_count<T>::from_base(
      T(72.0) * batch * seq_len * layers * hidden * hidden *
      (T(1.0) + seq_len / (T(6.0) * hidden) + vocab / (T(12.0) * layers * hidden)));
}

}  // namespace flopcast
