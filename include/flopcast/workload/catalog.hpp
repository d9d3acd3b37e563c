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
    .aliases = {"llama3.1-8b", "meta-llama/Llama-3.1-8B", "meta-llama/Meta-Llama-3-8B",
                "meta-llama/Llama-3.1-8B-Instruct", "llama3.1-8b-instruct"},
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
        "paper's Table 3 says 128,000). The Llama 3.1 Instruct checkpoint has the same shape and "
        "count (post-training changes no shape); 3.1 extends the context to 128K with rotary "
        "scaling, which has no parameters."};

inline constexpr model_card llama3_70b{
    .key = "llama3-70b",
    .aliases = {"llama3.1-70b", "meta-llama/Llama-3.1-70B", "meta-llama/Meta-Llama-3-70B",
                "meta-llama/Llama-3.1-70B-Instruct", "llama3.3-70b",
                "meta-llama/Llama-3.3-70B-Instruct", "llama3.3-70b-instruct"},
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
        "https://huggingface.co/meta-llama/Llama-3.1-70B (config.json, safetensors) ; "
        "https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct (config.json, safetensors)",
    .notes = "Model card: 'over 15T tokens'; 15T is used. Llama 3.1 70B Instruct and Llama 3.3 "
             "70B Instruct are post-trained checkpoints of this shape (their config.json files "
             "give the same layers, widths, heads and vocabulary; 3.3's safetensors hold the same "
             "70,553,706,496 parameters); only the context (128K, by rotary scaling) differs."};

inline constexpr model_card llama3_405b{
    .key = "llama3-405b",
    .aliases = {"llama3.1-405b", "meta-llama/Llama-3.1-405B", "meta-llama/Llama-3.1-405B-Instruct",
                "llama3.1-405b-instruct"},
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
        "last 800B tokens use long contexts (up to 128K), which the 8K count leaves out. The "
        "3.1 Instruct checkpoint has the same shape."};

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
    .aliases = {"dsv3", "deepseek-ai/DeepSeek-V3", "deepseek-v3-base", "deepseek-r1"},
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
        "https://huggingface.co/deepseek-ai/DeepSeek-V3 (config.json) ; "
        "DeepSeek-AI 2025, arXiv 2501.12948 (DeepSeek-R1, trained from DeepSeek-V3-Base) ; "
        "https://huggingface.co/deepseek-ai/DeepSeek-R1 (config.json, DeepseekV3ForCausalLM)",
    .notes =
        "DeepSeek-R1 (and R1-0528) is this shape, post-trained: the card answers to its name. "
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

// ---- Architectures of issue 9: parallel blocks, Q/K/V biases, QK-norm, sliding windows, and a
// shared expert of its own width. Shapes from each model's released config.json.

inline constexpr model_card gpt_j_6b{
    .key = "gpt-j-6b",
    .aliases = {"gptj-6b", "EleutherAI/gpt-j-6b"},
    .shape = checked({.name = "GPT-J 6B",
                      .layers = 28,
                      .hidden = 4096,
                      .heads = 16,
                      .vocab = 50400,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 2048,
                      .parallel_block = true}),
    .published_params = 6e9,
    .checkpoint_params = 6'053'381'344.0,
    .training_tokens = 402e9,
    .source = "https://huggingface.co/EleutherAI/gpt-j-6b (model card: 6,053,381,344 "
              "parameters, 402B tokens) ; "
              "https://huggingface.co/EleutherAI/gpt-j-6b/blob/main/config.json",
    .notes = "Parallel attention and MLP on one LayerNorm (ln_1); rotary on 64 of each head's "
             "256 dimensions (no parameters: nothing here changes). biases = true counts "
             "attention biases GPT-J does not have and misses its output-layer bias; the count "
             "is 0.035% below the model card's."};

