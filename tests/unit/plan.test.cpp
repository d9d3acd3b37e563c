// Every rule of a valid parallel plan, each with its reason.
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/workload/catalog.hpp>

#include <string>

#include "catch_any.hpp"

using namespace flopcast;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
const transformer& gpt3 = models::gpt3_175b.shape;  // 96 layers, 96 heads
const cluster_spec& a100 = clusters::dgx_a100_superpod;  // 1,024 A100 80GB

parallel_plan good() {
  return {.tp = 8, .sequence_parallel = true, .pp = 8, .microbatch = 1, .global_batch = 1536,
          .recompute_mode = recompute::selective};
}

std::string why(const transformer& m, const parallel_plan& p, int chips,
                const cluster_spec& c = a100) {
  const reason* r = find_problem(m, p, c, chips);
  return r ? r->code : "ok";
}
}  // namespace

TEST_CASE("a sensible GPT-3 plan on 1,024 A100 is valid", "[plan]") {
  CHECK(why(gpt3, good(), 1024) == "ok");
  CHECK(try_estimate_step(gpt3, a100, 1024, good()).ok());
}

TEST_CASE("each plan rule is reported with its reason", "[plan][errors]") {
  auto p = good();
  SECTION("sizes below one") {
    p.tp = 0;
    CHECK(why(gpt3, p, 1024) == "plan_sizes_below_one");
  }
  SECTION("zero chips") { CHECK(why(gpt3, p, 0) == "plan_sizes_below_one"); }
  SECTION("more chips than the cluster") { CHECK(why(gpt3, p, 2048) == "plan_more_chips_than_cluster"); }
  SECTION("chips not a multiple of tp x pp x cp") { CHECK(why(gpt3, p, 1000) == "plan_chips_not_divisible"); }
  SECTION("tp must divide heads") {
    p.tp = 5;
    p.pp = 1;
    p.global_batch = 1640;
    CHECK(why(gpt3, p, 1000, a100) == "plan_tp_does_not_divide_heads");
  }
  SECTION("tp and kv heads") {
    transformer gqa = models::llama3_70b.shape;  // 64 heads, 8 KV heads
    p.tp = 16;
    p.pp = 1;
    p.zero_stage = 1;
    p.global_batch = 1024;
    p.recompute_mode = recompute::full;
    CHECK(why(gqa, p, 1024) == "ok");  // KV heads replicated over tp 16: allowed
    gqa.heads = 48;
    gqa.kv_heads = 6;
    p.tp = 32;
    CHECK(why(gqa, p, 1024) == "plan_tp_does_not_divide_heads");
    p.tp = 8;
    CHECK(why(gqa, p, 1024) == "plan_tp_does_not_divide_kv_heads");
  }
  SECTION("every pipeline chunk needs a layer") {
    p.pp = 16;
    p.vp = 8;  // 128 chunks for 96 layers
    CHECK(why(gpt3, p, 1024) == "plan_more_chunks_than_layers");
    p.vp = 4;  // 64 chunks: 32 of two layers and 32 of one
    CHECK(why(gpt3, p, 1024) == "ok");
    p.vp = 6;  // 96 chunks of one layer
    p.embedding_in_split = true;  // 97 slots: the first chunk holds the embedding and a layer
    CHECK(why(gpt3, p, 1024) == "ok");
    p.loss_in_split = true;  // 98 slots: the last chunk holds the loss alone, as Megatron-Core's
                             // layouts allow (Megatron-Bridge: 126 layers on PP 16 x VP 8)
    CHECK(why(gpt3, p, 1024) == "ok");
    p.vp = 8;  // 128 chunks for 98 slots
    CHECK(why(gpt3, p, 1024) == "plan_more_chunks_than_layers");
  }
  SECTION("explicit first and last stage layers") {
    p.first_stage_layers = 96;  // nothing left for the other 7 stages
    CHECK(why(gpt3, p, 1024) == "plan_stage_layers_out_of_range");
    p.first_stage_layers = -1;
    CHECK(why(gpt3, p, 1024) == "plan_stage_layers_out_of_range");
    p.first_stage_layers = 12;
    p.last_stage_layers = 10;  // 74 layers over 6 middle stages
    CHECK(why(gpt3, p, 1024) == "plan_layers_not_divisible");
    p.last_stage_layers = 6;  // 78 over 6: 13 each
    CHECK(why(gpt3, p, 1024) == "ok");
    p.vp = 2;  // 13 layers do not split over 2 chunks
    CHECK(why(gpt3, p, 1024) == "plan_layers_not_divisible");
    p.vp = 1;
    p.loss_in_split = true;
    CHECK(why(gpt3, p, 1024) == "plan_stage_layers_with_split_accounting");
    p.loss_in_split = false;
    p.pp = 1;
    p.global_batch = 1024;
    CHECK(why(gpt3, p, 1024) == "plan_stage_layers_out_of_range");  // needs two stages
  }
  SECTION("interleaving needs the microbatches in groups of pp") {
    p.vp = 2;
    p.global_batch = 16 * 12;  // dp 16: 12 microbatches per pipeline, not a multiple of pp 8
    CHECK(why(gpt3, p, 1024) == "plan_interleaved_microbatches");
    p.global_batch = 16 * 16;
    CHECK(why(gpt3, p, 1024) == "ok");
    p.vp = 1;  // plain 1F1B takes any count
    p.global_batch = 16 * 12;
    CHECK(why(gpt3, p, 1024) == "ok");
  }
  SECTION("interleaving needs a pipeline") {
    p.pp = 1;
    p.vp = 2;
    CHECK(why(gpt3, p, 1024) == "plan_interleaving_needs_pipeline");
  }
  SECTION("batch must split into microbatches over dp") {
    p.global_batch = 1000;  // dp 16
    CHECK(why(gpt3, p, 1024) == "plan_batch_not_divisible");
  }
  SECTION("cp must divide the sequence in 2 cp chunks") {
    transformer odd = gpt3;
    odd.seq_len = 2050;
    p.cp = 2;
    p.global_batch = 768;
    CHECK(why(odd, p, 1024) == "plan_cp_does_not_divide_sequence");
  }
  SECTION("ep needs experts, and must divide them and dp x cp") {
    p.ep = 2;
    CHECK(why(gpt3, p, 1024) == "plan_ep_on_dense_model");
    const transformer& mixtral = models::mixtral_8x7b.shape;  // 8 experts, 32 heads, 8 KV heads
    parallel_plan q{.tp = 8, .pp = 1, .ep = 3, .microbatch = 1, .global_batch = 1024,
                    .recompute_mode = recompute::full};
    CHECK(why(mixtral, q, 1024) == "plan_ep_does_not_divide_experts");
    q.ep = 8;
    CHECK(why(mixtral, q, 1024) == "ok");
    CHECK(why(mixtral, q, 32) == "plan_ep_exceeds_dp_cp");  // dp = 4
  }
  SECTION("zero stage out of range") {
    p.zero_stage = 4;
    CHECK(why(gpt3, p, 1024) == "zero_stage_out_of_range");
  }
  SECTION("the model must fit in memory") {
    p.tp = 1;
    p.pp = 1;
    p.global_batch = 1024;
    CHECK(why(gpt3, p, 1024) == "plan_does_not_fit_in_memory");
    p.zero_stage = 3;  // 175B x 16 B / 1,024 = 2.7 GB of state: fits, activations permitting
    p.recompute_mode = recompute::full;
    CHECK(why(gpt3, p, 1024) == "ok");
  }
  SECTION("estimate options are checked too") {
    step_options o;
    o.goodput = 0.0;
    CHECK(std::string(try_estimate_step(gpt3, a100, 1024, p, o).error()->code) == "goodput_out_of_range");
    o.goodput = 1.0;
    o.tp_overlap = 1.5;
    CHECK(std::string(try_estimate_step(gpt3, a100, 1024, p, o).error()->code) == "overlap_out_of_range");
    CHECK(std::string(try_estimate_run(gpt3, a100, 1024, p, -5.0).error()->code) == "tokens_must_be_positive");
  }
}

