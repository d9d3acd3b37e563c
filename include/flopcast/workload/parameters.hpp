#pragma once
#include "flopcast/core/config.hpp"
// Parameter counts of a transformer, total and active per token, split by part.
//
// Conventions:
//  - "active" counts the parameters one token's forward pass reads: every dense part, the top_k
//    routed experts plus the shared experts of each MoE layer, the router, and both embedding
//    tables (Mistral's 12.9B for Mixtral counts them so). DeepSeek's "37B activated" matches
//    the count without the input table (a lookup, not a matmul): see active_parameters().
//  - Norms count their scale (and shift, for LayerNorm with biases); biases of linear layers
//    count when transformer::biases is set. Rotary and ALiBi have no parameters.
//  - Transformer-XL relative positions (Gopher, Chinchilla) add one hidden x (heads*head_dim)
//    projection per layer; the two per-head bias vectors u, v (2 * heads * head_dim per layer at
//    most, < 0.01% of the model) are not counted.
#include "flopcast/workload/transformer.hpp"

namespace flopcast {

struct parameter_counts {
  double embedding = 0.0;       // input token table, plus a learned absolute position table
  double position = 0.0;        // relative-position projections (Transformer-XL)
  double attention = 0.0;       // Q, K, V and output projections (MLA: down/up projections)
  double mlp = 0.0;             // MLPs of the dense layers
  double routed_experts = 0.0;  // all routed experts (total) or the top_k of each layer (active)
  double shared_experts = 0.0;  // always-on experts of MoE layers
  double router = 0.0;          // expert gating matrices
  double norms = 0.0;           // every norm, including the final one and MLA's latent norms
  double output = 0.0;          // unembedding; 0 when tied to the input table

