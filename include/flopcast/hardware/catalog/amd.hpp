#pragma once
#include "flopcast/core/config.hpp"
// AMD Instinct accelerators (CDNA2 to CDNA4) as constexpr chip_spec values.
//
// Figures come from each entry's `source` URLs; comments say which was chosen where they differ.
// AMD prints dense and "with structured sparsity" (2x) figures separately; the dense one is used.
// Infinity Fabric bandwidth: AMD does not say whether its "Peak Infinity Fabric Link Bandwidth"
// is one direction or both; like stas00 (ml-engineering network chapter), it is read as
// bidirectional.
// Peer-to-peer traffic between two GPUs uses one link: the scale-up figure is the aggregate to
// all 7 peers, so model all-to-all and peer-to-peer separately on AMD.
// Scale-out (400 Gb/s per GPU from MI300X on) is a typical-deployment assumption, not an AMD spec.
#include "flopcast/hardware/chip_checks.hpp"

namespace flopcast::chips {

// One OAM package with 2 GCDs; each GCD appears to software as a separate GPU (64 GB, 1.6 TB/s).
// No structured sparsity, TF32 or FP8 on CDNA2.
inline constexpr chip_spec mi250x = checked({
    .name = "Instinct MI250X",
    .maker = vendor::amd,
    .arch = generation::cdna2,
    .dies = 2,  // GCDs
    .year_announced = 2021,
    .year_available = 2021,
    .process = "TSMC N6",
    .transistors_billion = 58.2,  // AMD page (single source)
    .peak_rates =
        {
            .fp64 = 95.7 * tflop_per_s,         // AMD page, FP64 matrix
            .fp64_vector = 47.9 * tflop_per_s,  // AMD page, FP64 vector
            .fp32 = 47.9 * tflop_per_s,         // AMD page, FP32 vector (matrix/packed: 95.7)
            .bf16 = 383.0 * tflop_per_s,        // AMD page; stas00; llm-analysis mi250x
            .fp16 = 383.0 * tflop_per_s,        // AMD page
            .int8 = 383.0 * tflop_per_s,        // AMD page, stas00 (llm-analysis 766: likely wrong)
        },
    .memory_type = "HBM2e",
    .memory = 128.0 * gigabytes,                   // AMD page: 2 x 64 GB
    .memory_bandwidth = 3.2768 * terabytes_per_s,  // AMD page: 2 x 1.6384 TB/s
    .tdp = 500.0 * watts,                          // AMD page: 500 W (560 W peak); single source
    .scale_up =
        {
            .name = "Infinity Fabric (xGMI) 3rd gen, up to 8 links x 100 GB/s bidir",
            // AMD: up to 8 links x 50 GB/s per direction (ROCm MI250 doc); stas00 counts 7
            // GPU-GPU links (700 GB/s).
            .bidirectional = 800.0 * gigabytes_per_s,
            .domain_typical = 4,  // 4 OAM packages (8 GCDs) per node, as in Frontier and LUMI
            .domain_max = 4,
        },
    .scale_out = 200.0 * gigabits_per_s,  // one Slingshot-11 NIC per MI250X (Frontier, LUMI)
    .source =
        "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html ; "
        "https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi250.html ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
        "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs",
});

// 304 active CUs at 2.1 GHz. Some third-party pages label the sparse 2,614.9 FP16 as dense.
inline constexpr chip_spec mi300x = checked({
    .name = "Instinct MI300X",
    .maker = vendor::amd,
    .arch = generation::cdna3,
    .dies = 12,  // 8 XCD + 4 IOD (HBM stacks not counted)
    .year_announced = 2023,
    .year_available = 2024,
    .process = "TSMC N5 (XCD) + N6 (IOD)",
    .transistors_billion = 153.0,
    .peak_rates =
        {
            .fp64 = 163.4 * tflop_per_s,        // ROCm MI300 table, FP64 matrix
            .fp64_vector = 81.7 * tflop_per_s,  // ROCm MI300 table, FP64 vector
            .fp32 = 163.4 * tflop_per_s,        // ROCm MI300 table (FP32 matrix = 163.4)
            .tf32 = 653.7 * tflop_per_s,        // ROCm MI300 table (listed as "Vector TF32")
            // ROCm MI300 table; stas00; Vultr docs. Checked: MI300X-vs-H200 report
            // (github.com/alpharomercoma/MI300X-vs-H200) lists 1307.4 BF16 dense.
            .bf16 = 1307.4 * tflop_per_s,
            .fp16 = 1307.4 * tflop_per_s,  // ROCm MI300 table (2,614.9 with sparsity)
            .fp8 = 2614.9 * tflop_per_s,   // ROCm MI300 table
            .int8 = 2614.9 * tflop_per_s,  // ROCm MI300 table
        },
    .memory_type = "HBM3",
    .memory = 192.0 * gigabytes,                // AMD datasheet
    .memory_bandwidth = 5.3 * terabytes_per_s,  // AMD datasheet
    .tdp = 750.0 * watts,                       // AMD datasheet
    .scale_up =
        {
            .name = "Infinity Fabric, 7 links x 128 GB/s (fully connected 8-GPU)",
            .bidirectional = 896.0 * gigabytes_per_s,  // 7 x 128; one peer gets one link
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 400.0 * gigabits_per_s,  // assumption: typical deployment
    .source =
        "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html ; "
        "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/"
        "amd-instinct-mi300x-data-sheet.pdf ; "
        "https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi300.html ; "
        "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

// The MI300X's CDNA3 silicon with more and faster memory at higher power.
inline constexpr chip_spec mi325x = checked({
    .name = "Instinct MI325X",
    .maker = vendor::amd,
    .arch = generation::cdna3,
    .dies = 12,              // 8 XCD + 4 IOD
    .year_announced = 2024,  // October 2024
    .year_available = 2025,
    .process = "TSMC N5 (XCD) + N6 (IOD)",
    .transistors_billion = 153.0,
    .peak_rates =
        {
            .fp64 = 163.4 * tflop_per_s,        // = MI300X (stas00: same compute)
            .fp64_vector = 81.7 * tflop_per_s,  // = MI300X
            .fp32 = 163.4 * tflop_per_s,        // = MI300X
            .tf32 = 653.7 * tflop_per_s,        // = MI300X
            .bf16 = 1307.4 * tflop_per_s,       // stas00; Vultr docs 1,307 FP16
            .fp16 = 1307.4 * tflop_per_s,       // Vultr docs
            .fp8 = 2614.9 * tflop_per_s,        // = MI300X
            .int8 = 2614.9 * tflop_per_s,       // = MI300X
        },
    .memory_type = "HBM3E",
    .memory = 256.0 * gigabytes,                // Vultr docs; ROCm gpu-specs
    .memory_bandwidth = 6.0 * terabytes_per_s,  // Vultr docs
    .tdp = 1000.0 * watts,                      // stas00 MAMF note; AMD page
    .scale_up =
        {
            .name = "Infinity Fabric, 7 links x 128 GB/s",
            .bidirectional = 896.0 * gigabytes_per_s,
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 400.0 * gigabits_per_s,  // assumption: typical deployment
    .source =
        "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html ; "
        "https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://docs.vultr.com/inference-cookbook/rocm/getting-started/hardware-requirements",
});

// Exact rates = 256 CUs x 2.4 GHz x FLOPs per clock per CU (FP8: 8192, ISSCC coverage); AMD
// rounds to 2.5 / 5.0 / 10.1 PF. Marketing's "20 PF FP4/FP6" is the sparse figure. FP6 runs at
// the FP4 rate on CDNA4 (on NVIDIA it runs at the FP8 rate). AMD lists no TF32 for CDNA4.
inline constexpr chip_spec mi355x = checked({
    .name = "Instinct MI355X",
    .maker = vendor::amd,
    .arch = generation::cdna4,
    .dies = 10,  // 8 XCD (N3P) + 2 IOD (N6)
    .year_announced = 2025,
    .year_available = 2025,
    .process = "TSMC N3P (XCD) + N6 (IOD)",
    .transistors_billion = 185.0,
    .peak_rates =
        {
            .fp64 = 78.6 * tflop_per_s,         // FP64 matrix: single source
            .fp64_vector = 78.6 * tflop_per_s,  // single source
            .fp32 = 157.3 * tflop_per_s,        // stas00, Tom's Hardware
            .bf16 = 2516.6 * tflop_per_s,       // 256 x 2.4 GHz x 4096; AMD "2.5 PF"
            .fp16 = 2516.6 * tflop_per_s,       // as BF16
            .fp8 = 5033.2 * tflop_per_s,        // 256 x 2.4 GHz x 8192; AMD "5.0 PF"
            .fp6 = 10066.3 * tflop_per_s,       // at the FP4 rate on CDNA4
            .fp4 = 10066.3 * tflop_per_s,       // 256 x 2.4 GHz x 16384; AMD "10.1 PF" dense
            .int8 = 5033.2 * tflop_per_s,       // as FP8
        },
    .memory_type = "HBM3E",
    .memory = 288.0 * gigabytes,                // stas00, Tom's Hardware
    .memory_bandwidth = 8.0 * terabytes_per_s,  // stas00, Tom's Hardware
    .tdp = 1400.0 * watts,                      // Tom's Hardware; stas00
    .scale_up =
        {
            .name = "Infinity Fabric 4th gen, 7 links x 153.6 GB/s",
            .bidirectional = 1075.0 * gigabytes_per_s,  // 7 x 153.6 = 1,075.2, rounded
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 400.0 * gigabits_per_s,  // assumption: Pollara 400-class NIC per GPU
    .source =
        "https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html ; "
        "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/white-papers/"
        "amd-cdna-4-architecture-whitepaper.pdf ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
        "https://www.tomshardware.com/pc-components/gpus/"
        "amds-instinct-mi355x-accelerator-will-consume-1-400-watts",
});

}  // namespace flopcast::chips
