// Training FLOPs against published totals, the 6 N D shortcut, recompute and causal masking.
#include "catch_any.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/flops.hpp"

using namespace flopcast;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("GPT-3's 3.14e23 FLOPs is 6 N D on 300B tokens (Brown 2020 Table D.1)",
          "[workload][flops]") {
  const model_card& c = models::gpt3_175b;
  // Three significant figures: +-0.005e23.
  CHECK_THAT(six_n_d(c.shape, *c.training_tokens).in(flop), WithinAbs(3.14e23, 0.005e23));
  // Attention and logits, which Table D.1 ignores, add 2.7%.
  const double exact = training_flops(c.shape, *c.training_tokens).in(flop);
  CHECK_THAT(exact / six_n_d(c.shape, *c.training_tokens).in(flop), WithinAbs(1.027, 0.001));
}

TEST_CASE("Chinchilla's 5.76e23 FLOPs on 1.4T tokens (Hoffmann 2022 Sec. 4)", "[workload][flops]") {
  const model_card& c = models::chinchilla_70b;
  // "1.4T" is good to +-0.05T, i.e. 3.6%; the paper's own count (App. F) includes attention.
  const double exact = training_flops(c.shape, *c.training_tokens).in(flop);
  CHECK_THAT(exact, WithinRel(5.76e23, 0.036));
}

TEST_CASE("Llama 3 405B's 3.8e25 FLOPs is 6 N D on 15.6T tokens (Llama 3 paper Sec. 3.2.1)",
          "[workload][flops]") {
  const model_card& c = models::llama3_405b;
  // Two significant figures: +-0.05e25.
  CHECK_THAT(six_n_d(c.shape, *c.training_tokens).in(flop), WithinAbs(3.8e25, 0.05e25));
  // Counting attention at the 8K context (PaLM's convention, not halved) adds 7.8%.
  const double exact = training_flops(c.shape, *c.training_tokens).in(flop);
  CHECK_THAT(exact / six_n_d(c.shape, *c.training_tokens).in(flop), WithinAbs(1.078, 0.001));
}

TEST_CASE("PaLM 540B's 2.56e24 training FLOPs (Chowdhery 2022, 6N + 12LHQT per token)",
          "[workload][flops]") {
  const model_card& c = models::palm_540b;
  CHECK_THAT(training_flops(c.shape, *c.training_tokens).in(flop), WithinAbs(2.56e24, 0.005e24));
}

TEST_CASE("PaLM's per-token formula 6N + 12 L H Q T is the exact count for a tied-embedding model",
          "[workload][flops]") {
  // PaLM App. B: N parameters, L layers, H heads, Q head size, T sequence length.
  const transformer& m = models::palm_540b.shape;
  const double palm = 6.0 * total_parameters(m) + 12.0 * 118 * 48 * 256 * 2048;
  // Only norm scales (6 x 4.4M FLOPs) differ: they count in 6N, not as matmuls.
  CHECK_THAT(model_flops_per_token(m, 2048.0).in(flop), WithinRel(palm, 1e-4));
}

TEST_CASE("rumoured GPT-4 shape is consistent with Epoch AI's 2.1e25 FLOP estimate",
          "[workload][flops]") {
  const model_card& c = models::gpt4_rumoured;
  CHECK(c.status == provenance::rumour);
  // An estimate from a rumour: agreement within 10% is all that can be asked.
  CHECK_THAT(six_n_d(c.shape, *c.training_tokens).in(flop), WithinRel(2.1e25, 0.10));
}

