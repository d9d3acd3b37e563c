#pragma once
#include "flopcast/core/config.hpp"
// Vendor performance claims as cited data, each with the basis it was measured on, so that a
// program can print a claim next to the datasheet ratio and say where the difference comes
// from. 15 claims, each with the URLs it was transcribed from (`source`); `status` says which
// details were confirmed in those sources and which were recalled.
#include <array>
#include <string_view>

#include "flopcast/hardware/catalog.hpp"

namespace flopcast {

enum class claim_kind : unsigned char {
  training,       // time-to-train or training throughput
  inference,      // context only: flopcast does not model inference yet
  peak_compute,   // a peak-FLOPs figure
  efficiency,     // performance per watt
  resources,      // GPUs or power for a fixed job
};

enum class claim_status : unsigned char {
  verified,            // wording and basis found in stored sources
  headline_only,       // headline confirmed; workload, scale or network recalled
  partially_verified,  // some footnote details confirmed
  misattribution,      // repeated by third parties but not the vendor's own claim
  unclear,             // the basis is not stated
};

constexpr std::string_view name(claim_status s) {
  switch (s) {
    case claim_status::verified: return "verified";
    case claim_status::headline_only: return "headline only";
    case claim_status::partially_verified: return "partially verified";
    case claim_status::misattribution: return "misattribution";
    case claim_status::unclear: return "basis unclear";
  }
  return "?";
}

struct vendor_claim {
  std::string_view id;
  std::string_view vendor;
  std::string_view text;           // the claim as worded
  double claimed_ratio = 0.0;      // the headline multiple
  claim_kind kind = claim_kind::training;
  // Datasheet basis for the comparison: new chip at new_format vs baseline at baseline_format.
  // Null where no per-chip datasheet ratio applies.
  const chip_spec* new_chip = nullptr;
  precision new_format = precision::bf16;
  const chip_spec* baseline_chip = nullptr;
  precision baseline_format = precision::bf16;
  std::string_view workload;
  std::string_view cluster_scale;
  std::string_view network;
  std::string_view basis;          // what is held equal (GPU count, latency target, ...)
  claim_status status = claim_status::headline_only;
  std::string_view source;
  std::string_view note;           // why the claim differs from the datasheet ratio

