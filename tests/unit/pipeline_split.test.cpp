// Uneven pipeline splits (issue 9, "plans that ran are accepted"): the layer split of
// parallel/plan.hpp, the plans it accepts that real runs used, and the step paced by the busiest
// stage.
#include <flopcast/catalog/published_runs.hpp>
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/workload/catalog.hpp>

#include <iostream>
#include <string>

#include "catch_any.hpp"

using namespace flopcast;

namespace {
constexpr pipeline_split split(int layers, int pp, int vp = 1, bool embedding = false,
                               bool loss = false, int first = 0, int last = 0) {
  transformer m = models::gpt3_175b.shape;
  m.layers = layers;
  parallel_plan p{.pp = pp, .vp = vp, .first_stage_layers = first, .last_stage_layers = last,
                  .embedding_in_split = embedding, .loss_in_split = loss};
  return pipeline_split_of(m, p);
}
constexpr bool same(pipeline_split s, int first, int last, int busiest_other) {
  return s.first == first && s.last == last && s.busiest_other == busiest_other;
}

// The default split, checked at compile time.
static_assert(same(split(96, 8), 12, 12, 12));          // even: layers / pp everywhere
static_assert(same(split(28, 8), 4, 3, 4));             // 4 4 4 4 3 3 3 3: extras first
static_assert(same(split(70, 12), 6, 5, 6));            // 6 x 10, 5, 5
static_assert(same(split(70, 12, 1, true, true), 5, 5, 6));  // BLOOM: E+5, 6 x 10, 5+E
static_assert(same(split(126, 8, 8), 16, 15, 16));      // chunks 62, 63 hold one layer
static_assert(same(split(126, 8, 8, true, true), 15, 15, 16));  // MLPerf v5.0: 128 slots
static_assert(same(split(126, 16, 2), 8, 7, 8));
static_assert(same(split(7, 1), 7, 7, 0));              // one stage holds everything
// Explicit counts (Megatron-Core's num_layers_in_first/last_pipeline_stage).
static_assert(same(split(96, 8, 1, false, false, 12, 6), 12, 6, 13));  // 78 over 6 middle
static_assert(same(split(96, 8, 1, false, false, 0, 5), 13, 5, 13));   // 91 over 7 others
static_assert(same(split(96, 8, 1, false, false, 5, 0), 5, 13, 13));
static_assert(same(split(28, 2, 1, false, false, 20, 8), 20, 8, 20));  // no middle stage
// A split that breaks a rule gives zeros (find_problem names the rule).
static_assert(same(split(96, 8, 1, false, false, 96, 0), 0, 0, 0));

const cluster_spec& h100 = clusters::hgx_h100_ndr;
const cluster_spec& a100 = clusters::dgx_a100_superpod;

std::string why(const transformer& m, const parallel_plan& p, const cluster_spec& c, int chips,
                bool check_memory = true) {
  const reason* r = find_problem(m, p, c, chips, check_memory);
  return r ? r->code : "ok";
}

// A 28-layer model: Llama 3.2 3B's shape (meta-llama/Llama-3.2-3B config.json).
constexpr transformer llama32_3b() {
  return checked(transformer{.name = "28-layer (Llama 3.2 3B shape)",
                             .layers = 28,
                             .hidden = 3072,
                             .heads = 24,
                             .kv_heads = 8,
                             .ffn = 8192,
                             .gated_mlp = true,
                             .vocab = 128256,
                             .tied_embeddings = true,
                             .positions = position_kind::rotary,
                             .seq_len = 8192,
                             .norm = norm_kind::rms_norm,
                             .biases = false});
}

// BLOOM-176B (BigScience 2022, arXiv 2211.05100, Table 3; bigscience/bloom config.json).
constexpr transformer bloom_176b() {
  return checked(transformer{.name = "BLOOM-176B",
                             .layers = 70,
                             .hidden = 14336,
                             .heads = 112,
                             .vocab = 250880,
                             .tied_embeddings = true,
                             .positions = position_kind::alibi,
                             .seq_len = 2048});
}
}  // namespace

