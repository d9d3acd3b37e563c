#pragma once
#include "flopcast/core/config.hpp"
// transformer: the shape of a decoder-only transformer (dense or mixture-of-experts) as a
// constexpr aggregate, and the rules that make a shape valid.
//
// Defaults describe the GPT-2/GPT-3/Megatron-LM architecture that Narayanan 2021 counts: learned
// absolute positions, LayerNorm with biases, biases in every linear layer, a plain (two-matrix)
// MLP of width 4h, tied input/output embeddings, multi-head attention with head_dim = h / heads.
// Modern models override what differs:
//
//   constexpr transformer llama3_8b = checked({
//       .name = "Llama 3 8B", .layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 8,
//       .ffn = 14336, .gated_mlp = true, .vocab = 128256, .tied_embeddings = false,
//       .positions = position_kind::rotary, .seq_len = 8192, .norm = norm_kind::rms_norm,
//       .biases = false});
//
// Three fields use 0 for "derive it": kv_heads (0: = heads, MHA), head_dim (0: hidden / heads),
// ffn (0: 4 * hidden); moe.expert_ffn 0 means the dense ffn width, moe.shared_expert_ffn 0 the
// routed experts' width.
//
// Architecture variants (issue 9), each off (0/false) by default so every shape above keeps its
// counts bit for bit:
//   parallel_block     attention and MLP read the same normed input and add to one residual
//                      (GPT-J, GPT-NeoX, Falcon, PaLM): one norm per layer (GPT-NeoX keeps
//                      two, 2h parameters per layer more than counted), one stored layer
//                      input instead of two, and with TP one all-reduce pair per layer.
//   qkv_bias           biases on Q, K and V only, with biases = false (Qwen2, Qwen2.5).
//   qk_norm            a norm on queries and keys before the scores: per head (Qwen3: two
//                      head_dim vectors per layer) or over the whole projection (OLMo 2: q and
//                      k widths); parameters, stored activations and memory-bound traffic.
//   sliding_window     local layers attend to the last `sliding_window` tokens (Mistral 7B:
//                      4,096 on every layer); global_every n makes every n-th layer global
//                      (Gemma 2: 2, alternating). Attention FLOPs, stored scores and the KV
//                      cache of local layers count min(window, context) keys.
//   moe.shared_expert_ffn  the width of each shared expert when it differs from the routed
//                      experts' (Qwen1.5/Qwen2-MoE: one shared expert of 20,480 beside routed
//                      experts of 2,560).
// Partial rotary (GPT-NeoX rotary_pct 0.25, GPT-J rotary_dim 64 of 256) needs no field:
// rotary embeddings have no parameters and no matmul FLOPs, and the element-wise rotation is
// not among the memory-bound kernels the step model counts, so the fraction changes nothing
// here.
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/core/limits.hpp"

FLOPCAST_DEFINE_REASON(model_size_not_positive,
                       "layers, hidden size, heads, vocabulary and sequence length must be "
                       "positive, and kv_heads, head_dim and ffn must not be negative")
FLOPCAST_DEFINE_REASON(model_size_too_large,
                       "a model size is beyond its range (core/limits.hpp): layers <= 2^20, "
                       "hidden, ffn, head and latent sizes <= 2^24, heads <= 2^20, vocabulary "
                       "<= 2^26, sequence <= 2^30, experts <= 2^20")
FLOPCAST_DEFINE_REASON(model_kind_unknown,
                       "an attention, position, norm or MoE-layout value is not one of its enum's "
                       "named values")
FLOPCAST_DEFINE_REASON(model_hidden_not_divisible_by_heads,
                       "hidden size is not a multiple of the head count; set head_dim explicitly "
                       "if the heads do not tile the hidden size (as in PaLM)")
FLOPCAST_DEFINE_REASON(model_heads_not_divisible_by_kv_heads,
                       "the query head count must be a multiple of the key/value head count "
                       "(grouped-query attention shares each K/V head among a whole group)")
FLOPCAST_DEFINE_REASON(model_latent_attention_incomplete,
                       "multi-head latent attention needs kv_lora_rank, qk_nope_head_dim, "
                       "qk_rope_head_dim and v_head_dim > 0 (q_lora_rank 0 means no query "
                       "compression)")