inline constexpr model_card falcon_7b{
    .key = "falcon-7b",
    .aliases = {"tiiuae/falcon-7b"},
    .shape = checked({.name = "Falcon 7B",
                      .layers = 32,
                      .hidden = 4544,
                      .heads = 71,
                      .kv_heads = 1,
                      .vocab = 65024,
                      .positions = position_kind::rotary,
                      .seq_len = 2048,
                      .biases = false,
                      .parallel_block = true}),
    .published_params = 7e9,
    .checkpoint_params = 6'921'720'704.0,
    .training_tokens = 1.5e12,
    .source = "Almazrouei et al. 2023, arXiv 2311.16867 ; "
              "https://huggingface.co/tiiuae/falcon-7b/blob/main/config.json",
    .notes = "Multi-query attention (1 KV head of 64), parallel attention and MLP on one "
             "LayerNorm, no linear biases, tied embeddings: 6,921,720,704 unique weights "
             "(Hugging Face's 7.22B counts the tied output projection again). The LayerNorm "
             "shifts Falcon keeps are not counted with biases = false (0.002% low)."};

inline constexpr model_card mistral_7b{
    .key = "mistral-7b",
    .aliases = {"mistral-7b-v0.1", "mistralai/Mistral-7B-v0.1"},
    .shape = checked({.name = "Mistral 7B",
                      .layers = 32,
                      .hidden = 4096,
                      .heads = 32,
                      .kv_heads = 8,
                      .ffn = 14336,
                      .gated_mlp = true,
                      .vocab = 32000,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .sliding_window = 4096}),
    .published_params = 7.3e9,
    .checkpoint_params = 7'241'732'096.0,
    .source = "Jiang et al. 2023, arXiv 2310.06825, Table 1 ; "
              "https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json",
    .notes = "Sliding-window attention of 4,096 tokens on every layer (config sliding_window); "
             "the paper's Table 1 gives window 4,096 and context 8,192. Training tokens are not "
             "published."};

inline constexpr model_card qwen25_7b{
    .key = "qwen2.5-7b",
    .aliases = {"qwen25-7b", "Qwen/Qwen2.5-7B"},
    .shape = checked({.name = "Qwen2.5 7B",
                      .layers = 28,
                      .hidden = 3584,
                      .heads = 28,
                      .kv_heads = 4,
                      .ffn = 18944,
                      .gated_mlp = true,
                      .vocab = 152064,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .qkv_bias = true}),
    .published_params = 7.61e9,
    .checkpoint_params = 7'615'616'512.0,
    .training_tokens = 18e12,
    .source = "Qwen Team 2024, arXiv 2412.15115, Table 1 ; "
              "https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json",
    .notes = "Biases on Q, K and V only. Pre-training context 4,096 (extended to 32,768 at the "
             "end); 18T tokens."};

inline constexpr model_card qwen25_72b{
    .key = "qwen2.5-72b",
    .aliases = {"qwen25-72b", "Qwen/Qwen2.5-72B"},
    .shape = checked({.name = "Qwen2.5 72B",
                      .layers = 80,
                      .hidden = 8192,
                      .heads = 64,
                      .kv_heads = 8,
                      .ffn = 29568,
                      .gated_mlp = true,
                      .vocab = 152064,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .qkv_bias = true}),
    .published_params = 72.7e9,
    .training_tokens = 18e12,
    .source = "Qwen Team 2024, arXiv 2412.15115, Table 1 ; "
              "https://huggingface.co/Qwen/Qwen2.5-72B (config.json, model card: 72.7B)",
    .notes = "Qwen2.5 7B's layer at 80 x 8,192 (64 query heads of 128, 8 KV heads, SwiGLU "
             "29,568). The total matches the card's 72.7B; its '70.0B non-embedding' does not "
             "reconcile with the released shape (70.2B by count)."};

inline constexpr model_card olmo2_7b{
    .key = "olmo2-7b",
    .aliases = {"olmo-2-7b", "allenai/OLMo-2-1124-7B"},
    .shape = checked({.name = "OLMo 2 7B",
                      .layers = 32,
                      .hidden = 4096,
                      .heads = 32,
                      .ffn = 11008,
                      .gated_mlp = true,
                      .vocab = 100352,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .qk_norm = qk_norm_kind::full}),
    .published_params = 7.3e9,
    .checkpoint_params = 7'298'617'344.0,
    .training_tokens = 4.05e12,
    .source = "OLMo Team 2024, arXiv 2501.00656, Table 1 ; "
              "https://huggingface.co/allenai/OLMo-2-1124-7B/blob/main/config.json",
    .notes = "QK-norm: RMSNorm over the whole query and key projections (4,096 each); norms "
             "after attention and MLP (two per layer, as counted)."};