TEST_CASE("6N misses attention and counts embedding lookups", "[workload][flops]") {
  SECTION("for GPT-3 the exact count is 6 x (12 L h^2 + V h) + 12 L h s") {
    // Matmul weights 12 h^2 per layer and the tied table as logits; attention unhalved. 6N
    // also counts biases, norms and the learned position table, which are not matmuls.
    const transformer& m = models::gpt3_175b.shape;
    const double h = 12288;
    const double exact = 6.0 * (96 * 12.0 * h * h + 50257 * h) + 12.0 * 96 * h * 2048;
    CHECK_THAT(model_flops_per_token(m, 2048.0).in(flop), WithinRel(exact, 1e-14));
  }
  SECTION("an untied model's input table costs no FLOPs") {
    const transformer& m = models::llama3_8b.shape;
    const double h = 4096;
    const double exact_without_attention = model_flops_per_token(m, 0.0).in(flop);
    CHECK_THAT(
        exact_without_attention,
        WithinRel(6.0 * (total_parameters(m) - 128256 * h - count_parameters(m).norms), 1e-12));
  }
  SECTION("for a mixture of experts 6N uses the active parameters") {
    const transformer& m = models::mixtral_8x7b.shape;
    CHECK(six_n_flops_per_token(m).in(flop) == 6.0 * active_parameters(m));
  }
}

TEST_CASE("attention FLOPs follow the query/key and value head sizes", "[workload][flops]") {
  SECTION("grouped-query attention computes as many scores as multi-head") {
    transformer mha = models::llama3_70b.shape;
    mha.kv_heads = 0;
    CHECK(forward_flops_per_token(mha, 8192.0).attention ==
          forward_flops_per_token(models::llama3_70b.shape, 8192.0).attention);
  }
  SECTION(
      "latent attention scores use qk_nope + qk_rope, values v_head_dim (DeepSeek-V2 Sec. 2.1)") {
    const transformer& m = models::deepseek_v3.shape;
    const double per_layer = 2.0 * 4096 * 128 * (192 + 128);
    CHECK(forward_flops_per_token(m, 4096.0).attention.in(flop) == 61 * per_layer);
  }
  SECTION("relative positions add a second score matrix per head (Transformer-XL)") {
    const transformer& m = models::chinchilla_70b.shape;
    CHECK(forward_flops_per_token(m, 2048.0).attention.in(flop) ==
          80 * 2.0 * 2048 * 64 * (2 * 128 + 128));
  }
}

TEST_CASE("causal_skip halves attention and nothing else", "[workload][flops]") {
  const transformer& m = models::llama3_405b.shape;
  const flop_split<> dense = forward_flops_per_token(m, 8192.0);
  const flop_split<> causal = forward_flops_per_token(m, 8192.0, attention_mask::causal_skip);
  CHECK(causal.attention.in(flop)*2.0 == dense.attention.in(flop));
  CHECK(causal.matmul == dense.matmul);
  CHECK(causal.logits == dense.logits);
}

TEST_CASE("hardware FLOPs add the recomputed forward work", "[workload][flops]") {
  const transformer& m = models::gpt3_175b.shape;
  const double b = 1536;
  const double s = 2048;
  const step_flops<> none = flops_per_step(m, b, s, recompute::none);
  const step_flops<> selective = flops_per_step(m, b, s, recompute::selective);
  const step_flops<> full = flops_per_step(m, b, s, recompute::full);
  SECTION("model FLOPs do not depend on the policy") {
    CHECK(none.model() == selective.model());
    CHECK(none.model() == full.model());
    CHECK(none.hardware() == none.model());
  }
  SECTION("selective recompute repeats the attention core's forward") {
    CHECK(selective.hardware() - selective.model() == none.forward.attention);
  }
  SECTION("full recompute repeats the layers' forward but not the logits") {
    CHECK(full.hardware() - full.model() == none.forward.matmul + none.forward.attention);
  }
  SECTION("per-token helpers agree with the step") {
    CHECK_THAT(hardware_flops_per_token(m, s, recompute::full).in(flop)*b * s,
               WithinRel(full.hardware().in(flop), 1e-14));
    CHECK_THAT(model_flops_per_token(m, s).in(flop)*b * s, WithinRel(none.model().in(flop), 1e-14));
  }
}