TEST_CASE("the breakdown adds up to the step and MFU follows from it", "[step]") {
  const step_breakdown s = estimate_step(gpt3, a100, 1024, good());
  const duration<> parts = s.compute + s.memory_bound + s.tp_comm + s.cp_comm + s.ep_comm +
                           s.pp_comm + s.bubble + s.dp_comm + s.optimizer;
  REQUIRE_THAT(parts.in(seconds), Catch::Matchers::WithinRel(s.step.in(seconds), 1e-9));
  REQUIRE_THAT(s.mfu, Catch::Matchers::WithinRel(
                          s.model_flops.base_value() / (s.step.in(seconds) * 1024 * 312e12), 1e-9));
  CHECK(s.hfu > s.mfu);  // selective recompute adds the attention core
  CHECK(s.tokens_per_s > 0.0);
}

TEST_CASE("more chips of the same plan shorten the step; FP8 beats BF16 on H100", "[step]") {
  const step_breakdown s1 = estimate_step(gpt3, a100, 512, good());
  const step_breakdown s2 = estimate_step(gpt3, a100, 1024, good());
  CHECK(s2.step < s1.step);
  auto h100 = clusters::hgx_h100_ndr;
  auto p = good();
  const step_breakdown bf16 = estimate_step(gpt3, h100, 1024, p);
  p.compute = precision::fp8;
  p.recipe = recipes::fp8_bf16_master;
  const step_breakdown fp8 = estimate_step(gpt3, h100, 1024, p);
  CHECK(fp8.step < bf16.step);
  CHECK(fp8.step > bf16.step * 0.5);  // never the full 2x: attention, memory and comms remain
}

