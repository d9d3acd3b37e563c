// catalog/inference_runs.hpp: every row of the TensorRT-LLM v1.0 performance overview is
// well formed, cited, and resolved to a catalog model and chip (or carries why not).
#include <flopcast/catalog/inference_runs.hpp>
#include <flopcast/workload/parameters.hpp>
#include <map>
#include <set>
#include <string>

#include "catch_any.hpp"

using namespace flopcast;

TEST_CASE("every inference run is well formed and cited", "[inference_runs]") {
  CHECK(inference_runs::all.size() == 328);
  std::set<std::string_view> ids;
  for (const inference_run& r : inference_runs::all) {
    INFO(std::string(r.id));
    CHECK(ids.insert(r.id).second);
    CHECK(r.input_len > 0);
    CHECK(r.output_len > 0);
    CHECK(r.requests > 0);
    CHECK(r.output_tokens_per_s > 0.0);
    CHECK(r.gpu_count > 0);
    // Stated degrees are positive and fit the GPUs: TP x PP divides them.
    CHECK(r.tp >= 0);
    CHECK(r.pp >= 0);
    CHECK(r.ep >= 0);
    const int tp = r.tp > 0 ? r.tp : 1;
    const int pp = r.pp > 0 ? r.pp : 1;
    CHECK(r.gpu_count % (tp * pp) == 0);
    if (r.ep > 0) CHECK(r.gpu_count % r.ep == 0);
    // A source for every row, pinned to a commit.
    CHECK(!r.source.empty());
    CHECK(r.source_path.find("github:") == 0);
    CHECK(r.source_path.find(" @") != std::string_view::npos);
    CHECK(!r.model_name.empty());
    CHECK(!r.chip_name.empty());
    CHECK(!r.concurrency.empty());
    CHECK(!r.notes.empty());
    // Quantized weights in a format a chip rates; the likely KV format is flagged as such.
    CHECK((r.weights == precision::fp8 || r.weights == precision::fp4));
    if (!r.kv_cache_stated) CHECK(r.notes.find("KV dtype not stated") != std::string_view::npos);
    if (r.checkpoint.empty()) {
      CHECK(r.notes.find("no FP") != std::string_view::npos);
    } else {
      CHECK(r.checkpoint.find("nvidia/") == 0);
    }
  }
}

TEST_CASE("every expressible inference run resolves to a catalog model and chip",
          "[inference_runs]") {
  int expressible = 0;
  for (const inference_run& r : inference_runs::all) {
    INFO(std::string(r.id));
    if (!r.inexpressible.empty()) continue;
    ++expressible;
    REQUIRE(r.model != nullptr);
    REQUIRE(r.chip != nullptr);
    // The card answers to the names the source uses.
    CHECK(models::find(r.hf_model_id) == r.model);
    CHECK(models::find(r.model_name) == r.model);
    CHECK(violation(r.model->shape) == nullptr);
    // The chip rates the weight format, and the weights fit in the group's memory.
    CHECK(r.chip->supports(r.weights));
    const double bytes_per_weight = r.weights == precision::fp4 ? 0.5 : 1.0;
    CHECK(total_parameters(r.model->shape) * bytes_per_weight <
          r.gpu_count * r.chip->memory_per_accelerator().in(bytes));
    // Tensor parallelism splits whole query heads.
    if (r.tp > 0) CHECK(r.model->shape.heads % r.tp == 0);
    if (r.pp > 0) CHECK(r.pp <= r.model->shape.layers);
  }
  // Every row is expressible now that the Llama 4, Qwen3 235B and RTX PRO 6000 entries exist.
  CHECK(expressible == 328);
}

TEST_CASE("inference runs: the page's tables, by model and GPU", "[inference_runs]") {
  std::map<std::string_view, int> by_model;
  std::map<std::string_view, int> by_chip;
  for (const inference_run& r : inference_runs::all) {
    ++by_model[r.model->key];
    ++by_chip[r.chip->name];
  }
  CHECK(by_model["llama3-70b"] == 80);  // Llama 3.3 70B Instruct
  CHECK(by_model["qwen3-30b-a3b"] == 59);
  CHECK(by_model["llama4-scout"] == 53);
  CHECK(by_model["llama3-405b"] == 46);
  CHECK(by_model["qwen3-235b-a22b"] == 36);
  CHECK(by_model["llama4-maverick"] == 34);
  CHECK(by_model["llama3-8b"] == 20);
  CHECK(by_chip["RTX PRO 6000 Blackwell Server Edition"] == 118);
  CHECK(by_chip["H200 SXM 141GB"] == 60);
  CHECK(by_chip["B200 (HGX)"] == 58);
  CHECK(by_chip["H100 SXM5 80GB"] == 52);
  CHECK(by_chip["B200 in GB200 NVL72"] == 40);

  // Spot checks against the page (perf-overview.md at the cited commit).
  const auto row = [](std::string_view id) -> const inference_run& {
    for (const inference_run& r : inference_runs::all) {
      if (r.id == id) return r;
    }
    FAIL("no row " << std::string(id));
    return inference_runs::all[0];
  };
  const inference_run& scout = row("dev-trt10-scout-b200x1-tp1pp1-128-128");
  CHECK(scout.output_tokens_per_s == 25342.0);
  CHECK(scout.requests == 30000);
  CHECK(scout.weights == precision::fp4);
  CHECK(scout.model == &models::llama4_scout);
  CHECK(scout.chip == &chips::b200);
  const inference_run& rtx = row("dev-trt10-l33_70b-rtxx8-tp1pp8-128-128");
  CHECK(rtx.output_tokens_per_s == 11881.0);
  CHECK(rtx.chip == &chips::rtx_pro_6000_server);
  CHECK(rtx.model == &models::llama3_70b);
  CHECK((rtx.tp == 1 && rtx.pp == 8 && rtx.gpu_count == 8));
  CHECK(rtx.checkpoint == "nvidia/Llama-3.3-70B-Instruct-FP4");
  const inference_run& maverick = row("dev-trt10-maverick-h200x8-tp8pp1-20000-2000");
  CHECK(maverick.output_tokens_per_s == 4106.0);
  CHECK(maverick.requests == 1000);
  CHECK(maverick.weights == precision::fp8);
  CHECK(maverick.ep == 0);  // not stated per row
}