inline constexpr model_card gemma2_9b{
    .key = "gemma2-9b",
    .aliases = {"gemma-2-9b", "google/gemma-2-9b"},
    .shape = checked({.name = "Gemma 2 9B",
                      .layers = 42,
                      .hidden = 3584,
                      .heads = 16,
                      .kv_heads = 8,
                      .head_dim = 256,
                      .ffn = 14336,
                      .gated_mlp = true,
                      .vocab = 256000,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .sliding_window = 4096,
                      .global_every = 2}),
    .published_params = 9e9,
    .checkpoint_params = 9'241'705'984.0,
    .training_tokens = 8e12,
    .source = "Gemma Team 2024, arXiv 2408.00118, Tables 1-2 ; "
              "https://huggingface.co/google/gemma-2-9b/blob/main/config.json",
    .notes = "Local (4,096-token window) and global attention alternate layer by layer; four "
             "RMSNorms per layer where two are counted (0.003% low); logit soft-capping has no "
             "parameters."};

inline constexpr model_card qwen3_30b_a3b{
    .key = "qwen3-30b-a3b",
    .aliases = {"qwen3-moe", "Qwen/Qwen3-30B-A3B"},
    .shape = checked({.name = "Qwen3 30B-A3B",
                      .layers = 48,
                      .hidden = 2048,
                      .heads = 32,
                      .kv_heads = 4,
                      .head_dim = 128,
                      .gated_mlp = true,
                      .vocab = 151936,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .moe = {.experts = 128, .top_k = 8, .expert_ffn = 768},
                      .qk_norm = qk_norm_kind::per_head}),
    .published_params = 30.5e9,
    .checkpoint_params = 30'532'122'624.0,
    .published_active_params = 3.3e9,
    .training_tokens = 36e12,
    .source = "Qwen Team 2025, arXiv 2505.09388, Table 2 ; "
              "https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json",
    .notes = "128 routed experts of width 768, 8 per token, no shared expert; QK-norm per head "
             "(two 128-wide RMSNorm vectors per layer); 32 query heads of 128 on hidden 2,048."};

// Qwen3 dense models: Qwen2.5's layer without Q/K/V biases, with QK-norm per head and 128-wide
// heads (Qwen Team 2025, arXiv 2505.09388, Table 1).
inline constexpr model_card qwen3_8b{
    .key = "qwen3-8b",
    .aliases = {"Qwen/Qwen3-8B"},
    .shape = checked({.name = "Qwen3 8B",
                      .layers = 36,
                      .hidden = 4096,
                      .heads = 32,
                      .kv_heads = 8,
                      .head_dim = 128,
                      .ffn = 12288,
                      .gated_mlp = true,
                      .vocab = 151936,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .qk_norm = qk_norm_kind::per_head}),
    .published_params = 8.2e9,
    .training_tokens = 36e12,
    .source = "Qwen Team 2025, arXiv 2505.09388, Table 1 ; "
              "https://huggingface.co/Qwen/Qwen3-8B (config.json; model card: 8.2B, 6.95B "
              "non-embedding)",
    .notes = "36 layers of hidden 4,096, 32 query heads and 8 KV heads of 128, SwiGLU 12,288, "
             "untied 151,936-token tables. Pre-training context 4,096 (extended to 32,768)."};

inline constexpr model_card qwen3_32b{
    .key = "qwen3-32b",
    .aliases = {"Qwen/Qwen3-32B"},
    .shape = checked({.name = "Qwen3 32B",
                      .layers = 64,
                      .hidden = 5120,
                      .heads = 64,
                      .kv_heads = 8,
                      .head_dim = 128,
                      .ffn = 25600,
                      .gated_mlp = true,
                      .vocab = 151936,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .qk_norm = qk_norm_kind::per_head}),
    .published_params = 32.8e9,
    .training_tokens = 36e12,
    .source = "Qwen Team 2025, arXiv 2505.09388, Table 1 ; "
              "https://huggingface.co/Qwen/Qwen3-32B (config.json; model card: 32.8B, 31.2B "
              "non-embedding)",
    .notes = "64 layers of hidden 5,120, 64 query heads of 128 (wider than hidden) and 8 KV "
             "heads, SwiGLU 25,600, untied tables. Pre-training context 4,096."};

