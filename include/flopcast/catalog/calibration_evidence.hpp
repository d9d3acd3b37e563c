#pragma once
// Published throughput that a calibration constant is derived from, kept apart from the
// validation set (catalog/published_runs.hpp): a constant fitted here is then checked against
// runs it never saw. Outside the umbrella header.
//
// Hopper FP8 GEMM efficiency. No public matmul benchmark measures FP8 GEMMs the way a training
// step runs them (delayed scaling, casts, TN layout, power-limited clocks), so the constant is
// fitted, with fit_calibration() and the chip's other constants held, to NVIDIA's own FP8
// training throughput on DGX H100: the NeMo 24.07 performance summary
// (NVIDIA/NeMo, docs/source/performance/performance_summary.md, "Pretraining", container
// NeMo 24.07, system DGX-H100, FP8). Of its rows we take the three whose configurations are
// published in NVIDIA/NeMo-Framework-Launcher (launcher_scripts/conf/training/gpt3/5b_ and
// 20b_fp8_performance.yaml, llama/llama2_7b.yaml) and that use no pipeline: the GEMM term then
// dominates, and nothing in them is a GPT-3 175B run of the validation set.
#include <array>
#include <string_view>

#include "flopcast/estimate/fit.hpp"
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/workload/catalog.hpp"

