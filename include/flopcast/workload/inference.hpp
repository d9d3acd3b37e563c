#pragma once
#include "flopcast/core/config.hpp"
// inference: what serving a transformer costs in FLOPs and in bytes moved. Weights as stored for
// inference (block-scaled 4- and 8-bit formats), held per GPU under TP, PP and EP; the KV cache
// by format; a prefill of a prompt and one decode step of a batch; their arithmetic intensity.
// Time (a roofline over a chip) is the serving model's job, in estimate/.
//
// Conventions (each a choice, stated where it is made below):
//  - FLOPs reuse the training forward count (workload/flops.hpp): 2 per matrix weight a token
//    multiplies by, attention 2 x heads x (qk_head + v_head) per key per layer, logits 2 h V.
//  - Prefill counts the causal attention a masked-block-skipping kernel executes (half the s x s
//    scores, attention_mask::causal_skip), and logits only at each prompt's last position (the
//    one a server samples from). Decode: each new token attends to the c cached keys and its own.
//  - Bytes are HBM traffic of ideal kernels: weights read once per pass, the KV cache read once
//    per step and written once per token. Activations passed between kernels and attention's
//    on-chip tiles are not counted (at decode a few percent: each activation written and read
//    once is about 3 GB beside 114 GB of weights and cache for Llama 3 70B in FP8 at batch 64
//    and 4K context; prefill is compute-bound).
//  - MoE routing is uniform (see expected_experts_touched).
//  - DeepSeek MLA: prefill in the naive (decompressed) form, decode in the absorbed form
//    (latent_form).
// Costs are of one model replica (all its GPUs together); weight_bytes_per_gpu and
// kv_cache_bytes_per_gpu give what one GPU holds. Functions are templates over the number type T
// (double in constant expressions, a SIMD pack in sweeps); try_* validate and return a reason.
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/core/limits.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/workload/flops.hpp"
#include "flopcast/workload/kv_cache.hpp"
#include "flopcast/workload/parameters.hpp"

FLOPCAST_DEFINE_REASON(inference_format_unknown,
                       "a weight, KV-cache, mask or latent-form value is not one of its enum's "
                       "named values")
FLOPCAST_DEFINE_REASON(inference_batch_out_of_range,
                       "the batch (sequences) must be a whole number in [1, 2^30]")
FLOPCAST_DEFINE_REASON(inference_context_out_of_range,
                       "the context (tokens already in the KV cache) must be a whole number in "
                       "[0, 2^30]")
FLOPCAST_DEFINE_REASON(inference_prompt_out_of_range,
                       "the prompt must be a whole number of tokens in [1, 2^30]")
FLOPCAST_DEFINE_REASON(inference_sharding_out_of_range,
                       "tp, pp and ep must be whole numbers in [1, 2^26], and expert_tp 0 (= tp) "
                       "or a whole number in [1, 2^26]")
FLOPCAST_DEFINE_REASON(inference_tp_does_not_divide_heads,
                       "tp must divide the number of attention (query) heads")
FLOPCAST_DEFINE_REASON(inference_tp_does_not_divide_kv_heads,
                       "tp must divide the KV heads, or be a multiple of them (KV heads are then "
                       "replicated)")
FLOPCAST_DEFINE_REASON(inference_pp_exceeds_layers,
                       "pp must not exceed the number of layers (each stage holds at least one)")
FLOPCAST_DEFINE_REASON(inference_ep_does_not_divide_experts,
                       "ep must divide the number of routed experts (and ep > 1 needs a "
                       "mixture-of-experts model)")