inline constexpr model_card qwen2_57b_a14b{
    .key = "qwen2-57b-a14b",
    .aliases = {"qwen2-moe", "Qwen/Qwen2-57B-A14B"},
    .shape = checked({.name = "Qwen2 57B-A14B",
                      .layers = 28,
                      .hidden = 3584,
                      .heads = 28,
                      .kv_heads = 4,
                      .gated_mlp = true,
                      .vocab = 151936,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .moe = {.experts = 64,
                              .top_k = 8,
                              .shared_experts = 1,
                              .expert_ffn = 2560,
                              .shared_expert_ffn = 20480},
                      .qkv_bias = true}),
    .published_params = 57.4e9,
    .published_active_params = 14e9,
    .source = "Qwen Team 2024, arXiv 2407.10671, Table 1 ; "
              "https://huggingface.co/Qwen/Qwen2-57B-A14B/blob/main/config.json",
    .notes = "One shared expert of width 20,480 (shared_expert_intermediate_size) beside 64 "
             "routed experts of 2,560, 8 per token; the shared expert's scalar gate (3,584 per "
             "layer) is not counted (0.0002%)."};

// ---- Models of issue 12's inference evidence (catalog/inference_runs.hpp): Llama 4 and Qwen3's
// largest mixture of experts. Shapes from each model's released config.json.
//
// Llama 4 (text_config of config.json): routed experts of intermediate_size (8,192) with one
// shared expert of the same width and top-1 routing; dense MLP layers of intermediate_size_mlp
// (16,384). interleave_moe_layer_step 1 (Scout) makes every layer MoE; 2 (Maverick) makes layers
// 1, 3, 5, ... MoE (Hugging Face Llama4TextConfig: moe_layers = range(step - 1, layers, step)),
// which is moe_layers::every_other. Attention is "iRoPE": every 4th layer (no_rope_layers 0 at
// 3, 7, 11, ...) has no rotary and attends to the whole context; the other three rotary layers
// use chunked attention (attention_chunk_size 8,192: a token sees the keys of its own 8,192-token
// chunk up to itself). What the transformer struct cannot express, and how it is approximated:
//  - chunked attention is written as a sliding window of 8,192 on the local layers
//    (sliding_window 8192, global_every 4). Up to 8,192 tokens of context the two are identical;
//    beyond, a chunk holds between 1 and 8,192 keys (the KV cache bound is the same) where the
//    window counts 8,192, so local-layer attention FLOPs are over-counted by at most 2x;
//  - the QK norm (use_qk_norm, Scout) is an L2 norm without weights: no parameters, left out
//    (qk_norm none, so its element-wise traffic is not counted either); attention temperature
//    tuning on the no-rotary layers has no parameters;
//  - the vision encoder and projector (871,932,416 parameters in both checkpoints: 34 ViT layers
//    of 1,408, the vision adapter and the 4,096 x 5,120 projector) are not part of the shape.
//    checkpoint_params is the released count with them; the text model is that minus 871,932,416.

inline constexpr model_card llama4_scout{
    .key = "llama4-scout",
    .aliases = {"llama4-scout-17b-16e-instruct", "meta-llama/Llama-4-Scout-17B-16E",
                "meta-llama/Llama-4-Scout-17B-16E-Instruct"},
    .shape = checked({.name = "Llama 4 Scout 17B-16E",
                      .layers = 48,
                      .hidden = 5120,
                      .heads = 40,
                      .kv_heads = 8,
                      .head_dim = 128,
                      .ffn = 16384,
                      .gated_mlp = true,
                      .vocab = 202048,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .moe = {.experts = 16, .top_k = 1, .shared_experts = 1, .expert_ffn = 8192},
                      .sliding_window = 8192,
                      .global_every = 4}),
    .published_params = 109e9,
    .checkpoint_params = 108'641'793'536.0,
    .published_active_params = 17e9,
    .training_tokens = 40e12,
    .source = "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E (model card: 17B "
              "activated, 109B total, ~40T tokens; config.json; safetensors) ; "
              "https://ai.meta.com/blog/llama-4-multimodal-intelligence/",
    .notes = "16 routed experts of 8,192 (top-1) plus one shared expert of 8,192 in all 48 layers "
             "(interleave_moe_layer_step 1); intermediate_size_mlp 16,384 is the dense width, "
             "unused here. Text model 107,769,861,120 parameters = the checkpoint's "
             "108,641,793,536 less the 871,932,416 of the vision encoder and projector; the "
             "headline 109B counts both. Chunked attention (8,192) on 3 layers in 4 as a "
             "sliding window (see above). seq_len is the pre-training context before rotary "
             "extension (rope_scaling original_max_position_embeddings 8,192)."};

