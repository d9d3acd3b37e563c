// Memory per chip: bytes per parameter by recipe and optimizer, division by the parallel plan,
// activations beyond the GPT case, and the KV cache.
#include "catch_any.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/kv_cache.hpp"
#include "flopcast/workload/memory.hpp"

using namespace flopcast;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("mixed-precision Adam keeps 16 bytes per parameter (ZeRO, Rajbhandari 2020 Sec. 3.1)",
          "[workload][memory]") {
  const transformer& m = models::gpt3_175b.shape;
  // 2 (16-bit weights) + 2 (16-bit gradients) + 12 (FP32 master, momentum, variance): K = 12.
  const state_bytes b = bytes_per_parameter(recipes::bf16_fp32_master, optimizer::adam, m);
  CHECK(b.weights == 2.0);
  CHECK(b.gradients == 2.0);
  CHECK(b.master_weights + b.optimizer_state == 12.0);
  CHECK(b.total() == 16.0);
}

TEST_CASE("recipes and optimizers change bytes per parameter as their formats say",
          "[workload][memory]") {
  const transformer& m = models::llama3_70b.shape;
  CHECK(bytes_per_parameter(recipes::bf16_fp32_master_fp32_grads, optimizer::adam, m).total() ==
        18.0);
  CHECK(bytes_per_parameter(recipes::fp8_bf16_master, optimizer::adam, m).total() == 1 + 2 + 2 + 4);
  CHECK(bytes_per_parameter(recipes::pure_bf16, optimizer::adam, m).total() == 2 + 2 + 4);
  CHECK(bytes_per_parameter(recipes::bf16_fp32_master, optimizer::sgd_momentum, m).total() ==
        2 + 2 + 4 + 4);
  CHECK(bytes_per_parameter(recipes::bf16_fp32_master, optimizer::sgd, m).total() == 2 + 2 + 4);
  const double adafactor =
      bytes_per_parameter(recipes::bf16_fp32_master, optimizer::adafactor, m).optimizer_state;
  CHECK(adafactor > 0.0);
  CHECK(adafactor < 0.01);  // factored: (rows + columns) values per matrix
}

TEST_CASE("ZeRO stages shard optimizer state, then gradients, then weights over dp",
          "[workload][memory][zero]") {
  const transformer& m = models::gpt3_175b.shape;
  const double n = total_parameters(m);
  const double d = 1024;
  const auto at = [&](int stage) {
    return model_state_per_chip(m, recipes::bf16_fp32_master, optimizer::adam,
                                sharding<>{.dp = d, .zero_stage = stage});
  };
  const memory_breakdown<> z0 = at(0), z1 = at(1), z2 = at(2), z3 = at(3);
  CHECK_THAT(z0.model_state().in(bytes), WithinRel(16.0 * n, 1e-14));
  CHECK_THAT(z1.model_state().in(bytes), WithinRel(4.0 * n + 12.0 * n / d, 1e-14));
  CHECK_THAT(z2.model_state().in(bytes), WithinRel(2.0 * n + 14.0 * n / d, 1e-14));
  CHECK_THAT(z3.model_state().in(bytes), WithinRel(16.0 * n / d, 1e-14));
}

TEST_CASE("the ZeRO paper's Figure 1 figures follow from a 7.5B model's state per chip",
          "[workload][memory][zero]") {
  // Rajbhandari 2020 Fig. 1: Psi = 7.5B, N_d = 64, K = 12: 120 GB, 31.4 GB, 16.6 GB, 1.88 GB.
  // A Table 1 GPT shape of 7.5B (Narayanan 2021: 36 layers, hidden 4096) stands in for Psi.
  const transformer m =
      checked({.layers = 36, .hidden = 4096, .heads = 32, .vocab = 51200, .seq_len = 2048});
  const double psi = total_parameters(m);
  REQUIRE_THAT(psi, WithinRel(7.5e9, 0.01));
  const auto gb = [&](int stage) {
    return model_state_per_chip(m, recipes::bf16_fp32_master, optimizer::adam,
                                sharding<>{.dp = 64.0, .zero_stage = stage})
               .model_state()
               .in(gigabytes) *
           (7.5e9 / psi);
  };
  CHECK_THAT(gb(0), WithinAbs(120.0, 0.05));
  CHECK_THAT(gb(1), WithinAbs(31.4, 0.05));
  CHECK_THAT(gb(2), WithinAbs(16.6, 0.05));
  CHECK_THAT(gb(3), WithinAbs(1.88, 0.005));
}