TEST_CASE("Llama 3.1 405B on PP 8 x VP 8, as NVIDIA ran it in MLPerf Training v5.0, is accepted",
          "[pipeline][accepted]") {
  // NVIDIA's closed submission on 64 DGX H100 (training_results_v5.0, NVIDIA/benchmarks/
  // llama31_405b/implementations/eos-dfw_n64_ngc25.01_nemo/config_DGXH100_64x8x288xtp8pp8cp2.sh
  // and its config_common.sh): TP 8, PP 8, interleaved 8, CP 2, microbatch 1, global batch 288,
  // ASYM_PP_EMBED and ASYM_PP_LOSS (the embedding and loss count as a layer each: 126 + 2 = 128
  // slots over 64 chunks), FP8 with FP8 parameters, distributed optimizer (ZeRO 1), TP
  // communication overlap. Assumed: sequence parallel (NeMo's default with TP), no recompute,
  // pipeline sends overlapped (Megatron-Core's interleaved schedule), Megatron's rank order.
  const transformer& m = models::llama3_405b.shape;
  REQUIRE(m.layers == 126);
  const parallel_plan p{.tp = 8, .sequence_parallel = true, .pp = 8, .vp = 8,
                        .embedding_in_split = true, .loss_in_split = true, .cp = 2, .zero_stage = 1,
                        .microbatch = 1, .global_batch = 288, .recompute_mode = recompute::none,
                        .compute = precision::fp8, .recipe = recipes::fp8_bf16_master};
  const step_options o{.overlap_pp = true};
  CHECK(why(m, p, h100, 512) == "ok");
  const pipeline_split s = pipeline_split_of(m, p);
  CHECK(s.first == 15);  // embedding + 1 layer in chunk 0, 2 layers in each of the other 7
  CHECK(s.last == 15);   // the loss takes a layer's slot on the last chunk
  CHECK(s.busiest_other == 16);
  const result<step_breakdown> r = try_estimate_step(m, h100, 512, p, o);
  REQUIRE(r.ok());
  const step_breakdown& b = r.value();
  CHECK(b.microbatches == 72.0);  // 288 / dp 4: a multiple of pp 8, as the schedule needs
  std::cout << "Llama 3.1 405B, MLPerf v5.0 plan (TP 8, PP 8 x v 8, CP 2, 512 H100, FP8): step "
            << b.step.in(seconds) << " s, MFU " << 100.0 * b.mfu << "% (of FP8 peak), "
            << b.model_flops_per_chip.in(tflop_per_s) << " TFLOP/s per chip, memory "
            << b.memory.total().in(gigabytes) << " GB; bubble " << b.bubble.in(seconds)
            << " s\n";
  CHECK(b.mfu > 0.1);
  CHECK(b.mfu < 0.6);

  // The same run without the embedding and loss in the split, and the BF16 form of the plan
  // with plain tp 8, pp 8, vp 8 on 16 x 8 x 8 = 1,024 chips, are accepted too.
  parallel_plan plain = p;
  plain.embedding_in_split = plain.loss_in_split = false;
  CHECK(why(m, plain, h100, 512) == "ok");
  const parallel_plan bf16{.tp = 8, .sequence_parallel = true, .pp = 8, .vp = 8,
                           .zero_stage = 1, .microbatch = 1, .global_batch = 1024};
  CHECK(why(m, bf16, h100, 1024, false) == "ok");
  CHECK(try_estimate_step(m, h100, 1024, bf16, {.check_memory = false}).ok());
}

TEST_CASE("BLOOM-176B's 70 layers on 12 pipeline stages are accepted", "[pipeline][accepted]") {
  // BigScience tr11-176B-ml: 384 A100 80GB, TP 4, PP 12, DP 8, ZeRO 1, BF16, with
  // --pp-partition-method 'type:transformer|embedding' (stage 0: embedding + 5 layers, stages
  // 1-10: 6, stage 11: 5 + the tied output embedding). Assumed: microbatch 2, global batch 2048,
  // full recompute, unfused attention (2022, Megatron-DeepSpeed).
  const transformer m = bloom_176b();
  const cluster_spec c = a100.with_count(384);
  parallel_plan p{.tp = 4, .pp = 12, .embedding_in_split = true, .loss_in_split = true,
                  .zero_stage = 1, .microbatch = 2, .global_batch = 2048,
                  .recompute_mode = recompute::full, .fused_attention = false};
  CHECK(why(m, p, c, 384) == "ok");
  CHECK(same(pipeline_split_of(m, p), 5, 5, 6));
  const step_breakdown with_tables = estimate_step(m, c, 384, p);
  // The default split without the tables: 6 layers on stages 0-9, 5 on 10 and 11.
  p.embedding_in_split = p.loss_in_split = false;
  CHECK(why(m, p, c, 384) == "ok");
  CHECK(same(pipeline_split_of(m, p), 6, 5, 6));
  const step_breakdown without = estimate_step(m, c, 384, p);
  // The same busiest stages (6 layers, or 5 and the logits) pace both (the first stage's smaller
  // share of the parameters only trims its optimizer step); it holds one layer fewer with the
  // embedding counted, so less memory.
  CHECK_THAT(with_tables.step.in(seconds),
             Catch::Matchers::WithinRel(without.step.in(seconds), 1e-3));
  CHECK(with_tables.step <= without.step);
  CHECK(with_tables.memory.total() < without.memory.total());
}