inline constexpr model_card llama4_maverick{
    .key = "llama4-maverick",
    .aliases = {"llama4-maverick-17b-128e-instruct", "meta-llama/Llama-4-Maverick-17B-128E",
                "meta-llama/Llama-4-Maverick-17B-128E-Instruct"},
    .shape = checked({.name = "Llama 4 Maverick 17B-128E",
                      .layers = 48,
                      .hidden = 5120,
                      .heads = 40,
                      .kv_heads = 8,
                      .head_dim = 128,
                      .ffn = 16384,
                      .gated_mlp = true,
                      .vocab = 202048,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 8192,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .moe = {.experts = 128,
                              .top_k = 1,
                              .shared_experts = 1,
                              .expert_ffn = 8192,
                              .layout = moe_layers::every_other},
                      .sliding_window = 8192,
                      .global_every = 4}),
    .published_params = 400e9,
    .checkpoint_params = 401'583'781'376.0,
    .published_active_params = 17e9,
    .training_tokens = 22e12,
    .source = "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E (model card: 17B "
              "activated, 400B total, ~22T tokens; config.json; safetensors) ; "
              "https://ai.meta.com/blog/llama-4-multimodal-intelligence/",
    .notes = "Dense and MoE layers alternate (interleave_moe_layer_step 2): 24 dense layers of "
             "intermediate_size_mlp 16,384 and 24 MoE layers (1, 3, ..., 47) of 128 routed "
             "experts of 8,192 (top-1) plus one shared expert of 8,192. Text model "
             "400,711,848,960 parameters = the checkpoint's 401,583,781,376 less the 871,932,416 "
             "of the vision encoder and projector. No QK norm (use_qk_norm false). Chunked "
             "attention (8,192) on 3 layers in 4 as a sliding window (see above)."};

inline constexpr model_card qwen3_235b_a22b{
    .key = "qwen3-235b-a22b",
    .aliases = {"qwen3-235b", "Qwen/Qwen3-235B-A22B", "Qwen/Qwen3-235B-A22B-Instruct-2507"},
    .shape = checked({.name = "Qwen3 235B-A22B",
                      .layers = 94,
                      .hidden = 4096,
                      .heads = 64,
                      .kv_heads = 4,
                      .head_dim = 128,
                      .ffn = 12288,
                      .gated_mlp = true,
                      .vocab = 151936,
                      .tied_embeddings = false,
                      .positions = position_kind::rotary,
                      .seq_len = 4096,
                      .norm = norm_kind::rms_norm,
                      .biases = false,
                      .moe = {.experts = 128, .top_k = 8, .expert_ffn = 1536},
                      .qk_norm = qk_norm_kind::per_head}),
    .published_params = 235e9,
    .checkpoint_params = 235'093'634'560.0,
    .published_active_params = 22e9,
    .training_tokens = 36e12,
    .source = "Qwen Team 2025, arXiv 2505.09388, Table 2 ; "
              "https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json",
    .notes = "128 routed experts of width 1,536 (moe_intermediate_size), 8 per token, no shared "
             "expert, in all 94 layers (decoder_sparse_step 1, mlp_only_layers empty; "
             "intermediate_size 12,288 is unused). QK-norm per head. 235,093,634,560 parameters "
             "as released, 22,190,763,520 active with both embedding tables. Pre-training "
             "context 4,096 (extended to 32,768 at the end)."};

