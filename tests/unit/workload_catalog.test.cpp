// The model catalog, name lookup with suggestions, and validation with reasons at run time.
#include <string>
#include <string_view>

#include "catch_any.hpp"
#include "flopcast/workload/lookup.hpp"
#include "flopcast/workload/sharding.hpp"

using namespace flopcast;

TEST_CASE("every catalog model is found by its key, display name and aliases",
          "[workload][catalog]") {
  for (const model_card* c : models::all) {
    INFO(c->key);
    CHECK(models::find(c->key) == c);
    CHECK(models::find(c->shape.name) == c);
    for (const char* alias : c->aliases) {
      if (alias != nullptr) CHECK(models::find(alias) == c);
    }
    CHECK(&models::lookup(c->key) == c);
  }
}

TEST_CASE("catalog keys and aliases name one model each", "[workload][catalog]") {
  for (const model_card* a : models::all) {
    for (const model_card* b : models::all) {
      if (a == b) continue;
      INFO(a->key << " vs " << b->key);
      CHECK_FALSE(answers_to(*b, a->key));
      CHECK_FALSE(answers_to(*b, a->shape.name));
      for (const char* alias : a->aliases) {
        if (alias != nullptr) CHECK_FALSE(answers_to(*b, alias));
      }
    }
  }
}

TEST_CASE("names match ignoring case and separators", "[workload][catalog]") {
  CHECK(models::find("Llama-3.1 405B") == &models::llama3_405b);
  CHECK(models::find("LLAMA3_405B") == &models::llama3_405b);
  CHECK(models::find("deepseek v3") == &models::deepseek_v3);
  CHECK(models::find("llama3") == nullptr);  // ambiguous prefixes are not guessed
  CHECK(models::find("") == nullptr);
  CHECK(models::find("---") == nullptr);
}

TEST_CASE("a checkpoint's name finds its model", "[workload][catalog]") {
  // The organisation, the tuning and the format words and a release date are not the shape.
  CHECK(models::find("nvidia/Llama-3.3-70B-Instruct-FP8") == &models::llama3_70b);
  CHECK(models::find("amd/Llama-3.1-405B-Instruct-FP8-KV") == &models::llama3_405b);
  CHECK(models::find("meta-llama/Llama-2-70b-chat-hf") == &models::llama2_70b);
  CHECK(models::find("nvidia/Llama-4-Maverick-17B-128E-Instruct-FP8") == &models::llama4_maverick);
  CHECK(models::find("Qwen/Qwen3-30B-A3B-Instruct-2507-FP8") == &models::qwen3_30b_a3b);
  CHECK(models::find("deepseek-ai/DeepSeek-R1-0528") == &models::deepseek_v3);
  CHECK(models::find("google/gemma-2-9b-it") == &models::gemma2_9b);
  // Only whole words from the end go: a version that changes the shape is not dropped, and a
  // name of release words alone finds nothing.
  CHECK(models::find("mistralai/Mistral-7B-Instruct-v0.3") == nullptr);
  CHECK(models::find("org/Instruct-FP8") == nullptr);
  CHECK(models::find("llama3-instruct") == nullptr);  // still ambiguous
  static_assert(flopcast::detail::model_of_release("nvidia/Qwen3-235B-A22B-FP4") ==
                "Qwen3-235B-A22B");
}

TEST_CASE("an unknown name throws with suggestions", "[workload][catalog]") {
  SECTION("a fragment suggests the models that contain it") {
    try {
      (void)models::lookup("lama3");
      FAIL("lookup of an unknown model did not throw");
    } catch (const invalid_input& e) {
      CHECK(std::string(e.code()) == "unknown_model");
      CHECK(std::string(e.what()) ==
            "unknown model 'lama3'; did you mean 'llama3-8b', 'llama3-70b' or 'llama3-405b'?");
    }
  }
  SECTION("a typo suggests the nearest model") {
    const auto close = models::suggestions("mixtrel");
    REQUIRE(close.size() == 1);
    CHECK(close[0] == "mixtral-8x7b");
  }
  SECTION("nothing close lists the catalog") {
    const std::string message = models::unknown_model_message("bert");
    CHECK(message.find("known models:") != std::string::npos);
    CHECK(message.find("gpt3-175b") != std::string::npos);
    // Bounded however large the catalog grows (the CLI prints it on one line).
    CHECK(message.size() < 300);
    const std::string far = models::unknown_model_message(std::string(200, '1'));
    CHECK(far.size() < 360);  // a 60-character excerpt of the name, 240 of keys
  }
}