TEST_CASE("a 28-layer model on 8 pipeline stages is accepted and paced by its busiest stage",
          "[pipeline][accepted]") {
  transformer m = llama32_3b();
  const parallel_plan p{.tp = 1, .pp = 8, .zero_stage = 1, .microbatch = 1, .global_batch = 64};
  CHECK(why(m, p, h100, 64) == "ok");
  const step_breakdown s28 = estimate_step(m, h100, 64, p);
  transformer m24 = m, m32 = m;
  m24.layers = 24;  // 3 layers per stage
  m32.layers = 32;  // 4 layers per stage, as on the busiest stages of the 28-layer split
  const step_breakdown s24 = estimate_step(m24, h100, 64, p);
  const step_breakdown s32 = estimate_step(m32, h100, 64, p);
  CHECK(s24.step < s28.step);
  CHECK(s28.step <= s32.step);

  // With a negligible vocabulary the logits weigh next to nothing (8 columns: under 0.1% of a
  // stage, at their poor GEMM efficiency), so the stages with 4 layers pace the 28-layer model
  // like the 32-layer one: as long a step, not 28/32 of it.
  m.vocab = m24.vocab = m32.vocab = 8;
  const step_breakdown t28 = estimate_step(m, h100, 64, p);
  const step_breakdown t32 = estimate_step(m32, h100, 64, p);
  CHECK(t28.step <= t32.step);
  CHECK(t28.step.in(seconds) >= t32.step.in(seconds) * (1.0 - 1e-3));  // not 28/32 of it
}

TEST_CASE("explicit first and last stage layers move the work as set", "[pipeline]") {
  const transformer m = llama32_3b();  // 28 layers on 4 stages: 7 each
  parallel_plan p{.tp = 1, .pp = 4, .zero_stage = 1, .microbatch = 1, .global_batch = 64};
  const step_breakdown even = estimate_step(m, h100, 64, p);

  // Stating the even split explicitly changes nothing, to the bit.
  p.first_stage_layers = 7;
  p.last_stage_layers = 7;
  CHECK(same(pipeline_split_of(m, p), 7, 7, 7));
  CHECK(estimate_step(m, h100, 64, p).step == even.step);

  // Fewer layers on the last stage (it also computes the logits) and the rest spread over the
  // others: 4 on the last, 8 on each of the three others. The busiest stage has 8 layers where the
  // even split's last stage had 7 and the logits.
  p.first_stage_layers = 0;
  p.last_stage_layers = 4;
  CHECK(why(m, p, h100, 64) == "ok");
  CHECK(same(pipeline_split_of(m, p), 8, 4, 8));
  const step_breakdown light_last = estimate_step(m, h100, 64, p);
  CHECK(light_last.memory.total() > even.memory.total());  // the first stage holds 8 layers

  // Edge stages of 4 and middle stages of 10: the middle stages pace, slower than either.
  p.first_stage_layers = 4;
  p.last_stage_layers = 4;
  CHECK(same(pipeline_split_of(m, p), 4, 4, 10));
  const step_breakdown heavy_middle = estimate_step(m, h100, 64, p);
  CHECK(heavy_middle.step > even.step);
  CHECK(heavy_middle.step > light_last.step);
  CHECK(heavy_middle.memory.total() < even.memory.total());  // the first stage holds 4 layers

  // Too many layers on the last stage: it paces, with the logits on top.
  p.first_stage_layers = 0;
  p.last_stage_layers = 10;  // 18 over 3 others: 6 each
  const step_breakdown heavy_last = estimate_step(m, h100, 64, p);
  CHECK(heavy_last.step > even.step);
}

TEST_CASE("invalid explicit stage layer counts give their reasons", "[pipeline][errors]") {
  const transformer m = llama32_3b();
  parallel_plan p{.tp = 1, .pp = 4, .zero_stage = 1, .microbatch = 1, .global_batch = 64};
  p.first_stage_layers = 28;  // nothing left for the three other stages
  CHECK(why(m, p, h100, 64) == "plan_stage_layers_out_of_range");
  p.first_stage_layers = 26;  // 2 layers for 3 stages
  CHECK(why(m, p, h100, 64) == "plan_stage_layers_out_of_range");
  p.first_stage_layers = -3;
  CHECK(why(m, p, h100, 64) == "plan_stage_layers_out_of_range");
  p.first_stage_layers = 5;  // 23 over 3 stages
  CHECK(why(m, p, h100, 64) == "plan_layers_not_divisible");
  p.first_stage_layers = 4;
  p.last_stage_layers = 6;  // 18 over 2 middle stages: 9 each
  CHECK(why(m, p, h100, 64) == "ok");
  p.vp = 2;  // 9 layers do not split over 2 chunks
  CHECK(why(m, p, h100, 64) == "plan_layers_not_divisible");
  p.vp = 1;
  p.embedding_in_split = true;
  CHECK(why(m, p, h100, 64) == "plan_stage_layers_with_split_accounting");
  CHECK(std::string(try_estimate_step(m, h100, 64, p).error()->code) ==
        "plan_stage_layers_with_split_accounting");
}