// gpt-oss (OpenAI, 2025): mixtures of experts with biases on every linear layer, local (128-token
// window) and global attention alternating layer by layer, and MoE weights released in MXFP4.
// Two parameter kinds are not in flopcast's shape: one attention-sink logit per head per layer
// and the router's bias (one per expert per layer): 36 x (64 + 128) = 6,912 parameters in the
// 120b, 24 x (64 + 32) = 2,304 in the 20b (both under 1e-7 of the total).
namespace detail {
// The two sizes share every layer dimension (hidden 2,880, 64 query heads and 8 KV heads of 64,
// experts of width 2,880 with 4 per token, vocabulary 201,088) and differ in layers and experts.
constexpr transformer gpt_oss_shape(std::string_view name, int layers, int experts) {
  return checked({.name = name,
                  .layers = layers,
                  .hidden = 2880,
                  .heads = 64,
                  .kv_heads = 8,
                  .head_dim = 64,
                  .ffn = 2880,
                  .gated_mlp = true,
                  .vocab = 201088,
                  .tied_embeddings = false,
                  .positions = position_kind::rotary,
                  .seq_len = 4096,
                  .norm = norm_kind::rms_norm,
                  .biases = true,
                  .moe = {.experts = experts, .top_k = 4, .expert_ffn = 2880},
                  .sliding_window = 128,
                  .global_every = 2});
}
}  // namespace detail

inline constexpr model_card gpt_oss_120b{
    .key = "gpt-oss-120b",
    .aliases = {"openai/gpt-oss-120b"},
    .shape = detail::gpt_oss_shape("gpt-oss-120b", 36, 128),
    .published_params = 116.8e9,
    .published_active_params = 5.1e9,
    .source = "OpenAI 2025, 'gpt-oss-120b & gpt-oss-20b Model Card', arXiv 2508.10925, Sec. 2 ; "
              "https://huggingface.co/openai/gpt-oss-120b (config.json)",
    .notes = "128 experts of width 2,880 (SwiGLU), 4 per token, in all 36 layers; biases on Q, K, "
             "V, O and on each expert's two matrices; RMSNorm. Layers alternate a 128-token "
             "sliding window with global attention. 116.8B parameters (model card); flopcast "
             "counts 6,912 fewer (attention sinks, router biases: see above). Active 5.1B "
             "without the input embedding (the card's convention). Released with the experts in "
             "MXFP4 and the rest in BF16 (--weights mxfp4 quantizes every linear layer: about "
             "1.4 GB fewer than the release, whose attention stays in BF16). Context 4,096 in "
             "pre-training, 131,072 with YaRN; training tokens not published (2.1M "
             "H100-hours)."};

inline constexpr model_card gpt_oss_20b{
    .key = "gpt-oss-20b",
    .aliases = {"openai/gpt-oss-20b"},
    .shape = detail::gpt_oss_shape("gpt-oss-20b", 24, 32),
    .published_params = 20.9e9,
    .published_active_params = 3.6e9,
    .source = "OpenAI 2025, 'gpt-oss-120b & gpt-oss-20b Model Card', arXiv 2508.10925, Sec. 2 ; "
              "https://huggingface.co/openai/gpt-oss-20b (config.json)",
    .notes = "gpt-oss-120b's layer with 32 experts (4 per token) in 24 layers. 20.9B parameters "
             "(model card); flopcast counts 2,304 fewer (attention sinks, router biases). Active "
             "3.6B without the input embedding."};

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

inline constexpr std::array<const model_card*, 30> all{
    &gpt3_175b,  &megatron_1t,    &llama2_7b,    &llama2_13b,     &llama2_70b,
    &llama3_8b,  &llama3_70b,     &llama3_405b,  &mixtral_8x7b,   &deepseek_v3,
    &palm_540b,  &chinchilla_70b, &gpt_neox_20b, &gpt_j_6b,       &falcon_7b,
    &mistral_7b, &qwen25_7b,      &qwen25_72b,   &olmo2_7b,       &gemma2_9b,
    &qwen3_8b,   &qwen3_32b,      &qwen3_30b_a3b,
    &qwen2_57b_a14b, &llama4_scout, &llama4_maverick, &qwen3_235b_a22b, &gpt_oss_120b,
    &gpt_oss_20b, &gpt4_rumoured};

// The card that answers to `name` (key, display name or alias), or else to the model name of a
// checkpoint's name (detail::model_of_release: "meta-llama/Llama-2-70b-chat-hf" finds Llama 2
// 70B), or nullptr.
constexpr const model_card* find(std::string_view name) {
  const auto answering = [](std::string_view n) -> const model_card* {
    for (const model_card* c : all) {
      if (answers_to(*c, n)) return c;
    }
    return nullptr;
  };
  if (const model_card* c = answering(name)) return c;
  const std::string_view model = flopcast::detail::model_of_release(name);
  return model == name ? nullptr : answering(model);
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
