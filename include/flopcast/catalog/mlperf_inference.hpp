#pragma once
#include "flopcast/core/config.hpp"
// MLPerf Inference results for Llama 2 70B (Offline scenario, 8-GPU systems): one workload run by
// AMD (vLLM on ROCm) and NVIDIA (TensorRT-LLM) in the same rounds. The serving model is checked
// on them across vendors (examples/validate_serve --cross-vendor); nothing is fitted to them.
//
// The workload: 24,576 OpenOrca samples with at most 1,024 input tokens each; the reference
// implementation generates 294.45 tokens per sample (mlcommons/inference
// language/llama2-70b/README.md). The mean input length is not published, so the check compares
// each system with the H200 of its round (a ratio, at any input length the model is given), not
// absolute throughput. "Tokens per second" counts generated tokens of the whole system.
//
// Sources: the result logs (mlperf_log_summary.txt) and summary_results.json of
// mlcommons/inference_results_v4.1 (logs @a2f5d66d17e8f75c02fd74dfe810ecca6a046696),
// inference_results_v5.0 (read from the copy ntuhpc/mlperf_inference_results_v5.0, logs
// @cf354115915ea369f05db424b051da8c5bf957dc) and inference_results_v5.1
// (@965182b03376a00fcae415c54e560e1c83937932). Parallelism and formats come from each
// submitter's configuration files in the same repositories.
#include <array>
#include <string_view>

#include "flopcast/hardware/catalog.hpp"
#include "flopcast/workload/inference.hpp"

namespace flopcast {

struct mlperf_inference_result {
  std::string_view round{};      // "v4.1", "v5.0", "v5.1"
  std::string_view result_id{};  // MLCommons result ID; empty where the round's index lacks it
  std::string_view system{};     // submitter and system
  const chip_spec* chip = nullptr;
  int gpus = 8;
  int tp = 1;  // tensor parallel per model copy (the rest are data-parallel copies)
  weight_format weights = weight_format::fp8;
  kv_format kv = weight_format::fp8;
  std::string_view framework{};
  double output_tokens_per_s = 0;  // Offline, the whole system
  bool open_division = false;      // results of the open division may change the model or code
  std::string_view source{};       // path in the round's repository
  std::string_view notes{};
};

namespace mlperf_inference {

inline constexpr double reference_output_tokens = 294.45;  // tokens per sample, the reference run

inline constexpr std::array<mlperf_inference_result, 10> llama2_70b_offline{{
    {"v4.1", "v4.1-0048", "NVIDIA, 8x H200-SXM-141GB", &chips::h200_sxm, 8, 1,
     weight_format::fp8, weight_format::fp8, "TensorRT-LLM (TensorRT 10.2)", 31302.7, false,
     "closed/NVIDIA/results/H200-SXM-141GBx8_TRT/llama2-70b-99/Offline", "TP 1 x 8 copies"},
    {"v4.1", "v4.1-0043", "NVIDIA, DGX H100", &chips::h100_sxm, 8, 2, weight_format::fp8,
     weight_format::fp8, "TensorRT-LLM (TensorRT 10.2)", 24524.9, false,
     "closed/NVIDIA/results/DGX-H100_H100-SXM-80GBx8_TRT/llama2-70b-99/Offline",
     "TP 2 x 4 copies (config H100_SXM_80GB_TP2x4)"},
    {"v4.1", "v4.1-0002", "AMD, Supermicro AS-8125GS-TNMR2", &chips::mi300x, 8, 1,
     weight_format::fp8, weight_format::fp8, "vLLM 0.4.3 on ROCm 6.1.2", 23514.8, false,
     "closed/AMD/results/8xMI300X_2xEPYC-9374F/llama2-70b-99/Offline",
     "TP 1 x 8 copies; Quark FP8 weights and activations, --kv-cache-dtype fp8"},
    {"v5.0", "", "NVIDIA, 8x H200-SXM-141GB", &chips::h200_sxm, 8, 1, weight_format::fp8,
     weight_format::fp8, "TensorRT-LLM", 34988.2, false,
     "closed/NVIDIA/results/H200-SXM-141GBx8_TRT/llama2-70b-99/Offline",
     "TP 1 as in v4.1 (not re-checked for v5.0); FP8 as in v4.1's recipe"},
    {"v5.0", "", "AMD, QuantaGrid D74A-7U", &chips::mi325x, 8, 1, weight_format::fp8,
     weight_format::fp8, "vLLM 0.6.5 on ROCm 6.3.1", 33928.1, false,
     "closed/AMD/results/8xMI325X_2xEPYC_9575F/llama2-70b-99.9/Offline",
     "TP 1 as in AMD's v5.1 recipe (not stated for v5.0); KV format not stated"},
    {"v5.1", "5.1-0026", "Dell, PowerEdge XE9680 (8x H200-SXM-141GB)", &chips::h200_sxm, 8, 1,
     weight_format::fp8, weight_format::fp8, "TensorRT-LLM (TensorRT 10.11)", 35316.7, false,
     "closed/Dell/results/XE9680_H200_SXM_141GBx8_TRT/llama2-70b-99/Offline",
     "NVIDIA's TensorRT-LLM recipe; KV format not checked"},
    {"v5.1", "5.1-0001", "AMD, Supermicro AS-8125GS-TNMR2", &chips::mi300x, 8, 1,
     weight_format::fp8, weight_format::fp8, "vLLM 0.9.0 on ROCm 6.4.1", 27803.9, false,
     "closed/AMD/results/8xMI300X_2xEPYC_9575F/llama2-70b-99/Offline",
     "tensor_parallel_size 1, 8 devices; FP8 weights; KV format not set (vLLM's default)"},
    {"v5.1", "5.1-0002", "AMD, QuantaGrid D74A-7U", &chips::mi325x, 8, 1, weight_format::fp8,
     weight_format::fp8, "vLLM 0.9.0 on ROCm 6.4.1", 34520.4, false,
     "closed/AMD/results/8xMI325X_2xEPYC_9575F_1/llama2-70b-99/Offline",
     "TP 1 x 8; max_num_seqs 2,700; KV format not set"},
    {"v5.1", "5.1-0069", "NVIDIA, DGX B200", &chips::b200, 8, 1, weight_format::nvfp4,
     weight_format::fp8, "TensorRT-LLM (TensorRT 10.11)", 101527.0, false,
     "closed/NVIDIA/results/B200-SXM-180GBx8_TRT/llama2-70b-99/Offline",
     "TP 1 x 8; precision fp4, kv_cache_dtype fp8"},
    {"v5.1", "5.1-0098", "AMD, QuantaGrid D74A-7U, MI355X at 1,400 W", &chips::mi355x, 8, 1,
     weight_format::mxfp4, weight_format::fp8, "vLLM 0.9.1 on ROCm 6.5 (AITER)", 93045.8, true,
     "open/AMD/results/8xMI355X_2xEPYC_9575F/llama2-70b-99/Offline",
     "open division: MXFP4 weights and activations, FP8 KV cache; TP 1 x 8"},
}};

}  // namespace mlperf_inference
}  // namespace flopcast
