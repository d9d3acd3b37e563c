#pragma once
#include "flopcast/core/config.hpp"
// The serving model: time to first token, time per output token and throughput of a model served
// on a cluster under a serving plan, from the workload's FLOPs and bytes (workload/inference.hpp)
// on the chip's peaks and memory bandwidth. The sibling of the step model (step_time.hpp), in the
// same style: constexpr, one set of constants per chip family, every input checked.
//
// The engine it models is a continuous-batching server with chunked prefill (TensorRT-LLM, vLLM,
// SGLang): B requests are in flight; every iteration each of them in decode gets one token, and
// the prefill of arriving requests is cut into chunks that ride along in the same forward pass.
// In steady state a request needs `isl` prefill tokens per `osl` decode tokens, so one iteration
// of b sequences (a pipeline micro-batch) carries
//   b decode tokens at an average context of isl + osl / 2, and b x isl / osl prefill tokens.
// Per GPU of the model replica (TP x PP GPUs), one iteration of the last pipeline stage (the one
// that sets the pace: its share of the layers plus the whole LM head and the logits) takes
//   t = max(compute, memory) + elementwise + TP/EP collectives + PP send + overheads,
//   compute = dense matmul FLOPs / (peak at the weights' format x eta; 16-bit where the chip
//             has no tensor cores for that format: the engines run such weights weight-only)
//           + routed-expert FLOPs / (that x expert_gemm_factor)
//           + attention FLOPs / (16-bit peak x eta),   eta: the step model's small-GEMM rule
//   memory  = (weights read + KV written) / (HBM x memory efficiency)
//           + KV read / (HBM x KV memory efficiency),
//   elementwise = the memory-bound kernels between the GEMMs (norms, adds, activations, MoE
//           permutation) at the step model's per-token counts,
//   overheads = per layer x layers per stage + per sequence x b,
// and the replica emits b tokens per t (the PP stages work on PP micro-batches at once):
//   output tokens/s = replicas x b / t,   TPOT = PP x t,   TTFT = queue wait + prefill alone.
// B is the least of: the requests offered (concurrency), the KV cache's capacity at isl + osl
// tokens per request (requests beyond it queue, as the engines do), the engine's batch cap, and
// the tokens-per-iteration cap (b x (1 + isl / osl) <= max tokens per iteration).
//
// Options: speculative decoding (a draft length and acceptance rate: Leviathan et al. 2023,
// expected tokens per verification (1 - a^(k+1)) / (1 - a)), attention data parallelism (MoE
// serving: attention replicated per GPU with its own requests, KV cache, engine caps and
// per-sequence host work, experts split over the group), and disaggregated prefill and decode
// (try_estimate_disaggregated, below).
#include <optional>
#include <string_view>

#include "flopcast/catalog/achieved_fractions.hpp"
#include "flopcast/core/error.hpp"
#include "flopcast/core/limits.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/estimate/calibration.hpp"
#include "flopcast/estimate/step_time.hpp"
#include "flopcast/hardware/chip.hpp"
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/parallel/collectives.hpp"
#include "flopcast/workload/inference.hpp"
#include "flopcast/workload/transformer.hpp"

FLOPCAST_DEFINE_REASON(serve_plan_out_of_range,
                       "a serving plan needs tp, pp and ep of at least 1, with tp x pp dividing "
                       "the chips and ep dividing tp")
FLOPCAST_DEFINE_REASON(serve_workload_out_of_range,
                       "input and output lengths must be whole numbers of at least 1 and "
                       "concurrency a whole number of at least 0 (0: as many as fit)")
FLOPCAST_DEFINE_REASON(serve_options_out_of_range,
                       "serving options out of range: KV memory fraction in (0, 1], batch and "
                       "token caps at least 1, draft length 0-64, acceptance in [0, 1), "
                       "efficiencies in (0, 1] and overheads finite and not negative")
FLOPCAST_DEFINE_REASON(serve_weights_do_not_fit,
                       "the weights per GPU leave no memory for the KV cache of one request")
FLOPCAST_DEFINE_REASON(serve_format_not_supported,
                       "the chip has no 16-bit tensor peak (BF16 or FP16) to run the model on")

