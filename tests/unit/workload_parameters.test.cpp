// Parameter counts against published figures. Each test names its source; tolerances follow the
// precision the source prints (a figure given as "46.7B" is good to +-0.05B, i.e. 0.11%).
#include "catch_any.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/parameters.hpp"

using namespace flopcast;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("GPT-3 175B parameters match Brown 2020 Table D.1 (174,600M)", "[workload][parameters]") {
  const double n = total_parameters(models::gpt3_175b.shape);
  CHECK_THAT(n, WithinAbs(174.6e9, 0.05e9));
  CHECK_THAT(n, WithinRel(175e9, 0.01));  // the headline figure
}

TEST_CASE("Megatron 1T parameters match Narayanan 2021 Table 1 (1008.0B)",
          "[workload][parameters]") {
  CHECK_THAT(total_parameters(models::megatron_1t.shape), WithinAbs(1008.0e9, 0.05e9));
}

TEST_CASE("Llama 2 7B and 70B parameters equal Meta's released checkpoints exactly",
          "[workload][parameters]") {
  // meta-llama/Llama-2-{7b,70b}-hf on Hugging Face: 6,738,415,616 and 68,976,648,192.
  CHECK(total_parameters(models::llama2_7b.shape) == 6'738'415'616.0);
  CHECK(total_parameters(models::llama2_70b.shape) == 68'976'648'192.0);
  // The headline names round up: 7B is 3.9% and 70B 1.5% above the real counts.
  CHECK(total_parameters(models::llama2_7b.shape) < 7e9);
  CHECK(total_parameters(models::llama2_70b.shape) < 70e9);
}

TEST_CASE("Llama 3 8B, 70B and 405B parameters match Meta's model card within 1%",
          "[workload][parameters]") {
  CHECK_THAT(total_parameters(models::llama3_8b.shape), WithinRel(8e9, 0.01));
  CHECK_THAT(total_parameters(models::llama3_70b.shape), WithinRel(70e9, 0.01));
  CHECK_THAT(total_parameters(models::llama3_405b.shape), WithinRel(405e9, 0.01));
}

TEST_CASE("Llama 3.1 8B, 70B and 405B parameters equal the released checkpoints exactly",
          "[workload][parameters]") {
  // meta-llama/Llama-3.1-{8B,70B,405B} safetensors totals.
  CHECK(total_parameters(models::llama3_8b.shape) == 8'030'261'248.0);
  CHECK(total_parameters(models::llama3_70b.shape) == 70'553'706'496.0);
  CHECK(total_parameters(models::llama3_405b.shape) == 405'853'388'800.0);
}

TEST_CASE("Llama 3.1 Instruct and Llama 3.3 70B Instruct answer to the Llama 3 cards",
          "[workload][parameters]") {
  // Post-trained checkpoints of the same shapes (their config.json files give the same layers,
  // widths, heads and vocabulary): meta-llama/Llama-3.3-70B-Instruct holds 70,553,706,496.
  CHECK(models::find("meta-llama/Llama-3.1-8B-Instruct") == &models::llama3_8b);
  CHECK(models::find("Llama-3.3-70B-Instruct") == &models::llama3_70b);
  CHECK(models::find("meta-llama/Llama-3.1-70B-Instruct") == &models::llama3_70b);
  CHECK(models::find("Llama-3.1-405B-Instruct") == &models::llama3_405b);
  CHECK(total_parameters(models::get("llama3.3-70b").shape) == 70'553'706'496.0);
}

// Issue 12: Llama 4 and Qwen3 235B-A22B against Meta's and Qwen's model cards. The Llama 4
// checkpoints hold the vision encoder and projector as well (871,932,416 parameters: 34 ViT
// layers of 1,408, the vision adapter and a 4,096 x 5,120 projector); the headline totals count
// them, the text-only shapes do not.
TEST_CASE("Llama 4 Scout has 109B total and 17B active parameters (Meta model card)",
          "[workload][parameters]") {
  const transformer& m = models::llama4_scout.shape;
  constexpr double vision = 871'932'416.0;
  CHECK(m.moe_layer_count() == 48);
  CHECK(total_parameters(m) == 107'769'861'120.0);
  CHECK(total_parameters(m) + vision == *models::llama4_scout.checkpoint_params);
  CHECK_THAT(total_parameters(m) + vision, WithinRel(109e9, 0.01));
  // "17B activated" is a headline: 17.17B with both embedding tables (within 2%, as the other
  // active-parameter headlines).
  CHECK_THAT(active_parameters(m), WithinRel(17e9, 0.02));
  // One routed and one shared expert of 3 x 5,120 x 8,192 per layer, and the router.
  CHECK(count_active_parameters(m).routed_experts == 48 * 3.0 * 5120 * 8192);
  CHECK(count_parameters(m).shared_experts == 48 * 3.0 * 5120 * 8192);
  CHECK(count_parameters(m).router == 48 * 5120.0 * 16);
}

TEST_CASE("Llama 4 Maverick has 400B total and 17B active parameters, MoE every other layer",
          "[workload][parameters]") {
  const transformer& m = models::llama4_maverick.shape;
  constexpr double vision = 871'932'416.0;
  // interleave_moe_layer_step 2: layers 1, 3, ..., 47 are MoE, the other 24 dense of 16,384.
  CHECK(m.moe_layer_count() == 24);
  CHECK(m.dense_layer_count() == 24);
  CHECK(count_parameters(m).mlp == 24 * 3.0 * 5120 * 16384);
  CHECK(count_parameters(m).routed_experts == 24 * 128 * 3.0 * 5120 * 8192);
  CHECK(total_parameters(m) == 400'711'848'960.0);
  CHECK(total_parameters(m) + vision == *models::llama4_maverick.checkpoint_params);
  CHECK_THAT(total_parameters(m), WithinRel(400e9, 0.01));
  CHECK_THAT(total_parameters(m) + vision, WithinRel(400e9, 0.01));
  CHECK_THAT(active_parameters(m), WithinRel(17e9, 0.02));
  // Every 4th layer attends globally; the chunked (rotary) layers are written as windows.
  CHECK(m.global_layer_count() == 12);
  CHECK(m.local_layer_count() == 36);
}

TEST_CASE("Qwen3 8B and 32B and Qwen2.5 72B match their model cards", "[workload][parameters]") {
  // Qwen3 8B, per layer: Q and O 2 x 4,096 x 4,096, K and V 2 x 4,096 x 1,024, SwiGLU
  // 3 x 4,096 x 12,288, two norms of 4,096 and two QK-norm vectors of 128.
  const double layer_8b = 2 * 4096.0 * 4096 + 2 * 4096.0 * 1024 + 3 * 4096.0 * 12288 +
                          2 * 4096.0 + 2 * 128.0;
  const transformer& q8 = models::qwen3_8b.shape;
  CHECK(total_parameters(q8) == 36 * layer_8b + 2 * 151936.0 * 4096 + 4096);
  CHECK_THAT(total_parameters(q8), WithinAbs(8.2e9, 0.05e9));
  const parameter_counts c8 = count_parameters(q8);
  CHECK_THAT(c8.total() - c8.embedding - c8.output, WithinAbs(6.95e9, 0.005e9));
  const parameter_counts c32 = count_parameters(models::qwen3_32b.shape);
  CHECK_THAT(c32.total(), WithinAbs(32.8e9, 0.05e9));
  CHECK_THAT(c32.total() - c32.embedding - c32.output, WithinAbs(31.2e9, 0.05e9));
  CHECK_THAT(total_parameters(models::qwen25_72b.shape), WithinAbs(72.7e9, 0.05e9));
}

TEST_CASE("gpt-oss counts its model card's parameters by hand", "[workload][parameters]") {
  // 120b, per layer: attention 2,880 x (4,096 + 2 x 512) + 4,096 x 2,880 = 26,542,080 matrix
  // weights and 4,096 + 512 + 512 + 2,880 = 8,000 biases; two RMSNorms of 2,880; a router of
  // 2,880 x 128; 128 experts of 2,880 x 5,760 + 2,880 x 2,880 weights and 5,760 + 2,880 biases
  // (24,891,840 each). Two 201,088 x 2,880 tables and a final norm.
  const auto by_hand = [](double layers, double experts) {
    const double attention = 26'542'080.0 + 8'000.0, norms = 2 * 2'880.0;
    const double expert = 24'891'840.0, tables = 2 * 201'088.0 * 2'880;
    return layers * (attention + norms + 2'880.0 * experts + experts * expert) + tables + 2'880;
  };
  const transformer& big = models::gpt_oss_120b.shape;
  CHECK(total_parameters(big) == by_hand(36, 128));
  // The card's 116.83B and 5.13B active (without the input table; arXiv 2508.10925, Table 1),
  // less the 6,912 sink logits and router biases flopcast does not model.
  CHECK_THAT(total_parameters(big) + 36 * (64 + 128), WithinAbs(116.83e9, 0.005e9));
  const parameter_counts active = count_active_parameters(big);
  CHECK_THAT(active.total() - active.embedding, WithinAbs(5.13e9, 0.005e9));
  CHECK(big.local_layer_count() == 18);
  const transformer& small = models::gpt_oss_20b.shape;
  CHECK(total_parameters(small) == by_hand(24, 32));
  CHECK_THAT(total_parameters(small) + 24 * (64 + 32), WithinAbs(20.91e9, 0.005e9));
  const parameter_counts active_small = count_active_parameters(small);
  CHECK_THAT(active_small.total() - active_small.embedding, WithinAbs(3.61e9, 0.005e9));
}

TEST_CASE("Qwen3 235B-A22B equals its released checkpoint and has 22B active parameters",
          "[workload][parameters]") {
  const transformer& m = models::qwen3_235b_a22b.shape;
  CHECK(total_parameters(m) == 235'093'634'560.0);  // Qwen/Qwen3-235B-A22B safetensors
  CHECK(total_parameters(m) == *models::qwen3_235b_a22b.checkpoint_params);
  CHECK_THAT(total_parameters(m), WithinRel(235e9, 0.01));
  CHECK(active_parameters(m) == 22'190'763'520.0);
  CHECK_THAT(active_parameters(m), WithinRel(22e9, 0.01));
}

TEST_CASE("Mixtral 8x7B has 46.7B total and 12.9B active parameters (Mistral AI, Jiang 2024)",
          "[workload][parameters]") {
  const transformer& m = models::mixtral_8x7b.shape;
  CHECK_THAT(total_parameters(m), WithinAbs(46.7e9, 0.05e9));
  CHECK_THAT(active_parameters(m), WithinAbs(12.9e9, 0.05e9));
  CHECK(total_parameters(m) == 46'702'792'704.0);  // mistralai/Mixtral-8x7B-v0.1 checkpoint
}

TEST_CASE("DeepSeek-V3 has 671B total and 37B activated parameters (arXiv 2412.19437 Sec. 4.2)",
          "[workload][parameters]") {
  const transformer& m = models::deepseek_v3.shape;
  CHECK_THAT(total_parameters(m), WithinRel(671e9, 0.01));
  CHECK_THAT(total_parameters(m), WithinAbs(671e9, 0.5e9));
  // "37B" is given to the billion; it matches the count without the input-embedding lookup.
  const parameter_counts active = count_active_parameters(m);
  CHECK_THAT(active.total() - active.embedding, WithinAbs(37e9, 0.5e9));
}

TEST_CASE("DeepSeek-V3 latent attention has the projection sizes of the V2 report's equations",
          "[workload][parameters]") {
  // DeepSeek-V2 (arXiv 2405.04434) Eqs. 9-14 with V3's sizes: W^DQ 7168x1536,
  // W^UQ+W^QR 1536x(128*(128+64)), W^DKV+W^KR 7168x(512+64), W^UK+W^UV 512x(128*(128+128)),
  // W^O (128*128)x7168.
  const transformer& m = models::deepseek_v3.shape;
  const double expected =
      7168.0 * 1536 + 1536.0 * 128 * 192 + 7168.0 * 576 + 512.0 * 128 * 256 + 128.0 * 128 * 7168;
  CHECK(count_parameters(m).attention == m.layers * expected);
}

TEST_CASE("PaLM 540B parameters match Chowdhery 2022 Table 1 (540.35B)", "[workload][parameters]") {
  // Within 0.01%: we are 8.6M (0.0016%) above, the size of the norm scales (PaLM's parallel
  // block has one LayerNorm per layer where we count two; its count may leave norms out).
  CHECK_THAT(total_parameters(models::palm_540b.shape), WithinRel(540.35e9, 1e-4));
  CHECK(total_parameters(models::palm_540b.shape) -
            count_parameters(models::palm_540b.shape).norms <
        540.355e9);
}

TEST_CASE("Chinchilla parameters match Hoffmann 2022 (70B) within 1%", "[workload][parameters]") {
  CHECK_THAT(total_parameters(models::chinchilla_70b.shape), WithinRel(70e9, 0.01));
}

TEST_CASE("GPT-NeoX-20B parameters equal EleutherAI's model card (20,554,567,680)",
          "[workload][parameters]") {
  CHECK(total_parameters(models::gpt_neox_20b.shape) == 20'554'567'680.0);
}

TEST_CASE("rumoured GPT-4 shape reproduces its rumoured totals (SemiAnalysis 2023, unconfirmed)",
          "[workload][parameters]") {
  const transformer& m = models::gpt4_rumoured.shape;
  CHECK(models::gpt4_rumoured.status == provenance::rumour);
  CHECK_THAT(total_parameters(m), WithinRel(1.8e12, 0.05));
  CHECK_THAT(active_parameters(m), WithinRel(280e9, 0.05));
  const parameter_counts p = count_parameters(m);
  CHECK_THAT(p.attention, WithinRel(55e9, 0.05));               // "~55B shared attention"
  CHECK_THAT(p.routed_experts / 16.0, WithinRel(111e9, 0.05));  // "~111B per expert"
}

TEST_CASE("parts of the count add up and follow the shape", "[workload][parameters]") {
  SECTION("a dense model has active = total") {
    const transformer& m = models::llama3_70b.shape;
    CHECK(active_parameters(m) == total_parameters(m));
    CHECK(count_parameters(m).routed_experts == 0.0);
  }
  SECTION("untied embeddings add an output table of vocab x hidden") {
    const transformer& m = models::llama3_8b.shape;
    CHECK(count_parameters(m).output == 128256.0 * 4096);
    transformer tied = m;
    tied.tied_embeddings = true;
    CHECK(total_parameters(m) - total_parameters(tied) == 128256.0 * 4096);
  }
  SECTION("grouped-query attention shrinks K and V by heads / kv_heads") {
    transformer mha = models::llama2_70b.shape;
    mha.kv_heads = 0;
    const double h = 8192;
    CHECK(count_parameters(mha).attention - count_parameters(models::llama2_70b.shape).attention ==
          80 * 2.0 * h * (h - 8.0 * 128));
  }
  SECTION("active experts are top_k of experts") {
    const transformer& m = models::mixtral_8x7b.shape;
    CHECK(count_parameters(m).routed_experts / count_active_parameters(m).routed_experts == 4.0);
  }
  SECTION("first_k_dense keeps dense MLPs in the first layers") {
    const transformer& m = models::deepseek_v3.shape;
    CHECK(m.moe_layer_count() == 58);
    CHECK(count_parameters(m).mlp == 3 * 3.0 * 7168 * 18432);
    CHECK(count_parameters(m).shared_experts == 58 * 3.0 * 7168 * 2048);
  }
  SECTION("every_other puts experts in half the layers") {
    transformer m = models::mixtral_8x7b.shape;
    m.moe.layout = moe_layers::every_other;
    CHECK(m.moe_layer_count() == 16);
    CHECK(count_parameters(m).mlp == 16 * 3.0 * 4096 * 14336);
  }
  SECTION("non_embedding leaves out both tables") {
    const parameter_counts p = count_parameters(models::llama3_8b.shape);
    CHECK(p.non_embedding() == p.total() - 2 * 128256.0 * 4096);
  }
}