  constexpr double total() const {
    return embedding + position + attention + mlp + routed_experts + shared_experts + router +
           norms + output;
  }
  constexpr double experts() const { return routed_experts + shared_experts; }
  // Everything but the input table (and learned position table) and the output projection.
  constexpr double non_embedding() const { return total() - embedding - output; }
};

namespace detail {

// Weights of one attention block that take part in a matrix multiply.
constexpr double attention_matrix_elements(const transformer& m) {
  const double h = m.hidden;
  const double a = m.heads;
  if (m.attention == attention_kind::latent) {
    const latent_attention& l = m.mla;
    const double qk = static_cast<double>(l.qk_nope_head_dim) + l.qk_rope_head_dim;
    const double r_q = l.q_lora_rank;
    const double r_kv = l.kv_lora_rank;
    const double q = l.q_lora_rank > 0 ? h * r_q + r_q * a * qk : h * a * qk;  // W^DQ, W^UQ+W^QR
    const double kv =
        h * (r_kv + l.qk_rope_head_dim) +                                     // W^DKV + W^KR
        r_kv * a * (static_cast<double>(l.qk_nope_head_dim) + l.v_head_dim);  // W^UK, W^UV
    const double o = a * l.v_head_dim * h;                                    // W^O
    return q + kv + o;
  }
  const double d = m.head_size();
  const double kv = m.key_value_heads();
  return h * a * d + 2.0 * h * kv * d + a * d * h;  // Q, K and V, output
}

constexpr double attention_bias_elements(const transformer& m) {
  if (m.attention == attention_kind::latent) return 0.0;
  const double d = m.head_size();
  if (!m.biases) {  // Qwen2: Q, K and V biases only
    return m.qkv_bias ? static_cast<double>(m.heads) * d + 2.0 * m.key_value_heads() * d : 0.0;
  }
  return static_cast<double>(m.heads) * d + 2.0 * m.key_value_heads() * d + m.hidden;
}

// Query/key norm weights per layer: two head_dim vectors (per head, shared by the heads), or
// the whole Q and K widths (over the projection).
constexpr double qk_norm_elements(const transformer& m) {
  const double qk = m.qk_head_size();
  switch (m.qk_norm) {
    case qk_norm_kind::none:
      return 0.0;
    case qk_norm_kind::per_head:
      return 2.0 * qk;
    case qk_norm_kind::full:
      return (static_cast<double>(m.heads) + m.key_value_heads()) * qk;
  }
  return 0.0;
}

// One MLP (or one expert) of the given width.
constexpr double mlp_matrix_elements(const transformer& m, double width) {
  return (m.gated_mlp ? 3.0 : 2.0) * m.hidden * width;
}
constexpr double mlp_bias_elements(const transformer& m, double width) {
  if (!m.biases) return 0.0;
  return (m.gated_mlp ? 2.0 : 1.0) * width + m.hidden;
}
constexpr double mlp_elements(const transformer& m, double width) {
  return mlp_matrix_elements(m, width) + mlp_bias_elements(m, width);
}

constexpr double norm_elements(const transformer& m) {
  const double h = m.hidden;
  return m.norm == norm_kind::layer_norm && m.biases ? 2.0 * h : h;
}
constexpr double latent_norm_elements(const transformer& m) {  // RMSNorm on the latents
  if (m.attention != attention_kind::latent) return 0.0;
  return static_cast<double>(m.mla.q_lora_rank) + m.mla.kv_lora_rank;
}

constexpr double position_matrix_elements_per_layer(const transformer& m) {
  if (m.positions != position_kind::relative) return 0.0;
  return static_cast<double>(m.hidden) * m.heads * m.head_size();
}

constexpr double router_elements_per_layer(const transformer& m) {
  return static_cast<double>(m.hidden) * m.moe.experts;
}

// Matrix weights one token multiplies by in all layers (no embeddings, norms, biases, or
// relative-position projections, which are applied once per batch, not per token).
constexpr double active_layer_matrix_elements(const transformer& m) {
  const double dense = m.dense_layer_count();
  const double moe = m.moe_layer_count();
  const double expert_matrices = mlp_matrix_elements(m, m.moe_token_ffn_width());
  return static_cast<double>(m.layers) * attention_matrix_elements(m) +
         dense * mlp_matrix_elements(m, m.ffn_size()) +
         moe * (expert_matrices + router_elements_per_layer(m));
}

constexpr parameter_counts count(const transformer& m, double routed_per_layer) {
  const double h = m.hidden;
  const double layers = m.layers;
  const double moe = m.moe_layer_count();
  const double expert = mlp_elements(m, m.expert_ffn_size());
  parameter_counts p;
  p.embedding = static_cast<double>(m.vocab) * h +
                (m.positions == position_kind::learned ? static_cast<double>(m.seq_len) * h : 0.0);
  p.position = layers * position_matrix_elements_per_layer(m);
  p.attention = layers * (attention_matrix_elements(m) + attention_bias_elements(m));
  p.mlp = m.dense_layer_count() * mlp_elements(m, m.ffn_size());
  p.routed_experts = moe * routed_per_layer * expert;
  p.shared_experts = moe * m.moe.shared_experts * mlp_elements(m, m.shared_expert_ffn_size());
  p.router = moe * router_elements_per_layer(m);
  // Two norms per layer and a final one; a parallel block has one per layer.
  const double norms_per_layer = m.parallel_block ? 1.0 : 2.0;
  p.norms = (norms_per_layer * layers + 1.0) * norm_elements(m) + layers * latent_norm_elements(m);
  if (m.qk_norm != qk_norm_kind::none) p.norms += layers * qk_norm_elements(m);
  p.output = m.tied_embeddings ? 0.0 : static_cast<double>(m.vocab) * h;
  return p;
}

}  // namespace detail

// Every parameter of the model, by part.
constexpr parameter_counts count_parameters(const transformer& m) {
  return detail::count(m, m.moe.experts);
}

// The parameters one token's forward pass uses: top_k routed experts per MoE layer.
constexpr parameter_counts count_active_parameters(const transformer& m) {
  return detail::count(m, m.moe.top_k);
}

constexpr double total_parameters(const transformer& m) { return count_parameters(m).total(); }

// Active parameters per token, including both embedding tables (Mixtral's convention).
// Subtract count_active_parameters(m).embedding for the convention that leaves out the input
// lookup (DeepSeek's).
constexpr double active_parameters(const transformer& m) {
  return count_active_parameters(m).total();
}

// Narayanan et al. 2021, Eq. 2: P = 12 l h^2 (1 + 13/(12h) + (V+s)/(12 l h)) for GPT models with
// learned positions, biases and tied embeddings. It leaves out the final LayerNorm (2h), which
// count_parameters() includes.
template <class T>
constexpr T narayanan_parameters(T layers, T hidden, T vocab, T seq_len) {
  return T(12.0) * layers * hidden * hidden *
         (T(1.0) + T(13.0) / (T(12.0) * hidden) + (vocab + seq_len) / (T(12.0) * layers * hidden));
}

}  // namespace flopcast