TEST_CASE("tensor and pipeline parallelism divide layers; tables go to the edge stages",
          "[workload][memory]") {
  const transformer& m = models::llama3_405b.shape;
  const parameter_counts p = count_parameters(m);
  const double layers = p.total() - p.embedding - p.output;
  SECTION("one stage holds both tables, split by tp") {
    const chip_parameters<> c = parameters_per_chip(m, sharding<>{.tp = 8.0});
    CHECK_THAT(c.total(), WithinRel(p.total() / 8.0, 1e-14));
  }
  SECTION("with pp > 1 the busiest edge stage holds one table") {
    const chip_parameters<> c = parameters_per_chip(m, sharding<>{.tp = 8.0, .pp = 16.0});
    CHECK_THAT(c.total(), WithinRel(layers / 128.0 + 128256.0 * 16384 / 8.0, 1e-14));
  }
  SECTION("a tied model's last stage keeps a copy of the table for the logits") {
    const transformer& g = models::gpt3_175b.shape;
    const parameter_counts q = count_parameters(g);
    const chip_parameters<> c = parameters_per_chip(g, sharding<>{.pp = 8.0});
    CHECK_THAT(c.total(), WithinRel((q.total() - q.embedding) / 8.0 + q.embedding, 1e-14));
  }
}

TEST_CASE("expert parallelism divides routed experts, ZeRO shards them over dp * cp / ep",
          "[workload][memory]") {
  const transformer& m = models::mixtral_8x7b.shape;
  const parameter_counts p = count_parameters(m);
  const sharding<> plan{.dp = 64.0, .ep = 8.0, .zero_stage = 1};
  const chip_parameters<> c = parameters_per_chip(m, plan);
  CHECK_THAT(c.experts, WithinRel(p.routed_experts / 8.0, 1e-14));
  CHECK_THAT(c.dense, WithinRel(p.total() - p.routed_experts, 1e-14));
  const memory_breakdown<> mem =
      model_state_per_chip(m, recipes::bf16_fp32_master, optimizer::adam, plan);
  const double sharded = c.dense / 64.0 + c.experts / 8.0;
  CHECK_THAT(mem.optimizer_state.in(bytes), WithinRel(8.0 * sharded, 1e-14));
  CHECK_THAT(mem.master_weights.in(bytes), WithinRel(4.0 * sharded, 1e-14));
  CHECK_THAT(mem.weights.in(bytes), WithinRel(2.0 * c.total(), 1e-14));
}

TEST_CASE(
    "pipeline stages hold L layers' activations, more when interleaved (Korthikanti Sec. "
    "4.2.3)",
    "[workload][memory][activations]") {
  const transformer& m = models::gpt3_175b.shape;
  const activation_options o{.policy = recompute::selective};
  const double b = 1;
  const double s = 2048;
  const auto per_layer = [&](const sharding<>& plan) {
    return activation_bytes_per_layer(m, b, s, plan, o).in(bytes);
  };
  const sharding<> pp8{.tp = 8.0, .pp = 8.0, .sequence_parallel = true};
  const sharding<> pp8v3{.tp = 8.0, .pp = 8.0, .virtual_stages = 3.0, .sequence_parallel = true};
  const double embedding_mask = 12288.0 * 2048 / 8.0 * 8.0;  // s b h p / t, 1 byte
  CHECK_THAT(activation_bytes_per_chip(m, b, pp8, o).in(bytes),
             WithinRel(96 * per_layer(pp8) + embedding_mask, 1e-14));
  CHECK_THAT(activation_bytes_per_chip(m, b, pp8v3, o).in(bytes),
             WithinRel(96 * per_layer(pp8) * (1.0 + 7.0 / 24.0) + embedding_mask, 1e-14));
  SECTION("one stage also holds the output layer: 4 s b h / t (1 + V / h)") {
    const sharding<> one{.tp = 8.0, .sequence_parallel = true};
    const double output = 4.0 * 2048 * 12288 / 8.0 * (1.0 + 50257.0 / 12288);
    CHECK_THAT(activation_bytes_per_chip(m, b, one, o).in(bytes),
               WithinRel(96 * per_layer(one) + 12288.0 * 2048 / 8.0 + output, 1e-14));
  }
}