  constexpr bool has_datasheet_basis() const {
    return new_chip != nullptr && baseline_chip != nullptr && new_chip->supports(new_format) &&
           baseline_chip->supports(baseline_format);
  }
  // The datasheet ratio on the claim's basis; 0 when there is none.
  constexpr double datasheet_ratio() const {
    return has_datasheet_basis() ? new_chip->peak(new_format) / baseline_chip->peak(baseline_format)
                                 : 0.0;
  }
};

namespace claims {

inline constexpr vendor_claim h100_vs_a100_training_4x{
    .id = "nv_h100_vs_a100_train_4x",
    .vendor = "NVIDIA",
    .text = "Up to 4X faster training over the prior generation for GPT-3 (175B) models",
    .claimed_ratio = 4.0,
    .kind = claim_kind::training,
    .new_chip = &chips::h100_sxm,
    .new_format = precision::fp8,
    .baseline_chip = &chips::a100_sxm4_80gb,
    .baseline_format = precision::bf16,
    .workload = "GPT-3 175B",
    .cluster_scale = "not stated",
    .network = "A100 on HDR InfiniBand vs H100 on NDR InfiniBand (recalled)",
    .basis = "equal GPU count, projected",
    .status = claim_status::headline_only,
    .source = "https://www.nvidia.com/en-us/data-center/h100/ ; https://www.clawkipedia.org/wiki/nvidia-h100",
    .note = "Projection comparing H100 FP8 with A100 16-bit: the datasheet gives 3.2x at BF16 and "
            "6.3x for H100 FP8 over A100 BF16, so 4x is between the two.",
};

inline constexpr vendor_claim h100_vs_a100_training_9x{
    .id = "nv_h100_vs_a100_train_9x",
    .vendor = "NVIDIA",
    .text = "Up to 9X faster AI training (at scale) vs A100",
    .claimed_ratio = 9.0,
    .kind = claim_kind::training,
    .new_chip = &chips::h100_sxm,
    .new_format = precision::fp8,
    .baseline_chip = &chips::a100_sxm4_80gb,
    .baseline_format = precision::bf16,
    .workload = "Mixture-of-Experts, ~395B parameters (recalled)",
    .cluster_scale = "not stated",
    .network = "HDR IB vs NDR IB plus NVLink Switch System (recalled)",
    .basis = "equal GPU count, projected",
    .status = claim_status::headline_only,
    .source = "https://nvidianews.nvidia.com/news/nvidia-announces-hopper-architecture-the-next-generation-of-accelerated-computing ; https://aiwiki.ai/wiki/nvidia_h100/raw",
    .note = "Exceeds every per-chip datasheet ratio: the rest is the all-to-all of an MoE on the "
            "NVLink Switch System, which saw little deployment. An upper bound.",
};

inline constexpr vendor_claim h100_vs_a100_inference_30x{
    .id = "nv_h100_vs_a100_infer_30x",
    .vendor = "NVIDIA",
    .text = "Up to 30X higher AI inference performance on the largest models",
    .claimed_ratio = 30.0,
    .kind = claim_kind::inference,
    .new_chip = &chips::h100_sxm,
    .new_format = precision::fp8,
    .baseline_chip = &chips::a100_sxm4_80gb,
    .baseline_format = precision::bf16,
    .workload = "Megatron chatbot 530B (recalled)",
    .cluster_scale = "not stated",
    .network = "",
    .basis = "latency-constrained throughput, projected",
    .status = claim_status::headline_only,
    .source = "https://www.nvidia.com/en-us/data-center/h100/ ; https://aiwiki.ai/wiki/nvidia_h100/raw",
    .note = "Inference under a latency target; context only.",
};

inline constexpr vendor_claim b200_vs_h100_training_3x{
    .id = "nv_b200_vs_h100_train_3x",
    .vendor = "NVIDIA",
    .text = "3X the training performance of DGX H100 (DGX B200); 3X faster training for LLMs (HGX B200)",
    .claimed_ratio = 3.0,
    .kind = claim_kind::training,
    .new_chip = &chips::b200,
    .new_format = precision::fp8,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "GPT-MoE-1.8T (recalled)",
    .cluster_scale = "32,768 GPUs (recalled)",
    .network = "400G InfiniBand on both (recalled)",
    .basis = "equal GPU count, projected",
    .status = claim_status::headline_only,
    .source = "https://www.nvidia.com/en-us/data-center/dgx-b200/ ; https://www.nvidia.com/en-us/data-center/hgx/ ; https://uvation.com/articles/dgx-b200-vs-dgx-h100-benchmarks-a-deep-dive-into-nvidias-next-gen-ai-performance",
    .note = "Dense FP8 is 2.27x; the rest is attributed to memory capacity and bandwidth (180 vs "
            "80 GB, 7.7 vs 3.35 TB/s) and NVLink 5.",
};

inline constexpr vendor_claim b200_vs_h100_inference_15x{
    .id = "nv_b200_vs_h100_infer_15x",
    .vendor = "NVIDIA",
    .text = "15X the inference performance of DGX H100",
    .claimed_ratio = 15.0,
    .kind = claim_kind::inference,
    .new_chip = &chips::b200,
    .new_format = precision::fp4,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "GPT-MoE-1.8T (recalled)",
    .cluster_scale = "",
    .network = "",
    .basis = "per GPU at a latency target, projected",
    .status = claim_status::headline_only,
    .source = "https://www.nvidia.com/en-us/data-center/dgx-b200/",
    .note = "FP4 against FP8; inference, context only.",
};

inline constexpr vendor_claim b200_training_4x_misattributed{
    .id = "nv_b200_train_4x_attribution",
    .vendor = "NVIDIA (as repeated by third parties)",
    .text = "'B200 up to 4x training vs H100' as stated by some secondary pages",
    .claimed_ratio = 4.0,
    .kind = claim_kind::training,
    .new_chip = &chips::b200,
    .new_format = precision::fp8,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "ambiguous",
    .cluster_scale = "",
    .network = "",
    .basis = "ambiguous",
    .status = claim_status::misattribution,
    .source = "https://thedailyscout.com/s/QqeAWqWXHz8 ; https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
    .note = "NVIDIA's 4x training figure belongs to GB200 NVL72; its figure for HGX/DGX B200 is 3x.",
};

inline constexpr vendor_claim gb200_nvl72_vs_h100_training_4x{
    .id = "nv_gb200nvl72_vs_h100_train_4x",
    .vendor = "NVIDIA",
    .text = "4X faster training for large language models at scale (GB200 NVL72 vs HGX H100)",
    .claimed_ratio = 4.0,
    .kind = claim_kind::training,
    .new_chip = &chips::gb200,
    .new_format = precision::fp8,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "GPT-MoE-1.8T",
    .cluster_scale = "32,768 GPUs (456 NVL72 racks vs 4,096 HGX H100; counts recalled)",
    .network = "800G IB for GB200 vs 400G IB for H100 (recalled)",
    .basis = "same GPU count, projected",
    .status = claim_status::partially_verified,
    .source = "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; https://developer.nvidia.com/blog/nvidia-gb200-nvl72-delivers-trillion-parameter-llm-training-and-real-time-inference/ ; https://resources.nvidia.com/en-us-blackwell-architecture",
    .note = "Dense FP8 per GPU is 2.53x; NVIDIA attributes the rest to the 72-GPU NVLink domain "
            "(expert-parallel all-to-all stays on NVLink) and the faster network.",
};

inline constexpr vendor_claim gb200_nvl72_vs_h100_inference_30x{
    .id = "nv_gb200nvl72_vs_h100_infer_30x",
    .vendor = "NVIDIA",
    .text = "30X faster real-time trillion-parameter LLM inference; 25X lower cost and energy",
    .claimed_ratio = 30.0,
    .kind = claim_kind::inference,
    .new_chip = &chips::gb200,
    .new_format = precision::fp4,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "GPT-MoE-1.8T",
    .cluster_scale = "1 GB200 NVL72 vs 8 HGX H100 (recalled)",
    .network = "",
    .basis = "per GPU at ~50 ms token-to-token latency (recalled)",
    .status = claim_status::partially_verified,
    .source = "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; https://resources.nvidia.com/en-us-blackwell-architecture ; https://aiwiki.ai/wiki/nvidia_gb200_nvl72/raw",
    .note = "Inference, FP4 vs FP8; context only.",
};

inline constexpr vendor_claim gtc24_1p8t_training_resources{
    .id = "nv_gtc24_1p8T_train_power",
    .vendor = "NVIDIA",
    .text = "Training a 1.8T-parameter model (~90 days) needed 8,000 Hopper GPUs and 15 MW; 2,000 "
            "Blackwell GPUs can do it with 4 MW",
    .claimed_ratio = 4.0,
    .kind = claim_kind::resources,
    .new_chip = &chips::gb200,
    .new_format = precision::fp8,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "GPT-MoE-1.8T",
    .cluster_scale = "8,000 vs 2,000 GPUs",
    .network = "",
    .basis = "same job, same duration (~90 days, recalled)",
    .status = claim_status::headline_only,
    .source = "https://technewsrooms.com/nvidia-unveils-blackwell-b200-gpu ; https://www.computerworld.pl/news/Nvidia-pokazala-najpotezniejszy-na-swiecie-chip-AI,446926.html",
    .note = "4x fewer GPUs and 3.75x less power for the same job: about 4x per-GPU throughput, "
            "the same as the NVL72 training claim.",
};

inline constexpr vendor_claim gb200_vs_h100_gpt3{
    .id = "nv_gb200_vs_h100_gpt3_7x",
    .vendor = "NVIDIA (press briefing, reported)",
    .text = "On a GPT-3 175B benchmark GB200 has 7x the performance of an H100 and 4x the training speed",
    .claimed_ratio = 4.0,
    .kind = claim_kind::training,
    .new_chip = &chips::gb200,
    .new_format = precision::fp8,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "GPT-3 175B",
    .cluster_scale = "",
    .network = "",
    .basis = "not stated",
    .status = claim_status::headline_only,
    .source = "https://autopilotr.com/nvidia-reveals-blackwell-b200-gpu-the-worlds-most-powerful-chip-for-ai ; https://technewsrooms.com/nvidia-unveils-blackwell-b200-gpu",
    .note = "Second-hand press figure; the training part (4x) is recorded here, the 7x is inference.",
};

inline constexpr vendor_claim gb300_nvl72_vs_hopper_50x{
    .id = "nv_gb300nvl72_vs_hopper_50x",
    .vendor = "NVIDIA",
    .text = "GB300 NVL72: 50X AI factory output vs Hopper (35X inference perf, 30X energy "
            "efficiency); 1.5X dense FP4 vs GB200 NVL72",
    .claimed_ratio = 50.0,
    .kind = claim_kind::inference,
    .new_chip = &chips::gb300,
    .new_format = precision::fp4,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "DeepSeek-R1 (reasoning inference)",
    .cluster_scale = "",
    .network = "",
    .basis = "projected, with Dynamo + TensorRT-LLM",
    .status = claim_status::partially_verified,
    .source = "https://www.nvidia.com/en-us/data-center/gb300-nvl72/ ; https://resources.nvidia.com/en-us-blackwell-architecture",
    .note = "Inference; context only.",
};

inline constexpr vendor_claim hgx_b300_7x_compute{
    .id = "nv_hgx_b300_7x_compute",
    .vendor = "NVIDIA",
    .text = "HGX B300: 7x more AI compute than Hopper",
    .claimed_ratio = 7.0,
    .kind = claim_kind::peak_compute,
    .new_chip = &chips::b300,
    .new_format = precision::fp4,
    .baseline_chip = &chips::h100_sxm,
    .baseline_format = precision::fp8,
    .workload = "n/a (peak FLOPS)",
    .cluster_scale = "",
    .network = "",
    .basis = "not stated",
    .status = claim_status::unclear,
    .source = "https://resources.nvidia.com/en-us-blackwell-architecture",
    .note = "Dense FP4 on B300 over dense FP8 on H100 is about 7x; the sparse figures give 4.5x. "
            "The basis is not stated.",
};

inline constexpr vendor_claim tpu_v5p_vs_v4_training{
    .id = "goog_v5p_vs_v4_train_2p8x",
    .vendor = "Google",
    .text = "TPU v5p trains large LLMs up to 2.8X faster than TPU v4 (1.9X for embedding-dense models)",
    .claimed_ratio = 2.8,
    .kind = claim_kind::training,
    .new_chip = &chips::tpu_v5p,
    .new_format = precision::bf16,
    .baseline_chip = &chips::tpu_v4,
    .baseline_format = precision::bf16,
    .workload = "GPT-3 175B-class LLM (recalled)",
    .cluster_scale = "",
    .network = "",
    .basis = "",
    .status = claim_status::headline_only,
    .source = "https://cloud.google.com/tpu/docs/v5p ; https://aiwiki.ai/wiki/google_tpu_v5p/raw",
    .note = "Peak BF16 is 1.67x; the rest plausibly from 3x HBM capacity, 2.3x HBM bandwidth and "
            "2.2x ICI bandwidth (INT8 is 3.3x, if used).",
};

inline constexpr vendor_claim ironwood_vs_trillium{
    .id = "goog_ironwood_vs_trillium",
    .vendor = "Google",
    .text = "Ironwood: 2x performance per watt vs Trillium; 42.5 EF per 9,216-chip pod",
    .claimed_ratio = 2.0,
    .kind = claim_kind::efficiency,
    .new_chip = &chips::tpu7x,
    .new_format = precision::fp8,
    .baseline_chip = &chips::tpu_v6e,
    .baseline_format = precision::fp8,
    .workload = "",
    .cluster_scale = "9,216-chip pod",
    .network = "",
    .basis = "performance per watt",
    .status = claim_status::verified,
    .source = "https://blog.google/products/google-cloud/ironwood-tpu-age-of-inference/ ; https://cloud.google.com/tpu/docs/tpu7x",
    .note = "Per watt, and Google publishes no TDP for either chip: the datasheet ratio shown is "
            "peak FP8 per chip, not per watt.",
};

inline constexpr vendor_claim mi355x_vs_mi300x{
    .id = "amd_mi355x_vs_mi300x",
    .vendor = "AMD",
    .text = "MI355X: up to ~4X peak AI compute vs MI300X; up to 35X inference throughput; with ROCm 7 ~3X training",
    .claimed_ratio = 4.0,
    .kind = claim_kind::peak_compute,
    .new_chip = &chips::mi355x,
    .new_format = precision::fp4,
    .baseline_chip = &chips::mi300x,
    .baseline_format = precision::fp8,
    .workload = "Llama 3.1 405B (inference examples)",
    .cluster_scale = "",
    .network = "",
    .basis = "FP4/FP6 vs FP8/FP16 (compute claim)",
    .status = claim_status::headline_only,
    .source = "https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html ; https://aiwiki.ai/wiki/amd_instinct_mi355x ; https://www.svethardware.cz/amd-uvadi-akceleratory-instinct-mi350x-a-mi355x-s-288gb-pameti-hbm3e/61870",
    .note = "Dense FP4 on MI355X over dense FP8 on MI300X is 3.85x: the ~4x holds on that basis.",
};

}  // namespace claims

inline constexpr std::array<const vendor_claim*, 15> all_vendor_claims{
    &claims::h100_vs_a100_training_4x,       &claims::h100_vs_a100_training_9x,
    &claims::h100_vs_a100_inference_30x,     &claims::b200_vs_h100_training_3x,
    &claims::b200_vs_h100_inference_15x,     &claims::b200_training_4x_misattributed,
    &claims::gb200_nvl72_vs_h100_training_4x, &claims::gb200_nvl72_vs_h100_inference_30x,
    &claims::gtc24_1p8t_training_resources,  &claims::gb200_vs_h100_gpt3,
    &claims::gb300_nvl72_vs_hopper_50x,      &claims::hgx_b300_7x_compute,
    &claims::tpu_v5p_vs_v4_training,         &claims::ironwood_vs_trillium,
    &claims::mi355x_vs_mi300x,
};

}  // namespace flopcast