namespace flopcast {

// A family's serving constants (fitted on catalog/inference_runs.hpp; see serving_calibrations).
// The member defaults are a starting point for a caller's own constants, not fitted values;
// the fitted families are in serving_calibrations below.
struct serving_calibration {
  std::string_view family{};
  double gemm_efficiency = 0.6;     // of the peak at the weights' format, in a serving iteration
  double memory_efficiency = 0.8;   // of HBM bandwidth, streaming weights and activations
  double kv_memory_efficiency = 0.8;  // of HBM bandwidth, attention reading the KV cache
  double expert_gemm_factor = 1.0;  // routed experts' grouped GEMMs, relative to dense GEMMs
  duration<> layer_overhead = 0.0 * seconds;     // per layer per iteration: kernel launches
                                                  // and synchronisation that do not overlap
  duration<> sequence_overhead = 0.0 * seconds;   // per sequence per iteration: sampling,
                                                  // bookkeeping, per-request kernel work
  std::string_view evidence{};
};

struct serving_plan {
  int tp = 1;  // tensor parallel: attention heads and MLPs split tp ways
  int pp = 1;  // pipeline stages
  int ep = 1;  // expert parallel within the tp GPUs (TensorRT-LLM moe_ep_size): each expert
               // whole on tp / ... of them; experts split ep x (tp / ep) ways
  bool attention_dp = false;  // attention replicated on each GPU, each with its own requests
  weight_format weights = weight_format::bf16;
  kv_format kv = weight_format::bf16;
};

struct serving_workload {
  double input_tokens = 1024;
  double output_tokens = 128;
  double concurrency = 0;  // requests in flight; 0: as many as the KV cache and caps allow
};

struct serving_options {
  // Of the memory left after weights and the runtime's reserve (TensorRT-LLM's
  // kv_cache_free_gpu_mem_fraction; its perf-overview runs use 0.95, its default is 0.90).
  double kv_memory_fraction = 0.95;
  // Requests per replica in flight at most: trtllm-bench caps the batch at 4,096 over the
  // pipeline stages (tensorrt_llm/bench/build/tuning.py, finetune_setting).
  double max_batch = 4096;
  // Tokens in one iteration of a micro-batch (prefill chunks + decode): 32,768 in trtllm-bench.
  double max_tokens_per_iteration = 32768;
  // Memory per GPU the runtime keeps for itself (CUDA context, activations of max-size
  // iterations, communication buffers) before the KV cache is sized. An assumption, not a
  // measurement: the training model's named allowances (parallel/plan.hpp memory_reserve) total
  // a few GB, and TensorRT-LLM sizes its cache from the memory free after its own buffers; 4 GB
  // is a round figure in that range. Pass the measured figure when you have it.
  data_size<> runtime_reserve = 4.0 * gigabytes;
  // A decode pool of disaggregated serving: the prompts are prefilled on other GPUs and their KV
  // cache arrives over the network, so iterations carry decode tokens only
  // (try_estimate_disaggregated sets it; TTFT is then one iteration after the KV arrives).
  bool decode_only = false;
  int draft_tokens = 0;       // speculative decoding: tokens proposed per verification
  double acceptance = 0.0;    // probability each proposed token is accepted
  std::optional<serving_calibration> calibration{};
};

struct serving_estimate {
  // Per request.
  duration<> ttft{};             // time to first token: queue wait + the prompt's prefill
  duration<> tpot{};             // time per output token in decode
  duration<> request_latency{};  // ttft + (osl - 1) x tpot
  // Throughput: output tokens of every replica per second, per GPU, per user (1 / tpot).
  double output_tokens_per_s = 0, output_tokens_per_s_per_gpu = 0,
         output_tokens_per_s_per_user = 0;
  // Capacity and the batch run.
  double max_concurrency_kv = 0;  // requests per replica the KV cache holds at isl + osl
  double batch = 0;               // requests per replica in flight (all pipeline micro-batches)
  double replicas = 0;
  data_size<> kv_cache_per_gpu{};  // KV memory per GPU (the pool, not what the batch fills)
  data_size<> weights_per_gpu{};
  // One iteration of one stage: its terms.
  duration<> iteration{}, compute{}, memory{}, elementwise{}, tp_comm{}, ep_comm{}, pp_comm{},
      overhead{};
  duration<> prefill_alone{};  // the prompt of one request on an idle replica
  bool memory_bound = false;
  double tokens_per_iteration = 0;  // decode + prefill tokens in one micro-batch's iteration
};

namespace serving_calibrations {
// Fitted on catalog/inference_runs.hpp (TensorRT-LLM v1.0, offline max-load): a grid search
// minimising the mean absolute error of output tokens/s over each family's even-numbered rows,
// checked on its odd-numbered rows (examples/validate_serve.cpp --fit reproduces them). The
// constants stand for software as much as hardware: they are TensorRT-LLM's on these GPUs.
inline constexpr std::string_view fit_evidence =
    "fit on the even rows of TensorRT-LLM v1.0's performance overview (catalog/"
    "inference_runs.hpp), checked on the odd rows: examples/validate_serve --fit";
// H100 and H200 (56 fit / 56 check rows): fit 14.2%, check 24.3% mean absolute error.
inline constexpr serving_calibration hopper{.family = "hopper",
                                            .gemm_efficiency = 0.60,
                                            .memory_efficiency = 0.95,
                                            .kv_memory_efficiency = 0.70,
                                            .expert_gemm_factor = 0.15,
                                            .layer_overhead = 100e-6 * seconds,
                                            .sequence_overhead = 10e-6 * seconds,
                                            .evidence = fit_evidence};
// B200 and GB200 (49 / 49): fit 8.6%, check 16.3%.
inline constexpr serving_calibration blackwell{.family = "blackwell",
                                               .gemm_efficiency = 0.40,
                                               .memory_efficiency = 0.95,
                                               .kv_memory_efficiency = 0.50,
                                               .expert_gemm_factor = 0.25,
                                               .layer_overhead = 100e-6 * seconds,
                                               .sequence_overhead = 10e-6 * seconds,
                                               .evidence = fit_evidence};
// RTX PRO 6000 Blackwell Server Edition, GDDR7 over PCIe (59 / 59): fit 16.7%, check 24.2%.
inline constexpr serving_calibration blackwell_rtx{.family = "blackwell-rtx",
                                                   .gemm_efficiency = 0.55,
                                                   .memory_efficiency = 0.60,
                                                   .kv_memory_efficiency = 0.90,
                                                   .expert_gemm_factor = 0.40,
                                                   .layer_overhead = 200e-6 * seconds,
                                                   .sequence_overhead = 30e-6 * seconds,
                                                   .evidence = fit_evidence};
// A family measured by microbenchmarks but not by serving runs: another family's fitted constants
// with the GEMM and memory efficiencies scaled by what its kernels reach relative to that
// family's (catalog/achieved_fractions.hpp). The overheads and the expert factor are kept: the
// software's share of them is not measured.
constexpr serving_calibration scaled(serving_calibration base, std::string_view family,
                                     double gemm_ratio, double memory_ratio,
                                     std::string_view evidence) {
  base.family = family;
  base.gemm_efficiency *= gemm_ratio;
  base.memory_efficiency *= memory_ratio;
  base.kv_memory_efficiency *= memory_ratio;
  base.evidence = evidence;
  return base;
}
// AMD CDNA 3 (MI300X, MI325X; CDNA 2 borrows it): Hopper's constants x 0.64 for GEMMs and x 0.90
// for memory. Checked, not fitted, against MLPerf Inference's Llama 2 70B results
// (catalog/mlperf_inference.hpp, examples/validate_serve --cross-vendor).
inline constexpr serving_calibration cdna3 =
    scaled(hopper, "cdna3",
           achieved_fractions::cdna3_gemm_vs_hopper, achieved_fractions::cdna3_memory_vs_hopper,
           "Hopper's fit scaled by GEMM and stream shares measured in one harness on MI300X and "
           "H100 (catalog/achieved_fractions.hpp)");
// AMD CDNA 4 (MI350X, MI355X): Blackwell's constants x 0.80 for GEMMs, x 0.90 for memory.
inline constexpr serving_calibration cdna4 =
    scaled(blackwell, "cdna4",
           achieved_fractions::cdna4_gemm_vs_blackwell,
           achieved_fractions::cdna4_memory_vs_blackwell,
           "Blackwell's fit scaled by GEMM shares measured in one harness on MI355X and B200, and "
           "CDNA 3's stream share (catalog/achieved_fractions.hpp)");
// Families without serving evidence borrow Hopper's constants (and say so).
inline constexpr serving_calibration unmeasured = [] {
  serving_calibration c = hopper;
  c.family = "unmeasured (Hopper's constants)";
  c.evidence = "no serving evidence for this family";
  return c;
}();
}  // namespace serving_calibrations

constexpr serving_calibration default_serving_calibration(const chip_spec& c) {
  switch (c.arch) {
    case generation::hopper: return serving_calibrations::hopper;
    case generation::blackwell:
    case generation::blackwell_ultra: return serving_calibrations::blackwell;
    case generation::blackwell_rtx: return serving_calibrations::blackwell_rtx;
    // The L40S is the RTX PRO 6000's kind (a GDDR, PCIe-only card): it borrows that fit.
    case generation::ada: return serving_calibrations::blackwell_rtx;
    case generation::cdna2:
    case generation::cdna3: return serving_calibrations::cdna3;
    case generation::cdna4: return serving_calibrations::cdna4;
    default: return serving_calibrations::unmeasured;
  }
}

// The format the weights' matmuls run in on a chip: block-scaled FP4 on FP4 tensor cores, FP8 on
// FP8 ones. Weights in a format the chip has no tensor cores for run weight-only, as the engines
// run them: the kernel dequantizes them and multiplies in 16 bits (vLLM's FP8 Marlin on Ampere
// and Turing, W8A16: vLLM docs, "FP8 W8A8"; its Marlin kernels for NVFP4 and MXFP4 on Hopper,
// W4A16). The weights stay in their format in memory. INT4 is weight-only everywhere. A chip
// without the returned format (no 16-bit peak at all) is refused by try_estimate_serving.
constexpr precision serving_matmul_format(weight_format f, const chip_spec& c) {
  switch (f) {
    case weight_format::fp8:
      return c.supports(precision::fp8) ? precision::fp8 : c.sixteen_bit_format();
    case weight_format::nvfp4:
    case weight_format::mxfp4:
      return c.supports(precision::fp4) ? precision::fp4 : c.sixteen_bit_format();
    default: return c.sixteen_bit_format();
  }
}
// Whether weights stored in FP8 or FP4 fall back to 16-bit matmuls on the chip (FP8 on an A100,
// FP4 on an H100).
constexpr bool weight_only_on(weight_format f, const chip_spec& c) {
  const bool narrow =
      f == weight_format::fp8 || f == weight_format::nvfp4 || f == weight_format::mxfp4;
  return narrow && serving_matmul_format(f, c) == c.sixteen_bit_format();
}

namespace detail {

constexpr bool serve_plan_ok(const serving_plan& p, int chips) {
  if (p.tp < 1 || p.pp < 1 || p.ep < 1 || chips < 1) return false;
  if (p.tp > limits::max_accelerators || p.pp > limits::max_accelerators) return false;
  const long long replica = 1LL * p.tp * p.pp;
  return replica <= chips && chips % replica == 0 && p.tp % p.ep == 0 && known(p.weights) &&
         known(p.kv);
}

// Bytes per activation element between kernels and in TP/EP/PP messages: 16-bit (BF16), as
// the step model counts them; FP8 or FP4 dispatch would halve or quarter the EP traffic.
inline constexpr double activation_bytes = 2.0;

constexpr bool whole_at_least(double x, double least) {
  return limits::finite(x) && x >= least && x <= 1e9 && x == math::floor(x);
}

}  // namespace detail

constexpr result<serving_estimate> try_estimate_serving(const transformer& m,
                                                        const cluster_spec& cluster, int chips,
                                                        const serving_plan& p,
                                                        const serving_workload& w,
                                                        const serving_options& o = {}) {
  if (const reason* why = violation(m)) return *why;
  if (!detail::serve_plan_ok(p, chips)) return reasons::serve_plan_out_of_range;
  if (!detail::whole_at_least(w.input_tokens, 1) || !detail::whole_at_least(w.output_tokens, 1) ||
      !(w.concurrency == 0 || detail::whole_at_least(w.concurrency, 1))) {
    return reasons::serve_workload_out_of_range;
  }
  if (!(o.kv_memory_fraction > 0 && o.kv_memory_fraction <= 1) || !(o.max_batch >= 1) ||
      !(o.max_tokens_per_iteration >= 1) || o.draft_tokens < 0 || o.draft_tokens > 64 ||
      !(o.acceptance >= 0 && o.acceptance < 1) ||
      !(o.runtime_reserve.base_value() >= 0 && limits::finite(o.runtime_reserve.base_value()))) {
    return reasons::serve_options_out_of_range;
  }
  if (o.calibration) {
    const serving_calibration& c = *o.calibration;
    const auto share = [](double x) { return x > 0.0 && x <= 1.0; };
    const auto time = [](duration<> t) {
      return t.base_value() >= 0.0 && limits::finite(t.base_value());
    };
    if (!share(c.gemm_efficiency) || !share(c.memory_efficiency) ||
        !share(c.kv_memory_efficiency) || !share(c.expert_gemm_factor) ||
        !time(c.layer_overhead) || !time(c.sequence_overhead)) {
      return reasons::serve_options_out_of_range;
    }
  }
  const chip_spec& chip = cluster.chip;
  const precision gemm_format = serving_matmul_format(p.weights, chip);
  const precision attention_format = chip.sixteen_bit_format();
  if (!chip.supports(gemm_format) || !chip.supports(attention_format)) {
    return reasons::serve_format_not_supported;
  }
  // The sharding of one replica; with attention DP the attention weights and each GPU's KV cache
  // are those of tp = 1, the rest split as the plan says.
  const double tp = p.tp, pp = p.pp, ep = p.ep;
  const inference_sharding<> shard{.tp = tp, .pp = pp, .ep = ep, .expert_tp = tp / ep};
  const inference_sharding<> attention_shard =
      p.attention_dp ? inference_sharding<>{.tp = 1, .pp = pp, .ep = ep, .expert_tp = tp / ep}
                     : shard;
  // Under attention DP the heads are not split, so only the experts' split is checked.
  if (const reason* why = violation(m, attention_shard)) return *why;
  const weight_quantization q{.linear = p.weights};
  const weight_bytes<> held = weight_bytes_per_gpu(m, q, shard);
  const weight_bytes<> held_attention = weight_bytes_per_gpu(m, q, attention_shard);
  weight_bytes<> per_gpu = held;
  per_gpu.attention = held_attention.attention;
  per_gpu.norms = held_attention.norms;

  const serving_calibration cal =
      o.calibration ? *o.calibration : default_serving_calibration(chip);
  const double isl = w.input_tokens, osl = w.output_tokens;
  const double context = isl + osl / 2.0;  // average over a request's decode

  // ---- KV capacity and the batch.
  serving_estimate e;
  e.weights_per_gpu = per_gpu.total();
  const data_size<> free =
      chip.device_memory_per_accelerator() - e.weights_per_gpu - o.runtime_reserve;
  e.kv_cache_per_gpu = free * o.kv_memory_fraction;
  // KV of one request at its full length on one GPU: under attention DP a GPU holds whole
  // requests (all heads); otherwise every request is on every GPU of the replica, split.
  const data_size<> per_request =
      kv_cache_bytes_per_gpu(m, isl + osl, 1.0, attention_shard, p.kv);
  if (!(e.kv_cache_per_gpu.base_value() >= per_request.base_value())) {
    return reasons::serve_weights_do_not_fit;
  }
  const double per_gpu_requests = math::floor(e.kv_cache_per_gpu / per_request);
  e.max_concurrency_kv = per_gpu_requests * (p.attention_dp ? tp : 1.0);
  // Under attention DP every rank schedules its own requests: the caps are per rank.
  const double ranks = p.attention_dp ? tp : 1.0;
  double batch = flopcast::min(e.max_concurrency_kv, o.max_batch * ranks);
  // The offered requests spread over the replicas (a replica takes its whole share).
  e.replicas = chips / (tp * pp);
  if (w.concurrency > 0) batch = flopcast::min(batch, math::ceil(w.concurrency / e.replicas));
  // Tokens per iteration: decode + the prefill chunks that keep the batch full.
  const double speculated = 1.0 + o.draft_tokens;  // tokens each sequence verifies per iteration
  const double prefill_per_decode = o.decode_only ? 0.0 : isl / osl;  // prefill tokens per decode
  const double tokens_per_request = speculated + prefill_per_decode;
  batch = flopcast::min(batch,
                        math::floor(o.max_tokens_per_iteration * pp * ranks / tokens_per_request));
  batch = flopcast::max(batch, 1.0);
  e.batch = batch;

  // ---- One iteration of one stage, on one micro-batch of b sequences.
  const double b = flopcast::max(1.0, batch / pp);
  const double prefill_tokens = b * prefill_per_decode;
  const inference_options io{.weights = q, .kv = p.kv};
  const inference_cost<> dec = decode_step(m, math::floor(b * speculated + 0.5), context, io);
  const inference_cost<> pre_one = prefill(m, 1.0, isl, io);
  const double gpus = tp * pp;
  const double prompts = o.decode_only ? 0.0 : b / osl;  // prompts prefilled per iteration
  // Layer GEMMs are split over the stages; the logits all run on the last one (tp ways).
  const flop_count<> matmul = (dec.flops.matmul + pre_one.flops.matmul * prompts) / gpus +
                              (dec.flops.logits + pre_one.flops.logits * prompts) / tp;
  const flop_count<> attention = (dec.flops.attention + pre_one.flops.attention * prompts) /
                                 gpus;
  // Each GEMM at the efficiency its narrowest dimension allows (the step model's rule,
  // detail::layer_gemm_eta): decode's few tokens and small experts run far below the peak.
  const double tokens_on_gpu = (b * speculated + prefill_tokens) / (p.attention_dp ? tp : 1.0);
  const double eta = detail::layer_gemm_eta<double>(m, cal.gemm_efficiency,
                                                    p.attention_dp ? 1.0 : tp, ep, tokens_on_gpu);
  const flop_rate<> attention_peak =
      chip.peak_per_accelerator(attention_format) * cal.gemm_efficiency;
  // GEMM time per GPU: the dense share at eta, the routed experts' share also at
  // expert_gemm_factor, attention at the 16-bit peak. One formula for the iteration and for
  // the prompt alone below.
  const auto gemm_time = [&](flop_count<> matmul_flops, flop_count<> attention_flops,
                             double gemm_eta, double routed) {
    const flop_rate<> gemm_rate = chip.peak_per_accelerator(gemm_format) * gemm_eta;
    return matmul_flops * (1.0 - routed) / gemm_rate +
           matmul_flops * routed / (gemm_rate * cal.expert_gemm_factor) +
           attention_flops / attention_peak;
  };
  // Routed experts run as grouped GEMMs over many small matrices (one per expert), which reach
  // a lower share of the peak than one dense GEMM of the same FLOPs: expert_gemm_factor.
  const double routed_share =
      m.is_moe() ? static_cast<double>(m.moe_layer_count()) * m.moe.top_k *
                       detail::mlp_matrix_elements(m, m.expert_ffn_size()) * 2.0 /
                       forward_flops_per_token(m, context, attention_mask::dense).matmul.base_value()
                 : 0.0;
  e.compute = gemm_time(matmul, attention, eta, routed_share);

  // Weights read per GPU: what it holds, with routed experts at the share the micro-batch's
  // tokens touch (b counts the whole replica's sequences, under attention DP too).
  const double expert_tokens = b * speculated + prefill_tokens;
  const double touched = m.is_moe() ? expected_experts_touched(m, math::floor(expert_tokens + 0.5)) /
                                          static_cast<double>(m.moe.experts)
                                    : 0.0;
  // The stage that sets the pace is the last: its layers plus the whole LM head, read every
  // iteration. The input table is not read whole: only the rows of the iteration's tokens.
  const double table_bytes = detail::format_bytes(q.quantize_embeddings, q.linear);
  const data_size<> head =
      m.tied_embeddings
          ? data_size<>::from_base(static_cast<double>(m.vocab) * m.hidden * table_bytes / tp)
          : weight_bytes_per_gpu(m, q, inference_sharding<>{.tp = tp, .pp = 1.0, .ep = ep,
                                                            .expert_tp = tp / ep})
                .output;
  const data_size<> lookups =
      data_size<>::from_base(expert_tokens * m.hidden * table_bytes / tp);
  const data_size<> weights_read = per_gpu.attention + per_gpu.position + per_gpu.mlp +
                                   per_gpu.shared_experts + per_gpu.router + per_gpu.norms +
                                   per_gpu.routed_experts * touched + head + lookups;
  // KV read and written per GPU (decode reads the context; prefill writes its tokens).
  const double kv_sequences_per_gpu = p.attention_dp ? b / tp : b;
  const data_size<> kv_read =
      kv_cache_bytes_per_gpu(m, context, kv_sequences_per_gpu, attention_shard, p.kv);
  const data_size<> kv_written =
      kv_cache_bytes_per_gpu(m, 1.0, kv_sequences_per_gpu * (speculated + prefill_per_decode),
                             attention_shard, p.kv);
  const bandwidth<> hbm = chip.memory_bandwidth / static_cast<double>(chip.accelerators);
  e.memory = (weights_read + kv_written) / (hbm * cal.memory_efficiency) +
             kv_read / (hbm * cal.kv_memory_efficiency);
  e.memory_bound = e.memory > e.compute;
  // The memory-bound kernels between the GEMMs (norms, residual adds, the MLP activation; for
  // MoE the permutation of each token's top-k copies to its experts and back), which run
  // between the matmuls rather than under them: the step model's per-token counts
  // (model_constants::replicated_elements_per_hidden, detail::mlp_activation_elements) in
  // 16-bit elements, plus 4 top_k h for a MoE layer's permute and combine (write and read each).
  const double moe_share =
      m.is_moe() ? static_cast<double>(m.moe_layer_count()) / static_cast<double>(m.layers) : 0.0;
  const double elementwise_per_token_layer =
      model_constants::replicated_elements_per_hidden * m.hidden +
      detail::mlp_activation_elements(m) / (p.attention_dp ? 1.0 : tp) +
      moe_share * 4.0 * static_cast<double>(m.moe.top_k) * m.hidden;
  const double tokens_here = (b * speculated + prefill_tokens) / (p.attention_dp ? tp : 1.0);
  e.elementwise = data_size<>::from_base(detail::activation_bytes * elementwise_per_token_layer *
                                         tokens_here * static_cast<double>(m.layers) / pp) /
                  (hbm * cal.memory_efficiency);

  // TP: two all-reduces per layer of the iteration's activations (attention and MLP outputs);
  // under attention DP the MoE layers exchange tokens instead (dispatch and combine).
  const double layers_per_stage = static_cast<double>(m.layers) / pp;
  const double tokens = b * speculated + prefill_tokens;
  const data_size<> activation =
      data_size<>::from_base(tokens * m.hidden * detail::activation_bytes);
  if (tp > 1 && !p.attention_dp) {
    e.tp_comm = all_reduce<double>(cluster, activation, tp, 1.0) * (2.0 * layers_per_stage);
  }
  if (tp > 1 && p.attention_dp && m.is_moe()) {
    // Each GPU sends its own tokens' top-k copies (the all-to-all's per-rank buffer).
    const data_size<> routed = activation * (static_cast<double>(m.moe.top_k) / tp);
    const double moe_layers = static_cast<double>(m.moe_layer_count()) / pp;
    e.ep_comm = all_to_all<double>(cluster, routed, tp, 1.0) * (2.0 * moe_layers);
  }
  // Per-sequence work (scheduling, sampling, bookkeeping) is done by each rank's own process for
  // the sequences it owns: under attention DP a rank owns b / tp of them, in parallel.
  e.overhead = cal.layer_overhead * (static_cast<double>(m.layers) / pp) +
               cal.sequence_overhead * (b / ranks);
  // Pipeline: each stage sends its micro-batch's activations to the next, in the iteration's
  // critical path (engines overlap little of it; over PCIe it is the cost of PP).
  if (pp > 1) e.pp_comm = point_to_point<double>(cluster, activation / tp, tp);
  e.iteration = max(e.compute, e.memory) + e.elementwise + e.tp_comm + e.ep_comm + e.pp_comm +
                e.overhead;
  e.tokens_per_iteration = tokens;

  // ---- Per request and throughput.
  const double a = o.acceptance;
  double a_power = 1.0;  // a^(k+1)
  for (int i = 0; i <= o.draft_tokens; ++i) a_power *= a;
  const double per_verification = o.draft_tokens > 0 ? (1.0 - a_power) / (1.0 - a) : 1.0;
  e.tpot = e.iteration * pp / per_verification;
  e.output_tokens_per_s = e.replicas * b * per_verification / e.iteration.in(seconds);
  e.output_tokens_per_s_per_gpu = e.output_tokens_per_s / chips;
  e.output_tokens_per_s_per_user = 1.0 / e.tpot.in(seconds);
  // The prompt alone on an idle replica: its FLOPs over every GPU, or its weights and KV.
  const double eta_prompt = detail::layer_gemm_eta<double>(
      m, cal.gemm_efficiency, p.attention_dp ? 1.0 : tp, ep, isl);
  // The routed share is not slowed here (0): so the fit was made; TTFT is not in the fit, and
  // applying expert_gemm_factor to the prompt too is a behaviour change left for later.
  const duration<> prefill_compute = gemm_time((pre_one.flops.matmul + pre_one.flops.logits) / gpus,
                                               pre_one.flops.attention / gpus, eta_prompt, 0.0);
  const duration<> prefill_memory =
      (pre_one.weights / gpus + pre_one.kv_written / gpus) / (hbm * cal.memory_efficiency);
  const duration<> prefill_comm =
      tp > 1 && !p.attention_dp
          ? all_reduce<double>(cluster,
                               data_size<>::from_base(isl * m.hidden * detail::activation_bytes),
                               tp, 1.0) *
                (2.0 * static_cast<double>(m.layers))
          : 0.0 * seconds;
  e.prefill_alone = max(prefill_compute, prefill_memory) + prefill_comm +
                    cal.layer_overhead * static_cast<double>(m.layers) + cal.sequence_overhead;
  // Requests beyond the batch queue: by Little's law a closed loop of N clients waits
  // (N - B) / request rate before its prefill starts.
  const double request_rate = e.output_tokens_per_s / osl;
  const double waiting = w.concurrency > 0 ? flopcast::max(0.0, w.concurrency - batch * e.replicas) : 0;
  // A decode pool's first token here is the first decode iteration after the KV arrives.
  e.ttft = (o.decode_only ? e.iteration * pp : e.prefill_alone) + (waiting / request_rate) * seconds;
  e.request_latency = e.ttft + e.tpot * (osl - 1.0);
  if (!limits::finite_positive(e.output_tokens_per_s) ||
      !limits::finite_positive(e.request_latency.in(seconds))) {
    return reasons::serve_options_out_of_range;
  }
  return e;
}

// ---- Disaggregated prefill and decode ----------------------------------------------------------
// Two pools of GPUs (Splitwise, Patel et al. 2024; DistServe, Zhong et al. 2024; NVIDIA Dynamo):
// prefill replicas run prompts only and produce each request's first token; its KV cache then
// travels to a decode replica, whose iterations carry decode tokens only (no prefill chunks
// stall them). The system serves
//   requests/s = min(prefill pool's, decode pool's, KV links')
// and each pool is the serving model above on its own plan:
//   - the prefill pool is an engine whose requests have one output token (osl = 1): full
//     iterations of prompt chunks up to the token cap;
//   - the decode pool is an engine with decode_only set, its batch lowered to what the slower
//     side feeds it (Little's law: in flight = requests/s x time in decode, a fixed point);
//   - each prefill GPU sends its share of the prompt's KV cache to the decode pool once, over
//     the scale-up link when the pools share a domain (the decode GPUs are placed after the
//     prefill pool) and over the NIC otherwise. The transfer is counted whole in TTFT (engines
//     that send layer by layer hide part of it) and its bandwidth caps the request rate.
struct disaggregated_plan {
  int prefill_chips = 1;  // GPUs of the prefill pool (whole replicas of `prefill`)
  int decode_chips = 1;   // GPUs of the decode pool (whole replicas of `decode`)
  serving_plan prefill{};
  serving_plan decode{};
};

struct disaggregated_estimate {
  serving_estimate prefill;  // the prefill pool at its full rate (osl = 1)
  serving_estimate decode;   // the decode pool at the batch the system feeds it
  duration<> kv_transfer{};  // one request's KV cache from its prefill GPUs to its decode GPUs
  double prefill_requests_per_s = 0, decode_requests_per_s = 0, transfer_requests_per_s = 0;
  double requests_per_s = 0;
  std::string_view bottleneck{};  // "prefill", "decode" or "kv transfer"
  // As serving_estimate's, for the whole system (per GPU: over both pools).
  duration<> ttft{}, tpot{}, request_latency{};
  double output_tokens_per_s = 0, output_tokens_per_s_per_gpu = 0,
         output_tokens_per_s_per_user = 0;
};

constexpr result<disaggregated_estimate> try_estimate_disaggregated(
    const transformer& m, const cluster_spec& cluster, const disaggregated_plan& d,
    const serving_workload& w, const serving_options& o = {}) {
  if (d.prefill_chips < 1 || d.decode_chips < 1 ||
      1LL * d.prefill_chips + d.decode_chips > limits::max_accelerators) {
    return reasons::serve_plan_out_of_range;
  }
  // The prefill pool: prompts only, each request leaves with its first token.
  serving_workload prompt_only = w;
  prompt_only.output_tokens = 1;
  prompt_only.concurrency = 0;
  serving_options prefill_options = o;
  prefill_options.decode_only = false;
  prefill_options.draft_tokens = 0;
  // Each pool is placed on its own GPUs of the cluster's kind (prefill first, decode after
  // it), whatever count the caller's cluster carried: a pool's groups see whole domains of
  // its own size (a pool that starts mid-domain is taken as starting on a boundary).
  const cluster_spec both = cluster.with_count(d.prefill_chips + d.decode_chips);
  const cluster_spec prefill_pool = cluster.with_count(d.prefill_chips);
  const cluster_spec decode_pool = cluster.with_count(d.decode_chips);
  const result<serving_estimate> pre = try_estimate_serving(m, prefill_pool, d.prefill_chips,
                                                            d.prefill, prompt_only, prefill_options);
  if (!pre) return *pre.error();
  // The decode pool at its own full rate, then at the rate the system can feed it.
  serving_options decode_options = o;
  decode_options.decode_only = true;
  result<serving_estimate> dec =
      try_estimate_serving(m, decode_pool, d.decode_chips, d.decode, w, decode_options);
  if (!dec) return *dec.error();

  disaggregated_estimate e;
  e.prefill = pre.value();
  const double osl = w.output_tokens;
  e.prefill_requests_per_s = e.prefill.output_tokens_per_s;  // one output token per request
  e.decode_requests_per_s = dec.value().output_tokens_per_s / osl;
  // KV of one prompt, split over the prefill replica's GPUs, each sending its share at once.
  const double prefill_gpus = static_cast<double>(d.prefill.tp) * d.prefill.pp;
  const data_size<> kv_prompt = kv_cache_bytes_per_sequence(m, w.input_tokens, d.decode.kv);
  e.kv_transfer = point_to_point<double>(both, kv_prompt / prefill_gpus,
                                         static_cast<double>(d.prefill_chips));
  // Every prefill GPU sends at once: the pool moves prefill_chips shares in one transfer time.
  e.transfer_requests_per_s =
      static_cast<double>(d.prefill_chips) / prefill_gpus / e.kv_transfer.in(seconds);
  e.requests_per_s = flopcast::min(e.prefill_requests_per_s,
                                   flopcast::min(e.decode_requests_per_s,
                                                 e.transfer_requests_per_s));
  e.bottleneck = e.requests_per_s == e.decode_requests_per_s     ? "decode"
                 : e.requests_per_s == e.prefill_requests_per_s ? "prefill"
                                                                  : "kv transfer";
  // Fed below its own rate, the decode pool runs a smaller batch (and a shorter TPOT): the
  // concurrency that sustains the system's rate, found by a few fixed-point steps.
  if (e.bottleneck != std::string_view("decode")) {
    double in_flight = dec.value().batch * dec.value().replicas;
    for (int i = 0; i < 8; ++i) {
      const double needed = math::ceil(e.requests_per_s * osl * dec.value().tpot.in(seconds));
      const double next = flopcast::max(1.0, flopcast::min(in_flight, needed));
      if (next == in_flight) break;
      in_flight = next;
      serving_workload fed = w;
      fed.concurrency = in_flight;
      dec = try_estimate_serving(m, decode_pool, d.decode_chips, d.decode, fed, decode_options);
      if (!dec) return *dec.error();
    }
  }
  e.decode = dec.value();
  e.output_tokens_per_s = e.requests_per_s * osl;
  e.output_tokens_per_s_per_gpu =
      e.output_tokens_per_s / (static_cast<double>(d.prefill_chips) + d.decode_chips);
  e.tpot = e.decode.tpot;
  e.output_tokens_per_s_per_user = 1.0 / e.tpot.in(seconds);
  // Requests offered beyond what the decode pool holds wait before their prefill (Little's law,
  // as in the colocated engine).
  const double held = e.decode.batch * e.decode.replicas;
  const double waiting = w.concurrency > 0 ? flopcast::max(0.0, w.concurrency - held) : 0.0;
  e.ttft = e.prefill.prefill_alone + e.kv_transfer + (waiting / e.requests_per_s) * seconds;
  e.request_latency = e.ttft + e.tpot * (osl - 1.0);
  if (!limits::finite_positive(e.output_tokens_per_s) ||
      !limits::finite_positive(e.request_latency.in(seconds))) {
    return reasons::serve_options_out_of_range;
  }
  return e;
}

}  // namespace flopcast
