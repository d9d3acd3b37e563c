// Issue 9's architecture variants: parallel blocks, Q/K/V biases, QK-norm, sliding windows and
// a shared expert of its own width, each in parameters, FLOPs, activations, KV cache and the
// step's per-layer terms; each off by default.
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/workload/catalog.hpp>
#include <flopcast/workload/kv_cache.hpp>
#include <flopcast/workload/memory.hpp>

#include <string>

#include "catch_any.hpp"

using namespace flopcast;
using Catch::Matchers::WithinRel;

namespace {
std::string why(const transformer& m) {
  const reason* r = violation(m);
  return r ? r->code : "ok";
}
template <class F>
transformer with(transformer m, F f) {
  f(m);
  return m;
}
}  // namespace

TEST_CASE("a parallel block has one norm, shares its input and halves TP all-reduces",
          "[workload][variants]") {
  const transformer serial = with(models::gpt_j_6b.shape, [](transformer& m) {
    m.parallel_block = false;
  });
  const transformer& parallel = models::gpt_j_6b.shape;
  const double h = parallel.hidden;
  // One LayerNorm (scale and shift) per layer fewer.
  CHECK(count_parameters(serial).norms - count_parameters(parallel).norms ==
        parallel.layers * 2.0 * h);
  CHECK(count_parameters(serial).attention == count_parameters(parallel).attention);
  // Activations: 2 s b h bytes fewer per layer at 16-bit (one norm input, one shared input).
  const sharding<double> one{};
  const activation_options o{.fused_attention = true, .dropout = false};
  const double s = parallel.seq_len;
  const double saved = activation_bytes_per_layer<double>(serial, 1.0, s, one, o).base_value() -
                       activation_bytes_per_layer<double>(parallel, 1.0, s, one, o).base_value();
  CHECK_THAT(saved, WithinRel(2.0 * 2.0 * s * h, 1e-12));
  // TP: one all-reduce per layer forward and one backward instead of two each.
  const parallel_plan p{.tp = 8, .microbatch = 1, .global_batch = 8};
  const step_options no_overlap{.tp_overlap = 0.0};
  const auto a = estimate_step(serial, clusters::hgx_h100_ndr, 8, p, no_overlap);
  const auto b = estimate_step(parallel, clusters::hgx_h100_ndr, 8, p, no_overlap);
  CHECK_THAT(b.tp_comm.in(seconds), WithinRel(a.tp_comm.in(seconds) / 2.0, 1e-12));
  CHECK(b.memory_bound < a.memory_bound);
  CHECK(b.compute == a.compute);  // the same matmuls
}

TEST_CASE("Q/K/V biases and QK-norm add their vectors", "[workload][variants]") {
  const transformer& qwen = models::qwen25_7b.shape;
  const transformer plain = with(qwen, [](transformer& m) { m.qkv_bias = false; });
  const double d = qwen.head_size();
  CHECK(count_parameters(qwen).attention - count_parameters(plain).attention ==
        qwen.layers * (qwen.heads * d + 2.0 * qwen.key_value_heads() * d));
  // With biases everywhere, qkv_bias adds nothing more.
  const transformer all_biases = with(qwen, [](transformer& m) { m.biases = true; });
  const transformer all_and_qkv = with(all_biases, [](transformer& m) { m.qkv_bias = true; });
  CHECK(total_parameters(all_biases) == total_parameters(all_and_qkv));

  const transformer& olmo = models::olmo2_7b.shape;  // over the projection: 4,096 + 4,096
  const transformer no_norm = with(olmo, [](transformer& m) { m.qk_norm = qk_norm_kind::none; });
  CHECK(count_parameters(olmo).norms - count_parameters(no_norm).norms == 32.0 * (4096 + 4096));
  const transformer& qwen3 = models::qwen3_30b_a3b.shape;  // per head: 2 x 128
  const transformer qwen3_plain =
      with(qwen3, [](transformer& m) { m.qk_norm = qk_norm_kind::none; });
  CHECK(count_parameters(qwen3).norms - count_parameters(qwen3_plain).norms == 48.0 * 256.0);
  // QK-norm keeps Q and K before the norm and moves them through HBM once more.
  const sharding<double> one{};
  const double s = olmo.seq_len;
  CHECK(activation_bytes_per_layer<double>(olmo, 1.0, s, one, {.fused_attention = true})
            .base_value() -
            activation_bytes_per_layer<double>(no_norm, 1.0, s, one, {.fused_attention = true})
                .base_value() ==
        2.0 * s * (4096.0 + 4096.0));
  const parallel_plan p{.zero_stage = 3, .microbatch = 1, .global_batch = 8};
  CHECK(estimate_step(olmo, clusters::hgx_h100_ndr, 8, p).memory_bound >
        estimate_step(no_norm, clusters::hgx_h100_ndr, 8, p).memory_bound);
}

