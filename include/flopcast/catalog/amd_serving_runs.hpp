#pragma once
#include "flopcast/core/config.hpp"
// AMD's published vLLM serving throughput on 8 Instinct MI300X ("Performance results with AMD
// ROCm software", amd.com/en/developer/resources/rocm-hub/dev-ai/performance-results.html; the
// snapshot of docker rocm/vllm:rocm7.0.0_vllm_0.10.2_20251006). A check of the serving model on
// another GPU vendor and another engine; nothing is fitted to it.
//
// What the page states: Llama 3.1 70B and 405B in FP8 (amd/Llama-3.1-*-Instruct-FP8-KV
// checkpoints: FP8 weights, FP8 KV cache by their name), TP 8, the input and output lengths, the
// number of prompts (max_num_seqs set to the same), and "Throughput (tokens/s)" from a client
// that feeds requests at an infinite rate. Two caveats, carried with the rows:
//   - the page does not say whether the figure counts output tokens only or input and output
//     tokens (ROCm's vLLM benchmark guide defines both); read as output tokens here, the other
//     reading lowers the output throughput by osl / (isl + osl);
//   - the page is overwritten with each release and its figures move: the 70B 128/2048 row read
//     16,365-16,582 in April-June 2025 and 12,639-13,819 from July 2025, unexplained.
#include <array>
#include <string_view>

#include "flopcast/hardware/catalog.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/inference.hpp"

namespace flopcast {

struct published_serving_run {
  const model_card* model = nullptr;
  std::string_view model_name{};  // as the source names it
  const chip_spec* chip = nullptr;
  int gpus = 1;
  int tp = 1;
  weight_format weights = weight_format::fp8;
  kv_format kv = weight_format::fp8;
  std::string_view framework{};
  int input_len = 0, output_len = 0;
  int prompts = 0;                 // requests offered at once (= max_num_seqs)
  double tokens_per_s = 0;         // as published, the whole group
  std::string_view source{};
};

namespace amd_serving_runs {

inline constexpr std::string_view performance_page =
    "amd.com ROCm performance results, vLLM inference, 8x MI300X, docker "
    "rocm/vllm:rocm7.0.0_vllm_0.10.2_20251006";

inline constexpr std::array<published_serving_run, 5> vllm_mi300x{{
    {&models::llama3_70b, "Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV)", &chips::mi300x, 8,
     8, weight_format::fp8, weight_format::fp8, "vLLM 0.10.2, ROCm 7.0", 128, 2048, 3200, 13212.5,
     performance_page},
    {&models::llama3_70b, "Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV)", &chips::mi300x, 8,
     8, weight_format::fp8, weight_format::fp8, "vLLM 0.10.2, ROCm 7.0", 2048, 2048, 1500, 7252.1,
     performance_page},
    {&models::llama3_70b, "Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV)", &chips::mi300x, 8,
     8, weight_format::fp8, weight_format::fp8, "vLLM 0.10.2, ROCm 7.0", 500, 2000, 2000, 11376.7,
     performance_page},
    {&models::llama3_405b, "Llama 3.1 405B (amd/Llama-3.1-405B-Instruct-FP8-KV)", &chips::mi300x,
     8, 8, weight_format::fp8, weight_format::fp8, "vLLM 0.10.2, ROCm 7.0", 128, 2048, 1500,
     4201.7, performance_page},
    {&models::llama3_405b, "Llama 3.1 405B (amd/Llama-3.1-405B-Instruct-FP8-KV)", &chips::mi300x,
     8, 8, weight_format::fp8, weight_format::fp8, "vLLM 0.10.2, ROCm 7.0", 2048, 2048, 500,
     2153.7, performance_page},
}};

}  // namespace amd_serving_runs
}  // namespace flopcast