namespace flopcast {

// ---- Storage formats ---------------------------------------------------------------------------

// How weights (and KV-cache entries) are stored, with their block scales.
enum class weight_format : unsigned char {
  bf16,       // 16 bits
  fp8,        // E4M3 with a per-tensor FP32 scale (or DeepSeek-V3's one FP32 scale per 128 x 128
              // block, 0.002 bits per element): 8 bits, the scales neglected
  nvfp4,      // E2M1 with one FP8 E4M3 scale per 16 elements: 4 + 8/16 = 4.5 bits (NVIDIA,
              // "Introducing NVFP4 for Efficient and Accurate Low-Precision Inference", 2025;
              // TensorRT Model Optimizer). Its per-tensor FP32 second scale is neglected.
  mxfp4,      // E2M1 with one E8M0 scale per 32 elements: 4 + 8/32 = 4.25 bits (OCP Microscaling
              // Formats (MX) Specification v1.0, 2023, Sec. 5)
  int4_g128,  // weight-only INT4, symmetric, one 16-bit scale per group of 128: 4 + 16/128 =
              // 4.125 bits (TensorRT Model Optimizer's INT4 AWQ, block size 128)
  int4_g128_zero_point,  // asymmetric INT4 (AutoAWQ's default zero_point=True, GPTQ checkpoints):
                         // a 16-bit scale and a 4-bit zero point (packed eight to an int32) per
                         // group of 128: 4 + (16 + 4)/128 = 4.15625 bits
};

// The KV cache is stored in the same formats (FP8 in vLLM and TensorRT-LLM; NVFP4 on Blackwell in
// TensorRT-LLM, with the same 16-element E4M3 scales).
using kv_format = weight_format;

constexpr bool known(weight_format f) {
  return limits::named(f, weight_format::int4_g128_zero_point);
}

constexpr std::string_view name(weight_format f) {
  switch (f) {
    case weight_format::bf16:
      return "BF16";
    case weight_format::fp8:
      return "FP8";
    case weight_format::nvfp4:
      return "NVFP4";
    case weight_format::mxfp4:
      return "MXFP4";
    case weight_format::int4_g128:
      return "INT4 (group 128)";
    case weight_format::int4_g128_zero_point:
      return "INT4 (group 128, zero points)";
  }
  return "?";
}

// Bits one element occupies, its block scale (and zero point) included.
constexpr double bits_per_element(weight_format f) {
  switch (f) {
    case weight_format::bf16:
      return 16.0;
    case weight_format::fp8:
      return 8.0;
    case weight_format::nvfp4:
      return 4.0 + 8.0 / 16.0;
    case weight_format::mxfp4:
      return 4.0 + 8.0 / 32.0;
    case weight_format::int4_g128:
      return 4.0 + 16.0 / 128.0;
    case weight_format::int4_g128_zero_point:
      return 4.0 + (16.0 + 4.0) / 128.0;
  }
  return 0.0;
}
constexpr double bytes_per_element(weight_format f) { return bits_per_element(f) / 8.0; }

// Which weights a quantized checkpoint stores in `linear`. The linear layers are: attention
// projections (MLA's down and up projections), dense MLPs, routed and shared experts, and
// Transformer-XL position projections. Everything else stays BF16 unless a flag says otherwise:
// norms, biases and the MoE router always (DeepSeek-V3, arXiv 2412.19437, Sec. 3.3.1 keeps
// "the embedding module, the output head, MoE gating modules, normalization operators" in
// higher precision; TensorRT Model Optimizer and llm-compressor leave lm_head and embeddings
// unquantized by default).
struct weight_quantization {
  weight_format linear = weight_format::bf16;
  bool quantize_embeddings = false;  // the input table (with a learned position table), in `linear`
  bool quantize_output = false;  // an untied LM head, in `linear` (a tied one is the input table)
};

// ---- Weights held ------------------------------------------------------------------------------

// Bytes of weights by part (the parts of parameter_counts), each with its biases.
template <class T = double>
struct weight_bytes {
  data_size<T> attention{};       // projections (MLA: down and up projections)
  data_size<T> position{};        // relative-position projections (Transformer-XL)
  data_size<T> mlp{};             // MLPs of the dense layers
  data_size<T> shared_experts{};  // always-on experts
  data_size<T> routed_experts{};  // every routed expert held
  data_size<T> router{};
  data_size<T> norms{};
  data_size<T> embedding{};  // input table (and a learned position table)
  data_size<T> output{};     // LM head; 0 when tied to the input table (and one stage)