TEST_CASE("FP8 on a chip without FP8 is rejected with the catalog's reason", "[step][errors]") {
  auto p = good();
  p.compute = precision::fp8;
  CHECK(std::string(try_estimate_step(gpt3, a100, 1024, p).error()->code) ==
        "precision_not_supported_by_chip");
}

TEST_CASE("rank order decides which data-parallel peers share an NVLink domain", "[step]") {
  // TP 4 on 8-GPU domains: in Megatron's order (TP, CP, DP, PP) two DP peers share each domain
  // and the NIC carries half the gradient; in Llama 3's (TP, CP, PP, DP) each DP peer is a whole
  // pipeline away and carries all of it.
  const parallel_plan p{.tp = 4, .sequence_parallel = true, .pp = 8, .zero_stage = 1,
                        .microbatch = 1, .global_batch = 256};
  step_options megatron{.overlap_dp = false}, llama{.overlap_dp = false};
  llama.order = rank_order::tp_cp_pp_dp;
  const auto& h100 = clusters::hgx_h100_ndr;
  const step_breakdown a = estimate_step(gpt3, h100, 1024, p, megatron);
  const step_breakdown b = estimate_step(gpt3, h100, 1024, p, llama);
  CHECK(a.dp_comm < b.dp_comm * 0.75);
  CHECK(a.compute == b.compute);
  // TP 8 fills the domain: both orders put every DP peer in another domain.
  auto p8 = p;
  p8.tp = 8;
  CHECK_THAT(estimate_step(gpt3, h100, 1024, p8, megatron).dp_comm.in(seconds),
             Catch::Matchers::WithinRel(estimate_step(gpt3, h100, 1024, p8, llama).dp_comm.in(seconds), 1e-12));
}

TEST_CASE("context-parallel exchange is hidden behind attention unless it gathers first", "[step]") {
  transformer m = models::llama3_405b.shape;
  m.layers = 128;
  m.seq_len = 131072;
  const parallel_plan p{.tp = 8, .sequence_parallel = true, .pp = 16, .vp = 2, .cp = 16,
                        .zero_stage = 2, .microbatch = 1, .global_batch = 128};
  const step_options overlapped{.check_memory = false};
  step_options gathered = overlapped;
  gathered.overlap_cp = false;
  const auto& h100 = clusters::hgx_h100_ndr;
  const step_breakdown a = estimate_step(m, h100, 16384, p, overlapped);
  const step_breakdown b = estimate_step(m, h100, 16384, p, gathered);
  CHECK(b.cp_comm > duration<>{});
  CHECK(a.cp_comm < b.cp_comm);
  CHECK(b.step > a.step);
}

TEST_CASE("fused causal attention executes half the scores; MFU's convention is separate", "[step]") {
  const auto& h100 = clusters::hgx_h100_ndr;
  parallel_plan p = good();
  p.fused_attention = true;
  const step_breakdown fused = estimate_step(gpt3, h100, 1024, p);
  p.fused_attention = false;
  const step_breakdown unfused = estimate_step(gpt3, h100, 1024, p);
  CHECK(fused.compute < unfused.compute);   // half the score and value FLOPs
  CHECK(fused.memory_bound < unfused.memory_bound);  // and no scores in HBM
  // Reporting MFU with causal-halved FLOPs changes the figure, not the time.
  p.fused_attention = true;
  const step_breakdown causal_mfu =
      estimate_step(gpt3, h100, 1024, p, {.mask = attention_mask::causal_skip});
  CHECK(causal_mfu.step == fused.step);
  CHECK(causal_mfu.mfu < fused.mfu);
}