FLOPCAST_DEFINE_REASON(model_latent_fields_without_latent_attention,
                       "latent-attention sizes are set but attention is not attention_kind::latent")
FLOPCAST_DEFINE_REASON(moe_fields_without_experts,
                       "mixture-of-experts fields (top_k, shared_experts, expert_ffn, "
                       "first_dense_layers, shared_expert_ffn) are set but experts is 0")
FLOPCAST_DEFINE_REASON(moe_top_k_not_positive,
                       "a mixture-of-experts layer must route each token to at least one expert")
FLOPCAST_DEFINE_REASON(moe_top_k_exceeds_experts,
                       "top_k (experts per token) is larger than the number of routed experts")
FLOPCAST_DEFINE_REASON(moe_negative_size,
                       "shared_experts, expert_ffn and shared_expert_ffn must not be negative")
FLOPCAST_DEFINE_REASON(model_window_out_of_range,
                       "sliding_window must be >= 0, and global_every in [0, layers] and only "
                       "with a sliding window")
FLOPCAST_DEFINE_REASON(moe_dense_layers_out_of_range,
                       "first_dense_layers must lie in [0, layers) and is only meaningful with "
                       "moe_layers::first_k_dense")

namespace flopcast {

enum class attention_kind : unsigned char {
  standard,  // multi-head, grouped-query or multi-query attention, chosen by kv_heads
  latent,    // DeepSeek-V2/V3 multi-head latent attention (low-rank Q, joint low-rank K/V)
};

enum class position_kind : unsigned char {
  learned,   // absolute table of seq_len x hidden (GPT-2/3, Megatron-LM)
  rotary,    // RoPE: no parameters, no matmul FLOPs (Llama, PaLM, NeoX, Mixtral, DeepSeek)
  relative,  // Transformer-XL relative encoding (Gopher, Chinchilla): a hidden x (heads*head_dim)
             // position projection per layer and a second (position) score matrix per head
  alibi,     // linear biases on the scores: no parameters
  none,
};

enum class norm_kind : unsigned char {
  layer_norm,  // scale and (with biases) shift: 1 or 2 vectors of hidden
  rms_norm,    // scale only
};

enum class qk_norm_kind : unsigned char {
  none,
  per_head,  // one head_dim vector each for queries and keys, shared by the heads (Qwen3)
  full,      // over the whole projection: heads*head_dim and kv_heads*head_dim (OLMo 2)
};

enum class moe_layers : unsigned char {
  all,            // every layer is a mixture-of-experts layer (Mixtral)
  every_other,    // layers 1, 3, 5, ... (GShard, Switch, GLaM): floor(layers / 2) MoE layers
  first_k_dense,  // the first first_dense_layers layers are dense, the rest MoE (DeepSeek-V3)
};

// DeepSeek multi-head latent attention (DeepSeek-V2 report, Sec. 2.1; V3 config.json names).
struct latent_attention {
  int q_lora_rank = 0;       // d_c': query compression; 0 = queries projected directly from hidden
  int kv_lora_rank = 0;      // d_c: joint key/value compression (the cached latent)
  int qk_nope_head_dim = 0;  // d_h: per-head query/key size without rotary
  int qk_rope_head_dim = 0;  // d_h^R: decoupled rotary query/key size (one shared rotary key)
  int v_head_dim = 0;        // per-head value size
};

struct mixture_of_experts {
  int experts = 0;         // routed experts per MoE layer; 0 = a dense model
  int top_k = 0;           // routed experts each token visits
  int shared_experts = 0;  // experts every token visits (DeepSeekMoE)
  int expert_ffn = 0;      // width of one expert's MLP; 0 = the model's ffn
  moe_layers layout = moe_layers::all;
  int first_dense_layers = 0;  // with moe_layers::first_k_dense
  int shared_expert_ffn = 0;   // width of one shared expert, [0, 2^24]; 0 = expert_ffn
};

struct transformer {
  std::string_view name{};
  int layers = 0;
  int hidden = 0;
  int heads = 0;           // query heads
  int kv_heads = 0;        // key/value heads: = heads (MHA), 1 (MQA), in between (GQA); 0 = heads
  int head_dim = 0;        // 0 = hidden / heads
  int ffn = 0;             // dense MLP width; 0 = 4 * hidden
  bool gated_mlp = false;  // SwiGLU/GeGLU: gate, up and down matrices (3) instead of 2
  int vocab = 0;           // as stored (padded) in the embedding table
  bool tied_embeddings = true;  // output projection shares the input table
  position_kind positions = position_kind::learned;
  int seq_len = 0;  // training context length
  norm_kind norm = norm_kind::layer_norm;
  bool biases = true;  // biases in linear layers and (for layer_norm) a shift in norms
  attention_kind attention = attention_kind::standard;
  latent_attention mla{};
  mixture_of_experts moe{};
  // ---- Variants (see the top of this file); off by default.
  bool parallel_block = false;  // attention and MLP in parallel on one normed input
  bool qkv_bias = false;        // biases on Q, K, V only (with biases = false)
  qk_norm_kind qk_norm = qk_norm_kind::none;
  int sliding_window = 0;       // tokens a local layer attends to, [0, 2^30]; 0: all global
  int global_every = 0;         // with a window, every n-th layer is global, [0, layers]; 0: none

