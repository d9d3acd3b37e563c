#pragma once
#include "flopcast/core/config.hpp"
// NVIDIA data-centre GPUs, Volta to Blackwell Ultra, as constexpr chip_spec values.
//
// Every figure comes from the URLs in the entry's `source` field; where sources disagree, the
// entry's comments say which value was chosen. Conventions:
//   - Tensor rates are dense. NVIDIA datasheets since Ampere print Tensor Core figures "with
//     sparsity" (2:4) and say dense is half; "DS/2" below means "datasheet figure / 2".
//   - INT8 is in TOPS on the FLOP/s scale.
//   - Scale-up bandwidth is NVLink per GPU, both directions added, as NVIDIA prints it.
//   - Scale-out is the NIC line rate per GPU in NVIDIA's reference systems (not a chip property).
//   - "Checked:" marks a figure looked up again in a second public source for this header.
// Every entry goes through checked() (chip_checks.hpp): a sparse figure in a dense field, a
// capacity that disagrees with the name, or an FP8 rate that is not 2x BF16 stops compilation.
#include "flopcast/hardware/chip_checks.hpp"

namespace flopcast::chips {

// ---- Volta -------------------------------------------------------------------------------------

// No structured sparsity on Volta; the tensor cores run FP16 only (no BF16, TF32, INT8, FP8).
inline constexpr chip_spec v100_sxm2_32gb = checked({
    .name = "V100 SXM2 32GB",
    .maker = vendor::nvidia,
    .arch = generation::volta,
    .year_announced = 2017,
    .year_available = 2018,  // the 32 GB variant; 16 GB shipped in 2017
    .process = "TSMC 12nm FFN",
    .transistors_billion = 21.1,  // secondary sources only
    .peak_rates =
        {
            // No FP64 tensor path on Volta (no FP64 tensor figure): fp64 holds the vector rate,
            // as chip.hpp defines the field.
            .fp64 = 7.8 * tflop_per_s,
            .fp64_vector = 7.8 * tflop_per_s,  // final SXM2 spec (GTC 2017 preview: 7.5); secondary
            .fp32 = 15.7 * tflop_per_s,        // NVIDIA V100 page (preview: 15)
            .fp16 = 125.0 * tflop_per_s,       // NVIDIA V100 page, tensor core, FP32 accumulate
        },
    .memory_type = "HBM2",
    .memory = 32.0 * gigabytes,                 // NVIDIA V100 page
    .memory_bandwidth = 0.9 * terabytes_per_s,  // NVIDIA V100 page: 900 GB/s
    .tdp = 300.0 * watts,                       // NVIDIA V100 page (SXM2)
    .scale_up =
        {
            .name = "NVLink 2 (6 links)",
            .bidirectional = 300.0 * gigabytes_per_s,  // NVIDIA V100 page: 300 GB/s
            .domain_typical = 8,                       // DGX-1 hybrid cube-mesh, no switch
            .domain_max = 16,                          // DGX-2, NVSwitch gen1
        },
    // scale_out absent: EDR per GPU in DGX-1/DGX-2 not verified.
    .source = "https://www.nvidia.com/en-us/data-center/v100/ ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

// ---- Ampere ------------------------------------------------------------------------------------

inline constexpr chip_spec a100_sxm4_40gb = checked({
    .name = "A100 SXM4 40GB",
    .maker = vendor::nvidia,
    .arch = generation::ampere,
    .year_announced = 2020,
    .year_available = 2020,
    .process = "TSMC N7",
    .transistors_billion = 54.2,  // A100 datasheet
    .peak_rates =
        {
            .fp64 = 19.5 * tflop_per_s,        // A100 datasheet, FP64 Tensor Core
            .fp64_vector = 9.7 * tflop_per_s,  // A100 datasheet
            .fp32 = 19.5 * tflop_per_s,        // A100 datasheet
            .tf32 = 156.0 * tflop_per_s,       // A100 DS 312 sparse / 2
            .bf16 = 312.0 * tflop_per_s,       // A100 DS 624 sparse / 2
            .fp16 = 312.0 * tflop_per_s,       // A100 DS 624 sparse / 2
            .int8 = 624.0 * tflop_per_s,       // A100 DS 1,248 sparse / 2
        },
    .memory_type = "HBM2",
    .memory = 40.0 * gigabytes,                   // A100 datasheet
    .memory_bandwidth = 1.555 * terabytes_per_s,  // A100 datasheet: 1,555 GB/s
    .memory_device = 40960.0 * mebibytes,  // nvidia-smi total on A100-SXM4-40GB: 40,960 MiB
    .tdp = 400.0 * watts,                         // A100 datasheet (SXM)
    .scale_up =
        {
            .name = "NVLink 3 (12 links) via NVSwitch gen2",
            .bidirectional = 600.0 * gigabytes_per_s,  // A100 datasheet: 600 GB/s
            .domain_typical = 8,                       // HGX/DGX A100
            .domain_max = 16,                          // HGX A100 16-GPU
        },
    .scale_out = 200.0 * gigabits_per_s,  // one HDR 200 Gb/s NIC per GPU (DGX A100)
    .source = "https://www.nvidia.com/en-us/data-center/a100/ ; "
              "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/"
              "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf ; "
              "https://images.nvidia.com/aem-dam/en-zz/Solutions/data-center/"
              "nvidia-ampere-architecture-whitepaper.pdf ; "
              "https://glennklockwood.com/garden/processors/A100 ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

inline constexpr chip_spec a100_sxm4_80gb = checked({
    .name = "A100 SXM4 80GB",
    .maker = vendor::nvidia,
    .arch = generation::ampere,
    .year_announced = 2020,  // November 2020
    .year_available = 2020,
    .process = "TSMC N7",
    .transistors_billion = 54.2,
    .peak_rates =
        {
            .fp64 = 19.5 * tflop_per_s,        // A100 datasheet, FP64 Tensor Core
            .fp64_vector = 9.7 * tflop_per_s,  // A100 datasheet
            .fp32 = 19.5 * tflop_per_s,        // A100 datasheet
            .tf32 = 156.0 * tflop_per_s,       // A100 DS 312 sparse / 2
            .bf16 = 312.0 * tflop_per_s,       // A100 DS 624 sparse / 2; Calculon a100_80g 312
            .fp16 = 312.0 * tflop_per_s,       // A100 DS 624 sparse / 2
            .int8 = 624.0 * tflop_per_s,       // A100 DS 1,248 sparse / 2
        },
    .memory_type = "HBM2e",
    .memory = 80.0 * gigabytes,                   // A100 datasheet
    .memory_bandwidth = 2.039 * terabytes_per_s,  // A100 datasheet 2,039 GB/s; llm-analysis 2039
    .memory_device = 81920.0 * mebibytes,  // nvidia-smi total on A100-SXM4-80GB: 81,920 MiB
    .tdp = 400.0 * watts,                         // A100 datasheet (SXM)
    .scale_up =
        {
            .name = "NVLink 3 (12 links) via NVSwitch gen2",
            .bidirectional = 600.0 * gigabytes_per_s,  // A100 datasheet: 600 GB/s
            .domain_typical = 8,                       // HGX/DGX A100
            .domain_max = 16,                          // HGX A100 16-GPU
        },
    .scale_out = 200.0 * gigabits_per_s,  // one HDR 200 Gb/s NIC per GPU (DGX A100)
    .source = "https://www.nvidia.com/en-us/data-center/a100/ ; "
              "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/"
              "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf ; "
              "https://glennklockwood.com/garden/processors/A100 ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/calculon-ai/calculon/tree/main/systems",
});

// Same peak rates as the SXM part at a lower TDP (vendor spec; sustained clocks are lower).
inline constexpr chip_spec a100_pcie_80gb = checked({
    .name = "A100 PCIe 80GB",
    .maker = vendor::nvidia,
    .arch = generation::ampere,
    .year_announced = 2021,
    .year_available = 2021,
    .process = "TSMC N7",
    .transistors_billion = 54.2,
    .peak_rates =
        {
            .fp64 = 19.5 * tflop_per_s,        // A100 datasheet, FP64 Tensor Core
            .fp64_vector = 9.7 * tflop_per_s,  // A100 datasheet
            .fp32 = 19.5 * tflop_per_s,        // A100 datasheet
            .tf32 = 156.0 * tflop_per_s,       // A100 DS 312 sparse / 2
            .bf16 = 312.0 * tflop_per_s,       // A100 DS 624 sparse / 2
            .fp16 = 312.0 * tflop_per_s,       // A100 DS 624 sparse / 2
            .int8 = 624.0 * tflop_per_s,       // A100 DS 1,248 sparse / 2
        },
    .memory_type = "HBM2e",
    .memory = 80.0 * gigabytes,                   // A100 datasheet
    .memory_bandwidth = 1.935 * terabytes_per_s,  // A100 datasheet: 1,935 GB/s (PCIe)
    .tdp = 300.0 * watts,                         // A100 datasheet (single source)
    .scale_up =
        {
            // Without a bridge, GPU-GPU traffic uses PCIe Gen4 x16 (64 GB/s bidirectional).
            .name = "NVLink bridge (pairs) + PCIe Gen4 x16",
            .bidirectional = 600.0 * gigabytes_per_s,  // A100 datasheet, bridged pair
            .domain_typical = 2,
            .domain_max = 2,
        },
    // scale_out absent: no reference system.
    .source = "https://www.nvidia.com/en-us/data-center/a100/ ; "
              "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/"
              "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// ---- Ada Lovelace ------------------------------------------------------------------------------

// L40S datasheet (NVIDIA, 2023): tensor figures printed with 2:4 sparsity beside the dense ones
// (BF16/FP16 362.05 | 733*, FP8 733 | 1,466*, TF32 183 | 366*); the entry takes the dense ones.
// A PCIe card without NVLink: GPUs of one server talk over PCIe Gen4 x16 (through the host or a
// PCIe switch). Checked against a reseller's copy of the datasheet's table (the second source,
// which prints the L40 and L40S side by side).
inline constexpr chip_spec l40s = checked({
    .name = "L40S",
    .maker = vendor::nvidia,
    .arch = generation::ada,
    .year_announced = 2023,
    .year_available = 2023,
    .process = "TSMC 4N",
    .transistors_billion = 76.3,  // AD102, secondary sources only
    .peak_rates =
        {
            .fp32 = 91.6 * tflop_per_s,    // L40S datasheet
            .tf32 = 183.0 * tflop_per_s,   // L40S datasheet, dense
            .bf16 = 362.05 * tflop_per_s,  // L40S datasheet, dense
            .fp16 = 362.05 * tflop_per_s,  // L40S datasheet, dense
            .fp8 = 733.0 * tflop_per_s,    // L40S datasheet, dense
        },
    .memory_type = "GDDR6 (ECC)",
    .memory = 48.0 * gigabytes,                   // L40S datasheet
    .memory_bandwidth = 0.864 * terabytes_per_s,  // L40S datasheet: 864 GB/s
    .tdp = 350.0 * watts,                         // L40S datasheet: max power 350 W
    .scale_up =
        {
            .name = "PCIe Gen4 x16 (no NVLink)",
            .bidirectional = 64.0 * gigabytes_per_s,  // L40S datasheet: 64 GB/s bidirectional
            .domain_typical = 8,  // 8-GPU PCIe servers (e.g. AWS g6e.48xlarge)
            .domain_max = 8,
        },
    // scale_out absent: NICs per GPU vary by server.
    .source = "https://www.nvidia.com/en-us/data-center/l40s/ ; "
              "https://www.mullet.se/product.html?product_id=355414",
});

// ---- Hopper ------------------------------------------------------------------------------------

// H100 datasheet (sparse): TF32 989, BF16/FP16 1,979, FP8/INT8 3,958. The Hopper whitepaper's
// dense figures are 494.7 / 989.4 / 1,978.9; the difference from DS/2 is below 0.03%.
inline constexpr chip_spec h100_sxm = checked({
    .name = "H100 SXM5 80GB",
    .maker = vendor::nvidia,
    .arch = generation::hopper,
    .year_announced = 2022,  // GTC, March 2022
    .year_available = 2023,  // HGX/DGX volume early 2023 (PCIe shipped October 2022)
    .process = "TSMC 4N",
    .transistors_billion = 80.0,
    .peak_rates =
        {
            .fp64 = 67.0 * tflop_per_s,         // H100 datasheet, FP64 Tensor Core
            .fp64_vector = 34.0 * tflop_per_s,  // H100 datasheet
            .fp32 = 67.0 * tflop_per_s,         // H100 datasheet
            .tf32 = 494.5 * tflop_per_s,        // H100 DS 989 / 2; whitepaper 494.7
            // H100 DS 1,979 / 2; Hopper whitepaper 989.4. Checked: datasheet table copy
            // (archive-lib.hpctech.co.jp, "1/2 lower without sparsity") and Lockwood's H100
            // page (989.4 matrix, 1,978.9 sparse).
            .bf16 = 989.5 * tflop_per_s,
            .fp16 = 989.5 * tflop_per_s,   // H100 DS 1,979 / 2
            .fp8 = 1979.0 * tflop_per_s,   // H100 DS 3,958 / 2; whitepaper 1,978.9
            .int8 = 1979.0 * tflop_per_s,  // H100 DS 3,958 / 2
        },
    .memory_type = "HBM3",
    .memory = 80.0 * gigabytes,                  // H100 datasheet
    .memory_bandwidth = 3.35 * terabytes_per_s,  // H100 datasheet: 3.35 TB/s
    .memory_device = 81559.0 * mebibytes,  // nvidia-smi total on H100 80GB HBM3: 81,559 MiB
    .tdp = 700.0 * watts,                        // H100 datasheet: up to 700 W (configurable)
    .scale_up =
        {
            .name = "NVLink 4 (18 links) via NVSwitch gen3",
            .bidirectional = 900.0 * gigabytes_per_s,  // H100 datasheet: 900 GB/s
            .domain_typical = 8,                       // HGX H100
            .domain_max = 256,                         // NVLink Switch System (rarely deployed)
        },
    .scale_out = 400.0 * gigabits_per_s,  // one NDR 400 Gb/s ConnectX-7 per GPU (DGX H100)
    // Google Cloud on-demand list price, Feb 2025, as tabulated by scaling-book.
    .price = 10.8 * dollars_per_hour,
    .price_basis = "Google Cloud on-demand list price per GPU-hour, Feb 2025, as tabulated by "
                   "scaling-book (applied-inference)",
    .source =
        "https://www.nvidia.com/en-us/data-center/h100/ ; "
        "https://resources.nvidia.com/en-us-gpu-resources/h100-datasheet-24306 ; "
        "https://glennklockwood.com/garden/processors/h100 ; "
        "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://jax-ml.github.io/scaling-book/gpus/ ; "
        "https://jax-ml.github.io/scaling-book/applied-inference/",
});

// 114 SMs against 132 on the SXM5 part.
inline constexpr chip_spec h100_pcie = checked({
    .name = "H100 PCIe 80GB",
    .maker = vendor::nvidia,
    .arch = generation::hopper,
    .year_announced = 2022,
    .year_available = 2022,
    .process = "TSMC 4N",
    .transistors_billion = 80.0,
    .peak_rates =
        {
            .fp64 = 51.0 * tflop_per_s,         // H100 datasheet, FP64 Tensor Core
            .fp64_vector = 26.0 * tflop_per_s,  // H100 datasheet
            .fp32 = 51.0 * tflop_per_s,         // H100 datasheet
            .tf32 = 378.0 * tflop_per_s,        // H100 DS 756 / 2
            .bf16 = 756.5 * tflop_per_s,        // H100 DS 1,513 / 2
            .fp16 = 756.5 * tflop_per_s,        // H100 DS 1,513 / 2
            .fp8 = 1513.0 * tflop_per_s,        // H100 DS 3,026 / 2
            .int8 = 1513.0 * tflop_per_s,       // H100 DS 3,026 / 2
        },
    .memory_type = "HBM2e",
    .memory = 80.0 * gigabytes,                 // H100 datasheet
    .memory_bandwidth = 2.0 * terabytes_per_s,  // H100 datasheet: 2,000 GB/s
    .tdp = 350.0 * watts,                       // H100 datasheet: 300-350 W, upper end
    .scale_up =
        {
            .name = "NVLink bridge (pairs) + PCIe Gen5 x16",
            .bidirectional = 600.0 * gigabytes_per_s,  // H100 datasheet, bridged pair
            .domain_typical = 2,
            .domain_max = 2,
        },
    .source = "https://www.nvidia.com/en-us/data-center/h100/ ; "
              "https://resources.nvidia.com/en-us-gpu-resources/h100-datasheet-24306 ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// The current per-GPU table (NVIDIA's H100 page; PNY's copy of the datasheet). The 2023 datasheet
// listed per-pair figures (188 GB, 7.8 TB/s); NVIDIA later restated per GPU at lower compute
// (FP8 3,341 sparse).
inline constexpr chip_spec h100_nvl = checked({
    .name = "H100 NVL 94GB",
    .maker = vendor::nvidia,
    .arch = generation::hopper,
    .year_announced = 2023,
    .year_available = 2023,
    .process = "TSMC 4N",
    .transistors_billion = 80.0,
    .peak_rates =
        {
            .fp64 = 60.0 * tflop_per_s,         // H100 NVL table, FP64 Tensor Core
            .fp64_vector = 30.0 * tflop_per_s,  // H100 NVL table
            .fp32 = 60.0 * tflop_per_s,         // H100 NVL table
            .tf32 = 417.5 * tflop_per_s,        // H100 NVL table 835 / 2
            .bf16 = 835.5 * tflop_per_s,        // H100 NVL table 1,671 / 2
            .fp16 = 835.5 * tflop_per_s,        // H100 NVL table 1,671 / 2
            .fp8 = 1670.5 * tflop_per_s,        // H100 NVL table 3,341 / 2
            .int8 = 1670.5 * tflop_per_s,       // H100 NVL table 3,341 / 2
        },
    .memory_type = "HBM3",
    .memory = 94.0 * gigabytes,                 // H100 NVL table (per GPU)
    .memory_bandwidth = 3.9 * terabytes_per_s,  // H100 NVL table (per GPU)
    .tdp = 400.0 * watts,                       // 350-400 W configurable, upper end
    .scale_up =
        {
            .name = "NVLink bridge (pairs) + PCIe Gen5 x16",
            .bidirectional = 600.0 * gigabytes_per_s,  // H100 NVL table
            .domain_typical = 2,                       // sold as a bridged pair
            .domain_max = 2,
        },
    .source = "https://www.nvidia.com/en-us/data-center/h100/ ; "
              "https://www.pny.com/file%20library/company/support/product%20brochures/"
              "nvidia%20data%20center%20gpus/english/h100-nvl-datasheet.pdf",
});

// China export variant. No NVIDIA datasheet found: FP64 and NVLink from two or more secondary
// pages (in `source`); tensor rates assumed equal to H100 SXM (same GH100 die).
inline constexpr chip_spec h800_sxm = checked({
    .name = "H800 SXM5 80GB",
    .maker = vendor::nvidia,
    .arch = generation::hopper,
    .year_announced = 2023,
    .year_available = 2023,
    .process = "TSMC 4N",
    .transistors_billion = 80.0,
    .peak_rates =
        {
            .fp64 = 1.0 * tflop_per_s,         // secondary pages (FP64 cut to 1 TFLOPS)
            .fp64_vector = 1.0 * tflop_per_s,  // secondary pages
            .fp32 = 67.0 * tflop_per_s,        // assumed = H100 SXM
            .tf32 = 494.5 * tflop_per_s,       // assumed = H100 SXM
            .bf16 = 989.5 * tflop_per_s,       // assumed = H100 SXM
            .fp16 = 989.5 * tflop_per_s,       // assumed = H100 SXM
            // SXM, not the 1,513 of a Lenovo H800 PCIe sheet that scaling-book's DeepSeek-V3
            // MFU example uses (jax-ml.github.io/scaling-book/applied-inference/).
            .fp8 = 1979.0 * tflop_per_s,
            .int8 = 1979.0 * tflop_per_s,  // assumed = H100 SXM
        },
    .memory_type = "HBM3",
    .memory = 80.0 * gigabytes,
    .memory_bandwidth = 3.35 * terabytes_per_s,  // assumed = H100 SXM
    .tdp = 700.0 * watts,                        // assumed = H100 SXM
    .scale_up =
        {
            .name = "NVLink 4 (8 links) via NVSwitch",
            .bidirectional = 400.0 * gigabytes_per_s,  // secondary pages (8 links, not 18)
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 400.0 * gigabits_per_s,  // assumed; DeepSeek-V3 reports 50 GB/s IB per GPU
    .source = "https://www.philisun.com/technical-analysis/"
              "nvidia-h800-vs-h100-a-technical-deep-dive-into-politically-defined-ai-chips/ ; "
              "https://aiwiki.ai/wiki/nvidia_h800 ; "
              "https://arxiv.org/abs/2412.19437 ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/",
});

// Compute identical to H100 SXM; only the memory differs.
inline constexpr chip_spec h200_sxm = checked({
    .name = "H200 SXM 141GB",
    .maker = vendor::nvidia,
    .arch = generation::hopper,
    .year_announced = 2023,
    .year_available = 2024,
    .process = "TSMC 4N",
    .transistors_billion = 80.0,
    .peak_rates =
        {
            .fp64 = 67.0 * tflop_per_s,         // H200 page, FP64 Tensor Core
            .fp64_vector = 34.0 * tflop_per_s,  // H200 page
            .fp32 = 67.0 * tflop_per_s,         // H200 page
            .tf32 = 494.5 * tflop_per_s,        // H200 DS 989 / 2
            .bf16 = 989.5 * tflop_per_s,        // H200 DS 1,979 / 2
            .fp16 = 989.5 * tflop_per_s,        // H200 DS 1,979 / 2
            .fp8 = 1979.0 * tflop_per_s,        // H200 DS 3,958 / 2
            .int8 = 1979.0 * tflop_per_s,       // H200 DS 3,958 / 2
        },
    .memory_type = "HBM3e",
    .memory = 141.0 * gigabytes,                // H200 page; MLPerf v4.1 system JSON 141 GB
    .memory_bandwidth = 4.8 * terabytes_per_s,  // H200 page: 4.8 TB/s
    .memory_device = 143771.0 * mebibytes,  // nvidia-smi total on H200 SXM: 143,771 MiB
    .tdp = 700.0 * watts,                       // up to 700 W; MLPerf JSON TGP 700 W
    .scale_up =
        {
            .name = "NVLink 4 (18 links) via NVSwitch gen3",
            .bidirectional = 900.0 * gigabytes_per_s,  // MLPerf JSON: 18x NVLink4, 900 GB/s
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 400.0 * gigabits_per_s,
    .price = 10.0 * dollars_per_hour,  // "around $10/hour": approximate
    .price_basis = "approx. Google Cloud sticker price per GPU-hour quoted by scaling-book "
                   "(gpus chapter, 2025); approximate",
    .source =
        "https://www.nvidia.com/en-us/data-center/h200/ ; "
        "https://github.com/mlcommons/inference_results_v4.1/blob/main/closed/NVIDIA/"
        "systems/H200-SXM-141GBx8_TRT_MaxQ.json ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://jax-ml.github.io/scaling-book/gpus/",
});

// ---- Blackwell ---------------------------------------------------------------------------------
// Current values (HGX page, Blackwell tech brief v2.1), not the GTC 2024 launch values
// (DGX B200 datasheet: 192 GB, 8 TB/s). FP6 runs at the FP8 rate on NVIDIA.

// Lower-power (700 W) Blackwell for HGX H100 baseboards; briefly sold. No NVIDIA page for B100
// was found: rates are the HGX B100 8-GPU totals (FP4 56/112 PF, FP8 28/56 PF) divided by 8.
inline constexpr chip_spec b100 = checked({
    .name = "B100 (HGX)",
    .maker = vendor::nvidia,
    .arch = generation::blackwell,
    .dies = 2,
    .year_announced = 2024,
    .year_available = 2024,
    .process = "TSMC 4NP",
    .transistors_billion = 208.0,
    .peak_rates =
        {
            .fp64 = 30.0 * tflop_per_s,         // hmc-tech only
            .fp64_vector = 30.0 * tflop_per_s,  // hmc-tech only
            // fp32 absent: not found in public sources (none of `source` gives it).
            .tf32 = 875.0 * tflop_per_s,   // hmc-tech only (launch: 1.8 PF sparse)
            .bf16 = 1750.0 * tflop_per_s,  // half the FP8 rate (two secondary sources)
            .fp16 = 1750.0 * tflop_per_s,  // as BF16
            .fp8 = 3500.0 * tflop_per_s,   // HGX B100 FP8 56 PF sparse / 8 / 2
            .fp6 = 3500.0 * tflop_per_s,   // FP6 at the FP8 rate
            .fp4 = 7000.0 * tflop_per_s,   // HGX B100 FP4 112 PF sparse / 8 / 2
            .int8 = 3500.0 * tflop_per_s,  // as FP8
        },
    .memory_type = "HBM3e",
    .memory = 192.0 * gigabytes,                // two secondary sources
    .memory_bandwidth = 8.0 * terabytes_per_s,  // HGX B100 64 TB/s / 8 (hmc-tech: 7.7)
    .tdp = 700.0 * watts,                       // two secondary sources
    .scale_up =
        {
            .name = "NVLink 5 (18 links) via NVLink Switch gen4",
            .bidirectional = 1800.0 * gigabytes_per_s,
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 400.0 * gigabits_per_s,
    .source = "https://www.nvidia.com/en-us/data-center/hgx/ ; "
              "https://hmc-tech.com/gpus/nvidia-b200-vs-nvidia-b100 ; "
              "https://glennklockwood.com/garden/processors/B200 ; "
              "https://jax-ml.github.io/scaling-book/gpus/",
});

// HGX B200 at 1,000 W. Launch values (192 GB, 8 TB/s, FP64 40, FP32 80) are superseded;
// nvidia-smi shows about 179 GB usable.
inline constexpr chip_spec b200 = checked({
    .name = "B200 (HGX)",
    .maker = vendor::nvidia,
    .arch = generation::blackwell,
    .dies = 2,
    .year_announced = 2024,
    .year_available = 2025,
    .process = "TSMC 4NP",
    .transistors_billion = 208.0,
    .peak_rates =
        {
            .fp64 = 37.0 * tflop_per_s,         // HGX B200 table (launch: 40)
            .fp64_vector = 37.0 * tflop_per_s,  // HGX B200 table
            .fp32 = 75.0 * tflop_per_s,         // HGX B200 table (launch: 80)
            .tf32 = 1100.0 * tflop_per_s,       // HGX B200 table 2.2 PF / 2
            // HGX B200 table 4.5 PF / 2. Checked: a mirror of the HGX table (zdszero.github.io,
            // FP16/BF16 4.5 PF per GPU with sparsity) and Lockwood's B200 page (2,250 matrix).
            .bf16 = 2250.0 * tflop_per_s,
            .fp16 = 2250.0 * tflop_per_s,  // HGX B200 table 4.5 PF / 2
            .fp8 = 4500.0 * tflop_per_s,   // HGX B200 table 9 PF / 2
            .fp6 = 4500.0 * tflop_per_s,   // HGX B200 table 9 PF / 2
            .fp4 = 9000.0 * tflop_per_s,   // HGX B200 table 18 PF / 2
            .int8 = 4500.0 * tflop_per_s,  // HGX B200 table 9 POPS / 2
        },
    .memory_type = "HBM3e",
    .memory = 180.0 * gigabytes,                // HGX B200 table (launch: 192)
    .memory_bandwidth = 7.7 * terabytes_per_s,  // HGX B200 table (launch: 8)
    .tdp = 1000.0 * watts,                      // HGX B200 table: configurable up to 1,000 W
    .scale_up =
        {
            .name = "NVLink 5 (18 links) via NVLink Switch gen4",
            .bidirectional = 1800.0 * gigabytes_per_s,  // HGX B200 table: 1.8 TB/s
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 400.0 * gigabits_per_s,  // 8x 400G per 8-GPU node (DGX B200 SuperPOD)
    .source =
        "https://www.nvidia.com/en-us/data-center/hgx/ ; "
        "https://resources.nvidia.com/en-us-blackwell-architecture ; "
        "https://resources.nvidia.com/en-us-dgx-systems/dgx-b200-datasheet ; "
        "https://glennklockwood.com/garden/processors/B200 ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://jax-ml.github.io/scaling-book/gpus/",
});

// One B200 GPU in a GB200 NVL72 rack (1,200 W part), from the current GB200 NVL72 table.
// "GB200" in find_chip() names this per-GPU view; gb200_superchip is the 2-GPU board.
inline constexpr chip_spec gb200 = checked({
    .name = "B200 in GB200 NVL72",
    .maker = vendor::nvidia,
    .arch = generation::blackwell,
    .dies = 2,
    .year_announced = 2024,
    .year_available = 2025,
    .process = "TSMC 4NP",
    .transistors_billion = 208.0,
    .peak_rates =
        {
            .fp64 = 40.0 * tflop_per_s,         // GB200 NVL72 table (launch: 45)
            .fp64_vector = 40.0 * tflop_per_s,  // GB200 NVL72 table
            .fp32 = 80.0 * tflop_per_s,         // GB200 NVL72 table
            .tf32 = 1250.0 * tflop_per_s,       // GB200 NVL72 table 2.5 PF / 2
            .bf16 = 2500.0 * tflop_per_s,       // GB200 NVL72 table 5 PF / 2; Lockwood 2,500
            .fp16 = 2500.0 * tflop_per_s,       // GB200 NVL72 table 5 PF / 2
            .fp8 = 5000.0 * tflop_per_s,        // GB200 NVL72 table 10 PF / 2
            .fp6 = 5000.0 * tflop_per_s,        // GB200 NVL72 table 10 PF / 2
            .fp4 = 10000.0 * tflop_per_s,       // GB200 NVL72 table 20 PF / 2
            .int8 = 5000.0 * tflop_per_s,       // GB200 NVL72 table 10 POPS / 2
        },
    .memory_type = "HBM3e",
    .memory = 186.0 * gigabytes,                // GB200 NVL72 table, 13.4 TB per rack (launch 192)
    .memory_bandwidth = 8.0 * terabytes_per_s,  // GB200 NVL72 table
    .tdp = 1200.0 * watts,                      // GB200 NVL72 table: configurable up to 1,200 W
    .scale_up =
        {
            .name = "NVLink 5 (18 links) via 18 NVLink Switch chips (9 trays)",
            .bidirectional = 1800.0 * gigabytes_per_s,
            .domain_typical = 72,  // one NVL72 rack
            .domain_max = 576,     // with external NVLink Switch (announced)
        },
    .scale_out = 400.0 * gigabits_per_s,  // DGX GB200 trays: one 400G ConnectX-7 per GPU
    .source =
        "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
        "https://resources.nvidia.com/en-us-blackwell-architecture ; "
        "https://glennklockwood.com/garden/processors/B200 ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://docs.nvidia.com/dgx/dgxgb200-user-guide/networking.html ; "
        "https://jax-ml.github.io/scaling-book/gpus/",
});

// One Grace CPU and two B200 GPUs on one board: every figure is for the whole superchip (2x the
// per-GPU column), so accelerators = 2 and per-accelerator helpers divide by 2. The scale-up
// domain is counted in superchips (36 per NVL72 rack, 288 = 576 GPUs). Grace's LPDDR5X (up to
// 480 GB) is not in `memory`.
inline constexpr chip_spec gb200_superchip = checked({
    .name = "GB200 Superchip (Grace + 2x B200)",
    .maker = vendor::nvidia,
    .arch = generation::blackwell,
    .accelerators = 2,
    .dies = 5,  // 2 GPU packages x 2 dies + 1 Grace die, on one board (not one package)
    .year_announced = 2024,
    .year_available = 2025,
    .process = "TSMC 4NP (GPUs); Grace CPU",
    // transistors_billion absent: no published figure for the whole superchip.
    .peak_rates =
        {
            .fp64 = 80.0 * tflop_per_s,         // 2 x 40 (launch: 90)
            .fp64_vector = 80.0 * tflop_per_s,  // 2 x 40
            .fp32 = 160.0 * tflop_per_s,        // 2 x 80
            .tf32 = 2500.0 * tflop_per_s,       // launch superchip column 5 PF sparse / 2
            .bf16 = 5000.0 * tflop_per_s,       // launch superchip column 10 PF sparse / 2
            .fp16 = 5000.0 * tflop_per_s,       // launch superchip column 10 PF sparse / 2
            .fp8 = 10000.0 * tflop_per_s,       // launch superchip column 20 PF sparse / 2
            .fp6 = 10000.0 * tflop_per_s,       // launch superchip column 20 PF sparse / 2
            .fp4 = 20000.0 * tflop_per_s,       // launch superchip column 40 PF sparse / 2
            .int8 = 10000.0 * tflop_per_s,      // launch superchip column 20 POPS sparse / 2
        },
    .memory_type = "HBM3e",
    .memory = 372.0 * gigabytes,                 // 2 x 186 (launch: 384)
    .memory_bandwidth = 16.0 * terabytes_per_s,  // 2 x 8 TB/s
    // Launch datasheet via one secondary page (hmc-tech) only; includes the Grace CPU.
    .tdp = 2700.0 * watts,
    .scale_up =
        {
            // NVLink-C2C (900 GB/s CPU-GPU) is not counted.
            .name = "2x NVLink 5 (1.8 TB/s each)",
            .bidirectional = 3600.0 * gigabytes_per_s,  // 2 x 1,800
            .domain_typical = 36,                       // superchips per NVL72 rack
            .domain_max = 288,                          // 576 GPUs
        },
    .scale_out = 800.0 * gigabits_per_s,  // 2x 400G, one per GPU
    .source = "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
              "https://resources.nvidia.com/en-us-blackwell-architecture ; "
              "https://hmc-tech.com/gpus/nvidia-b200-vs-nvidia-gb200 ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// ---- Blackwell Ultra ---------------------------------------------------------------------------
// FP4 sparse is not 2x dense on Blackwell Ultra, so there is no FP4/FP8 rule for this
// generation. INT8 and FP64 are almost removed (Blackwell tech brief v2.1, Verda): the vendor
// figures are kept, and models should treat INT8 on B300/GB300 as unsupported.

// HGX B300. FP4 dense is disputed and the choice still open: 14 PF (tech brief v2.1 Table 3,
// Verda) is used; the HGX page's 108 PF / 8 gives 13.5, Lockwood 13.1, stas00 12.6 (all in
// `source`).
inline constexpr chip_spec b300 = checked({
    .name = "B300 (HGX)",
    .maker = vendor::nvidia,
    .arch = generation::blackwell_ultra,
    .dies = 2,
    .year_announced = 2025,
    .year_available = 2025,
    .process = "TSMC 4NP",
    .transistors_billion = 208.0,
    .peak_rates =
        {
            .fp64 = 1.25 * tflop_per_s,         // tech brief v2.1 (1.2-1.25)
            .fp64_vector = 1.25 * tflop_per_s,  // tech brief v2.1
            .fp32 = 75.0 * tflop_per_s,         // tech brief v2.1
            .tf32 = 1100.0 * tflop_per_s,       // tech brief v2.1
            .bf16 = 2250.0 * tflop_per_s,       // tech brief v2.1 4.5 PF sparse / 2
            .fp16 = 2250.0 * tflop_per_s,       // tech brief v2.1
            .fp8 = 4500.0 * tflop_per_s,        // tech brief v2.1, Verda: 4.5 PF dense
            .fp6 = 4500.0 * tflop_per_s,        // FP6 at the FP8 rate
            .fp4 = 14000.0 * tflop_per_s,       // disputed, see above (18 PF sparse)
            .int8 = 150.0 * tflop_per_s,        // tech brief v2.1: 0.15 POPS dense (0.30 sparse)
        },
    .memory_type = "HBM3e (12-high)",
    .memory = 270.0 * gigabytes,                // HGX B300 table (288 GB marketed)
    .memory_bandwidth = 7.7 * terabytes_per_s,  // tech brief v2.1, Verda
    .tdp = 1100.0 * watts,  // tech brief v2.1 (Lockwood's 1,400 W is the GB300 figure)
    .scale_up =
        {
            .name = "NVLink 5 (18 links)",
            .bidirectional = 1800.0 * gigabytes_per_s,
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 800.0 * gigabits_per_s,  // 8x 800G ConnectX-8 per DGX B300
    .source = "https://www.nvidia.com/en-us/data-center/hgx/ ; "
              "https://resources.nvidia.com/en-us-blackwell-architecture ; "
              "https://resources.nvidia.com/en-us-dgx-systems/dgx-b300-datasheet ; "
              "https://verda.com/blog/gb300-nvl72-architecture ; "
              "https://glennklockwood.com/garden/processors/B300 ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// One B300 GPU in a GB300 NVL72 rack: the rack totals of the GB300 NVL72 page divided by 72.
// "GB300" in find_chip() names this per-GPU view.
inline constexpr chip_spec gb300 = checked({
    .name = "B300 in GB300 NVL72",
    .maker = vendor::nvidia,
    .arch = generation::blackwell_ultra,
    .dies = 2,
    .year_announced = 2025,
    .year_available = 2025,
    .process = "TSMC 4NP",
    .transistors_billion = 208.0,
    .peak_rates =
        {
            .fp64 = 1.39 * tflop_per_s,         // rack 100 TF / 72 (derived)
            .fp64_vector = 1.39 * tflop_per_s,  // rack 100 TF / 72 (derived)
            .fp32 = 80.0 * tflop_per_s,         // stas00 (rack 6 PF / 72 would be 83.3)
            .tf32 = 1250.0 * tflop_per_s,       // rack 180 PF sparse / 72 / 2
            .bf16 = 2500.0 * tflop_per_s,       // rack 360 PF sparse / 72 / 2
            .fp16 = 2500.0 * tflop_per_s,       // rack 360 PF sparse / 72 / 2
            .fp8 = 5000.0 * tflop_per_s,        // rack 720 PF sparse / 72 / 2; Verda, stas00
            .fp6 = 5000.0 * tflop_per_s,        // rack 720 PF sparse / 72 / 2
            .fp4 = 15000.0 * tflop_per_s,       // rack 1,080 PF dense / 72 (1,440 sparse: not 2x)
            .int8 = 167.0 * tflop_per_s,        // rack 12 POPS dense / 72 (derived)
        },
    .memory_type = "HBM3e (12-high)",
    .memory = 279.0 * gigabytes,                // tech brief text; rack 20 TB (288 marketed)
    .memory_bandwidth = 8.0 * terabytes_per_s,  // GB300 NVL72 page
    .tdp = 1400.0 * watts,                      // Verda, stas00, Lockwood
    .scale_up =
        {
            .name = "NVLink 5 (18 links) via 18 NVLink Switch chips",
            .bidirectional = 1800.0 * gigabytes_per_s,
            .domain_typical = 72,
            .domain_max = 72,
        },
    .scale_out = 800.0 * gigabits_per_s,  // ConnectX-8 800G per GPU (PCIe Gen6)
    .source = "https://www.nvidia.com/en-us/data-center/gb300-nvl72/ ; "
              "https://resources.nvidia.com/en-us-blackwell-architecture ; "
              "https://verda.com/blog/gb300-nvl72-architecture ; "
              "https://glennklockwood.com/garden/processors/B300 ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// ---- Blackwell RTX (GB202) ----------------------------------------------------------------------

// The passively cooled data-centre card of the RTX PRO 6000 family (188 of GB202's 192 SMs):
// GDDR7 rather than HBM, and no NVLink, so GPUs of one server talk over PCIe Gen5. NVIDIA's
// product page prints "FP4 Tensor Core 4 PFLOPS, FP8 2 PFLOPS, FP16/BF16 1 PFLOPS" without saying
// sparse or dense; RTX-class Blackwell figures are quoted with 2:4 sparsity (the Workstation
// Edition's per-format table lists BF16 503.8 TFLOPS dense beside 1.01 PFLOPS sparse, FP4 2.02 PF
// dense beside 4.03 sparse), so the entry halves them ("DS/2"). Server Edition clocks are a
// little lower than the Workstation Edition's (1,597 against 1,792 GB/s; reports derive 480 /
// 960 / 1,920 dense from an implied 2.49 GHz boost, 4% below the halved figures). FP32, TF32,
// FP64, FP6 and INT8 rates of the Server Edition were not found in a vendor source: absent.
inline constexpr chip_spec rtx_pro_6000_server = checked({
    .name = "RTX PRO 6000 Blackwell Server Edition",
    .maker = vendor::nvidia,
    .arch = generation::blackwell_rtx,
    .year_announced = 2025,
    .year_available = 2025,
    .peak_rates =
        {
            .bf16 = 500.0 * tflop_per_s,   // NVIDIA page "FP16 | BF16 1 PFLOPS" / 2
            .fp16 = 500.0 * tflop_per_s,   // NVIDIA page "FP16 | BF16 1 PFLOPS" / 2
            .fp8 = 1000.0 * tflop_per_s,   // NVIDIA page "FP8 2 PFLOPS" / 2
            .fp4 = 2000.0 * tflop_per_s,   // NVIDIA page "FP4 4 PFLOPS" / 2
        },
    .memory_type = "GDDR7 (ECC)",
    .memory = 96.0 * gigabytes,                   // NVIDIA page: 96 GB
    .memory_bandwidth = 1.597 * terabytes_per_s,  // NVIDIA page: 1,597 GB/s
    .memory_device = 97887.0 * mebibytes,  // nvidia-smi total on the Server Edition: 97,887 MiB
    .tdp = 600.0 * watts,                  // NVIDIA page: up to 600 W (configurable)
    .scale_up =
        {
            .name = "PCIe Gen5 x16 (no NVLink)",
            .bidirectional = 128.0 * gigabytes_per_s,  // PCIe Gen5 x16 as NVIDIA prints it
            .domain_typical = 8,  // 8-GPU servers (AWS g7e.48xlarge, Dell PowerEdge XE7745)
            .domain_max = 8,
        },
    // scale_out absent: NICs per GPU vary by server and no NVIDIA reference design was found.
    .source = "https://www.nvidia.com/en-us/data-center/rtx-pro-6000-blackwell-server-edition/ ; "
              "https://hmc-tech.com/gpu/nvidia-rtx-pro-6000-blackwell-vs-amd-radeon-pro-duo-polaris ; "
              "https://github.com/NVIDIA/TensorRT-LLM/blob/main/docs/source/performance/"
              "perf-overview.md",
});

}  // namespace flopcast::chips