TEST_CASE("models::get throws invalid_input for an unknown name at run time",
          "[workload][catalog]") {
  std::string name = "gpt-5";
  CHECK_THROWS_AS(models::get(name), invalid_input);
}

TEST_CASE("GPT-4 is marked as a rumour and every other entry as published", "[workload][catalog]") {
  for (const model_card* c : models::all) {
    INFO(c->key);
    CHECK(c->source.size() > 0);
    if (c == &models::gpt4_rumoured) {
      CHECK(c->status == provenance::rumour);
      CHECK(c->notes.find("RUMOUR") != std::string_view::npos);
    } else {
      CHECK(c->status == provenance::published);
    }
  }
}

namespace {
std::string_view reason_of(const transformer& m) {
  const result<transformer> r = try_checked(m);
  return r.ok() ? "ok" : r.error()->code;
}
}  // namespace

TEST_CASE("invalid model descriptions are rejected with a reason", "[workload][validation]") {
  const transformer good = models::llama3_8b.shape;
  CHECK(reason_of(good) == "ok");

  transformer m = good;
  m.layers = 0;
  CHECK(reason_of(m) == "model_size_not_positive");

  m = good;
  m.kv_heads = 5;
  CHECK(reason_of(m) == "model_heads_not_divisible_by_kv_heads");

  m = good;
  m.kv_heads = 64;  // more K/V heads than query heads
  CHECK(reason_of(m) == "model_heads_not_divisible_by_kv_heads");

  m = good;
  m.heads = 30;  // 4096 / 30 is not whole
  m.kv_heads = 0;
  CHECK(reason_of(m) == "model_hidden_not_divisible_by_heads");
  m.head_dim = 128;  // explicit head size: allowed (as in PaLM)
  CHECK(reason_of(m) == "ok");

  m = models::mixtral_8x7b.shape;
  m.moe.top_k = 9;
  CHECK(reason_of(m) == "moe_top_k_exceeds_experts");
  m.moe.top_k = 0;
  CHECK(reason_of(m) == "moe_top_k_not_positive");

  m = good;
  m.moe.top_k = 2;  // experts left at 0
  CHECK(reason_of(m) == "moe_fields_without_experts");

  m = models::deepseek_v3.shape;
  m.moe.first_dense_layers = 61;
  CHECK(reason_of(m) == "moe_dense_layers_out_of_range");
  m = models::mixtral_8x7b.shape;
  m.moe.first_dense_layers = 2;  // only meaningful with first_k_dense
  CHECK(reason_of(m) == "moe_dense_layers_out_of_range");

  m = models::deepseek_v3.shape;
  m.mla.kv_lora_rank = 0;
  CHECK(reason_of(m) == "model_latent_attention_incomplete");
  m = good;
  m.mla.kv_lora_rank = 512;
  CHECK(reason_of(m) == "model_latent_fields_without_latent_attention");

  m = good;
  m.heads = 0;
  CHECK_THROWS_AS(validate(m), invalid_input);
}

TEST_CASE("invalid shardings are rejected with a reason", "[workload][validation]") {
  const auto reason = [](const sharding<>& s) -> std::string_view {
    const result<sharding<>> r = try_checked(s);
    return r.ok() ? "ok" : r.error()->code;
  };
  CHECK(reason(sharding<>{.tp = 8.0, .dp = 16.0, .ep = 8.0, .zero_stage = 3}) == "ok");
  CHECK(reason(sharding<>{.tp = 0.0}) == "sharding_size_below_one");
  CHECK(reason(sharding<>{.zero_stage = 4}) == "zero_stage_out_of_range");
  CHECK(reason(sharding<>{.dp = 4.0, .ep = 8.0}) == "expert_parallel_exceeds_data_parallel");
}