  constexpr int key_value_heads() const { return kv_heads > 0 ? kv_heads : heads; }
  constexpr int head_size() const {
    return head_dim > 0 ? head_dim : (heads > 0 ? hidden / heads : 0);
  }
  constexpr int ffn_size() const { return ffn > 0 ? ffn : 4 * hidden; }
  constexpr int expert_ffn_size() const { return moe.expert_ffn > 0 ? moe.expert_ffn : ffn_size(); }
  constexpr int shared_expert_ffn_size() const {
    return moe.shared_expert_ffn > 0 ? moe.shared_expert_ffn : expert_ffn_size();
  }
  // The FFN width one token passes through in a mixture-of-experts layer: its top_k routed
  // experts and the shared ones, each at its own width. (Whole numbers: exact in double for any
  // shape within core/limits.hpp.)
  constexpr double moe_token_ffn_width() const {
    return static_cast<double>(moe.top_k) * expert_ffn_size() +
           static_cast<double>(moe.shared_experts) * shared_expert_ffn_size();
  }
  // Layers that attend to a sliding window (0 without one) and those that attend to everything.
  constexpr int local_layer_count() const {
    if (sliding_window <= 0) return 0;
    return layers - (global_every > 0 ? layers / global_every : 0);
  }
  constexpr int global_layer_count() const { return layers - local_layer_count(); }
  constexpr bool is_moe() const { return moe.experts > 0; }

  constexpr int moe_layer_count() const {
    if (!is_moe()) return 0;
    switch (moe.layout) {
      case moe_layers::all:
        return layers;
      case moe_layers::every_other:
        return layers / 2;
      case moe_layers::first_k_dense:
        return layers - moe.first_dense_layers;
    }
    return 0;
  }
  constexpr int dense_layer_count() const { return layers - moe_layer_count(); }

