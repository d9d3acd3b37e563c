// Compile-time checks of the workload model: building this object is the test.
#include <type_traits>

#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/kv_cache.hpp"
#include "flopcast/workload/memory.hpp"

namespace {
using namespace flopcast;
using math::approx_equal;

// Every catalog shape is valid (checked() already ran on each entry; this states it).
constexpr bool catalog_valid() {
  for (const model_card* c : models::all) {
    if (violation(c->shape) != nullptr) return false;
  }
  return true;
}
static_assert(catalog_valid());

// Lookup works in constant expressions.
static_assert(models::get("Llama 3.1 405B").shape.layers == 126);
static_assert(&models::get("gpt-3") == &models::gpt3_175b);
static_assert(models::find("gpt-5") == nullptr);

// Derived defaults: MHA, head_dim = hidden / heads, ffn = 4 hidden.
constexpr transformer gpt =
    checked({.layers = 2, .hidden = 64, .heads = 8, .vocab = 100, .seq_len = 16});
static_assert(gpt.key_value_heads() == 8 && gpt.head_size() == 8 && gpt.ffn_size() == 256);
static_assert(!gpt.is_moe() && gpt.moe_layer_count() == 0 && gpt.dense_layer_count() == 2);

// Released-checkpoint parameter counts, exactly, at compile time (Meta, Mistral AI, EleutherAI).
static_assert(total_parameters(models::llama2_7b.shape) == 6'738'415'616.0);
static_assert(total_parameters(models::llama2_13b.shape) == 13'015'864'320.0);
static_assert(total_parameters(models::llama2_70b.shape) == 68'976'648'192.0);
static_assert(total_parameters(models::llama3_8b.shape) == 8'030'261'248.0);
static_assert(total_parameters(models::llama3_70b.shape) == 70'553'706'496.0);
static_assert(total_parameters(models::llama3_405b.shape) == 405'853'388'800.0);
static_assert(total_parameters(models::mixtral_8x7b.shape) == 46'702'792'704.0);
static_assert(total_parameters(models::gpt_neox_20b.shape) == 20'554'567'680.0);
// Issue 9's architectures: Q/K/V biases (Qwen2.5), QK-norm (OLMo 2, Qwen3), sliding windows
// (Mistral) exactly; the others within the stated difference of their model card or headline.
static_assert(total_parameters(models::mistral_7b.shape) == 7'241'732'096.0);
static_assert(total_parameters(models::qwen25_7b.shape) == 7'615'616'512.0);
static_assert(total_parameters(models::olmo2_7b.shape) == 7'298'617'344.0);
static_assert(total_parameters(models::qwen3_30b_a3b.shape) == 30'532'122'624.0);
static_assert(approx_equal(total_parameters(models::gpt_j_6b.shape), 6'053'381'344.0, 0.001));
static_assert(approx_equal(total_parameters(models::falcon_7b.shape), 6'921'720'704.0, 1e-4));
static_assert(approx_equal(total_parameters(models::gemma2_9b.shape), 9'241'705'984.0, 1e-4));
static_assert(approx_equal(total_parameters(models::qwen2_57b_a14b.shape), 57.4e9, 0.001));
// Issue 12: Llama 4 (text model: the checkpoint less its 871,932,416-parameter vision encoder and
// projector) and Qwen3 235B-A22B, exactly; Maverick's MoE layers alternate with dense ones.
static_assert(total_parameters(models::llama4_scout.shape) == 107'769'861'120.0);
static_assert(total_parameters(models::llama4_maverick.shape) == 400'711'848'960.0);
static_assert(total_parameters(models::qwen3_235b_a22b.shape) == 235'093'634'560.0);
static_assert(models::llama4_maverick.shape.moe_layer_count() == 24);
static_assert(approx_equal(active_parameters(models::llama4_scout.shape), 17e9, 0.02));
static_assert(approx_equal(active_parameters(models::llama4_maverick.shape), 17e9, 0.02));
static_assert(approx_equal(active_parameters(models::qwen3_235b_a22b.shape), 22e9, 0.01));
// Active per token: Qwen3 30B-A3B "3.3B", Qwen2 57B-A14B "14B" (headlines, within 2%).
static_assert(approx_equal(active_parameters(models::qwen3_30b_a3b.shape), 3.3e9, 0.02));
static_assert(approx_equal(active_parameters(models::qwen2_57b_a14b.shape), 14e9, 0.02));
// Mixtral: 12.9B active (Mistral AI), to the 0.1B printed.
static_assert(approx_equal(active_parameters(models::mixtral_8x7b.shape), 12.9e9, 0.05 / 12.9));

// Narayanan 2021 Eq. 2 for the 1T row of Table 1: 1008.0B.
static_assert(approx_equal(narayanan_parameters(128.0, 25600.0, 51200.0, 2048.0), 1008.0e9,
                           0.05 / 1008.0));

// Narayanan 2021 Eq. 3 for GPT-3's shape at batch 1536, to rounding.
static_assert(approx_equal(
    flops_per_step(models::gpt3_175b.shape, 1536.0, 2048.0, recompute::full).hardware().in(flop),
    narayanan_flops_with_recompute(1536.0, 2048.0, 96.0, 12288.0, 50257.0).in(flop), 1e-13));

// GPT-3's 3.14e23 is 6 N D (Brown 2020 Table D.1).
static_assert(approx_equal(six_n_d(models::gpt3_175b.shape, 300e9).in(flop), 3.14e23, 0.0016));

// Korthikanti 2022: with TP, SP and selective recompute a GPT layer keeps 34 s b h / t bytes.
static_assert(activation_bytes_per_layer(models::gpt3_175b.shape, 1.0, 2048.0,
                                         sharding<>{.tp = 8.0, .sequence_parallel = true},
                                         {.policy = recompute::selective})
                  .in(bytes) == 34.0 * 2048 * 12288 / 8.0);

// Mixed-precision Adam with ZeRO-3 on 1,024 chips: 16 bytes per parameter / 1,024.
static_assert(approx_equal(model_state_per_chip(models::gpt3_175b.shape, recipes::bf16_fp32_master,
                                                optimizer::adam,
                                                sharding<>{.dp = 1024.0, .zero_stage = 3})
                               .model_state()
                               .in(bytes),
                           16.0 * total_parameters(models::gpt3_175b.shape) / 1024.0, 1e-14));

// KV cache: Llama 2 7B keeps 0.5 MiB per token in BF16; MLA 4.5 d_h per layer (DeepSeek-V2).
static_assert(kv_cache_bytes_per_token(models::llama2_7b.shape).in(mebibytes) == 0.5);
static_assert(kv_cache_elements_per_token(models::deepseek_v3.shape) == 4.5 * 128 * 61);

// Validation reasons are values a constant expression can inspect.
constexpr transformer bad_gqa{
    .layers = 2, .hidden = 64, .heads = 8, .kv_heads = 3, .vocab = 100, .seq_len = 16};
static_assert(violation(bad_gqa) == &reasons::model_heads_not_divisible_by_kv_heads);
static_assert(!try_checked(bad_gqa).ok());
static_assert(violation(sharding<>{.zero_stage = 4}) == &reasons::zero_stage_out_of_range);

// Results carry their dimension: FLOPs are flop_count, memory is data_size.
static_assert(std::is_same_v<decltype(model_flops_per_token(gpt, 16.0)), flop_count<double>>);
static_assert(std::is_same_v<decltype(kv_cache_bytes_per_token(gpt)), data_size<double>>);
static_assert(!std::is_convertible_v<flop_count<double>, data_size<double>>);
// The sweep-varying inputs share one number type: mixing int and double does not deduce.
template <class Batch, class Seq>
concept steppable = requires(Batch b, Seq s) {
  flops_per_step(gpt, b, s);
};
static_assert(steppable<double, double>);
static_assert(!steppable<int, double>);

}  // namespace