  constexpr data_size<T> total() const {
    return attention + position + mlp + shared_experts + routed_experts + router + norms +
           embedding + output;
  }
};

// How one model replica is spread over GPUs for serving.
//  - tp: attention heads, dense MLPs and shared experts are split tp ways (Megatron-style; a
//    tp of 1 replicates them). K/V projections hold max(kv_heads / tp, 1) heads (replicated when
//    tp > kv_heads, as vLLM does); MLA's down projections W^DQ and W^DKV/W^KR are replicated
//    (vLLM deepseek_v2.py: ReplicatedLinear); the router and norms are replicated. The input
//    table and the LM head are split tp ways (vocabulary-parallel).
//  - pp: the layers are split evenly into pp stages; the first holds the input table, the last
//    the LM head (a copy of the table when tied); the busiest stage is reported.
//  - ep x expert_tp: routed experts are spread over ep groups of whole experts, each expert's
//    matrices split expert_tp ways. expert_tp 0 means tp (vLLM and TensorRT-LLM without expert
//    parallelism; memory.hpp's training convention); vLLM's --enable-expert-parallel on a TP
//    group of 8 is ep = 8, expert_tp = 1.
template <class T = double>
struct inference_sharding {
  T tp = T(1.0);
  T pp = T(1.0);
  T ep = T(1.0);
  T expert_tp = T(0.0);  // 0: = tp
};

namespace detail {

// Whole matrix elements per layer that tensor parallelism does not split across query heads:
// the standard K and V projections (split across KV heads instead), or MLA's down projections
// h x (q_lora_rank + kv_lora_rank + qk_rope_head_dim) (replicated).
constexpr double attention_unsplit_elements(const transformer& m) {
  const double h = m.hidden;
  if (m.attention == attention_kind::latent) {
    return h *
           (static_cast<double>(m.mla.q_lora_rank) + m.mla.kv_lora_rank + m.mla.qk_rope_head_dim);
  }
  return 2.0 * h * m.key_value_heads() * m.head_size();
}

constexpr double format_bytes(bool quantized, weight_format f) {
  return quantized ? bytes_per_element(f) : bytes_per_element(weight_format::bf16);
}

}  // namespace detail

// Weights one GPU holds (the whole model with the default sharding). Unchecked: see
// try_weight_bytes_per_gpu.
//   part bytes = matrices x bytes(linear) + biases x 2, divided by its split (above) and by pp.
template <class T>
constexpr weight_bytes<T> weight_bytes_per_gpu(const transformer& m, const weight_quantization& q,
                                               const inference_sharding<T>& s) {
  const parameter_counts p = count_parameters(m);
  const double lin = bytes_per_element(q.linear);
  const double bf16 = bytes_per_element(weight_format::bf16);
  const double layers = m.layers;
  const double dense = m.dense_layer_count();
  const double moe = m.moe_layer_count();
  // Matrices and biases of each part, whole model (elements).
  const double attention = layers * detail::attention_matrix_elements(m);
  const double unsplit = layers * detail::attention_unsplit_elements(m);
  const double mlp = dense * detail::mlp_matrix_elements(m, m.ffn_size());
  const double shared =
      moe * m.moe.shared_experts * detail::mlp_matrix_elements(m, m.shared_expert_ffn_size());
  const double routed = moe * m.moe.experts * detail::mlp_matrix_elements(m, m.expert_ffn_size());

  // Share of the unsplit attention elements one GPU holds: standard K/V projections hold
  // max(kv_heads / tp, 1) of kv_heads heads; MLA's down projections are whole on every GPU.
  const T kv_heads = T(static_cast<double>(m.key_value_heads()));
  const T unsplit_share =
      m.attention == attention_kind::latent ? T(1.0) : max(kv_heads / s.tp, T(1.0)) / kv_heads;
  const T expert_split = s.ep * select(s.expert_tp > T(0.0), s.expert_tp, s.tp);
  const auto sized = [](T elements) { return data_size<T>::from_base(elements); };

  weight_bytes<T> w{};
  w.attention = sized((T((attention - unsplit) * lin) / s.tp + T(unsplit * lin) * unsplit_share +
                       T((p.attention - attention) * bf16) / s.tp) /
                      s.pp);
  w.position = sized(T(p.position * lin) / (s.tp * s.pp));
  w.mlp = sized(T(mlp * lin + (p.mlp - mlp) * bf16) / (s.tp * s.pp));
  w.shared_experts = sized(T(shared * lin + (p.shared_experts - shared) * bf16) / (s.tp * s.pp));
  w.routed_experts =
      sized(T(routed * lin + (p.routed_experts - routed) * bf16) / (expert_split * s.pp));
  w.router = sized(T(p.router * bf16) / s.pp);
  w.norms = sized(T(p.norms * bf16) / s.pp);

  // Tables: both on the one stage; with pp > 1 the first stage holds the input table and the
  // last the LM head (a copy of the table when tied), and the larger is reported.
  const double table_bytes = detail::format_bytes(q.quantize_embeddings, q.linear);
  const double input = p.embedding * table_bytes;
  const double output =
      m.tied_embeddings ? 0.0 : p.output * detail::format_bytes(q.quantize_output, q.linear);
  const double last_stage =
      m.tied_embeddings ? static_cast<double>(m.vocab) * m.hidden * table_bytes : output;
  const bool first_is_larger = input >= last_stage;
  const mask_t<T> one_stage = s.pp == T(1.0);
  w.embedding = sized(select(one_stage, T(input), T(first_is_larger ? input : 0.0)) / s.tp);
  w.output = sized(select(one_stage, T(output), T(first_is_larger ? 0.0 : last_stage)) / s.tp);
  return w;
}

// The weights of the whole model as stored for inference.
constexpr weight_bytes<> model_weight_bytes(const transformer& m,
                                            const weight_quantization& q = {}) {
  return weight_bytes_per_gpu(m, q, inference_sharding<>{});
}

// ---- KV cache ----------------------------------------------------------------------------------
// Elements per token as kv_cache.hpp counts them, at the format's bytes (scales included: NVFP4
// caches 4.5 bits per element). The whole MLA latent takes the one format; a real FP8 MLA cache
// may keep the rotary part in BF16 and add scales (FlashMLA), which is not modelled.

constexpr data_size<> kv_cache_bytes_per_token(const transformer& m, kv_format f) {
  return data_size<>::from_base(kv_cache_elements_per_token(m) * bytes_per_element(f));
}

template <class T>
constexpr data_size<T> kv_cache_bytes_per_sequence(const transformer& m, T context, kv_format f) {
  return data_size<T>::from_base(T(kv_cache_elements_per_token(m) * bytes_per_element(f)) *
                                 attended_keys(m, context));
}

// `sequences` sequences of `context` tokens on one GPU: K/V heads split tp ways (at least one
// head per GPU; the MLA latent whole on each), layers pp ways.
template <class T>
constexpr data_size<T> kv_cache_bytes_per_gpu(const transformer& m, T context, T sequences,
                                              const inference_sharding<T>& s, kv_format f) {
  return detail::kv_cache_bytes_per_chip(m, context, sequences, s.tp, bytes_per_element(f)) / s.pp;
}

// ---- Prefill and decode ------------------------------------------------------------------------

// DeepSeek multi-head latent attention computed two ways (DeepSeek-V2, arXiv 2405.04434, Sec.
// 2.1.2: W^UK absorbed into W^Q and W^UV into W^O; Sec. 2.1.3: the decoupled rotary key):
//  - naive: up-project the latent to per-head keys and values; per key and head the scores cost
//    2 (qk_nope + qk_rope) and the values 2 v_head FLOPs. Right when every key is a new token
//    (prefill): its up-projection is one of the token's matmuls. Decoding this way must
//    up-project each cached latent again, 2 kv_lora_rank x heads x (qk_nope + v_head) FLOPs per
//    cached key per layer, counted here as attention.
//  - absorbed: W^UK is folded into the query and W^UV into the output, so attention runs on the
//    cached latent itself, as multi-query attention: per key and head the scores cost
//    2 (kv_lora_rank + qk_rope) and the values 2 kv_lora_rank FLOPs. The folded multiplies are by
//    the same matrices, once per query token, so the matmul count does not change.
// Standard attention ignores the form.
enum class latent_form : unsigned char { naive, absorbed };

struct inference_options {
  weight_quantization weights{};
  kv_format kv = weight_format::bf16;
  // Prefill's causal attention: causal_skip counts what a masked-block-skipping kernel
  // (FlashAttention) executes, half the s x s scores; dense counts all (the training convention).
  attention_mask prefill_mask = attention_mask::causal_skip;
  latent_form prefill_latent = latent_form::naive;
  latent_form decode_latent = latent_form::absorbed;
};

// What a pass costs: FLOPs, and the bytes it moves to and from HBM.
template <class T = double>
struct inference_cost {
  flop_split<T> flops{};      // layers' matmuls, attention, logits
  data_size<T> weights{};     // weight bytes read
  data_size<T> kv_read{};     // KV cache read
  data_size<T> kv_written{};  // KV cache written

