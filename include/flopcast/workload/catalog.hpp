#pragma once
#include "flopcast/core/config.hpp"
// The model catalog: published transformer shapes as constexpr values, with the figures their
// authors published. Every shape passes checked() at compile time.
//
//   constexpr auto& m = flopcast::models::llama3_405b;
//   static_assert(flopcast::models::get("Llama 3.1 405B").shape.layers == 126);
//
// Shapes come from the papers' tables and the released configurations (config.json), cited per
// entry. GPT-4 is not published: its entry is a rumour, marked as such (status and notes).
#include <array>

#include "flopcast/workload/model_card.hpp"

FLOPCAST_DEFINE_REASON(unknown_model,
                       "no model of that name in flopcast::models (see models::all for the "
                       "catalog, or models::lookup for suggestions)")

namespace flopcast::models {

inline constexpr model_card gpt3_175b{
    .key = "gpt3-175b",
    .aliases = {"gpt-3", "davinci"},
    .shape = checked({.name = "GPT-3 175B",
                      .layers = 96,
                      .hidden = 12288,
                      .heads = 96,
                      .vocab = 50257,
                      .seq_len = 2048}),
    .published_params = 174.6e9,
    .training_tokens = 300e9,
    .published_training_flops = 3.14e23 * flop,
    .source = "Brown et al. 2020, arXiv 2005.14165, Table 2.1 and Table D.1",
    .notes =
        "Table D.1: 174,600M parameters, 300B tokens, 3.64E+03 PF-days = 3.14E+23 FLOPs "
        "counted as 6 x params x tokens (attention ignored). GPT-2 architecture: learned "
        "positions, LayerNorm, biases, tied embeddings; alternating dense and locally banded "
        "sparse attention is counted as dense."};

inline constexpr model_card megatron_1t{
    .key = "megatron-1t",
    .aliases = {"gpt-1t", "megatron-1008b"},
    .shape = checked({.name = "Megatron GPT 1T",
                      .layers = 128,
                      .hidden = 25600,
                      .heads = 160,
                      .vocab = 51200,
                      .seq_len = 2048}),
    .published_params = 1008.0e9,
    .training_tokens = 450e9,
    .source = "Narayanan et al. 2021, arXiv 2104.04473, Table 1 (1008.0B row) and Sec. 5.1",
    .notes =
        "Benchmark shape, not a trained model; 450B tokens is the paper's end-to-end "
        "estimate (about 84 days on 3,072 A100s)."};

inline constexpr model_card llama2_7b{
    .key = "llama2-7b",
    .aliases = {"meta-llama/Llama-2-7b-hf"},
    .shape = checked({.name = "Llama 2 7B",
                      .layers = 32,
                      .hidden = 4096,
                      .heads = 32,
                      .ffn = 11008,
                      .gated_mlp = true,
                      .vocab = 32000,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false}),
    .published_params = 7e9,
    .checkpoint_params = 6'738'415'616.0,
    .training_tokens = 2.0e12,
    .source =
        "Touvron et al. 2023, arXiv 2307.09288, Table 1 ; "
        "https://huggingface.co/meta-llama/Llama-2-7b-hf (config.json, safetensors)",
    .notes =
        "The headline '7B' rounds 6.74B up; the released weights hold 6,738,415,616 "
        "parameters (same architecture as LLaMA 7B, listed as 6.7B in arXiv 2302.13971)."};

inline constexpr model_card llama2_13b{
    .key = "llama2-13b",
    .aliases = {"meta-llama/Llama-2-13b-hf"},
    .shape = checked({.name = "Llama 2 13B",
                      .layers = 40,
                      .hidden = 5120,
                      .heads = 40,
                      .ffn = 13824,
                      .gated_mlp = true,
                      .vocab = 32000,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false}),
    .published_params = 13e9,
    .checkpoint_params = 13'015'864'320.0,
    .training_tokens = 2.0e12,
    .source =
        "Touvron et al. 2023, arXiv 2307.09288, Table 1 ; "
        "https://huggingface.co/meta-llama/Llama-2-13b-hf (config.json, safetensors)",
    .notes = "Multi-head attention (no GQA below 34B in Llama 2)."};

inline constexpr model_card llama2_70b{
    .key = "llama2-70b",
    .aliases = {"meta-llama/Llama-2-70b-hf"},
    .shape = checked({.name = "Llama 2 70B",
                      .layers = 80,
                      .hidden = 8192,
                      .heads = 64,
                      .kv_heads = 8,
                      .ffn = 28672,
                      .gated_mlp = true,
                      .vocab = 32000,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false}),
    .published_params = 70e9,
    .checkpoint_params = 68'976'648'192.0,
    .training_tokens = 2.0e12,
    .source =
        "Touvron et al. 2023, arXiv 2307.09288, Table 1 ; "
        "https://huggingface.co/meta-llama/Llama-2-70b-hf (config.json, safetensors)",
    .notes = "The headline '70B' rounds 68.98B up (1.5%); grouped-query attention, 8 KV heads."};

inline constexpr model_card llama3_8b{
    .key = "llama3-8b",
    .aliases = {"llama3.1-8b", "meta-llama/Llama-3.1-8B", "meta-llama/Meta-Llama-3-8B"},
    .shape = checked({.name = "Llama 3 8B",
                      .layers = 32,
                      .hidden = 4096,
                      .heads = 32,
                      .kv_heads = 8,
                      .ffn = 14336,
                      .gated_mlp = true,
                      .vocab = 128256,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .norm = norm_kind::rms_norm,
                      .biases = false}),
    .published_params = 8e9,
    .checkpoint_params = 8'030'261'248.0,
    .training_tokens = 15e12,
    .source =
        "Llama Team 2024, arXiv 2407.21783, Table 3 ; "
        "https://huggingface.co/meta-llama/Llama-3.1-8B (config.json, safetensors)",
    .notes =
        "Model card: 'over 15T tokens'; 15T is used. Vocabulary 128,256 as stored (the "
        "paper's Table 3 says 128,000)."};

inline constexpr model_card llama3_70b{
    .key = "llama3-70b",
    .aliases = {"llama3.1-70b", "meta-llama/Llama-3.1-70B", "meta-llama/Meta-Llama-3-70B"},
    .shape = checked({.name = "Llama 3 70B",
                      .layers = 80,
                      .hidden = 8192,
                      .heads = 64,
                      .kv_heads = 8,
                      .ffn = 28672,
                      .gated_mlp = true,
                      .vocab = 128256,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .norm = norm_kind::rms_norm,
                      .biases = false}),
    .published_params = 70e9,
    .checkpoint_params = 70'553'706'496.0,
    .training_tokens = 15e12,
    .source =
        "Llama Team 2024, arXiv 2407.21783, Table 3 ; "
        "https://huggingface.co/meta-llama/Llama-3.1-70B (config.json, safetensors)",
    .notes = "Model card: 'over 15T tokens'; 15T is used."};

inline constexpr model_card llama3_405b{
    .key = "llama3-405b",
    .aliases = {"llama3.1-405b", "meta-llama/Llama-3.1-405B"},
    .shape = checked({.name = "Llama 3 405B",
                      .layers = 126,
                      .hidden = 16384,
                      .heads = 128,
                      .kv_heads = 8,
                      .ffn = 53248,
                      .gated_mlp = true,
                      .vocab = 128256,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .norm = norm_kind::rms_norm,
                      .biases = false}),
    .published_params = 405e9,
    .checkpoint_params = 405'853'388'800.0,
    .training_tokens = 15.6e12,
    .published_training_flops = 3.8e25 * flop,
    .source =
        "Llama Team 2024, arXiv 2407.21783, Sec. 3.2.1 and Table 3 ; "
        "https://huggingface.co/meta-llama/Llama-3.1-405B (config.json, safetensors)",
    .notes =
        "3.8e25 FLOPs on 15.6T tokens (Sec. 3.2.1) is 6 N D to the two digits given; the "
        "last 800B tokens use long contexts (up to 128K), which the 8K count leaves out."};

inline constexpr model_card mixtral_8x7b{
    .key = "mixtral-8x7b",
    .aliases = {"mixtral", "mistralai/Mixtral-8x7B-v0.1"},
    .shape = checked({.name = "Mixtral 8x7B",
                      .layers = 32,
                      .hidden = 4096,
                      .heads = 32,
                      .kv_heads = 8,
                      .ffn = 14336,
                      .gated_mlp = true,
                      .vocab = 32000,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 32768,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .moe = {.experts = 8, .top_k = 2}}),
    .published_params = 46.7e9,
    .checkpoint_params = 46'702'792'704.0,
    .published_active_params = 12.9e9,
    .source =
        "Jiang et al. 2024, arXiv 2401.04088, Table 1 and Sec. 2 ; "
        "https://mistral.ai/news/mixtral-of-experts ; "
        "https://huggingface.co/mistralai/Mixtral-8x7B-v0.1 (config.json)",
    .notes =
        "46.7B total, 12.9B active per token (both embedding tables counted). Training "
        "tokens not published; seq_len is the 32K context."};

inline constexpr model_card deepseek_v3{
    .key = "deepseek-v3",
    .aliases = {"dsv3", "deepseek-ai/DeepSeek-V3", "deepseek-v3-base"},
    .shape = checked({.name = "DeepSeek-V3",
                      .layers = 61,
                      .hidden = 7168,
                      .heads = 128,
                      .head_dim = 128,
                      .ffn = 18432,
                      .gated_mlp = true,
                      .vocab = 129280,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .attention = attention_kind::latent,
                      .mla = {.q_lora_rank = 1536,
                              .kv_lora_rank = 512,
                              .qk_nope_head_dim = 128,
                              .qk_rope_head_dim = 64,
                              .v_head_dim = 128},
                      .moe = {.experts = 256,
                              .top_k = 8,
                              .shared_experts = 1,
                              .expert_ffn = 2048,
                              .layout = moe_layers::first_k_dense,
                              .first_dense_layers = 3}}),
    .published_params = 671e9,
    .published_active_params = 37e9,
    .training_tokens = 14.8e12,
    .source =
        "DeepSeek-AI 2024, arXiv 2412.19437, Sec. 4.2 ; "
        "https://huggingface.co/deepseek-ai/DeepSeek-V3 (config.json)",
    .notes =
        "Multi-head latent attention modelled exactly (q/kv LoRA ranks 1536/512, rotary "
        "head dim 64). 671B excludes the 14B multi-token-prediction module (not modelled, "
        "nor its training FLOPs). '37B activated' matches the count without the input "
        "embedding lookup (36.6B); with it, 37.6B. Pre-training context 4K."};

inline constexpr model_card palm_540b{
    .key = "palm-540b",
    .aliases = {"palm", "palm-1"},
    .shape = checked({.name = "PaLM 540B",
                      .layers = 118,
                      .hidden = 18432,
                      .heads = 48,
                      .kv_heads = 1,
                      .head_dim = 256,
                      .ffn = 73728,
                      .gated_mlp = true,
                      .vocab = 256000,
                      .tied_embeddings = true,
                      .positions = position_kind::rotary,
                      .seq_len = 2048,
                      .norm = norm_kind::layer_norm,
                      .biases = false}),
    .published_params = 540.35e9,
    .training_tokens = 780e9,
    .published_training_flops = 2.56e24 * flop,
    .source = "Chowdhery et al. 2022, arXiv 2204.02311, Sec. 2, Table 1 and App. B",
    .notes =
        "Multi-query attention (1 KV head of 256), SwiGLU, shared input/output "
        "embeddings, no biases, parallel attention+MLP block (one LayerNorm per layer; we "
        "count two, +2.2M). Training FLOPs counted as 6N + 12 L H Q T per token."};

inline constexpr model_card chinchilla_70b{
    .key = "chinchilla-70b",
    .aliases = {"chinchilla"},
    .shape = checked({.name = "Chinchilla 70B",
                      .layers = 80,
                      .hidden = 8192,
                      .heads = 64,
                      .ffn = 32768,
                      .vocab = 32000,
                      .tied_embeddings = true,
                      .positions = position_kind::relative,
                      .seq_len = 2048,
                      .norm = norm_kind::rms_norm,
                      .biases = false}),
    .published_params = 70e9,
    .training_tokens = 1.4e12,
    .published_training_flops = 5.76e23 * flop,
    .source =
        "Hoffmann et al. 2022, arXiv 2203.15556, Sec. 4 and Table 4 ; "
        "Rae et al. 2021 (Gopher), arXiv 2112.11446, Sec. 3",
    .notes =
        "Gopher architecture: RMSNorm, Transformer-XL relative positions (the per-layer "
        "position projection is what makes 13 L h^2 = 70B). Tied embeddings assumed (not "
        "stated; untied adds 0.26B). 5.76e23 is the compute budget shared with Gopher."};

inline constexpr model_card gpt_neox_20b{
    .key = "gpt-neox-20b",
    .aliases = {"neox-20b", "EleutherAI/gpt-neox-20b"},
    .shape = checked({.name = "GPT-NeoX-20B",
                      .layers = 44,
                      .hidden = 6144,
                      .heads = 64,
                      .vocab = 50432,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 2048}),
    .published_params = 20e9,
    .checkpoint_params = 20'554'567'680.0,
    .training_tokens = 472.5e9,
    .source =
        "Black et al. 2022, arXiv 2204.06745, Sec. 2-3 ; "
        "https://huggingface.co/EleutherAI/gpt-neox-20b (model card: 20,554,567,680)",
    .notes =
        "Vocabulary padded to 50,432 (50,257 used). Parallel attention+MLP with two "
        "LayerNorms, rotary on 25% of each head, untied embeddings. Tokens derived: "
        "150,000 steps x 1,538 sequences x 2,048."};

// NOT PUBLISHED. OpenAI has not disclosed GPT-4's architecture. The shape below is built from
// a rumour (SemiAnalysis, July 2023, via secondary reporting): ~1.8T parameters, 120 layers,
// 16 experts of ~111B each with 2 routed per token, ~55B shared attention parameters, ~280B
// active, ~13T tokens, 8K pre-training context. Hidden 10,752 (84 heads of 128) and a plain
// 4h MLP are our choice: they reproduce the 55B / 111B figures. The FLOPs are Epoch AI's
// estimate. Use for order-of-magnitude sanity checks only.
inline constexpr model_card gpt4_rumoured{
    .key = "gpt4-rumoured",
    .aliases = {"gpt-4", "gpt4-moe"},
    .shape = checked({.name = "GPT-4 (rumoured MoE shape)",
                      .layers = 120,
                      .hidden = 10752,
                      .heads = 84,
                      .vocab = 100256,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .biases = false,
                      .moe = {.experts = 16, .top_k = 2}}),
    .status = provenance::rumour,
    .published_params = 1.8e12,
    .published_active_params = 280e9,
    .training_tokens = 13e12,
    .published_training_flops = 2.1e25 * flop,
    .source =
        "https://epoch.ai/data/ai-models (estimate: 2.1e25 FLOP) ; SemiAnalysis, 'GPT-4 "
        "Architecture, Infrastructure, Training Dataset, Costs, Vision, MoE' (July 2023; "
        "rumour)",
    .notes =
        "RUMOUR and ESTIMATE, not published by OpenAI. Shape chosen by flopcast to match the "
        "rumoured totals; vocabulary is the public cl100k tokenizer's."};

inline constexpr std::array<const model_card*, 14> all{
    &gpt3_175b, &megatron_1t,    &llama2_7b,    &llama2_13b,   &llama2_70b,
    &llama3_8b, &llama3_70b,     &llama3_405b,  &mixtral_8x7b, &deepseek_v3,
    &palm_540b, &chinchilla_70b, &gpt_neox_20b, &gpt4_rumoured};

// The card that answers to `name` (key, display name or alias), or nullptr.
constexpr const model_card* find(std::string_view name) {
  for (const model_card* c : all) {
    if (answers_to(*c, name)) return c;
  }
  return nullptr;
}

// The card that answers to `name`; an unknown name stops compilation in a constant expression
// (naming unknown_model) and throws invalid_input at run time. models::lookup in
// <flopcast/workload/lookup.hpp> throws with suggestions instead.
constexpr const model_card& get(std::string_view name) {
  const model_card* c = find(name);
  require(c != nullptr, reasons::unknown_model);
  return *c;
}

}  // namespace flopcast::models