  // Per-head sizes used by attention FLOPs and activations: query/key and value widths.
  constexpr int qk_head_size() const {
    return attention == attention_kind::latent ? mla.qk_nope_head_dim + mla.qk_rope_head_dim
                                               : head_size();
  }
  constexpr int v_head_size() const {
    return attention == attention_kind::latent ? mla.v_head_dim : head_size();
  }
};

namespace detail {
constexpr bool any_latent_field(const latent_attention& a) {
  return a.q_lora_rank != 0 || a.kv_lora_rank != 0 || a.qk_nope_head_dim != 0 ||
         a.qk_rope_head_dim != 0 || a.v_head_dim != 0;
}
}  // namespace detail

// The first rule the shape breaks, or nullptr. Each rule is written once, here.
constexpr const reason* violation(const transformer& m) {
  if (!(m.layers > 0 && m.hidden > 0 && m.heads > 0 && m.vocab > 0 && m.seq_len > 0 &&
        m.kv_heads >= 0 && m.head_dim >= 0 && m.ffn >= 0)) {
    return &reasons::model_size_not_positive;
  }
  const latent_attention& a = m.mla;
  if (!(m.layers <= limits::max_layers && m.hidden <= limits::max_width &&
        m.heads <= limits::max_heads && m.kv_heads <= limits::max_heads &&
        m.head_dim <= limits::max_width && m.ffn <= limits::max_width &&
        m.vocab <= limits::max_vocab && m.seq_len <= limits::max_sequence &&
        a.q_lora_rank <= limits::max_width &&
        a.kv_lora_rank <= limits::max_width &&
        a.qk_nope_head_dim <= limits::max_width &&
        a.qk_rope_head_dim <= limits::max_width &&
        a.v_head_dim <= limits::max_width && m.moe.experts <= limits::max_experts &&
        m.moe.top_k <= limits::max_experts && m.moe.shared_experts <= limits::max_experts &&
        m.moe.expert_ffn <= limits::max_width && m.moe.shared_expert_ffn <= limits::max_width &&
        m.sliding_window <= limits::max_sequence && m.global_every <= limits::max_layers)) {
    return &reasons::model_size_too_large;
  }
  if (!limits::named(m.attention, attention_kind::latent) ||
      !limits::named(m.positions, position_kind::none) ||
      !limits::named(m.norm, norm_kind::rms_norm) ||
      !limits::named(m.moe.layout, moe_layers::first_k_dense) ||
      !limits::named(m.qk_norm, qk_norm_kind::full)) {
    return &reasons::model_kind_unknown;
  }
  if (m.sliding_window < 0 || m.global_every < 0 || m.global_every > m.layers ||
      (m.global_every > 0 && m.sliding_window == 0)) {
    return &reasons::model_window_out_of_range;
  }
  if (!(m.head_dim > 0 || m.hidden % m.heads == 0)) {
    return &reasons::model_hidden_not_divisible_by_heads;
  }
  if (m.heads % m.key_value_heads() != 0) return &reasons::model_heads_not_divisible_by_kv_heads;

  if (m.attention == attention_kind::latent) {
    if (!(m.mla.kv_lora_rank > 0 && m.mla.qk_nope_head_dim > 0 && m.mla.qk_rope_head_dim > 0 &&
          m.mla.v_head_dim > 0 && m.mla.q_lora_rank >= 0)) {
      return &reasons::model_latent_attention_incomplete;
    }
  } else if (detail::any_latent_field(m.mla)) {
    return &reasons::model_latent_fields_without_latent_attention;
  }

  const mixture_of_experts& e = m.moe;
  if (e.experts == 0) {
    if (e.top_k != 0 || e.shared_experts != 0 || e.expert_ffn != 0 || e.first_dense_layers != 0 ||
        e.shared_expert_ffn != 0) {
      return &reasons::moe_fields_without_experts;
    }
    return nullptr;
  }
  if (e.experts < 0 || e.top_k < 1) return &reasons::moe_top_k_not_positive;
  if (e.top_k > e.experts) return &reasons::moe_top_k_exceeds_experts;
  if (e.shared_experts < 0 || e.expert_ffn < 0 || e.shared_expert_ffn < 0) {
    return &reasons::moe_negative_size;
  }
  const bool dense_prefix_ok = e.layout == moe_layers::first_k_dense
                                   ? e.first_dense_layers >= 0 && e.first_dense_layers < m.layers
                                   : e.first_dense_layers == 0;
  if (!dense_prefix_ok) return &reasons::moe_dense_layers_out_of_range;
  return nullptr;
}

// Stops compilation (in a constant expression) or throws invalid_input, naming the broken rule.
constexpr void validate(const transformer& m) {
  if (const reason* why = violation(m)) require(false, *why);
}

// Validates and returns the shape: `inline constexpr transformer m = checked({...});`
constexpr transformer checked(transformer m) {
  validate(m);
  return m;
}

// The run-time form: the shape, or the first rule it breaks (no exception).
constexpr result<transformer> try_checked(const transformer& m) {
  if (const reason* why = violation(m)) return *why;
  return m;
}

}  // namespace flopcast
