#pragma once
#include "flopcast/core/config.hpp"
// Published training runs used to validate the step-time model, each with its source (listed
// below). Each row states the figures the source gives and, separately, what it leaves out and
// we had to assume (`assumed`). The assumptions follow one rule per source, never one per row.
//
// Sources:
//  - Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU Clusters Using
//    Megatron-LM", arXiv 2104.04473, Tables 1 and 2. A100 80GB on Selene (DGX A100, 8 HDR
//    200 Gb/s NICs per node). Reported TFLOP/s per GPU counts the recompute forward (Eq. 3).
//  - Llama 3 (Dubey et al. 2024), arXiv 2407.21783, Table 4: BF16 MFU on H100 SXM.
//  - PaLM (Chowdhery et al. 2022), arXiv 2204.02311, Sec. 4 and App. B: 46.2% MFU on TPU v4.
//  - MLPerf Training v3.0/v3.1 closed GPT-3 175B results (mlcommons training_results_v3.0/v3.1):
//    steady-state step time derived from the raw result logs (median over a submission's
//    result files of training-segment time / steps in the segment, warm-up segment dropped).
#include <array>
#include <string_view>

#include "flopcast/estimate/step_time.hpp"
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/workload/catalog.hpp"

namespace flopcast {

enum class run_metric : unsigned char {
  hardware_tflops_per_chip,  // Narayanan 2021: TFLOP/s per GPU including recompute
  mfu,                       // Llama 3, PaLM: model FLOPs utilization
  step_time_s,               // MLPerf: steady-state seconds per step
};

struct published_run {
  std::string_view id{};      // short run id ("meg21-t1-1.7B"; MLPerf: round and system)
  std::string_view source{};  // short citation
  transformer model{};
  cluster_spec cluster{};
  int chips = 0;
  parallel_plan plan{};
  step_options options{};
  run_metric metric = run_metric::mfu;
  double reported = 0.0;
  std::string_view assumed{};    // what the source does not state
  std::string_view known_gap{};  // non-empty: a faithful mechanism does not explain this row
};

namespace runs {

// GPT shapes of Narayanan 2021 Table 1 (vocabulary 51,200, sequence 2,048, learned positions).
constexpr transformer gpt(int layers, int hidden, int heads) {
  return checked(transformer{.name = "GPT (Narayanan 2021)",
                             .layers = layers,
                             .hidden = hidden,
                             .heads = heads,
                             .vocab = 51200,
                             .tied_embeddings = true,
                             .positions = position_kind::learned,
                             .seq_len = 2048});
}

// Narayanan 2021 conventions: FP16 with FP32 master weights and FP32 main gradients, full
// activation recomputation, materialized attention (2021, before fused attention kernels), no
// sequence parallelism (Korthikanti 2022 came later), gradients all-reduced after the pipeline
// flush (no DP overlap), blocking pipeline sends.
// Assumed (not in Table 1): microbatch 1 (as in Table 2's PTD-P rows); interleaved schedule
// "where PP > 1" (Sec. 5.1) with v = the smallest divisor above 1 of the layers per stage.
constexpr int interleave(int layers, int pp) {
  if (pp == 1) return 1;
  const int per_stage = layers / pp;
  for (int v = 2; v <= per_stage; ++v) {
    if (per_stage % v == 0) return v;
  }
  return 1;
}
constexpr parallel_plan megatron_2021(int layers, int tp, int pp, int batch, int microbatch = 1) {
  return {.tp = tp,
          .sequence_parallel = false,
          .pp = pp,
          .vp = interleave(layers, pp),
          .microbatch = microbatch,
          .global_batch = batch,
          .recompute_mode = recompute::full,
          .fused_attention = false,
          .dropout = true,
          .compute = precision::bf16,
          .recipe = recipes::bf16_fp32_master_fp32_grads};
}
inline constexpr step_options megatron_2021_options{.overlap_dp = false, .overlap_pp = false};

constexpr published_run table1(std::string_view id, int layers, int hidden, int heads, int chips,
                               int tp, int pp, int batch, double tflops) {
  return {.id = id,
          .source = "Narayanan 2021 Table 1",
          .model = gpt(layers, hidden, heads),
          .cluster = clusters::dgx_a100_superpod.with_count(chips),
          .chips = chips,
          .plan = megatron_2021(layers, tp, pp, batch),
          .options = megatron_2021_options,
          .metric = run_metric::hardware_tflops_per_chip,
          .reported = tflops,
          .assumed = "microbatch 1; v = smallest divisor > 1 of layers per stage"};
}

// Table 2, PTD-P: model-parallel size 96 (174.6B) and 280 (529.6B) split as TP 8 (the paper's
// convention within a DGX node) x PP 12 / 35; microbatch 1 as published.
constexpr published_run ptdp(std::string_view id, int layers, int hidden, int heads, int chips,
                             int pp, int batch, double tflops) {
  return {.id = id,
          .source = "Narayanan 2021 Table 2 (PTD-P)",
          .model = gpt(layers, hidden, heads),
          .cluster = clusters::dgx_a100_superpod.with_count(chips),
          .chips = chips,
          .plan = megatron_2021(layers, 8, pp, batch),
          .options = megatron_2021_options,
          .metric = run_metric::hardware_tflops_per_chip,
          .reported = tflops,
          .assumed = "TP 8 x PP from the model-parallel size; v as Table 1"};
}

// Table 2, ZeRO-3 (DeepSpeed, 2021) without model parallelism; microbatch as published; full
// recompute as in the rest of the paper; FP16 gradients (DeepSpeed's default). Its collectives
// are modelled flat (each GPU's full share over its own 200 Gb/s NIC) and not overlapped with
// compute: the reported step time stays near 65-80 s from 384 to 1,536 GPUs for the 174.6B model,
// the signature of a fixed, bandwidth-bound exchange of the whole model per step.
constexpr published_run zero3(std::string_view id, int layers, int hidden, int heads, int chips,
                              int microbatch, int batch, double tflops) {
  parallel_plan p = megatron_2021(layers, 1, 1, batch, microbatch);
  p.zero_stage = 3;
  p.recipe = recipes::bf16_fp32_master;
  return {.id = id,
          .source = "Narayanan 2021 Table 2 (ZeRO-3)",
          .model = gpt(layers, hidden, heads),
          .cluster = clusters::dgx_a100_superpod.with_count(chips),
          .chips = chips,
          .plan = p,
          .options = {.overlap_dp = false,
                      .overlap_pp = false,
                      .hierarchical_dp = false,
                      .zero3_prefetch = false},
          .metric = run_metric::hardware_tflops_per_chip,
          .reported = tflops,
          .assumed = "full recompute; flat, non-overlapped collectives"};
}

// Llama 3 405B, Table 4: BF16, TP 8, PP 16 with interleaving, FSDP that shards gradients and
// optimizer state but keeps parameters after the forward (ZeRO-2-like), FlashAttention, no
// activation checkpointing at 8K. 126 layers over 16 stages: the first and last stage hold one
// layer fewer (Sec. 3.3.2), i.e. 128 slots of 8 per stage; we model the full stages.
// Assumed: microbatch 1, v = 2, sequence parallelism on (Megatron-style TP).
constexpr published_run llama3(std::string_view id, int chips, int cp, int seq, int batch,
                               double mfu) {
  transformer m = models::llama3_405b.shape;
  m.seq_len = seq;
  m.layers = 128;  // 16 stages x 8 layer slots; the two missing layers add 1.6% we do not count
  return {.id = id,
          .source = "Llama 3 Table 4",
          .model = m,
          .cluster = clusters::hgx_h100_ndr.with_count(chips),
          .chips = chips,
          .plan = {.tp = 8,
                   .sequence_parallel = true,
                   .pp = 16,
                   .vp = 2,
                   .cp = cp,
                   .zero_stage = 2,
                   .microbatch = 1,
                   .global_batch = batch,
                   .recompute_mode = recompute::none,
                   .fused_attention = true,
                   .compute = precision::bf16,
                   .recipe = recipes::bf16_fp32_master},
          // With 16 microbatches per pipeline (the 16,384-GPU rows) the first stage holds all 16
          // in flight, not the 23.5 of a full interleaved warm-up: 75.5 GB, within the 78.8 GB
          // usable of an H100 (parallel/plan.hpp usable_memory), so the fit check is on. The
          // 8,192-GPU row (32 microbatches) is estimated at 108 GB: see memory_unchecked below.
          .options = {.overlap_cp = false, .order = rank_order::tp_cp_pp_dp},
          .metric = run_metric::mfu,
          .reported = mfu,
          .assumed = "microbatch 1, v 2, SP on; 128 layer slots for 126 layers"};
}

// A row Meta ran in 80 GB that the estimate does not fit: with 32 microbatches per pipeline the
// first stage holds the full interleaved warm-up (23.5 microbatches x 8 layers at v = 2), 108
// GB. Meta's schedule is its own (Sec. 3.3.2: a tunable number of consecutive microbatches per
// stage, tensors deallocated as soon as they are used, one layer fewer on the first stage) and
// its depth is not published, so the fit check is off for this row only.
constexpr published_run memory_unchecked(published_run r) {
  r.options.check_memory = false;
  r.assumed = "microbatch 1, v 2, SP on; 128 layer slots for 126 layers; memory check off";
  return r;
}

// MLPerf GPT-3 175B on H100 (NVIDIA NeMo / Megatron-Core v3.x): TP 4, PP 8, virtual PP 12,
// microbatch 1, FP8, sequence parallelism, no recompute (v3.x config defaults of the submissions),
// FlashAttention, distributed optimizer; NeMo overlaps pipeline sends with compute
// (overlap_p2p_comm) and every TP collective with a GEMM (TP_COMM_OVERLAP=True in each
// config_DGXH100_*.sh; conf/tp_overlap/h100tp4pp8mbs1.yaml overlaps all ten: ring-exchange
// all-gathers, pipelined reduce-scatters, bulk overlaps in the backward).
constexpr published_run mlperf(std::string_view id, int chips, int batch, double step_s) {
  return {.id = id,
          .source = "MLPerf Training v3.x GPT-3",
          .model = gpt(96, 12288, 96),
          .cluster = clusters::hgx_h100_ndr.with_count(chips),
          .chips = chips,
          .plan = {.tp = 4,
                   .sequence_parallel = true,
                   .pp = 8,
                   .vp = 12,
                   .zero_stage = 1,
                   .microbatch = 1,
                   .global_batch = batch,
                   .recompute_mode = recompute::none,
                   .fused_attention = true,
                   .compute = precision::fp8,
                   .recipe = recipes::bf16_fp32_master},
          .options = {.tp_overlap = 1.0, .overlap_pp = true},
          .metric = run_metric::step_time_s,
          .reported = step_s,
          .assumed = "distributed optimizer (ZeRO-1); vocabulary padded to 51,200"};
}

// PaLM 540B: 12-way model parallel x 256-way FSDP per pod, no pipeline, 2 pods joined by DCN
// at 1.95x one pod's throughput. We model one pod (3,072 chips, half the batch); the cross-pod
// gradient exchange over DCN is not modelled (PaLM overlaps it; 2.5% of throughput lost).
// Rematerialization keeps one fully sharded activation per layer: full recompute (PaLM's HFU of
// 57.8% against 46.2% MFU is the 4/3 that recomputing every layer's forward adds).
constexpr published_run palm() {
  transformer m = models::palm_540b.shape;
  return {.id = "palm-540b",
          .source = "PaLM Sec. 4 and App. B",
          .model = m,
          .cluster = clusters::tpu_v4_pod.with_count(3072),
          .chips = 3072,
          .plan = {.tp = 12,
                   .sequence_parallel = true,
                   .pp = 1,
                   .zero_stage = 3,
                   .microbatch = 4,
                   .global_batch = 1024,
                   .recompute_mode = recompute::full,
                   .fused_attention = true,
                   .compute = precision::bf16,
                   .recipe = recipes::bf16_fp32_master},
          .options = {},
          .metric = run_metric::mfu,
          .reported = 0.462,
          .assumed = "one pod of two; microbatch 4 (the pod's 1,024 sequences over 256 replicas)"};
}

constexpr published_run known_gap(published_run r, std::string_view why) {
  r.known_gap = why;
  return r;
}

// Known gaps: rows the model misses by more than 15% for a reason it does not capture. They stay
// in the table; the validation test names them and excludes them from the +-15% check only.
inline constexpr std::string_view zero3_gap =
    "under-predicted: DeepSpeed ZeRO-3 (2021) overlaps part of its parameter exchange with "
    "compute. The model counts the exchange either fully exposed (as here: this row comes out "
    "16-21% slow) or fully hidden (33-48% fast for the same rows); how much DeepSpeed hid is "
    "not published";
inline constexpr std::string_view llama3_interleaving_gap =
    "under-predicted: Meta's interleaving depth is not published; at the assumed v = 2 the 16 "
    "microbatches per pipeline leave a 32% bubble (v = 4 would halve it). The 8,192-GPU row, "
    "with 32 microbatches, is within 9%";

inline constexpr std::array<published_run, 36> validation{
    table1("meg21-t1-1.7B", 24, 2304, 24, 32, 1, 1, 512, 137),
    table1("meg21-t1-3.6B", 30, 3072, 32, 64, 2, 1, 512, 138),
    table1("meg21-t1-7.5B", 36, 4096, 32, 128, 4, 1, 512, 142),
    table1("meg21-t1-18.4B", 40, 6144, 48, 256, 8, 1, 1024, 135),
    table1("meg21-t1-39.1B", 48, 8192, 64, 512, 8, 2, 1536, 138),
    table1("meg21-t1-76.1B", 60, 10240, 80, 1024, 8, 4, 1792, 140),
    table1("meg21-t1-145.6B", 80, 12288, 96, 1536, 8, 8, 2304, 148),
    table1("meg21-t1-310.1B", 96, 16384, 128, 1920, 8, 16, 2160, 155),
    table1("meg21-t1-529.6B", 105, 20480, 128, 2520, 8, 35, 2520, 163),
    table1("meg21-t1-1008.0B", 128, 25600, 160, 3072, 8, 64, 3072, 163),
    known_gap(zero3("meg21-t2-zero-3-174.6B-384", 96, 12288, 96, 384, 4, 1536, 144), zero3_gap),
    zero3("meg21-t2-zero-3-174.6B-768", 96, 12288, 96, 768, 2, 1536, 88),
    zero3("meg21-t2-zero-3-174.6B-1536", 96, 12288, 96, 1536, 1, 1536, 44),
    known_gap(zero3("meg21-t2-zero-3-529.6B-640", 105, 20480, 128, 640, 4, 2560, 138), zero3_gap),
    known_gap(zero3("meg21-t2-zero-3-529.6B-1120", 105, 20480, 128, 1120, 2, 2240, 98), zero3_gap),
    zero3("meg21-t2-zero-3-529.6B-2240", 105, 20480, 128, 2240, 1, 2240, 48),
    ptdp("meg21-t2-ptd-p-174.6B-384", 96, 12288, 96, 384, 12, 1536, 153),
    ptdp("meg21-t2-ptd-p-174.6B-768", 96, 12288, 96, 768, 12, 1536, 149),
    ptdp("meg21-t2-ptd-p-174.6B-1536", 96, 12288, 96, 1536, 12, 1536, 141),
    ptdp("meg21-t2-ptd-p-529.6B-560", 105, 20480, 128, 560, 35, 2240, 171),
    ptdp("meg21-t2-ptd-p-529.6B-1120", 105, 20480, 128, 1120, 35, 2240, 167),
    ptdp("meg21-t2-ptd-p-529.6B-2240", 105, 20480, 128, 2240, 35, 2240, 159),
    memory_unchecked(llama3("llama3-405b-t4-8192-cp1", 8192, 1, 8192, 2048, 0.43)),
    known_gap(llama3("llama3-405b-t4-16384-cp1", 16384, 1, 8192, 2048, 0.41),
              llama3_interleaving_gap),
    llama3("llama3-405b-t4-16384-cp16", 16384, 16, 131072, 128, 0.38),
    palm(),
    mlperf("mlperf-v3.0-gpt3-nvidia-dgxh100_n64_nemo", 512, 2048, 12.107),
    mlperf("mlperf-v3.0-gpt3-nvidia-dgxh100_n96_nemo", 768, 3072, 12.1584),
    mlperf("mlperf-v3.0-gpt3-nvidia_coreweave-coreweave_hgxh100_n96_ngc23.04_pytorch", 768, 3072, 12.3399),
    mlperf("mlperf-v3.0-gpt3-nvidia_coreweave-coreweave_hgxh100_n192_ngc23.04_pytorch", 1536, 3072, 6.3933),
    mlperf("mlperf-v3.0-gpt3-nvidia_coreweave-coreweave_hgxh100_n448_ngc23.04_pytorch", 3584, 2688, 2.6398),
    mlperf("mlperf-v3.1-gpt3-nvidia-eos_n64_ngc23.09_nemo", 512, 2048, 11.071),
    mlperf("mlperf-v3.1-gpt3-nvidia-eos_n96_ngc23.09_nemo", 768, 3072, 11.0915),
    mlperf("mlperf-v3.1-gpt3-nvidia-eos-dfw_n512_ngc23.09_nemo", 4096, 2048, 1.6285),
    mlperf("mlperf-v3.1-gpt3-nvidia-eos-dfw_n1024_ngc23.09_nemo", 8192, 4096, 1.6403),
    mlperf("mlperf-v3.1-gpt3-nvidia-eos-dfw_n1344_ngc23.09_nemo", 10752, 2688, 0.952),
};

}  // namespace runs

// The model's prediction of a run's reported metric.
constexpr double predicted(const published_run& r, const step_breakdown& s) {
  switch (r.metric) {
    case run_metric::hardware_tflops_per_chip: return s.hardware_flops_per_chip.in(tflop_per_s);
    case run_metric::mfu: return s.mfu;
    case run_metric::step_time_s: return s.step.in(seconds);
  }
  return 0.0;
}

}  // namespace flopcast