TEST_CASE("sliding-window layers attend to min(window, context) keys", "[workload][variants]") {
  const transformer& mistral = models::mistral_7b.shape;  // window 4,096 on every layer
  const transformer global = with(mistral, [](transformer& m) { m.sliding_window = 0; });
  const double per_key = 2.0 * 32.0 * 32.0 * (128.0 + 128.0);  // layers x heads x (qk + v)
  // At 8,192 tokens: 4,096 keys (dense), 4,096 - 4,096^2 / (2 x 8,192) = 3,072 causal.
  CHECK(forward_flops_per_token<double>(mistral, 8192.0).attention.base_value() ==
        per_key * 4096.0);
  CHECK(forward_flops_per_token<double>(mistral, 8192.0, attention_mask::causal_skip)
            .attention.base_value() == per_key * 3072.0);
  CHECK(forward_flops_per_token<double>(global, 8192.0, attention_mask::causal_skip)
            .attention.base_value() == per_key * 4096.0);
  // Within the window nothing changes.
  CHECK(forward_flops_per_token<double>(mistral, 2048.0, attention_mask::causal_skip)
            .attention.base_value() ==
        forward_flops_per_token<double>(global, 2048.0, attention_mask::causal_skip)
            .attention.base_value());
  // Gemma 2: 21 local and 21 global layers.
  const transformer& gemma = models::gemma2_9b.shape;
  CHECK(gemma.local_layer_count() == 21);
  CHECK(gemma.global_layer_count() == 21);
  // KV cache: local layers keep 4,096 tokens of a 32,768-token context.
  const double full = kv_cache_bytes_per_sequence<double>(global, 32768.0).base_value();
  CHECK(kv_cache_bytes_per_sequence<double>(mistral, 32768.0).base_value() == full / 8.0);
  const transformer gemma_global = with(gemma, [](transformer& m) {
    m.sliding_window = 0;
    m.global_every = 0;
  });
  CHECK_THAT(kv_cache_bytes_per_chip<double>(gemma, 32768.0, 1.0, 1.0).base_value(),
             WithinRel(kv_cache_bytes_per_chip<double>(gemma_global, 32768.0, 1.0, 1.0)
                           .base_value() * (1.0 + 4096.0 / 32768.0) / 2.0,
                       1e-12));
  // Stored scores (no fused kernel) count the window's keys.
  const sharding<double> one{};
  const activation_options unfused{.fused_attention = false, .dropout = false};
  const double s = 8192.0;
  const double scores = activation_bytes_per_layer<double>(global, 1.0, s, one, unfused).base_value() -
                        activation_bytes_per_layer<double>(mistral, 1.0, s, one, unfused).base_value();
  CHECK(scores == 2.0 * 32.0 * s * (s - 4096.0));
}

TEST_CASE("a shared expert of its own width", "[workload][variants]") {
  const transformer& qwen2 = models::qwen2_57b_a14b.shape;
  const transformer same = with(qwen2, [](transformer& m) { m.moe.shared_expert_ffn = 0; });
  CHECK(count_parameters(qwen2).shared_experts == 28.0 * 3.0 * 3584.0 * 20480.0);
  CHECK(count_parameters(same).shared_experts == 28.0 * 3.0 * 3584.0 * 2560.0);
  CHECK(count_parameters(qwen2).routed_experts == count_parameters(same).routed_experts);
  CHECK(active_parameters(qwen2) - active_parameters(same) == 28.0 * 3.0 * 3584.0 * (20480.0 - 2560.0));
  const sharding<double> one{};
  CHECK(activation_bytes_per_layer<double>(qwen2, 1.0, 4096.0, one, {.fused_attention = true},
                                           layer_mlp::experts) >
        activation_bytes_per_layer<double>(same, 1.0, 4096.0, one, {.fused_attention = true},
                                           layer_mlp::experts));
}

TEST_CASE("variant fields have ranges and reasons", "[workload][variants][validation]") {
  const transformer& base = models::llama3_8b.shape;
  CHECK(why(with(base, [](transformer& m) { m.global_every = 2; })) == "model_window_out_of_range");
  CHECK(why(with(base, [](transformer& m) { m.sliding_window = -1; })) ==
        "model_window_out_of_range");
  CHECK(why(with(base, [](transformer& m) {
          m.sliding_window = 4096;
          m.global_every = 33;
        })) == "model_window_out_of_range");
  CHECK(why(with(base, [](transformer& m) { m.sliding_window = (1 << 30) + 1; })) ==
        "model_size_too_large");
  CHECK(why(with(base, [](transformer& m) { m.moe.shared_expert_ffn = 1024; })) ==
        "moe_fields_without_experts");
  CHECK(why(with(models::mixtral_8x7b.shape, [](transformer& m) {
          m.moe.shared_expert_ffn = -1;
        })) == "moe_negative_size");
  CHECK(why(with(base, [](transformer& m) { m.qk_norm = static_cast<qk_norm_kind>(7); })) ==
        "model_kind_unknown");
  // Off by default: an existing shape with the fields spelled out is the same shape.
  const transformer spelled = with(base, [](transformer& m) {
    m.parallel_block = false;
    m.qkv_bias = false;
    m.qk_norm = qk_norm_kind::none;
    m.sliding_window = 0;
    m.global_every = 0;
  });
  CHECK(total_parameters(spelled) == total_parameters(base));
}