namespace flopcast::evidence {

struct throughput_row {
  std::string_view id{};
  std::string_view source{};
  step_measurement measurement{};
  double tokens_per_s_per_chip = 0.0;  // as published
};

namespace detail {
// A published tokens/s per GPU as the step time it implies.
constexpr duration<> step_of(const parallel_plan& p, const transformer& m, int chips,
                             double tokens_per_s_per_chip) {
  const double tokens = static_cast<double>(p.global_batch) * static_cast<double>(m.seq_len);
  return duration<>::from_base(tokens / (tokens_per_s_per_chip * static_cast<double>(chips)));
}

constexpr cluster_spec dgx_h100(int chips) {
  cluster_spec c = clusters::hgx_h100_ndr;
  c.count = chips;
  return c;
}

// NeMo GPT-3 family (Megatron GPT): LayerNorm, biases, learned positions, tied embeddings,
// GPT-2 BPE vocabulary 50,257 padded to a multiple of 128, sequence 2,048, hidden dropout 0.1.
constexpr transformer nemo_gpt(int layers, int hidden, int heads) {
  return checked(transformer{.name = "NeMo GPT-3",
                             .layers = layers,
                             .hidden = hidden,
                             .heads = heads,
                             .vocab = 50304,
                             .tied_embeddings = true,
                             .positions = position_kind::learned,
                             .seq_len = 2048});
}

// The NeMo performance configurations: FP8 (hybrid E4M3/E5M2) linear layers in Transformer
// Engine, BF16 with FP32 main weights (megatron_amp_O2), distributed_fused_adam with gradient
// and parameter syncs overlapped (ZeRO-1-like), flash attention.
constexpr throughput_row nemo_row(std::string_view id, transformer m, int chips, parallel_plan p,
                                  step_options o, double tokens_per_s_per_chip) {
  p.compute = precision::fp8;
  p.recipe = recipes::bf16_fp32_master;
  p.zero_stage = 1;
  p.fused_attention = true;
  return {.id = id,
          .source = "NeMo 24.07 performance summary, DGX-H100, FP8",
          .measurement = {.model = m,
                          .cluster = dgx_h100(chips),
                          .chips = chips,
                          .plan = p,
                          .options = o,
                          .measured = step_of(p, m, chips, tokens_per_s_per_chip)},
          .tokens_per_s_per_chip = tokens_per_s_per_chip};
}
}  // namespace detail

// Rows as published (model, GPUs, global batch, microbatch, sequence, TP, PP, tokens/s per GPU),
// with each configuration file's recompute, sequence-parallel and TP-overlap settings.
inline constexpr std::array<throughput_row, 3> hopper_fp8{
    // GPT3-5B: 64 GPUs, GBS 2048, MBS 4, TP 1, PP 1; 22,521 tokens/s/GPU (736 model TFLOP/s).
    // 5b_fp8_performance.yaml: selective recompute (core attention), dropout 0.1.
    detail::nemo_row("nemo-24.07-gpt3-5b", detail::nemo_gpt(24, 4096, 32), 64,
                     {.microbatch = 4, .global_batch = 2048, .recompute_mode = recompute::selective,
                      .dropout = true},
                     {}, 22521.0),
    // GPT3-20B: 64 GPUs, GBS 256, MBS 2, TP 2, PP 1; 5,851 tokens/s/GPU (750 model TFLOP/s).
    // 20b_fp8_performance.yaml: sequence parallel, selective recompute, ub_tp_comm_overlap.
    detail::nemo_row("nemo-24.07-gpt3-20b", detail::nemo_gpt(44, 6144, 48), 64,
                     {.tp = 2, .sequence_parallel = true, .microbatch = 2, .global_batch = 256,
                      .recompute_mode = recompute::selective, .dropout = true},
                     {.tp_overlap = 1.0}, 5851.0),
    // LLAMA2-7B: 8 GPUs, GBS 128, MBS 1, sequence 4096, TP 1, PP 1; 16,847 tokens/s/GPU
    // (776 model TFLOP/s). llama2_7b.yaml: no recompute, no dropout, flash attention.
    detail::nemo_row("nemo-24.07-llama2-7b", models::llama2_7b.shape, 8,
                     {.microbatch = 1, .global_batch = 128}, {}, 16847.0),
};

// The same summary's other rows, not used in the fit: a check that the fitted constant carries
// to models, pipelines, TP and CP it never saw. Their configuration files are not all published,
// so TP communication is taken as overlapped (NeMo's TP>1 performance configs set
// ub_tp_comm_overlap), pipeline sends as overlapped (overlap_p2p_comm), and recompute as none.
namespace detail {
constexpr transformer llama2_13b() {
  return checked(transformer{.name = "Llama 2 13B",
                             .layers = 40,
                             .hidden = 5120,
                             .heads = 40,
                             .ffn = 13824,
                             .gated_mlp = true,
                             .vocab = 32000,
                             .tied_embeddings = false,
                             .positions = position_kind::rotary,
                             .seq_len = 4096,
                             .norm = norm_kind::rms_norm,
                             .biases = false});
}
inline constexpr step_options nemo_overlapped{.tp_overlap = 1.0, .overlap_pp = true};
}  // namespace detail

inline constexpr std::array<throughput_row, 6> hopper_fp8_held_out{
    // GPT3-175B: 128 GPUs, GBS 256, MBS 1, TP 4, PP 8, VP 6; 726 tokens/s/GPU.
    detail::nemo_row("nemo-24.07-gpt3-175b-128", detail::nemo_gpt(96, 12288, 96), 128,
                     {.tp = 4, .sequence_parallel = true, .pp = 8, .vp = 6, .microbatch = 1,
                      .global_batch = 256},
                     detail::nemo_overlapped, 726.0),
    // GPT3-175B: 512 GPUs, GBS 2048, MBS 2, TP 4, PP 8, VP 6; 782 tokens/s/GPU.
    detail::nemo_row("nemo-24.07-gpt3-175b-512", detail::nemo_gpt(96, 12288, 96), 512,
                     {.tp = 4, .sequence_parallel = true, .pp = 8, .vp = 6, .microbatch = 2,
                      .global_batch = 2048},
                     detail::nemo_overlapped, 782.0),
    // LLAMA2-13B: 16 GPUs, GBS 128, MBS 1, sequence 4096, TP 1, PP 4, VP 10; 8,646 tokens/s/GPU.
    detail::nemo_row("nemo-24.07-llama2-13b", detail::llama2_13b(), 16,
                     {.pp = 4, .vp = 10, .microbatch = 1, .global_batch = 128},
                     detail::nemo_overlapped, 8646.0),
    // LLAMA2-70B: 64 GPUs, GBS 128, MBS 1, sequence 4096, TP 4, PP 4, VP 20; 1,707 tokens/s/GPU.
    detail::nemo_row("nemo-24.07-llama2-70b", models::llama2_70b.shape, 64,
                     {.tp = 4, .sequence_parallel = true, .pp = 4, .vp = 20, .microbatch = 1,
                      .global_batch = 128},
                     detail::nemo_overlapped, 1707.0),
    // LLAMA3-8B: 8 GPUs, GBS 128, MBS 1, sequence 8192, TP 1, PP 1, CP 2; 12,036 tokens/s/GPU.
    detail::nemo_row("nemo-24.07-llama3-8b", models::llama3_8b.shape, 8,
                     {.cp = 2, .microbatch = 1, .global_batch = 128}, detail::nemo_overlapped,
                     12036.0),
    // LLAMA3-70B: 64 GPUs, GBS 128, MBS 1, sequence 8192, TP 4, PP 4, CP 2, VP 5;
    // 1,533 tokens/s/GPU.
    detail::nemo_row("nemo-24.07-llama3-70b", models::llama3_70b.shape, 64,
                     {.tp = 4, .sequence_parallel = true, .pp = 4, .vp = 5, .cp = 2,
                      .microbatch = 1, .global_batch = 128},
                     detail::nemo_overlapped, 1533.0),
};

// The measurements alone, for fit_calibration().
template <std::size_t N>
constexpr std::array<step_measurement, N> measurements(const std::array<throughput_row, N>& rows) {
  std::array<step_measurement, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = rows[i].measurement;
  return out;
}

}  // namespace flopcast::evidence