TEST_CASE("activation terms follow GQA, gated MLPs, experts, dropout and context parallelism",
          "[workload][memory][activations]") {
  const double s = 4096;
  SECTION("Llama 2 70B without dropout: 2s(4h + 2h + 2*kv*d + 3f) + 2as^2") {
    const transformer& m = models::llama2_70b.shape;
    const double h = 8192, f = 28672, kvd = 8 * 128.0, a = 64;
    const double expected = 2.0 * s * (4 * h + 2 * h + 2 * kvd + 3 * f) + 2.0 * a * s * s;
    CHECK_THAT(activation_bytes_per_layer(m, 1.0, s, sharding<>{}, {.dropout = false}).in(bytes),
               WithinRel(expected, 1e-14));
  }
  SECTION("an MoE layer stores top_k routed copies and top_k + shared expert interiors") {
    const transformer& m = models::mixtral_8x7b.shape;
    const activation_options o{.fused_attention = true, .dropout = false};
    const double dense = activation_bytes_per_layer(m, 1.0, s, sharding<>{}, o).in(bytes);
    const double moe =
        activation_bytes_per_layer(m, 1.0, s, sharding<>{}, o, layer_mlp::experts).in(bytes);
    CHECK_THAT(moe - dense, WithinRel(2.0 * s * (2 * 4096.0 + 3 * 14336.0), 1e-14));
  }
  SECTION("context parallelism divides the local sequence, not the keys attended to") {
    const transformer& m = models::llama3_8b.shape;
    const double one = activation_bytes_per_layer(m, 1.0, s, sharding<>{}, {}).in(bytes);
    const double four = activation_bytes_per_layer(m, 1.0, s, sharding<>{.cp = 4.0}, {}).in(bytes);
    CHECK_THAT(four, WithinRel(one / 4.0, 1e-14));
  }
}

TEST_CASE("memory_per_chip adds activations to model state", "[workload][memory]") {
  const transformer& m = models::llama3_405b.shape;
  // Llama 3 paper Table 4 row 1: TP 8, PP 16, DP 64 with FSDP sharding optimizer state and
  // gradients (ZeRO-2), 8K sequences, no activation checkpointing.
  const sharding<> plan{
      .tp = 8.0, .pp = 16.0, .dp = 64.0, .zero_stage = 2, .sequence_parallel = true};
  const activation_options o{.fused_attention = true, .dropout = false};
  const memory_breakdown<> mem =
      memory_per_chip(m, recipes::bf16_fp32_master, optimizer::adam, plan, 1.0, o);
  CHECK(mem.activations == activation_bytes_per_chip(m, 1.0, plan, o));
  CHECK(mem.total() == mem.model_state() + mem.activations);
  // It trained on 80 GB H100s, so the model must leave room for the framework.
  CHECK(mem.total().in(gigabytes) < 80.0);
}

TEST_CASE("KV cache per token: 2 L kv_heads d for attention, L (d_c + d_R) for MLA",
          "[workload][kv_cache]") {
  SECTION("Llama 2 7B keeps 0.5 MiB per token in BF16") {
    CHECK(kv_cache_bytes_per_token(models::llama2_7b.shape).in(mebibytes) == 0.5);
  }
  SECTION("grouped-query attention: Llama 3 70B keeps 8 of 64 heads, 320 KiB per token") {
    CHECK(kv_cache_bytes_per_token(models::llama3_70b.shape).in(kibibytes) == 320.0);
  }
  SECTION("MLA caches (d_c + d_h^R) l = 4.5 d_h l elements (DeepSeek-V2 Table 1)") {
    const transformer& m = models::deepseek_v3.shape;
    CHECK(kv_cache_elements_per_token(m) == 4.5 * 128 * 61);
  }
  SECTION("per sequence and per chip") {
    const transformer& m = models::llama3_70b.shape;
    const double per_token = kv_cache_bytes_per_token(m).in(bytes);
    CHECK(kv_cache_bytes_per_sequence(m, 8192.0).in(bytes) == 8192 * per_token);
    CHECK(kv_cache_bytes_per_chip(m, 8192.0, 4.0, 4.0).in(bytes) == 8192 * 4 * per_token / 4.0);
    // Past tp = kv_heads the K/V heads are replicated, not split further.
    CHECK(kv_cache_bytes_per_chip(m, 8192.0, 1.0, 16.0) ==
          kv_cache_bytes_per_chip(m, 8192.0, 1.0, 8.0));
    CHECK(kv_cache_bytes_per_chip(m, 1.0, 1.0, 1.0, precision::fp8).in(bytes) == per_token / 2.0);
  }
}