  constexpr data_size<T> bytes() const { return weights + kv_read + kv_written; }
  // FLOPs per byte moved: compare with the chip's peak FLOP/s over its HBM bytes/s (the roofline
  // ridge) to see which bound holds.
  constexpr arithmetic_intensity<T> intensity() const { return flops.total() / bytes(); }
};

namespace detail {

// base^n for a whole n >= 0 (a fraction is dropped) by repeated squaring, the same operations for
// every T. n above 2^32 is taken as 2^32: (1 - 2^-20)^(2^32) = e^-4096 is 0 in double already.
template <class T>
constexpr T whole_power(double base, T n) {
  T rest = flopcast::min(number_traits<T>::floor(n), T(4294967296.0));
  T result = T(1.0);
  double square = base;
  for (int bit = 0; bit <= 32; ++bit) {
    const T half = number_traits<T>::floor(rest * T(0.5));
    result = select(rest - half * T(2.0) > T(0.5), result * T(square), result);
    rest = half;
    square *= square;
  }
  return result;
}

// The shape whose standard attention count is MLA's absorbed count: scores over kv_lora_rank +
// qk_rope_head_dim, values over kv_lora_rank (only its attention FLOPs are used).
constexpr transformer absorbed_attention_shape(const transformer& m) {
  transformer a = m;
  a.mla.qk_nope_head_dim = m.mla.kv_lora_rank;
  a.mla.v_head_dim = m.mla.kv_lora_rank;
  return a;
}

// Attention FLOPs of one token against `keys` keys, in the given MLA form.
template <class T>
constexpr flop_count<T> attention_flops_per_token(const transformer& m, T keys, attention_mask mask,
                                                  latent_form form) {
  if (m.attention == attention_kind::latent && form == latent_form::absorbed) {
    return forward_flops_per_token(absorbed_attention_shape(m), keys, mask).attention;
  }
  return forward_flops_per_token(m, keys, mask).attention;
}

// MLA's naive decode: up-projecting the cached latents, per cached key (summed over layers).
constexpr double latent_decompression_flops_per_key(const transformer& m) {
  if (m.attention != attention_kind::latent) return 0.0;
  return 2.0 * m.layers * m.mla.kv_lora_rank * m.heads *
         (static_cast<double>(m.mla.qk_nope_head_dim) + m.mla.v_head_dim);
}

}  // namespace detail

// Expected distinct routed experts of one MoE layer that `tokens` tokens visit, each choosing
// top_k of E experts uniformly at random and independently of the others:
//   E (1 - (1 - k/E)^B).
// Uniform routing is what load balancing aims for (Switch Transformer, arXiv 2101.03961, Sec.
// 2.2; DeepSeek-V3 Sec. 2.1.2). It is an upper bound: 1 - (1 - p)^B is concave in an expert's
// share p, so any skew in the shares touches fewer experts on average. 0 for a dense model.
template <class T>
constexpr T expected_experts_touched(const transformer& m, T tokens) {
  if (!m.is_moe()) return T(0.0);
  const double experts = m.moe.experts;
  const double miss = 1.0 - static_cast<double>(m.moe.top_k) / experts;
  return T(experts) * (T(1.0) - detail::whole_power(miss, tokens));
}

// Weight bytes one forward pass over `tokens` tokens reads: every part once, except the routed
// experts (the expected_experts_touched share) and the input table (only the looked-up rows,
// tokens x h per table, at most the table). The LM head is read whole (a tied one is the input
// table read again).
template <class T>
constexpr data_size<T> weight_bytes_read(const transformer& m, const weight_quantization& q,
                                         T tokens) {
  const weight_bytes<> held = model_weight_bytes(m, q);
  const T touched =
      m.is_moe() ? expected_experts_touched(m, tokens) / T(static_cast<double>(m.moe.experts))
                 : T(0.0);
  const double table_bytes = detail::format_bytes(q.quantize_embeddings, q.linear);
  const double rows = m.positions == position_kind::learned ? 2.0 : 1.0;
  const T lookups =
      flopcast::min(tokens * T(rows * m.hidden * table_bytes), T(held.embedding.base_value()));
  const double head = m.tied_embeddings ? static_cast<double>(m.vocab) * m.hidden * table_bytes
                                        : held.output.base_value();
  const double always =
      (held.attention + held.position + held.mlp + held.shared_experts + held.router + held.norms)
          .base_value() +
      head;
  return data_size<T>::from_base(T(always) + T(held.routed_experts.base_value()) * touched +
                                 lookups);
}

// Prefill of `sequences` prompts of `prompt` tokens each into an empty cache:
//   FLOPs  = tokens x (matmul + causal attention per token) + sequences x logits (the last
//            position of each prompt), tokens = sequences x prompt;
//   bytes  = weights read once (weight_bytes_read over all the tokens) + the KV of every token
//            written; nothing is read from the cache.
template <class T>
constexpr inference_cost<T> prefill(const transformer& m, T sequences, T prompt,
                                    const inference_options& o = {}) {
  const T tokens = sequences * prompt;
  const flop_split<T> per_token = forward_flops_per_token(m, prompt, o.prefill_mask);
  inference_cost<T> c{};
  c.flops.matmul = per_token.matmul * tokens;
  c.flops.attention =
      detail::attention_flops_per_token(m, prompt, o.prefill_mask, o.prefill_latent) * tokens;
  c.flops.logits = per_token.logits * sequences;
  c.weights = weight_bytes_read(m, o.weights, tokens);
  c.kv_written =
      data_size<T>::from_base(T(kv_cache_bytes_per_token(m, o.kv).base_value()) * tokens);
  return c;
}

// One decode step: `batch` sequences with `context` tokens each already in the cache, one new
// token each. The new token's K/V is written to the cache and attention reads the context + 1
// entries (paged-attention kernels write before they read), so:
//   FLOPs  = batch x (matmul + attention over context + 1 keys + logits);
//   bytes  = weights (routed experts: expected_experts_touched by batch tokens) + batch x KV of
//            context + 1 tokens read + batch x KV of one token written.
// MLA attention is in o.decode_latent's form (absorbed by default).
template <class T>
constexpr inference_cost<T> decode_step(const transformer& m, T batch, T context,
                                        const inference_options& o = {}) {
  const T keys = context + T(1.0);
  const flop_split<T> per_token = forward_flops_per_token(m, keys, attention_mask::dense);
  flop_count<T> attention =
      detail::attention_flops_per_token(m, keys, attention_mask::dense, o.decode_latent);
  if (m.attention == attention_kind::latent && o.decode_latent == latent_form::naive) {
    attention =
        attention + flop_count<T>::from_base(T(detail::latent_decompression_flops_per_key(m)) *
                                             attended_keys(m, context));
  }
  inference_cost<T> c{};
  c.flops.matmul = per_token.matmul * batch;
  c.flops.attention = attention * batch;
  c.flops.logits = per_token.logits * batch;
  c.weights = weight_bytes_read(m, o.weights, batch);
  c.kv_read = kv_cache_bytes_per_sequence(m, keys, o.kv) * batch;
  c.kv_written = data_size<T>::from_base(T(kv_cache_bytes_per_token(m, o.kv).base_value()) * batch);
  return c;
}

// FLOPs per byte of one decode step: about 2 B / bytes(linear) for a dense model at short
// context, tending to 2 heads / (kv_heads x bytes(kv)) (whatever the batch) as the cache
// dominates.
template <class T>
constexpr arithmetic_intensity<T> decode_intensity(const transformer& m, T batch, T context,
                                                   const inference_options& o = {}) {
  return decode_step(m, batch, context, o).intensity();
}

// ---- Validated entry points --------------------------------------------------------------------

namespace detail {
constexpr bool whole_in(double x, double lo, double hi) {
  return limits::within(x, lo, hi) && math::floor(x) == x;
}

constexpr const reason* inference_violation(const transformer& m, const inference_options& o) {
  if (const reason* why = violation(m)) return why;
  if (!known(o.weights.linear) || !known(o.kv) ||
      !limits::named(o.prefill_mask, attention_mask::causal_skip) ||
      !limits::named(o.prefill_latent, latent_form::absorbed) ||
      !limits::named(o.decode_latent, latent_form::absorbed)) {
    return &reasons::inference_format_unknown;
  }
  return nullptr;
}

template <class C>
constexpr result<C> finite_cost(const C& c) {
  if (!(limits::finite(c.flops.total().base_value()) && limits::finite(c.bytes().base_value()))) {
    return reasons::estimate_out_of_range;
  }
  return c;
}
}  // namespace detail

constexpr const reason* violation(const transformer& m, const inference_sharding<double>& s) {
  const double most = limits::max_accelerators;
  if (!(detail::whole_in(s.tp, 1.0, most) && detail::whole_in(s.pp, 1.0, most) &&
        detail::whole_in(s.ep, 1.0, most) &&
        (s.expert_tp == 0.0 || detail::whole_in(s.expert_tp, 1.0, most)))) {
    return &reasons::inference_sharding_out_of_range;
  }
  const auto tp = static_cast<long long>(s.tp);
  if (m.heads % tp != 0) return &reasons::inference_tp_does_not_divide_heads;
  const long long kv = m.key_value_heads();
  if (m.attention == attention_kind::standard && kv % tp != 0 && tp % kv != 0) {
    return &reasons::inference_tp_does_not_divide_kv_heads;
  }
  if (s.pp > m.layers) return &reasons::inference_pp_exceeds_layers;
  const auto ep = static_cast<long long>(s.ep);
  if ((ep > 1 && !m.is_moe()) || (m.is_moe() && m.moe.experts % ep != 0)) {
    return &reasons::inference_ep_does_not_divide_experts;
  }
  return nullptr;
}

// Weights per GPU, or the first rule the model, formats or sharding break.
constexpr result<weight_bytes<>> try_weight_bytes_per_gpu(const transformer& m,
                                                          const weight_quantization& q,
                                                          const inference_sharding<>& s) {
  if (const reason* why = detail::inference_violation(m, {.weights = q})) return *why;
  if (const reason* why = violation(m, s)) return *why;
  return weight_bytes_per_gpu(m, q, s);
}

constexpr result<inference_cost<>> try_prefill(const transformer& m, double sequences,
                                               double prompt, const inference_options& o = {}) {
  if (const reason* why = detail::inference_violation(m, o)) return *why;
  if (!detail::whole_in(sequences, 1.0, limits::max_batch)) {
    return reasons::inference_batch_out_of_range;
  }
  if (!detail::whole_in(prompt, 1.0, limits::max_sequence)) {
    return reasons::inference_prompt_out_of_range;
  }
  return detail::finite_cost(prefill(m, sequences, prompt, o));
}

constexpr result<inference_cost<>> try_decode_step(const transformer& m, double batch,
                                                   double context,
                                                   const inference_options& o = {}) {
  if (const reason* why = detail::inference_violation(m, o)) return *why;
  if (!detail::whole_in(batch, 1.0, limits::max_batch)) {
    return reasons::inference_batch_out_of_range;
  }
  if (!detail::whole_in(context, 0.0, limits::max_sequence)) {
    return reasons::inference_context_out_of_range;
  }
  return detail::finite_cost(decode_step(m, batch, context, o));
}

}  // namespace flopcast