TEST_CASE("fewer microbatches than stages: the fill and drain do not shrink", "[pipeline][step]") {
  // With v = 1 every microbatch passes all p stages, so a step of m microbatches takes
  // (p + m - 1) stage-times however small m is: p - 1 of them are bubble.
  const transformer& m = models::gpt3_175b.shape;
  const parallel_plan p{.tp = 8, .sequence_parallel = true, .pp = 16, .zero_stage = 1,
                        .microbatch = 1, .global_batch = 2 * 8,
                        .recompute_mode = recompute::selective};
  const step_breakdown s = estimate_step(m, a100, 1024, p);  // dp 8: 2 microbatches
  REQUIRE(s.microbatches == 2.0);
  const duration<> slot = s.compute / s.microbatches + s.memory_bound / s.microbatches +
                          s.tp_comm / s.microbatches + s.pp_comm / s.microbatches;
  CHECK_THAT(s.bubble.in(seconds), Catch::Matchers::WithinRel(slot.in(seconds) * 15.0, 1e-12));
  CHECK(s.step >= slot * 16.0);  // one microbatch alone needs all 16 stage-times

  // Interleaving with 2 microbatches per pipeline is refused (Megatron-Core needs a multiple of
  // pp); with 16 it is accepted and its bubble is (p - 1) / v slots.
  parallel_plan q = p;
  q.vp = 2;
  CHECK(why(m, q, a100, 1024) == "plan_interleaved_microbatches");
  q.global_batch = 16 * 8;
  CHECK(why(m, q, a100, 1024) == "ok");
  const step_breakdown v2 = estimate_step(m, a100, 1024, q);
  const duration<> slot2 = (v2.compute + v2.memory_bound + v2.tp_comm + v2.pp_comm) / 16.0;
  CHECK_THAT(v2.bubble.in(seconds), Catch::Matchers::WithinRel(slot2.in(seconds) * 7.5, 1e-12));
}

TEST_CASE("even splits keep their memory and step to the bit", "[pipeline]") {
  const transformer& m = models::gpt3_175b.shape;
  const parallel_plan p{.tp = 8, .sequence_parallel = true, .pp = 8, .vp = 3, .zero_stage = 1,
                        .microbatch = 1, .global_batch = 1536};
  // The first stage's own layer count (12 of 96) gives the bits of layers / pp.
  const memory_breakdown<double> own = plan_memory_per_chip(m, p, 1024);
  const memory_breakdown<double> spread =
      memory_per_chip<double>(m, p.recipe, p.opt, sharding_of(p, 1024), 1.0,
                              {.policy = p.recompute_mode, .fused_attention = p.fused_attention,
                               .dropout = p.dropout});
  CHECK(own.total() == spread.total());
  CHECK(own.activations == spread.activations);
  CHECK(own.weights == spread.weights);
}

TEST_CASE("Llama 3 405B's Table 4 plan with its 126 layers as Meta split them is accepted",
          "[pipeline][accepted]") {
  // Meta gives the first and last of 16 stages one layer fewer (arXiv 2407.21783, Sec. 3.3.2):
  // the embedding and the loss counted as a layer each, 128 slots over 16 x 2 chunks. The
  // validation row (unchanged) models 128 full layer slots instead.
  for (const published_run& r : runs::validation) {
    if (r.id != "llama3-405b-t4-16384-cp1") continue;
    parallel_plan p = r.plan;
    p.embedding_in_split = p.loss_in_split = true;
    const transformer& m = models::llama3_405b.shape;
    CHECK(why(m, p, r.cluster, r.chips, false) == "ok");
    CHECK(same(pipeline_split_of(m, p), 7, 7, 8));
    const step_breakdown faithful = estimate_step(m, r.cluster, r.chips, p, r.options);
    const step_breakdown slots = estimate_step(r.model, r.cluster, r.chips, r.plan, r.options);
    // Paced by the middle stages' 8 layers (the last stage's 7 and the logits weigh less): no
    // longer a step than the 128-slot row, whose last stage has 8 layers and the logits (about
    // 6% more), and never below the 8 layers' worth.
    CHECK(faithful.step <= slots.step);
    // The logits are about 6% of a last stage's work: 1 / 1.06 = 0.943 of the slots' step.
    CHECK(faithful.step.in(seconds) >= slots.step.in(seconds) * 0.93);
    std::cout << "Llama 3 405B on 16,384 H100, 126 layers split as Meta did: MFU "
              << 100.0 * faithful.mfu << "% (the 128-slot validation row: " << 100.0 * slots.mfu
              << "%; reported 41%)\n";
  }
}
