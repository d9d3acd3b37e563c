#pragma once
#include "flopcast/core/config.hpp"
// Google TPUs (v4 to TPU7x "Ironwood") as constexpr chip_spec values.
//
// Figures come from each entry's `source` URLs; comments say which was chosen where they differ.
// Google publishes dense rates only (no sparsity figures) and no TDP for v5e and later; TDP is
// absent for those chips. HBM capacity is the vendor-marketed "GB", although Google's docs say
// GiB for v4 (32 GiB), v5p (95 GiB) and TPU7x (192 GiB): the figure is kept as printed, in
// decimal units, like every other chip in the catalog.
// ICI bandwidth is per chip, both directions added ("bidirectional GBps" in current docs; older
// docs gave one-way totals in Gbps: v5e 1,600, v5p 4,800; cloud.google.com/tpu/docs).
// FP8: v5p and v6e run it at the BF16 rate (no speed-up before Ironwood); INT8 is 2x BF16 on
// v5e, v5p and v6e but 1x on v4 (Cloud TPU docs; the comparison table on the TPU7x page).
#include "flopcast/hardware/chip_checks.hpp"

namespace flopcast::chips {

// One die with 2 TensorCores.
inline constexpr chip_spec tpu_v4 = checked({
    .name = "TPU v4",
    .maker = vendor::google,
    .arch = generation::tpu_v4,
    .dies = 1,
    .year_announced = 2021,
    .year_available = 2022,
    .process = "7 nm",  // TPU v4 ISCA 2023 paper (not re-verified)
    // transistors_billion absent: not published.
    .peak_rates =
        {
            .bf16 = 275.0 * tflop_per_s,  // Cloud TPU v4 doc: 275 TFLOPS (bf16 or int8)
            .int8 = 275.0 * tflop_per_s,  // Cloud TPU v4 doc: same rate as bf16
        },
    .memory_type = "HBM2",
    .memory = 32.0 * gigabytes,                 // Cloud TPU v4 doc: 32 GiB
    .memory_bandwidth = 1.2 * terabytes_per_s,  // Cloud TPU v4 doc: 1200 GBps
    .memory_device = 32.0 * gibibytes,  // Cloud TPU v4 doc prints "32 GiB" of HBM per chip
    // Google's measured maximum power (min/mean/max 90/170/192 W), not a rated TDP.
    .tdp = 192.0 * watts,
    .scale_up =
        {
            .name = "ICI, 6 links, 3D torus with optical circuit switches",
            // Derived: scaling-book's 45 GB/s one-way per link x 2 x 6 links (single source).
            .bidirectional = 540.0 * gigabytes_per_s,
            // The sources name no typical domain. 64 = one 4x4x4 cube: the unit the
            // optical circuit switches join into larger slices, and the smallest slice that can
            // wrap into a 3D torus (every torus dimension is a multiple of 4, Cloud TPU v4 doc).
            .domain_typical = 64,
            .domain_max = 4096,  // full v4 pod
        },
    // scale_out absent: per-chip DCN bandwidth not published.
    .source = "https://cloud.google.com/tpu/docs/v4 ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// One TensorCore per chip; die count, process and TDP not published.
inline constexpr chip_spec tpu_v5e = checked({
    .name = "TPU v5e",
    .maker = vendor::google,
    .arch = generation::tpu_v5e,
    // dies: not published (field default 1).
    .year_announced = 2023,
    .year_available = 2023,
    .peak_rates =
        {
            .bf16 = 197.0 * tflop_per_s,  // Cloud TPU v5e doc; scaling-book; stas00
            .int8 = 394.0 * tflop_per_s,  // Cloud TPU v5e doc (newer version: 393)
        },
    .memory_type = "HBM2",
    .memory = 16.0 * gigabytes,  // Cloud TPU v5e doc
    // Cloud TPU v5e doc (older) 819 GBps; a newer version says "800 GiBps" (859 GB/s), unresolved.
    .memory_bandwidth = 0.819 * terabytes_per_s,
    .memory_device = 16.0 * gibibytes,  // Cloud TPU v5e doc prints "16 GiB" of HBM per chip
    .scale_up =
        {
            .name = "ICI, 4 ports, 2D torus",
            .bidirectional =
                400.0 * gigabytes_per_s,  // Cloud TPU v5e doc (older: 1600 Gbps one-way)
            .domain_typical = 256,        // full v5e pod
            .domain_max = 256,
        },
    .scale_out = 25.0 * gigabits_per_s,  // 2x 100 Gb/s NICs per 8-chip host
    .price = 1.2 * dollars_per_hour,
    .price_basis = "Google Cloud on-demand list price per chip-hour, Feb 2025, as tabulated by "
                   "scaling-book (applied-inference)",
    .source = "https://cloud.google.com/tpu/docs/v5e ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// 2 TensorCores + 4 SparseCores per chip; die count, process and TDP not published.
inline constexpr chip_spec tpu_v5p = checked({
    .name = "TPU v5p",
    .maker = vendor::google,
    .arch = generation::tpu_v5p,
    // dies: not published (field default 1).
    .year_announced = 2023,
    .year_available = 2024,
    .peak_rates =
        {
            // Cloud TPU v5p doc and TPU7x comparison table. Checked: Cloud TPU v5p doc
            // (several language versions) "Peak compute per chip (bf16) 459 TFLOPs".
            .bf16 = 459.0 * tflop_per_s,
            .fp8 = 459.0 * tflop_per_s,   // TPU7x comparison table: FP8 = BF16 rate
            .int8 = 918.0 * tflop_per_s,  // 2x BF16
        },
    .memory_type = "HBM2e",
    .memory = 95.0 * gigabytes,  // Cloud TPU v5p doc: "95GB" (95 GiB in other versions)
    .memory_bandwidth = 2.765 * terabytes_per_s,  // Cloud TPU v5p doc: 2765 GBps (= 2575 GiBps)
    .memory_device = 95.0 * gibibytes,  // Cloud TPU v5p doc prints "95 GiB" of HBM per chip
    .scale_up =
        {
            .name = "ICI, 6 links, 3D torus",
            .bidirectional = 1200.0 * gigabytes_per_s,  // current doc (older: 4800 Gbps one-way)
            .domain_typical = 6144,  // largest schedulable slice: 16x16x24, 96 cubes
            .domain_max = 8960,      // full v5p pod
        },
    .scale_out = 50.0 * gigabits_per_s,  // DCN per chip
    .price = 4.2 * dollars_per_hour,
    .price_basis = "Google Cloud on-demand list price per chip-hour, Feb 2025, as tabulated by "
                   "scaling-book (applied-inference)",
    .source = "https://cloud.google.com/tpu/docs/v5p ; "
              "https://cloud.google.com/tpu/docs/tpu7x ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// Trillium. One TensorCore (256x256 MXUs) per chip; die count, process and TDP not published.
inline constexpr chip_spec tpu_v6e = checked({
    .name = "TPU v6e (Trillium)",
    .maker = vendor::google,
    .arch = generation::tpu_v6,
    // dies: not published (field default 1).
    .year_announced = 2024,
    .year_available = 2024,
    .peak_rates =
        {
            .bf16 = 918.0 * tflop_per_s,   // Cloud TPU v6e doc; TPU7x comparison table
            .fp8 = 918.0 * tflop_per_s,    // TPU7x comparison table: FP8 = BF16 rate
            .int8 = 1836.0 * tflop_per_s,  // Cloud TPU v6e doc: 2x BF16
        },
    .memory_type = "HBM (type not stated by Google)",
    .memory = 32.0 * gigabytes,                   // Cloud TPU v6e doc
    .memory_bandwidth = 1.638 * terabytes_per_s,  // newer doc 1638 GBps (older 1640)
    .memory_device = 32.0 * gibibytes,  // Cloud TPU v6e doc prints "32 GiB" of HBM per chip
    .scale_up =
        {
            .name = "ICI, 4 ports, 2D torus",
            .bidirectional = 800.0 * gigabytes_per_s,  // Cloud TPU v6e doc
            .domain_typical = 256,                     // full v6e pod
            .domain_max = 256,
        },
    // scale_out absent: per-chip DCN bandwidth not stated.
    .source = "https://cloud.google.com/tpu/docs/v6e ; "
              "https://cloud.google.com/tpu/docs/tpu7x ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md",
});

// Ironwood. 2 TensorCores + 4 SparseCores per chip. TDP, process and per-chip DCN not found.
inline constexpr chip_spec tpu7x = checked({
    .name = "TPU7x (Ironwood)",
    .maker = vendor::google,
    .arch = generation::tpu_v7,
    .dies = 2,  // compute chiplets, from Hot Chips 2025 secondary coverage (unverified)
    .year_announced = 2025,
    .year_available = 2025,
    .peak_rates =
        {
            .bf16 = 2307.0 * tflop_per_s,  // Cloud TPU7x doc comparison table
            // Cloud TPU7x doc; Ironwood performance guide. Checked: both pages
            // ("peak theoretical performance of 4614 TFLOPS per chip").
            .fp8 = 4614.0 * tflop_per_s,
            // int8 absent: not listed.
        },
    .memory_type = "HBM3e (8 stacks)",
    .memory = 192.0 * gigabytes,                 // Cloud TPU7x doc: 192 GiB; blog: "192 GB"
    .memory_bandwidth = 7.37 * terabytes_per_s,  // Google blog (2+ secondary copies)
    .memory_device = 192.0 * gibibytes,  // Cloud TPU7x doc prints "192 GiB" of HBM per chip
    .scale_up =
        {
            .name = "ICI, 3D torus (6 neighbours)",
            .bidirectional = 1200.0 * gigabytes_per_s,  // Google blog: 1.2 TBps bidirectional
            .domain_typical = 256,                      // Google's smaller pod configuration
            .domain_max = 9216,                         // full Ironwood pod
        },
    .source =
        "https://cloud.google.com/tpu/docs/tpu7x ; "
        "https://cloud.google.com/tpu/docs/ironwood-performance ; "
        "https://blog.google/products/google-cloud/ironwood-tpu-age-of-inference/ ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

}  // namespace flopcast::chips