TEST_CASE("usable memory: the device's capacity less named runtime, buffers and fragmentation",
          "[plan][memory]") {
  // HBM is binary: an "80GB" H100 gives software 81,559 MiB (nvidia-smi), 85.5e9 bytes.
  const chip_spec& h100 = chips::h100_sxm;
  CHECK(h100.memory_per_accelerator().in(gigabytes) == 80.0);  // as marketed
  CHECK_THAT(h100.device_memory_per_accelerator().in(mebibytes), WithinRel(81559.0, 1e-12));
  const memory_reserve r = memory_reserve_for(h100);
  CHECK(valid(r));
  // By hand, from the cited allowances: 81,559 MiB x 0.95 - 1.343 GB (CUDA context) - 32 MiB
  // (cuBLAS) - 1 GiB (NCCL) = 85,520,809,984 x 0.95 - 1,343,000,000 - 33,554,432 - 1,073,741,824.
  CHECK_THAT(usable_memory(h100).base_value(), WithinRel(78'794'473'228.8, 1e-12));
  // A chip without a device figure starts from its marketed capacity.
  CHECK(!chips::v100_sxm2_32gb.memory_device.has_value());
  CHECK_THAT(chips::v100_sxm2_32gb.device_memory_per_accelerator().in(gigabytes),
             WithinRel(32.0, 1e-12));
  // TPUs (XLA: one static allocation) keep only the fragmentation allowance; Google prints GiB.
  CHECK_THAT(usable_memory(chips::tpu_v5p).in(gibibytes), WithinRel(95.0 * 0.95, 1e-12));
  // Every catalog chip has a positive usable capacity below what the device gives.
  for (const chip_spec* c : all_chips) {
    INFO(c->name);
    CHECK(usable_memory(*c).base_value() > 0.0);
    CHECK(usable_memory(*c) < c->device_memory_per_accelerator());
  }
  memory_reserve bad = r;
  bad.fragmentation = 0.6;
  CHECK_FALSE(valid(bad));
}

TEST_CASE("Llama 3 405B at 16,384 H100 fits in 80 GB as Meta ran it", "[plan][memory]") {
  // Table 4 of the Llama 3 paper: TP 8, PP 16, 8K sequence, 2,048 sequences: 16 microbatches
  // per pipeline, so the first stage holds 16 in flight, not an interleaved warm-up of 23.5.
  transformer m = models::llama3_405b.shape;
  m.layers = 128;
  const parallel_plan p{.tp = 8, .sequence_parallel = true, .pp = 16, .vp = 2, .zero_stage = 2,
                        .microbatch = 1, .global_batch = 2048,
                        .recompute_mode = recompute::none};
  const cluster_spec& h100 = clusters::hgx_h100_ndr;
  CHECK(find_problem(m, p, h100, 16384) == nullptr);
  const double need = plan_memory_per_chip(m, p, 16384).total().in(gigabytes);
  CHECK(need < usable_memory(h100.chip).in(gigabytes));
  CHECK(need > 0.9 * 80.0);  // the old 90%-of-marketed rule refused it
  // With 32 microbatches (8,192 GPUs) the warm-up bound holds: 16 x (1 + 15/32) microbatches.
  const auto s8k = sharding_of(m, p, 8192);
  CHECK(s8k.microbatches == 32.0);
  const auto s16k = sharding_of(m, p, 16384);
  CHECK(s16k.microbatches == 16.0);
  const double act8k = activation_bytes_per_chip<double>(m, 1.0, s8k, {.fused_attention = true, .dropout = false}).base_value();
  const double act16k = activation_bytes_per_chip<double>(m, 1.0, s16k, {.fused_attention = true, .dropout = false}).base_value();
  CHECK_THAT(act8k / act16k, WithinRel(1.0 + 15.0 / 32.0, 1e-9));
  // Unknown microbatch count (0): the warm-up bound, as before.
  sharding<double> unknown = s16k;
  unknown.microbatches = 0.0;
  CHECK(activation_bytes_per_chip<double>(m, 1.0, unknown, {.fused_attention = true, .dropout = false}).base_value() == act8k);
}

TEST_CASE("ZeRO-2 reduces the gradients of every microbatch, ZeRO-1 once per step", "[plan]") {
  // Llama 3 8B on 64 H100 over a slow scale-out network (25 Gb/s per GPU): the reductions cannot
  // hide, so ZeRO-2's m - 1 extra ones show, m = 8 microbatches.
  cluster_spec slow = clusters::hgx_h100_ndr.with_count(64);
  slow.scale_out.per_direction = 25.0 * gigabits_per_s;
  const transformer& m = models::llama3_8b.shape;
  parallel_plan p{.microbatch = 1, .global_batch = 512};
  p.zero_stage = 1;
  const step_breakdown one = estimate_step(m, slow, 64, p);
  p.zero_stage = 2;
  const step_breakdown two = estimate_step(m, slow, 64, p);
  REQUIRE(one.microbatches == 8.0);
  CHECK(two.dp_comm.in(seconds) > one.dp_comm.in(seconds) * 2.0);
  CHECK(two.compute == one.compute);
  // One microbatch per step: nothing to accumulate, the two stages cost the same.
  p.global_batch = 64;
  p.zero_stage = 1;
  const step_breakdown one_mb = estimate_step(m, slow, 64, p);
  p.zero_stage = 2;
  CHECK(estimate_step(m, slow, 64, p).dp_comm == one_mb.dp_comm);
}
