// Compile-time tests of the chip catalog: if this file compiles, they pass.
//
// Part 1 pins every figure of every catalog entry to the value transcribed from its sources (the
// entry's `source` URLs), entry by entry: present figures equal that value (the same
// `value * unit` expression, so equality is exact), absent ones are std::nullopt, never 0. Two
// deliberate departures from the sources' tables:
//   - V100 fp64 holds the vector rate 7.8 (there is no FP64 tensor figure because Volta has no
//     FP64 tensor path; chip.hpp defines fp64 as the vector rate for such chips);
//   - TPU v4's typical scale-up domain is 64 (one 4x4x4 cube; the sources name no typical size).
// Part 2 checks the catalog as a whole (27 entries, unique names and aliases, constexpr lookup)
// and part 3 the multi-accelerator systems.
#include <cstddef>
#include <optional>
#include <utility>

#include "flopcast/hardware/catalog.hpp"
#include "flopcast/hardware/system.hpp"

namespace catalog_static {

using namespace flopcast;
using namespace flopcast::chips;

constexpr bool rate_is(const chip_spec& c, precision p, double tflops) {
  return c.supports(p) && c.peak(p) == tflops * tflop_per_s;
}
constexpr bool optional_is(const std::optional<double>& v, double x) {
  return v.has_value() && *v == x;
}
constexpr bool years_are(const chip_spec& c, int announced, int available) {
  return c.year_announced == announced && c.year_available == available;
}
constexpr bool domain_is(const chip_spec& c, int typical, int max) {
  return c.scale_up.domain_typical == typical && c.scale_up.domain_max == max;
}
constexpr bool no_price(const chip_spec& c) {
  return !c.price.has_value() && c.price_basis.empty();
}

// ---- Part 1: every figure, row by row ----------------------------------------------------------

// V100 SXM2 32GB (per GPU)
static_assert(v100_sxm2_32gb.maker == vendor::nvidia);
static_assert(v100_sxm2_32gb.accelerators == 1);
static_assert(v100_sxm2_32gb.dies == 1);
static_assert(years_are(v100_sxm2_32gb, 2017, 2018));
static_assert(optional_is(v100_sxm2_32gb.transistors_billion, 21.1));
static_assert(rate_is(v100_sxm2_32gb, precision::fp64, 7.8));
static_assert(rate_is(v100_sxm2_32gb, precision::fp64_vector, 7.8));
static_assert(rate_is(v100_sxm2_32gb, precision::fp32, 15.7));
static_assert(!v100_sxm2_32gb.supports(precision::tf32));
static_assert(!v100_sxm2_32gb.supports(precision::bf16));
static_assert(rate_is(v100_sxm2_32gb, precision::fp16, 125.0));
static_assert(!v100_sxm2_32gb.supports(precision::fp8));
static_assert(!v100_sxm2_32gb.supports(precision::fp6));
static_assert(!v100_sxm2_32gb.supports(precision::fp4));
static_assert(!v100_sxm2_32gb.supports(precision::int8));
static_assert(v100_sxm2_32gb.memory == 32.0 * gigabytes);
static_assert(v100_sxm2_32gb.memory_bandwidth == 0.9 * terabytes_per_s);
static_assert(v100_sxm2_32gb.tdp == 300.0 * watts);
static_assert(v100_sxm2_32gb.scale_up.bidirectional == 300.0 * gigabytes_per_s);
static_assert(domain_is(v100_sxm2_32gb, 8, 16));
static_assert(!v100_sxm2_32gb.scale_out.has_value());
static_assert(no_price(v100_sxm2_32gb));
static_assert(v100_sxm2_32gb.source ==
              "https://www.nvidia.com/en-us/data-center/v100/ ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md");

// A100 SXM4 40GB (per GPU)
static_assert(a100_sxm4_40gb.maker == vendor::nvidia);
static_assert(a100_sxm4_40gb.accelerators == 1);
static_assert(a100_sxm4_40gb.dies == 1);
static_assert(years_are(a100_sxm4_40gb, 2020, 2020));
static_assert(optional_is(a100_sxm4_40gb.transistors_billion, 54.2));
static_assert(rate_is(a100_sxm4_40gb, precision::fp64, 19.5));
static_assert(rate_is(a100_sxm4_40gb, precision::fp64_vector, 9.7));
static_assert(rate_is(a100_sxm4_40gb, precision::fp32, 19.5));
static_assert(rate_is(a100_sxm4_40gb, precision::tf32, 156.0));
static_assert(rate_is(a100_sxm4_40gb, precision::bf16, 312.0));
static_assert(rate_is(a100_sxm4_40gb, precision::fp16, 312.0));
static_assert(!a100_sxm4_40gb.supports(precision::fp8));
static_assert(!a100_sxm4_40gb.supports(precision::fp6));
static_assert(!a100_sxm4_40gb.supports(precision::fp4));
static_assert(rate_is(a100_sxm4_40gb, precision::int8, 624.0));
static_assert(a100_sxm4_40gb.memory == 40.0 * gigabytes);
static_assert(a100_sxm4_40gb.memory_bandwidth == 1.555 * terabytes_per_s);
static_assert(a100_sxm4_40gb.tdp == 400.0 * watts);
static_assert(a100_sxm4_40gb.scale_up.bidirectional == 600.0 * gigabytes_per_s);
static_assert(domain_is(a100_sxm4_40gb, 8, 16));
static_assert(a100_sxm4_40gb.scale_out == 200.0 * gigabits_per_s);
static_assert(no_price(a100_sxm4_40gb));
static_assert(a100_sxm4_40gb.source ==
              "https://www.nvidia.com/en-us/data-center/a100/ ; "
              "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/"
              "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf ; "
              "https://images.nvidia.com/aem-dam/en-zz/Solutions/data-center/"
              "nvidia-ampere-architecture-whitepaper.pdf ; "
              "https://glennklockwood.com/garden/processors/A100 ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// A100 SXM4 80GB (per GPU)
static_assert(a100_sxm4_80gb.maker == vendor::nvidia);
static_assert(a100_sxm4_80gb.accelerators == 1);
static_assert(a100_sxm4_80gb.dies == 1);
static_assert(years_are(a100_sxm4_80gb, 2020, 2020));
static_assert(optional_is(a100_sxm4_80gb.transistors_billion, 54.2));
static_assert(rate_is(a100_sxm4_80gb, precision::fp64, 19.5));
static_assert(rate_is(a100_sxm4_80gb, precision::fp64_vector, 9.7));
static_assert(rate_is(a100_sxm4_80gb, precision::fp32, 19.5));
static_assert(rate_is(a100_sxm4_80gb, precision::tf32, 156.0));
static_assert(rate_is(a100_sxm4_80gb, precision::bf16, 312.0));
static_assert(rate_is(a100_sxm4_80gb, precision::fp16, 312.0));
static_assert(!a100_sxm4_80gb.supports(precision::fp8));
static_assert(!a100_sxm4_80gb.supports(precision::fp6));
static_assert(!a100_sxm4_80gb.supports(precision::fp4));
static_assert(rate_is(a100_sxm4_80gb, precision::int8, 624.0));
static_assert(a100_sxm4_80gb.memory == 80.0 * gigabytes);
static_assert(a100_sxm4_80gb.memory_bandwidth == 2.039 * terabytes_per_s);
static_assert(a100_sxm4_80gb.tdp == 400.0 * watts);
static_assert(a100_sxm4_80gb.scale_up.bidirectional == 600.0 * gigabytes_per_s);
static_assert(domain_is(a100_sxm4_80gb, 8, 16));
static_assert(a100_sxm4_80gb.scale_out == 200.0 * gigabits_per_s);
static_assert(no_price(a100_sxm4_80gb));
static_assert(a100_sxm4_80gb.source ==
              "https://www.nvidia.com/en-us/data-center/a100/ ; "
              "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/"
              "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf ; "
              "https://glennklockwood.com/garden/processors/A100 ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/calculon-ai/calculon/tree/main/systems");

// A100 PCIe 80GB (per GPU)
static_assert(a100_pcie_80gb.maker == vendor::nvidia);
static_assert(a100_pcie_80gb.accelerators == 1);
static_assert(a100_pcie_80gb.dies == 1);
static_assert(years_are(a100_pcie_80gb, 2021, 2021));
static_assert(optional_is(a100_pcie_80gb.transistors_billion, 54.2));
static_assert(rate_is(a100_pcie_80gb, precision::fp64, 19.5));
static_assert(rate_is(a100_pcie_80gb, precision::fp64_vector, 9.7));
static_assert(rate_is(a100_pcie_80gb, precision::fp32, 19.5));
static_assert(rate_is(a100_pcie_80gb, precision::tf32, 156.0));
static_assert(rate_is(a100_pcie_80gb, precision::bf16, 312.0));
static_assert(rate_is(a100_pcie_80gb, precision::fp16, 312.0));
static_assert(!a100_pcie_80gb.supports(precision::fp8));
static_assert(!a100_pcie_80gb.supports(precision::fp6));
static_assert(!a100_pcie_80gb.supports(precision::fp4));
static_assert(rate_is(a100_pcie_80gb, precision::int8, 624.0));
static_assert(a100_pcie_80gb.memory == 80.0 * gigabytes);
static_assert(a100_pcie_80gb.memory_bandwidth == 1.935 * terabytes_per_s);
static_assert(a100_pcie_80gb.tdp == 300.0 * watts);
static_assert(a100_pcie_80gb.scale_up.bidirectional == 600.0 * gigabytes_per_s);
static_assert(domain_is(a100_pcie_80gb, 2, 2));
static_assert(!a100_pcie_80gb.scale_out.has_value());
static_assert(no_price(a100_pcie_80gb));
static_assert(a100_pcie_80gb.source ==
              "https://www.nvidia.com/en-us/data-center/a100/ ; "
              "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/"
              "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// H100 SXM5 80GB (per GPU)
static_assert(h100_sxm.maker == vendor::nvidia);
static_assert(h100_sxm.accelerators == 1);
static_assert(h100_sxm.dies == 1);
static_assert(years_are(h100_sxm, 2022, 2023));
static_assert(optional_is(h100_sxm.transistors_billion, 80.0));
static_assert(rate_is(h100_sxm, precision::fp64, 67.0));
static_assert(rate_is(h100_sxm, precision::fp64_vector, 34.0));
static_assert(rate_is(h100_sxm, precision::fp32, 67.0));
static_assert(rate_is(h100_sxm, precision::tf32, 494.5));
static_assert(rate_is(h100_sxm, precision::bf16, 989.5));
static_assert(rate_is(h100_sxm, precision::fp16, 989.5));
static_assert(rate_is(h100_sxm, precision::fp8, 1979.0));
static_assert(!h100_sxm.supports(precision::fp6));
static_assert(!h100_sxm.supports(precision::fp4));
static_assert(rate_is(h100_sxm, precision::int8, 1979.0));
static_assert(h100_sxm.memory == 80.0 * gigabytes);
static_assert(h100_sxm.memory_bandwidth == 3.35 * terabytes_per_s);
static_assert(h100_sxm.tdp == 700.0 * watts);
static_assert(h100_sxm.scale_up.bidirectional == 900.0 * gigabytes_per_s);
static_assert(domain_is(h100_sxm, 8, 256));
static_assert(h100_sxm.scale_out == 400.0 * gigabits_per_s);
static_assert(h100_sxm.price == 10.8 * dollars_per_hour);
static_assert(h100_sxm.price_basis ==
              "Google Cloud on-demand list price per GPU-hour, Feb 2025, as"
              " tabulated by scaling-book (applied-inference)");
static_assert(
    h100_sxm.source ==
    "https://www.nvidia.com/en-us/data-center/h100/ ; "
    "https://resources.nvidia.com/en-us-gpu-resources/h100-datasheet-24306 ; "
    "https://glennklockwood.com/garden/processors/h100 ; "
    "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://jax-ml.github.io/scaling-book/gpus/ ; "
    "https://jax-ml.github.io/scaling-book/applied-inference/");

// H100 PCIe 80GB (per GPU)
static_assert(h100_pcie.maker == vendor::nvidia);
static_assert(h100_pcie.accelerators == 1);
static_assert(h100_pcie.dies == 1);
static_assert(years_are(h100_pcie, 2022, 2022));
static_assert(optional_is(h100_pcie.transistors_billion, 80.0));
static_assert(rate_is(h100_pcie, precision::fp64, 51.0));
static_assert(rate_is(h100_pcie, precision::fp64_vector, 26.0));
static_assert(rate_is(h100_pcie, precision::fp32, 51.0));
static_assert(rate_is(h100_pcie, precision::tf32, 378.0));
static_assert(rate_is(h100_pcie, precision::bf16, 756.5));
static_assert(rate_is(h100_pcie, precision::fp16, 756.5));
static_assert(rate_is(h100_pcie, precision::fp8, 1513.0));
static_assert(!h100_pcie.supports(precision::fp6));
static_assert(!h100_pcie.supports(precision::fp4));
static_assert(rate_is(h100_pcie, precision::int8, 1513.0));
static_assert(h100_pcie.memory == 80.0 * gigabytes);
static_assert(h100_pcie.memory_bandwidth == 2.0 * terabytes_per_s);
static_assert(h100_pcie.tdp == 350.0 * watts);
static_assert(h100_pcie.scale_up.bidirectional == 600.0 * gigabytes_per_s);
static_assert(domain_is(h100_pcie, 2, 2));
static_assert(!h100_pcie.scale_out.has_value());
static_assert(no_price(h100_pcie));
static_assert(h100_pcie.source ==
              "https://www.nvidia.com/en-us/data-center/h100/ ; "
              "https://resources.nvidia.com/en-us-gpu-resources/h100-datasheet-24306 ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// H100 NVL 94GB (per GPU (sold as bridged pair))
static_assert(h100_nvl.maker == vendor::nvidia);
static_assert(h100_nvl.accelerators == 1);
static_assert(h100_nvl.dies == 1);
static_assert(years_are(h100_nvl, 2023, 2023));
static_assert(optional_is(h100_nvl.transistors_billion, 80.0));
static_assert(rate_is(h100_nvl, precision::fp64, 60.0));
static_assert(rate_is(h100_nvl, precision::fp64_vector, 30.0));
static_assert(rate_is(h100_nvl, precision::fp32, 60.0));
static_assert(rate_is(h100_nvl, precision::tf32, 417.5));
static_assert(rate_is(h100_nvl, precision::bf16, 835.5));
static_assert(rate_is(h100_nvl, precision::fp16, 835.5));
static_assert(rate_is(h100_nvl, precision::fp8, 1670.5));
static_assert(!h100_nvl.supports(precision::fp6));
static_assert(!h100_nvl.supports(precision::fp4));
static_assert(rate_is(h100_nvl, precision::int8, 1670.5));
static_assert(h100_nvl.memory == 94.0 * gigabytes);
static_assert(h100_nvl.memory_bandwidth == 3.9 * terabytes_per_s);
static_assert(h100_nvl.tdp == 400.0 * watts);
static_assert(h100_nvl.scale_up.bidirectional == 600.0 * gigabytes_per_s);
static_assert(domain_is(h100_nvl, 2, 2));
static_assert(!h100_nvl.scale_out.has_value());
static_assert(no_price(h100_nvl));
static_assert(h100_nvl.source ==
              "https://www.nvidia.com/en-us/data-center/h100/ ; "
              "https://www.pny.com/file%20library/company/support/product%20brochures/"
              "nvidia%20data%20center%20gpus/english/h100-nvl-datasheet.pdf");

// H800 SXM5 80GB (per GPU (China export variant))
static_assert(h800_sxm.maker == vendor::nvidia);
static_assert(h800_sxm.accelerators == 1);
static_assert(h800_sxm.dies == 1);
static_assert(years_are(h800_sxm, 2023, 2023));
static_assert(optional_is(h800_sxm.transistors_billion, 80.0));
static_assert(rate_is(h800_sxm, precision::fp64, 1.0));
static_assert(rate_is(h800_sxm, precision::fp64_vector, 1.0));
static_assert(rate_is(h800_sxm, precision::fp32, 67.0));
static_assert(rate_is(h800_sxm, precision::tf32, 494.5));
static_assert(rate_is(h800_sxm, precision::bf16, 989.5));
static_assert(rate_is(h800_sxm, precision::fp16, 989.5));
static_assert(rate_is(h800_sxm, precision::fp8, 1979.0));
static_assert(!h800_sxm.supports(precision::fp6));
static_assert(!h800_sxm.supports(precision::fp4));
static_assert(rate_is(h800_sxm, precision::int8, 1979.0));
static_assert(h800_sxm.memory == 80.0 * gigabytes);
static_assert(h800_sxm.memory_bandwidth == 3.35 * terabytes_per_s);
static_assert(h800_sxm.tdp == 700.0 * watts);
static_assert(h800_sxm.scale_up.bidirectional == 400.0 * gigabytes_per_s);
static_assert(domain_is(h800_sxm, 8, 8));
static_assert(h800_sxm.scale_out == 400.0 * gigabits_per_s);
static_assert(no_price(h800_sxm));
static_assert(h800_sxm.source ==
              "https://www.philisun.com/technical-analysis/"
              "nvidia-h800-vs-h100-a-technical-deep-dive-into-politically-defined-ai-chips/ ; "
              "https://aiwiki.ai/wiki/nvidia_h800 ; "
              "https://arxiv.org/abs/2412.19437 ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/");

// H200 SXM 141GB (per GPU)
static_assert(h200_sxm.maker == vendor::nvidia);
static_assert(h200_sxm.accelerators == 1);
static_assert(h200_sxm.dies == 1);
static_assert(years_are(h200_sxm, 2023, 2024));
static_assert(optional_is(h200_sxm.transistors_billion, 80.0));
static_assert(rate_is(h200_sxm, precision::fp64, 67.0));
static_assert(rate_is(h200_sxm, precision::fp64_vector, 34.0));
static_assert(rate_is(h200_sxm, precision::fp32, 67.0));
static_assert(rate_is(h200_sxm, precision::tf32, 494.5));
static_assert(rate_is(h200_sxm, precision::bf16, 989.5));
static_assert(rate_is(h200_sxm, precision::fp16, 989.5));
static_assert(rate_is(h200_sxm, precision::fp8, 1979.0));
static_assert(!h200_sxm.supports(precision::fp6));
static_assert(!h200_sxm.supports(precision::fp4));
static_assert(rate_is(h200_sxm, precision::int8, 1979.0));
static_assert(h200_sxm.memory == 141.0 * gigabytes);
static_assert(h200_sxm.memory_bandwidth == 4.8 * terabytes_per_s);
static_assert(h200_sxm.tdp == 700.0 * watts);
static_assert(h200_sxm.scale_up.bidirectional == 900.0 * gigabytes_per_s);
static_assert(domain_is(h200_sxm, 8, 8));
static_assert(h200_sxm.scale_out == 400.0 * gigabits_per_s);
static_assert(h200_sxm.price == 10.0 * dollars_per_hour);
static_assert(h200_sxm.price_basis ==
              "approx. Google Cloud sticker price per GPU-hour quoted by scaling-book"
              " (gpus chapter, 2025); approximate");
static_assert(
    h200_sxm.source ==
    "https://www.nvidia.com/en-us/data-center/h200/ ; "
    "https://github.com/mlcommons/inference_results_v4.1/blob/main/closed/NVIDIA/systems/"
    "H200-SXM-141GBx8_TRT_MaxQ.json ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://jax-ml.github.io/scaling-book/gpus/");

// B100 (HGX B100) (per GPU)
static_assert(b100.maker == vendor::nvidia);
static_assert(b100.accelerators == 1);
static_assert(b100.dies == 2);
static_assert(years_are(b100, 2024, 2024));
static_assert(optional_is(b100.transistors_billion, 208.0));
static_assert(rate_is(b100, precision::fp64, 30.0));
static_assert(rate_is(b100, precision::fp64_vector, 30.0));
static_assert(!b100.supports(precision::fp32));
static_assert(rate_is(b100, precision::tf32, 875.0));
static_assert(rate_is(b100, precision::bf16, 1750.0));
static_assert(rate_is(b100, precision::fp16, 1750.0));
static_assert(rate_is(b100, precision::fp8, 3500.0));
static_assert(rate_is(b100, precision::fp6, 3500.0));
static_assert(rate_is(b100, precision::fp4, 7000.0));
static_assert(rate_is(b100, precision::int8, 3500.0));
static_assert(b100.memory == 192.0 * gigabytes);
static_assert(b100.memory_bandwidth == 8.0 * terabytes_per_s);
static_assert(b100.tdp == 700.0 * watts);
static_assert(b100.scale_up.bidirectional == 1800.0 * gigabytes_per_s);
static_assert(domain_is(b100, 8, 8));
static_assert(b100.scale_out == 400.0 * gigabits_per_s);
static_assert(no_price(b100));
static_assert(b100.source ==
              "https://www.nvidia.com/en-us/data-center/hgx/ ; "
              "https://hmc-tech.com/gpus/nvidia-b200-vs-nvidia-b100 ; "
              "https://glennklockwood.com/garden/processors/B200 ; "
              "https://jax-ml.github.io/scaling-book/gpus/");

// B200 (HGX B200, 1000 W) (per GPU)
static_assert(b200.maker == vendor::nvidia);
static_assert(b200.accelerators == 1);
static_assert(b200.dies == 2);
static_assert(years_are(b200, 2024, 2025));
static_assert(optional_is(b200.transistors_billion, 208.0));
static_assert(rate_is(b200, precision::fp64, 37.0));
static_assert(rate_is(b200, precision::fp64_vector, 37.0));
static_assert(rate_is(b200, precision::fp32, 75.0));
static_assert(rate_is(b200, precision::tf32, 1100.0));
static_assert(rate_is(b200, precision::bf16, 2250.0));
static_assert(rate_is(b200, precision::fp16, 2250.0));
static_assert(rate_is(b200, precision::fp8, 4500.0));
static_assert(rate_is(b200, precision::fp6, 4500.0));
static_assert(rate_is(b200, precision::fp4, 9000.0));
static_assert(rate_is(b200, precision::int8, 4500.0));
static_assert(b200.memory == 180.0 * gigabytes);
static_assert(b200.memory_bandwidth == 7.7 * terabytes_per_s);
static_assert(b200.tdp == 1000.0 * watts);
static_assert(b200.scale_up.bidirectional == 1800.0 * gigabytes_per_s);
static_assert(domain_is(b200, 8, 8));
static_assert(b200.scale_out == 400.0 * gigabits_per_s);
static_assert(no_price(b200));
static_assert(
    b200.source ==
    "https://www.nvidia.com/en-us/data-center/hgx/ ; "
    "https://resources.nvidia.com/en-us-blackwell-architecture ; "
    "https://resources.nvidia.com/en-us-dgx-systems/dgx-b200-datasheet ; "
    "https://glennklockwood.com/garden/processors/B200 ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://jax-ml.github.io/scaling-book/gpus/");

// B200 in GB200 NVL72 (per GPU)
static_assert(gb200.maker == vendor::nvidia);
static_assert(gb200.accelerators == 1);
static_assert(gb200.dies == 2);
static_assert(years_are(gb200, 2024, 2025));
static_assert(optional_is(gb200.transistors_billion, 208.0));
static_assert(rate_is(gb200, precision::fp64, 40.0));
static_assert(rate_is(gb200, precision::fp64_vector, 40.0));
static_assert(rate_is(gb200, precision::fp32, 80.0));
static_assert(rate_is(gb200, precision::tf32, 1250.0));
static_assert(rate_is(gb200, precision::bf16, 2500.0));
static_assert(rate_is(gb200, precision::fp16, 2500.0));
static_assert(rate_is(gb200, precision::fp8, 5000.0));
static_assert(rate_is(gb200, precision::fp6, 5000.0));
static_assert(rate_is(gb200, precision::fp4, 10000.0));
static_assert(rate_is(gb200, precision::int8, 5000.0));
static_assert(gb200.memory == 186.0 * gigabytes);
static_assert(gb200.memory_bandwidth == 8.0 * terabytes_per_s);
static_assert(gb200.tdp == 1200.0 * watts);
static_assert(gb200.scale_up.bidirectional == 1800.0 * gigabytes_per_s);
static_assert(domain_is(gb200, 72, 576));
static_assert(gb200.scale_out == 400.0 * gigabits_per_s);
static_assert(no_price(gb200));
static_assert(
    gb200.source ==
    "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
    "https://resources.nvidia.com/en-us-blackwell-architecture ; "
    "https://glennklockwood.com/garden/processors/B200 ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://docs.nvidia.com/dgx/dgxgb200-user-guide/networking.html ; "
    "https://jax-ml.github.io/scaling-book/gpus/");

// GB200 Grace Blackwell Superchip (1 Grace + 2 B200) (per superchip (2 GPUs))
static_assert(gb200_superchip.maker == vendor::nvidia);
static_assert(gb200_superchip.accelerators == 2);
static_assert(gb200_superchip.dies == 5);
static_assert(years_are(gb200_superchip, 2024, 2025));
static_assert(!gb200_superchip.transistors_billion.has_value());
static_assert(rate_is(gb200_superchip, precision::fp64, 80.0));
static_assert(rate_is(gb200_superchip, precision::fp64_vector, 80.0));
static_assert(rate_is(gb200_superchip, precision::fp32, 160.0));
static_assert(rate_is(gb200_superchip, precision::tf32, 2500.0));
static_assert(rate_is(gb200_superchip, precision::bf16, 5000.0));
static_assert(rate_is(gb200_superchip, precision::fp16, 5000.0));
static_assert(rate_is(gb200_superchip, precision::fp8, 10000.0));
static_assert(rate_is(gb200_superchip, precision::fp6, 10000.0));
static_assert(rate_is(gb200_superchip, precision::fp4, 20000.0));
static_assert(rate_is(gb200_superchip, precision::int8, 10000.0));
static_assert(gb200_superchip.memory == 372.0 * gigabytes);
static_assert(gb200_superchip.memory_bandwidth == 16.0 * terabytes_per_s);
static_assert(gb200_superchip.tdp == 2700.0 * watts);
static_assert(gb200_superchip.scale_up.bidirectional == 3600.0 * gigabytes_per_s);
static_assert(domain_is(gb200_superchip, 36, 288));
static_assert(gb200_superchip.scale_out == 800.0 * gigabits_per_s);
static_assert(no_price(gb200_superchip));
static_assert(gb200_superchip.source ==
              "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
              "https://resources.nvidia.com/en-us-blackwell-architecture ; "
              "https://hmc-tech.com/gpus/nvidia-b200-vs-nvidia-gb200 ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// B300 (HGX B300, Blackwell Ultra) (per GPU)
static_assert(b300.maker == vendor::nvidia);
static_assert(b300.accelerators == 1);
static_assert(b300.dies == 2);
static_assert(years_are(b300, 2025, 2025));
static_assert(optional_is(b300.transistors_billion, 208.0));
static_assert(rate_is(b300, precision::fp64, 1.25));
static_assert(rate_is(b300, precision::fp64_vector, 1.25));
static_assert(rate_is(b300, precision::fp32, 75.0));
static_assert(rate_is(b300, precision::tf32, 1100.0));
static_assert(rate_is(b300, precision::bf16, 2250.0));
static_assert(rate_is(b300, precision::fp16, 2250.0));
static_assert(rate_is(b300, precision::fp8, 4500.0));
static_assert(rate_is(b300, precision::fp6, 4500.0));
static_assert(rate_is(b300, precision::fp4, 14000.0));
static_assert(rate_is(b300, precision::int8, 150.0));
static_assert(b300.memory == 270.0 * gigabytes);
static_assert(b300.memory_bandwidth == 7.7 * terabytes_per_s);
static_assert(b300.tdp == 1100.0 * watts);
static_assert(b300.scale_up.bidirectional == 1800.0 * gigabytes_per_s);
static_assert(domain_is(b300, 8, 8));
static_assert(b300.scale_out == 800.0 * gigabits_per_s);
static_assert(no_price(b300));
static_assert(b300.source ==
              "https://www.nvidia.com/en-us/data-center/hgx/ ; "
              "https://resources.nvidia.com/en-us-blackwell-architecture ; "
              "https://resources.nvidia.com/en-us-dgx-systems/dgx-b300-datasheet ; "
              "https://verda.com/blog/gb300-nvl72-architecture ; "
              "https://glennklockwood.com/garden/processors/B300 ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// B300 in GB300 NVL72 (Blackwell Ultra) (per GPU)
static_assert(gb300.maker == vendor::nvidia);
static_assert(gb300.accelerators == 1);
static_assert(gb300.dies == 2);
static_assert(years_are(gb300, 2025, 2025));
static_assert(optional_is(gb300.transistors_billion, 208.0));
static_assert(rate_is(gb300, precision::fp64, 1.39));
static_assert(rate_is(gb300, precision::fp64_vector, 1.39));
static_assert(rate_is(gb300, precision::fp32, 80.0));
static_assert(rate_is(gb300, precision::tf32, 1250.0));
static_assert(rate_is(gb300, precision::bf16, 2500.0));
static_assert(rate_is(gb300, precision::fp16, 2500.0));
static_assert(rate_is(gb300, precision::fp8, 5000.0));
static_assert(rate_is(gb300, precision::fp6, 5000.0));
static_assert(rate_is(gb300, precision::fp4, 15000.0));
static_assert(rate_is(gb300, precision::int8, 167.0));
static_assert(gb300.memory == 279.0 * gigabytes);
static_assert(gb300.memory_bandwidth == 8.0 * terabytes_per_s);
static_assert(gb300.tdp == 1400.0 * watts);
static_assert(gb300.scale_up.bidirectional == 1800.0 * gigabytes_per_s);
static_assert(domain_is(gb300, 72, 72));
static_assert(gb300.scale_out == 800.0 * gigabits_per_s);
static_assert(no_price(gb300));
static_assert(gb300.source ==
              "https://www.nvidia.com/en-us/data-center/gb300-nvl72/ ; "
              "https://resources.nvidia.com/en-us-blackwell-architecture ; "
              "https://verda.com/blog/gb300-nvl72-architecture ; "
              "https://glennklockwood.com/garden/processors/B300 ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// RTX PRO 6000 Blackwell Server Edition (GB202; product-page tensor figures halved)
static_assert(rtx_pro_6000_server.maker == vendor::nvidia);
static_assert(rtx_pro_6000_server.arch == generation::blackwell_rtx);
static_assert(rtx_pro_6000_server.accelerators == 1);
static_assert(rtx_pro_6000_server.dies == 1);
static_assert(years_are(rtx_pro_6000_server, 2025, 2025));
static_assert(!rtx_pro_6000_server.transistors_billion.has_value());
static_assert(!rtx_pro_6000_server.supports(precision::fp64));
static_assert(!rtx_pro_6000_server.supports(precision::fp32));
static_assert(!rtx_pro_6000_server.supports(precision::tf32));
static_assert(rate_is(rtx_pro_6000_server, precision::bf16, 500.0));
static_assert(rate_is(rtx_pro_6000_server, precision::fp16, 500.0));
static_assert(rate_is(rtx_pro_6000_server, precision::fp8, 1000.0));
static_assert(!rtx_pro_6000_server.supports(precision::fp6));
static_assert(rate_is(rtx_pro_6000_server, precision::fp4, 2000.0));
static_assert(!rtx_pro_6000_server.supports(precision::int8));
static_assert(rtx_pro_6000_server.memory == 96.0 * gigabytes);
static_assert(rtx_pro_6000_server.memory_bandwidth == 1.597 * terabytes_per_s);
static_assert(rtx_pro_6000_server.memory_device == 97887.0 * mebibytes);
static_assert(rtx_pro_6000_server.tdp == 600.0 * watts);
static_assert(rtx_pro_6000_server.scale_up.bidirectional == 128.0 * gigabytes_per_s);
static_assert(domain_is(rtx_pro_6000_server, 8, 8));
static_assert(!rtx_pro_6000_server.scale_out.has_value());
static_assert(no_price(rtx_pro_6000_server));
static_assert(&chip_named("RTX 6000 Pro Blackwell Server Edition") == &rtx_pro_6000_server);

// L40S (AD102; the datasheet's dense column: its sparse column is 733 for BF16, not 2 x 362.05)
static_assert(l40s.maker == vendor::nvidia);
static_assert(l40s.arch == generation::ada);
static_assert(l40s.accelerators == 1);
static_assert(l40s.dies == 1);
static_assert(years_are(l40s, 2023, 2023));
static_assert(optional_is(l40s.transistors_billion, 76.3));
static_assert(!l40s.supports(precision::fp64));
static_assert(rate_is(l40s, precision::fp32, 91.6));
static_assert(rate_is(l40s, precision::tf32, 183.0));
static_assert(rate_is(l40s, precision::bf16, 362.05));
static_assert(rate_is(l40s, precision::fp16, 362.05));
static_assert(rate_is(l40s, precision::fp8, 733.0));
static_assert(!l40s.supports(precision::fp6));
static_assert(!l40s.supports(precision::fp4));
static_assert(!l40s.supports(precision::int8));
static_assert(l40s.memory == 48.0 * gigabytes);
static_assert(l40s.memory_bandwidth == 0.864 * terabytes_per_s);
static_assert(l40s.tdp == 350.0 * watts);
static_assert(l40s.scale_up.bidirectional == 64.0 * gigabytes_per_s);
static_assert(domain_is(l40s, 8, 8));
static_assert(!l40s.scale_out.has_value());
static_assert(no_price(l40s));
static_assert(&chip_named("NVIDIA L40S") == &l40s);

// Instinct MI250X (per OAM package (2 GCDs))
static_assert(mi250x.maker == vendor::amd);
static_assert(mi250x.accelerators == 1);
static_assert(mi250x.dies == 2);
static_assert(years_are(mi250x, 2021, 2021));
static_assert(optional_is(mi250x.transistors_billion, 58.2));
static_assert(rate_is(mi250x, precision::fp64, 95.7));
static_assert(rate_is(mi250x, precision::fp64_vector, 47.9));
static_assert(rate_is(mi250x, precision::fp32, 47.9));
static_assert(!mi250x.supports(precision::tf32));
static_assert(rate_is(mi250x, precision::bf16, 383.0));
static_assert(rate_is(mi250x, precision::fp16, 383.0));
static_assert(!mi250x.supports(precision::fp8));
static_assert(!mi250x.supports(precision::fp6));
static_assert(!mi250x.supports(precision::fp4));
static_assert(rate_is(mi250x, precision::int8, 383.0));
static_assert(mi250x.memory == 128.0 * gigabytes);
static_assert(mi250x.memory_bandwidth == 3.2768 * terabytes_per_s);
static_assert(mi250x.tdp == 500.0 * watts);
static_assert(mi250x.scale_up.bidirectional == 800.0 * gigabytes_per_s);
static_assert(domain_is(mi250x, 4, 4));
static_assert(mi250x.scale_out == 200.0 * gigabits_per_s);
static_assert(no_price(mi250x));
static_assert(
    mi250x.source ==
    "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html ; "
    "https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi250.html ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
    "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs");

// Instinct MI300X (per OAM)
static_assert(mi300x.maker == vendor::amd);
static_assert(mi300x.accelerators == 1);
static_assert(mi300x.dies == 12);
static_assert(years_are(mi300x, 2023, 2024));
static_assert(optional_is(mi300x.transistors_billion, 153.0));
static_assert(rate_is(mi300x, precision::fp64, 163.4));
static_assert(rate_is(mi300x, precision::fp64_vector, 81.7));
static_assert(rate_is(mi300x, precision::fp32, 163.4));
static_assert(rate_is(mi300x, precision::tf32, 653.7));
static_assert(rate_is(mi300x, precision::bf16, 1307.4));
static_assert(rate_is(mi300x, precision::fp16, 1307.4));
static_assert(rate_is(mi300x, precision::fp8, 2614.9));
static_assert(!mi300x.supports(precision::fp6));
static_assert(!mi300x.supports(precision::fp4));
static_assert(rate_is(mi300x, precision::int8, 2614.9));
static_assert(mi300x.memory == 192.0 * gigabytes);
static_assert(mi300x.memory_bandwidth == 5.3 * terabytes_per_s);
static_assert(mi300x.tdp == 750.0 * watts);
static_assert(mi300x.scale_up.bidirectional == 896.0 * gigabytes_per_s);
static_assert(domain_is(mi300x, 8, 8));
static_assert(mi300x.scale_out == 400.0 * gigabits_per_s);
static_assert(no_price(mi300x));
static_assert(
    mi300x.source ==
    "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html ; "
    "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/"
    "amd-instinct-mi300x-data-sheet.pdf ; "
    "https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi300.html ; "
    "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://github.com/stas00/ml-engineering/blob/master/network/README.md");

// Instinct MI325X (per OAM)
static_assert(mi325x.maker == vendor::amd);
static_assert(mi325x.accelerators == 1);
static_assert(mi325x.dies == 12);
static_assert(years_are(mi325x, 2024, 2025));
static_assert(optional_is(mi325x.transistors_billion, 153.0));
static_assert(rate_is(mi325x, precision::fp64, 163.4));
static_assert(rate_is(mi325x, precision::fp64_vector, 81.7));
static_assert(rate_is(mi325x, precision::fp32, 163.4));
static_assert(rate_is(mi325x, precision::tf32, 653.7));
static_assert(rate_is(mi325x, precision::bf16, 1307.4));
static_assert(rate_is(mi325x, precision::fp16, 1307.4));
static_assert(rate_is(mi325x, precision::fp8, 2614.9));
static_assert(!mi325x.supports(precision::fp6));
static_assert(!mi325x.supports(precision::fp4));
static_assert(rate_is(mi325x, precision::int8, 2614.9));
static_assert(mi325x.memory == 256.0 * gigabytes);
static_assert(mi325x.memory_bandwidth == 6.0 * terabytes_per_s);
static_assert(mi325x.tdp == 1000.0 * watts);
static_assert(mi325x.scale_up.bidirectional == 896.0 * gigabytes_per_s);
static_assert(domain_is(mi325x, 8, 8));
static_assert(mi325x.scale_out == 400.0 * gigabits_per_s);
static_assert(no_price(mi325x));
static_assert(
    mi325x.source ==
    "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html ; "
    "https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://docs.vultr.com/inference-cookbook/rocm/getting-started/hardware-requirements");

// Instinct MI355X (per OAM)
static_assert(mi355x.maker == vendor::amd);
static_assert(mi355x.accelerators == 1);
static_assert(mi355x.dies == 10);
static_assert(years_are(mi355x, 2025, 2025));
static_assert(optional_is(mi355x.transistors_billion, 185.0));
static_assert(rate_is(mi355x, precision::fp64, 78.6));
static_assert(rate_is(mi355x, precision::fp64_vector, 78.6));
static_assert(rate_is(mi355x, precision::fp32, 157.3));
static_assert(!mi355x.supports(precision::tf32));
static_assert(rate_is(mi355x, precision::bf16, 2516.6));
static_assert(rate_is(mi355x, precision::fp16, 2516.6));
static_assert(rate_is(mi355x, precision::fp8, 5033.2));
static_assert(rate_is(mi355x, precision::fp6, 10066.3));
static_assert(rate_is(mi355x, precision::fp4, 10066.3));
static_assert(rate_is(mi355x, precision::int8, 5033.2));
static_assert(mi355x.memory == 288.0 * gigabytes);
static_assert(mi355x.memory_bandwidth == 8.0 * terabytes_per_s);
static_assert(mi355x.tdp == 1400.0 * watts);
static_assert(mi355x.scale_up.bidirectional == 1075.0 * gigabytes_per_s);
static_assert(domain_is(mi355x, 8, 8));
static_assert(mi355x.scale_out == 400.0 * gigabits_per_s);
static_assert(no_price(mi355x));
static_assert(
    mi355x.source ==
    "https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html ; "
    "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/white-papers/"
    "amd-cdna-4-architecture-whitepaper.pdf ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
    "https://www.tomshardware.com/pc-components/gpus/"
    "amds-instinct-mi355x-accelerator-will-consume-1-400-watts");

// TPU v4 (per chip)
static_assert(tpu_v4.maker == vendor::google);
static_assert(tpu_v4.accelerators == 1);
static_assert(tpu_v4.dies == 1);
static_assert(years_are(tpu_v4, 2021, 2022));
static_assert(!tpu_v4.transistors_billion.has_value());
static_assert(!tpu_v4.supports(precision::fp64));
static_assert(!tpu_v4.supports(precision::fp64_vector));
static_assert(!tpu_v4.supports(precision::fp32));
static_assert(!tpu_v4.supports(precision::tf32));
static_assert(rate_is(tpu_v4, precision::bf16, 275.0));
static_assert(!tpu_v4.supports(precision::fp16));
static_assert(!tpu_v4.supports(precision::fp8));
static_assert(!tpu_v4.supports(precision::fp6));
static_assert(!tpu_v4.supports(precision::fp4));
static_assert(rate_is(tpu_v4, precision::int8, 275.0));
static_assert(tpu_v4.memory == 32.0 * gigabytes);
static_assert(tpu_v4.memory_bandwidth == 1.2 * terabytes_per_s);
static_assert(tpu_v4.tdp == 192.0 * watts);
static_assert(tpu_v4.scale_up.bidirectional == 540.0 * gigabytes_per_s);
static_assert(domain_is(tpu_v4, 64, 4096));
static_assert(!tpu_v4.scale_out.has_value());
static_assert(no_price(tpu_v4));
static_assert(tpu_v4.source ==
              "https://cloud.google.com/tpu/docs/v4 ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// TPU v5e (per chip)
static_assert(tpu_v5e.maker == vendor::google);
static_assert(tpu_v5e.accelerators == 1);
static_assert(tpu_v5e.dies == 1);
static_assert(years_are(tpu_v5e, 2023, 2023));
static_assert(!tpu_v5e.transistors_billion.has_value());
static_assert(!tpu_v5e.supports(precision::fp64));
static_assert(!tpu_v5e.supports(precision::fp64_vector));
static_assert(!tpu_v5e.supports(precision::fp32));
static_assert(!tpu_v5e.supports(precision::tf32));
static_assert(rate_is(tpu_v5e, precision::bf16, 197.0));
static_assert(!tpu_v5e.supports(precision::fp16));
static_assert(!tpu_v5e.supports(precision::fp8));
static_assert(!tpu_v5e.supports(precision::fp6));
static_assert(!tpu_v5e.supports(precision::fp4));
static_assert(rate_is(tpu_v5e, precision::int8, 394.0));
static_assert(tpu_v5e.memory == 16.0 * gigabytes);
static_assert(tpu_v5e.memory_bandwidth == 0.819 * terabytes_per_s);
static_assert(!tpu_v5e.tdp.has_value());
static_assert(tpu_v5e.scale_up.bidirectional == 400.0 * gigabytes_per_s);
static_assert(domain_is(tpu_v5e, 256, 256));
static_assert(tpu_v5e.scale_out == 25.0 * gigabits_per_s);
static_assert(tpu_v5e.price == 1.2 * dollars_per_hour);
static_assert(tpu_v5e.price_basis ==
              "Google Cloud on-demand list price per chip-hour, Feb 2025, as"
              " tabulated by scaling-book (applied-inference)");
static_assert(tpu_v5e.source ==
              "https://cloud.google.com/tpu/docs/v5e ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// TPU v5p (per chip)
static_assert(tpu_v5p.maker == vendor::google);
static_assert(tpu_v5p.accelerators == 1);
static_assert(tpu_v5p.dies == 1);
static_assert(years_are(tpu_v5p, 2023, 2024));
static_assert(!tpu_v5p.transistors_billion.has_value());
static_assert(!tpu_v5p.supports(precision::fp64));
static_assert(!tpu_v5p.supports(precision::fp64_vector));
static_assert(!tpu_v5p.supports(precision::fp32));
static_assert(!tpu_v5p.supports(precision::tf32));
static_assert(rate_is(tpu_v5p, precision::bf16, 459.0));
static_assert(!tpu_v5p.supports(precision::fp16));
static_assert(rate_is(tpu_v5p, precision::fp8, 459.0));
static_assert(!tpu_v5p.supports(precision::fp6));
static_assert(!tpu_v5p.supports(precision::fp4));
static_assert(rate_is(tpu_v5p, precision::int8, 918.0));
static_assert(tpu_v5p.memory == 95.0 * gigabytes);
static_assert(tpu_v5p.memory_bandwidth == 2.765 * terabytes_per_s);
static_assert(!tpu_v5p.tdp.has_value());
static_assert(tpu_v5p.scale_up.bidirectional == 1200.0 * gigabytes_per_s);
static_assert(domain_is(tpu_v5p, 6144, 8960));
static_assert(tpu_v5p.scale_out == 50.0 * gigabits_per_s);
static_assert(tpu_v5p.price == 4.2 * dollars_per_hour);
static_assert(tpu_v5p.price_basis ==
              "Google Cloud on-demand list price per chip-hour, Feb 2025, as"
              " tabulated by scaling-book (applied-inference)");
static_assert(tpu_v5p.source ==
              "https://cloud.google.com/tpu/docs/v5p ; "
              "https://cloud.google.com/tpu/docs/tpu7x ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// TPU v6e (Trillium) (per chip)
static_assert(tpu_v6e.maker == vendor::google);
static_assert(tpu_v6e.accelerators == 1);
static_assert(tpu_v6e.dies == 1);
static_assert(years_are(tpu_v6e, 2024, 2024));
static_assert(!tpu_v6e.transistors_billion.has_value());
static_assert(!tpu_v6e.supports(precision::fp64));
static_assert(!tpu_v6e.supports(precision::fp64_vector));
static_assert(!tpu_v6e.supports(precision::fp32));
static_assert(!tpu_v6e.supports(precision::tf32));
static_assert(rate_is(tpu_v6e, precision::bf16, 918.0));
static_assert(!tpu_v6e.supports(precision::fp16));
static_assert(rate_is(tpu_v6e, precision::fp8, 918.0));
static_assert(!tpu_v6e.supports(precision::fp6));
static_assert(!tpu_v6e.supports(precision::fp4));
static_assert(rate_is(tpu_v6e, precision::int8, 1836.0));
static_assert(tpu_v6e.memory == 32.0 * gigabytes);
static_assert(tpu_v6e.memory_bandwidth == 1.638 * terabytes_per_s);
static_assert(!tpu_v6e.tdp.has_value());
static_assert(tpu_v6e.scale_up.bidirectional == 800.0 * gigabytes_per_s);
static_assert(domain_is(tpu_v6e, 256, 256));
static_assert(!tpu_v6e.scale_out.has_value());
static_assert(no_price(tpu_v6e));
static_assert(tpu_v6e.source ==
              "https://cloud.google.com/tpu/docs/v6e ; "
              "https://cloud.google.com/tpu/docs/tpu7x ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md");

// TPU7x (Ironwood) (per chip)
static_assert(tpu7x.maker == vendor::google);
static_assert(tpu7x.accelerators == 1);
static_assert(tpu7x.dies == 2);
static_assert(years_are(tpu7x, 2025, 2025));
static_assert(!tpu7x.transistors_billion.has_value());
static_assert(!tpu7x.supports(precision::fp64));
static_assert(!tpu7x.supports(precision::fp64_vector));
static_assert(!tpu7x.supports(precision::fp32));
static_assert(!tpu7x.supports(precision::tf32));
static_assert(rate_is(tpu7x, precision::bf16, 2307.0));
static_assert(!tpu7x.supports(precision::fp16));
static_assert(rate_is(tpu7x, precision::fp8, 4614.0));
static_assert(!tpu7x.supports(precision::fp6));
static_assert(!tpu7x.supports(precision::fp4));
static_assert(!tpu7x.supports(precision::int8));
static_assert(tpu7x.memory == 192.0 * gigabytes);
static_assert(tpu7x.memory_bandwidth == 7.37 * terabytes_per_s);
static_assert(!tpu7x.tdp.has_value());
static_assert(tpu7x.scale_up.bidirectional == 1200.0 * gigabytes_per_s);
static_assert(domain_is(tpu7x, 256, 9216));
static_assert(!tpu7x.scale_out.has_value());
static_assert(no_price(tpu7x));
static_assert(
    tpu7x.source ==
    "https://cloud.google.com/tpu/docs/tpu7x ; "
    "https://cloud.google.com/tpu/docs/ironwood-performance ; "
    "https://blog.google/products/google-cloud/ironwood-tpu-age-of-inference/ ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://github.com/stas00/ml-engineering/blob/master/network/README.md");

// Gaudi 2 (HL-225) (per OAM)
static_assert(gaudi2.maker == vendor::intel);
static_assert(gaudi2.accelerators == 1);
static_assert(gaudi2.dies == 1);
static_assert(years_are(gaudi2, 2022, 2022));
static_assert(!gaudi2.transistors_billion.has_value());
static_assert(!gaudi2.supports(precision::fp64));
static_assert(!gaudi2.supports(precision::fp64_vector));
static_assert(!gaudi2.supports(precision::fp32));
static_assert(!gaudi2.supports(precision::tf32));
static_assert(rate_is(gaudi2, precision::bf16, 432.0));
static_assert(!gaudi2.supports(precision::fp16));
static_assert(rate_is(gaudi2, precision::fp8, 865.0));
static_assert(!gaudi2.supports(precision::fp6));
static_assert(!gaudi2.supports(precision::fp4));
static_assert(!gaudi2.supports(precision::int8));
static_assert(gaudi2.memory == 96.0 * gigabytes);
static_assert(gaudi2.memory_bandwidth == 2.46 * terabytes_per_s);
static_assert(gaudi2.tdp == 600.0 * watts);
static_assert(gaudi2.scale_up.bidirectional == 525.0 * gigabytes_per_s);
static_assert(domain_is(gaudi2, 8, 8));
static_assert(gaudi2.scale_out == 300.0 * gigabits_per_s);
static_assert(no_price(gaudi2));
static_assert(
    gaudi2.source ==
    "https://www.intel.com/content/www/us/en/content-details/839363/"
    "intel-gaudi-2-ai-accelerators-white-paper.html ; "
    "https://habana.ai/wp-content/uploads/2023/10/HLS-Gaudi2_Datasheet_10_23.pdf ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://github.com/stas00/ml-engineering/blob/master/network/README.md");

// Gaudi 3 (HL-325L OAM) (per OAM)
static_assert(gaudi3.maker == vendor::intel);
static_assert(gaudi3.accelerators == 1);
static_assert(gaudi3.dies == 2);
static_assert(years_are(gaudi3, 2024, 2024));
static_assert(!gaudi3.transistors_billion.has_value());
static_assert(!gaudi3.supports(precision::fp64));
static_assert(!gaudi3.supports(precision::fp64_vector));
static_assert(rate_is(gaudi3, precision::fp32, 229.0));
static_assert(rate_is(gaudi3, precision::tf32, 459.0));
static_assert(rate_is(gaudi3, precision::bf16, 1835.0));
static_assert(rate_is(gaudi3, precision::fp16, 459.0));
static_assert(rate_is(gaudi3, precision::fp8, 1835.0));
static_assert(!gaudi3.supports(precision::fp6));
static_assert(!gaudi3.supports(precision::fp4));
static_assert(!gaudi3.supports(precision::int8));
static_assert(gaudi3.memory == 128.0 * gigabytes);
static_assert(gaudi3.memory_bandwidth == 3.7 * terabytes_per_s);
static_assert(gaudi3.tdp == 900.0 * watts);
static_assert(gaudi3.scale_up.bidirectional == 1050.0 * gigabytes_per_s);
static_assert(domain_is(gaudi3, 8, 8));
static_assert(gaudi3.scale_out == 600.0 * gigabits_per_s);
static_assert(no_price(gaudi3));
static_assert(
    gaudi3.source ==
    "https://www.intel.com/content/www/us/en/content-details/817486/"
    "intel-gaudi-3-ai-accelerator-white-paper.html ; "
    "https://cdrdv2-public.intel.com/817487/"
    "gaudi-3-ai-accelerator-hl-325l-oam-mezzanine-card-product-brief.pdf ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://github.com/stas00/ml-engineering/blob/master/network/README.md");

// Trainium2 (per chip)
static_assert(trainium2.maker == vendor::aws);
static_assert(trainium2.accelerators == 1);
static_assert(trainium2.dies == 1);
static_assert(years_are(trainium2, 2023, 2024));
static_assert(!trainium2.transistors_billion.has_value());
static_assert(!trainium2.supports(precision::fp64));
static_assert(!trainium2.supports(precision::fp64_vector));
static_assert(rate_is(trainium2, precision::fp32, 181.0));
static_assert(rate_is(trainium2, precision::tf32, 667.0));
static_assert(rate_is(trainium2, precision::bf16, 667.0));
static_assert(rate_is(trainium2, precision::fp16, 667.0));
static_assert(rate_is(trainium2, precision::fp8, 1299.0));
static_assert(!trainium2.supports(precision::fp6));
static_assert(!trainium2.supports(precision::fp4));
static_assert(!trainium2.supports(precision::int8));
static_assert(trainium2.memory == 96.0 * gigabytes);
static_assert(trainium2.memory_bandwidth == 2.9 * terabytes_per_s);
static_assert(!trainium2.tdp.has_value());
static_assert(trainium2.scale_up.bidirectional == 1280.0 * gigabytes_per_s);
static_assert(domain_is(trainium2, 16, 64));
static_assert(trainium2.scale_out == 200.0 * gigabits_per_s);
static_assert(no_price(trainium2));
static_assert(
    trainium2.source ==
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/"
    "trainium2.html ; "
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/arch/trainium2_arch.html ; "
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/"
    "trn2-arch.html ; "
    "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
    "https://github.com/stas00/ml-engineering/blob/master/network/README.md");

// ---- Part 2: the catalog as a whole ------------------------------------------------------------

static_assert(all_chips.size() == 29);

// Compared by normalised name, not by address: GCC with -fsanitize=undefined cannot compare the
// addresses of two different inline variables in a constant expression.
constexpr bool all_distinct_entries() {
  for (std::size_t i = 0; i < all_chips.size(); ++i) {
    for (std::size_t j = i + 1; j < all_chips.size(); ++j) {
      if (detail::same_chip_name(all_chips[i]->name, all_chips[j]->name)) return false;
    }
  }
  return true;
}

constexpr std::size_t count_by(vendor v) {
  std::size_t n = 0;
  for (const chip_spec* c : all_chips) n += c->maker == v ? 1 : 0;
  return n;
}

// Alias i normalises to no other alias and to no chip's display name.
constexpr bool alias_is_unambiguous(std::size_t i) {
  const chip_alias& a = chip_aliases[i];
  for (std::size_t j = 0; j < chip_aliases.size(); ++j) {
    if (j != i && detail::same_chip_name(a.alias, chip_aliases[j].alias)) return false;
  }
  for (const chip_spec* c : all_chips) {
    if (detail::same_chip_name(a.alias, c->name)) return false;
  }
  return true;
}

// Every alias points at a catalog entry (found again by its display name).
constexpr bool alias_targets_are_in_catalog() {
  for (const chip_alias& a : chip_aliases) {
    if (!detail::lookup_chip(a.chip->name).found) return false;
  }
  return true;
}

template <std::size_t... I>
constexpr bool all_aliases_unambiguous(std::index_sequence<I...>) {
  return (alias_is_unambiguous(I) && ...);
}

constexpr bool every_source_is_https() {
  for (const chip_spec* c : all_chips) {
    if (c->source.substr(0, 8) != "https://") return false;
  }
  return true;
}

static_assert(all_distinct_entries());
static_assert(count_by(vendor::nvidia) == 17 && count_by(vendor::amd) == 4 &&
              count_by(vendor::google) == 5 && count_by(vendor::intel) == 2 &&
              count_by(vendor::aws) == 1);
static_assert(alias_targets_are_in_catalog());
static_assert(all_aliases_unambiguous(std::make_index_sequence<chip_aliases.size()>{}));
static_assert(every_source_is_https());

// Lookup works at compile time, by display name and alias, under normalisation.
static_assert(find_chip("H100 SXM5 80GB") == &h100_sxm);
static_assert(find_chip("h100") == &h100_sxm);
static_assert(find_chip("H100-SXM") == &h100_sxm);
static_assert(find_chip("h100_sxm") == &h100_sxm);
static_assert(find_chip(" h 1 0 0 ") == &h100_sxm);
static_assert(find_chip("a100") == &a100_sxm4_80gb);
static_assert(find_chip("A100-40GB") == &a100_sxm4_40gb);
static_assert(find_chip("gb200") == &gb200);
static_assert(find_chip("GB200 superchip") == &gb200_superchip);
static_assert(find_chip("b200 (hgx)") == &b200);
static_assert(find_chip("B200 HGX") == &b200);
static_assert(find_chip("ironwood") == &tpu7x);
static_assert(find_chip("TRILLIUM") == &tpu_v6e);
static_assert(find_chip("trn2") == &trainium2);
static_assert(find_chip("h1000") == nullptr);
static_assert(find_chip("") == nullptr);
static_assert(&chip_named("v5p") == &tpu_v5p);
static_assert(chip_named("mi300x").peak(precision::bf16) == 1307.4 * tflop_per_s);

// Absent precisions are absent: a missing format is not a zero.
static_assert(!a100_sxm4_80gb.supports(precision::fp8));   // FP8 arrived with Hopper
static_assert(!v100_sxm2_32gb.supports(precision::bf16));  // Volta tensor cores: FP16 only
static_assert(!h100_sxm.supports(precision::fp4));         // FP4 arrived with Blackwell
static_assert(!b100.supports(precision::fp32));            // not published
static_assert(!tpu_v4.supports(precision::fp8) && !tpu7x.supports(precision::int8));
static_assert(!gaudi3.supports(precision::fp64) && !trainium2.supports(precision::int8));
static_assert(!mi355x.supports(precision::tf32));  // AMD lists none for CDNA4
// Blackwell Ultra kept INT8, but at 1/30 of the FP8 rate: present, and tiny.
static_assert(b300.supports(precision::int8) &&
              b300.peak(precision::int8) * 30.0 == b300.peak(precision::fp8));
static_assert(gb300.peak(precision::int8) < gb300.peak(precision::fp8) / 29.0);

// Ratios the design questions start from.
static_assert(math::approx_equal(h100_sxm.peak(precision::bf16) /
                                     a100_sxm4_80gb.peak(precision::bf16),
                                 3.17, 0.001));  // "H100 / A100 at BF16 dense is 3.17x"
static_assert(h200_sxm.peak(precision::fp8) ==
              h100_sxm.peak(precision::fp8));  // memory-only upgrade
static_assert(b200.peak(precision::fp4) == 4.0 * b200.peak(precision::bf16));
static_assert(tpu_v5p.peak(precision::fp8) == tpu_v5p.peak(precision::bf16));  // no FP8 speed-up

// The superchip is two per-GPU GB200 entries.
static_assert(gb200_superchip.accelerators == 2);
static_assert(gb200_superchip.peak_per_accelerator(precision::bf16) == gb200.peak(precision::bf16));
static_assert(gb200_superchip.memory_per_accelerator() == gb200.memory);
static_assert(gb200_superchip.peak(precision::fp4) == 2.0 * gb200.peak(precision::fp4));
static_assert(gb200_superchip.memory_bandwidth == 2.0 * gb200.memory_bandwidth);

// Scale-up bandwidth is stored bidirectional; collective models use one direction.
static_assert(h100_sxm.scale_up.per_direction() == 450.0 * gigabytes_per_s);

// ---- Part 3: systems ---------------------------------------------------------------------------

static_assert(accelerators_in(100'000, gb200_superchip) ==
              200'000);                                     // "100,000 GB200" as superchips
static_assert(accelerators_in(100'000, gb200) == 100'000);  // ... or as GPUs
static_assert(entries_for(72, gb200_superchip) == 36);

static_assert(systems::gb200_nvl72.accelerators() == 72);
static_assert(systems::gb200_nvl72.total_peak(precision::fp4) ==
              720.0 * pflop_per_s);  // 1,440 sparse
static_assert(systems::gb200_nvl72.total_peak(precision::bf16) == 180.0 * pflop_per_s);
static_assert(math::approx_equal(systems::gb200_nvl72.total_memory().in(terabytes), 13.4, 0.001));
static_assert(systems::gb200_nvl72.total_chip_tdp() == 86.4 * kilowatts);  // GPUs only
static_assert(systems::gb200_nvl72.total_peak(precision::bf16) ==
              36.0 * gb200_superchip.peak(precision::bf16));  // 36 superchips, same rack

static_assert(systems::gb300_nvl72.total_peak(precision::fp4) == 1080.0 * pflop_per_s);
static_assert(systems::gb300_nvl72.total_peak(precision::fp8) ==
              360.0 * pflop_per_s);  // 720 sparse

static_assert(systems::hgx_h100.accelerators() == 8);
static_assert(systems::hgx_h100.total_peak(precision::bf16) == 7916.0 * tflop_per_s);
static_assert(systems::hgx_h100.total_memory() == 640.0 * gigabytes);
static_assert(systems::hgx_h100.total_chip_tdp() == 5600.0 * watts);

static_assert(systems::hgx_b200.total_peak(precision::fp8) == 36.0 * pflop_per_s);  // 72 sparse
static_assert(systems::hgx_b200.total_memory() == 1440.0 * gigabytes);

static_assert(systems::dgx_a100.total_peak(precision::fp16) ==
              2496.0 * tflop_per_s);  // "5 PF" sparse
static_assert(systems::dgx_a100.total_memory() == 640.0 * gigabytes);

static_assert(systems::tpu_v5p_pod.accelerators() == 8960);
static_assert(systems::tpu_v5p_pod.total_peak(precision::bf16) == 4112640.0 * tflop_per_s);
static_assert(!systems::tpu_v5p_pod.total_chip_tdp().has_value());  // Google publishes no TDP

static_assert(systems::ironwood_pod.accelerators() == 9216);
static_assert(math::approx_equal(systems::ironwood_pod.total_peak(precision::fp8).in(eflop_per_s),
                                 42.5, 0.001));  // Google: 42.5 EF FP8 per pod

}  // namespace catalog_static
