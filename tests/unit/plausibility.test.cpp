// Plausibility: a plan search amplifies any plan the model overrates, so the best plan found for a
// model on a cluster must stay within the best MFU anyone has published for that chip family at
// that scale, plus a stated margin. Every plan (tp, sp, pp, vp, cp, ZeRO stage, microbatch,
// recompute) in a pruned but generous grid is evaluated with the scalar model; the invalid ones
// (heads or layers not divisible, memory, batch) are refused by the model itself.
//
// Published bests (MFU, model FLOPs, BF16):
//  - A100: Korthikanti et al. 2022 (arXiv 2205.05198), Table 5, Megatron-LM with sequence
//    parallelism and selective recompute on Selene: GPT-3 175B 51.4%, 530B 56.0%, 1T 56.3%
//    (the best A100 figure at scale; Narayanan 2021 reports 52% of peak as HFU for 1T).
//  - H100 at 64 GPUs: NVIDIA dgxc-benchmarking / NeMo BF16, Llama 3.1 70B and GPT-3 175B, 53-59%
//    MFU (the evidence the Hopper calibration is fitted to, catalog/calibration_evidence.hpp).
//  - H100 at 16,384 GPUs: Llama 3 (arXiv 2407.21783), Table 4: 38-43% BF16 MFU.
//  - H100 at 8 GPUs: MosaicML llm-foundry benchmarks (scripts/train/benchmarking/README.md), the
//    best 8x H100 BF16 row is MPT-7B at 46.4% MFU (MPT-1B reaches 43.2%).
// Margin: 5 percentage points for every pair (the model's validation error at scale is ~6%).
#include <algorithm>
#include "catch_any.hpp"
#include <cstdio>
#include <vector>

#include "flopcast/flopcast.hpp"
#include "flopcast/sweep/search.hpp"

using namespace flopcast;

namespace {

// The library's plan search (sweep/search.hpp) over a generous space: TP and CP up to 32 and 16,
// PP up to 32 (powers of two and the divisors of the layers), 1-8 interleaved chunks, ZeRO 0, 1
// and 3, microbatches 1-8, no, selective or full recompute, BF16. The best `keep` plans.
std::vector<ranked_plan> search(const transformer& m, const cluster_spec& c, int chips, int batch,
                                std::size_t keep) {
  search_request r;
  r.model = m;
  r.cluster = c;
  r.chips = chips;
  r.global_batch = batch;
  r.limits.max_tp = 32;
  r.limits.max_pp = 32;
  r.limits.max_cp = 16;
  r.limits.zero_stages = {0, 1, 3};
  r.limits.microbatches = {1, 2, 4, 8};
  r.top = keep;
  return search_plans(r).plans;
}

void show(const char* pair, const std::vector<ranked_plan>& top) {
  for (const ranked_plan& b : top) {
    std::printf("%s: MFU %.1f%%  tp %d sp %d pp %d vp %d cp %d zero %d mb %d recompute %s\n", pair,
                100.0 * b.step.mfu, b.plan.tp, b.plan.sequence_parallel ? 1 : 0, b.plan.pp, b.plan.vp,
                b.plan.cp, b.plan.zero_stage, b.plan.microbatch,
                b.plan.recompute_mode == recompute::full        ? "full"
                : b.plan.recompute_mode == recompute::selective ? "selective"
                                                                : "none");
  }
}

constexpr double margin = 0.05;

// The published bests of the header comment, one name each.
constexpr double a100_best = 0.563;         // Korthikanti 2022, Table 5: 1T on Selene
constexpr double h100_64_best = 0.59;       // NeMo / dgxc-benchmarking BF16, 53-59%
constexpr double h100_16k_best = 0.43;      // Llama 3, Table 4: 38-43%
constexpr double h100_8_best = 0.464;       // llm-foundry, MPT-7B on 8x H100 BF16
// Not a published figure: the best plan the model found before ZeRO-3's gathers were priced per
// layer (62.9%, ZeRO-3 TP 2) sat above it, and every A100 run published is below it. A
// regression pin for that hole, stricter than a100_best + margin.
constexpr double zero3_hole_pin = 0.60;

// Llama 3.2 1B (meta-llama/Llama-3.2-1B config.json: 16 layers, hidden 2048, 32 heads, 8 KV
// heads, FFN 8192, vocab 128,256, tied embeddings), trained at 8,192 tokens.
constexpr transformer llama32_1b{.name = "Llama 3.2 1B",
                                 .layers = 16,
                                 .hidden = 2048,
                                 .heads = 32,
                                 .kv_heads = 8,
                                 .ffn = 8192,
                                 .gated_mlp = true,
                                 .vocab = 128256,
                                 .tied_embeddings = true,
                                 .positions = position_kind::rotary,
                                 .seq_len = 8192,
                                 .norm = norm_kind::rms_norm,
                                 .biases = false};

}  // namespace

TEST_CASE("the best plan for GPT-3 175B on 1,024 A100 stays within published A100 MFU",
          "[plausibility]") {
  const auto top = search(models::gpt3_175b.shape, clusters::dgx_a100_superpod, 1024, 1536, 3);
  REQUIRE(!top.empty());
  show("GPT-3 175B / 1,024 A100", top);
  CHECK(top.front().step.mfu <= a100_best + margin);
  CHECK(top.front().step.mfu < zero3_hole_pin);
}

TEST_CASE("the best plan for Llama 3 70B on 64 H100 stays within published H100 MFU",
          "[plausibility]") {
  const auto top =
      search(models::llama3_70b.shape, clusters::hgx_h100_ndr.with_count(64), 64, 128, 3);
  REQUIRE(!top.empty());
  show("Llama 3 70B / 64 H100", top);
  CHECK(top.front().step.mfu <= h100_64_best + margin);
}

TEST_CASE("the best plan for Llama 3 405B on 16,384 H100 stays within Llama 3's MFU",
          "[plausibility]") {
  const auto top =
      search(models::llama3_405b.shape, clusters::hgx_h100_ndr.with_count(16384), 16384, 2048, 3);
  REQUIRE(!top.empty());
  show("Llama 3 405B / 16,384 H100", top);
  CHECK(top.front().step.mfu <= h100_16k_best + margin);
  // More than one microbatch per pipeline stage: the bubble is punished.
  CHECK(top.front().step.microbatches >= static_cast<double>(top.front().plan.pp));
}

TEST_CASE("the best plan for a 1B model on 8 H100 stays within published small-scale MFU",
          "[plausibility]") {
  const auto top = search(llama32_1b, clusters::hgx_h100_ndr.with_count(8), 8, 128, 3);
  REQUIRE(!top.empty());
  show("Llama 3.2 1B / 8 H100", top);
  CHECK(top.front().step.mfu <= h100_8_best + margin);
}
