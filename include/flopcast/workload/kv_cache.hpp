#pragma once
#include "flopcast/core/config.hpp"
// The key/value cache of inference: what each generated or prompt token leaves behind.
//
//   standard attention: 2 (K and V) x layers x kv_heads x head_dim elements per token;
//   latent attention (DeepSeek MLA): layers x (kv_lora_rank + qk_rope_head_dim) per token, the
//   compressed latent and the shared rotary key, as DeepSeek-V2 Sec. 2.1.2 describes.
// Tensor parallelism splits K/V heads: a chip holds kv_heads / tp heads, but at least one (with
// tp > kv_heads the heads are replicated). The MLA latent is shared by all heads and is not split.
// Sliding-window layers (Mistral 7B, Gemma 2 local layers) cache only the last min(window,
// context) tokens: the per-sequence and per-chip sizes count them; per-token sizes do not.
#include "flopcast/core/number.hpp"
#include "flopcast/core/precision.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/workload/flops.hpp"
#include "flopcast/workload/transformer.hpp"

namespace flopcast {

namespace detail {
constexpr double kv_cache_elements_per_token_per_head_group(const transformer& m) {
  if (m.attention == attention_kind::latent) {
    return static_cast<double>(m.layers) * (m.mla.kv_lora_rank + m.mla.qk_rope_head_dim);
  }
  return 2.0 * m.layers * m.head_size();  // per K/V head
}
}  // namespace detail

// Cache elements per token for the whole model.
constexpr double kv_cache_elements_per_token(const transformer& m) {
  const double per = detail::kv_cache_elements_per_token_per_head_group(m);
  return m.attention == attention_kind::latent ? per : per * m.key_value_heads();
}

constexpr data_size<> kv_cache_bytes_per_token(const transformer& m,
                                               precision p = precision::bf16) {
  return data_size<>::from_base(kv_cache_elements_per_token(m) * bytes_per_element(p));
}

// One sequence of `context` tokens.

template <class T>
constexpr data_size<T> kv_cache_bytes_per_sequence(const transformer& m, T context,
                                                   precision p = precision::bf16) {
  return data_size<T>::from_base(T(kv_cache_elements_per_token(m) * bytes_per_element(p)) *
                                 attended_keys(m, context));
}

namespace detail {
// As kv_cache_bytes_per_chip below, with the bytes one cached element takes (a block-scaled
// format's scales included: workload/inference.hpp's kv formats).
template <class T>
constexpr data_size<T> kv_cache_bytes_per_chip(const transformer& m, T context, T sequences, T tp,
                                               double bytes) {
  const double per_group = kv_cache_elements_per_token_per_head_group(m) * bytes;
  const T cached = attended_keys(m, context);
  if (m.attention == attention_kind::latent) {
    return data_size<T>::from_base(T(per_group) * cached * sequences);
  }
  const T kv = T(static_cast<double>(m.key_value_heads()));
  const T heads_per_chip = max(kv / tp, T(1.0));
  return data_size<T>::from_base(T(per_group) * heads_per_chip * cached * sequences);
}
}  // namespace detail

// `sequences` sequences of `context` tokens on one chip of a tp-way tensor-parallel group.
template <class T>
constexpr data_size<T> kv_cache_bytes_per_chip(const transformer& m, T context, T sequences, T tp,
                                               precision p = precision::bf16) {
  return detail::kv_cache_bytes_per_chip(m, context, sequences, tp, bytes_per_element(p));
}

}  // namespace flopcast
