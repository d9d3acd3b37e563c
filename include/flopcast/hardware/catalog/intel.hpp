#pragma once
#include "flopcast/core/config.hpp"
// Intel (Habana) Gaudi accelerators as constexpr chip_spec values.
//
// Figures come from each entry's `source` URLs; comments say which was chosen where they differ.
// Rates are the MME (matrix engine) peaks; Gaudi has no structured sparsity, and the vector/TPC
// rates are not included. Gaudi's scale-up and scale-out are the same on-die RoCE Ethernet
// ports: the scale-up figure counts the 21 ports used for all-to-all inside an 8-card node
// (3 to each of 7 peers), the scale-out figure the remaining 3 (the split per stas00's network
// chapter; 24 ports per Intel's HLS-Gaudi2 datasheet and Gaudi 3 white paper).
#include "flopcast/hardware/chip_checks.hpp"

namespace flopcast::chips {

// Measured BF16 MAMF 418.7 TFLOPS (97% of peak) per stas00.
inline constexpr chip_spec gaudi2 = checked({
    .name = "Gaudi 2 (HL-225)",
    .maker = vendor::intel,
    .arch = generation::gaudi2,
    .dies = 1,
    .year_announced = 2022,
    .year_available = 2022,
    .process = "TSMC 7nm",
    // transistors_billion absent: not published.
    .peak_rates =
        {
            .bf16 = 432.0 * tflop_per_s,  // stas00: 1650 MHz x 256x256 MACs x 2 MMEs x 2
            .fp8 = 865.0 * tflop_per_s,   // stas00; Intel whitepaper
        },
    .memory_type = "HBM2e (6 stacks)",
    .memory = 96.0 * gigabytes,                  // Gaudi 2 datasheet
    .memory_bandwidth = 2.46 * terabytes_per_s,  // Gaudi 2 datasheet (often quoted 2.45)
    .tdp = 600.0 * watts,                        // Gaudi 2 datasheet
    .scale_up =
        {
            .name = "24x 100GbE RoCE v2 on-die (21 used for all-to-all within 8-card node)",
            .bidirectional = 525.0 * gigabytes_per_s,  // 21 x 100 Gb/s x 2 / 8 (all 24: 600)
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 300.0 * gigabits_per_s,  // 3x 100GbE per card
    .source =
        "https://www.intel.com/content/www/us/en/content-details/839363/"
        "intel-gaudi-2-ai-accelerators-white-paper.html ; "
        "https://habana.ai/wp-content/uploads/2023/10/HLS-Gaudi2_Datasheet_10_23.pdf ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

// The whitepaper's 1,835 TFLOPS BF16/FP8 implies about 1,750 MHz; stas00 reports shipping parts
// run the MME at 1,600 MHz (1,677 TFLOPS). The whitepaper figure is kept (both in `source`).
inline constexpr chip_spec gaudi3 = checked({
    .name = "Gaudi 3 (HL-325L OAM)",
    .maker = vendor::intel,
    .arch = generation::gaudi3,
    .dies = 2,
    .year_announced = 2024,
    .year_available = 2024,
    .process = "TSMC 5nm",
    .peak_rates =
        {
            .fp32 = 229.0 * tflop_per_s,  // stas00 only
            .tf32 = 459.0 * tflop_per_s,  // stas00 only
            // Intel whitepaper and product brief; stas00. Checked: secondary spec pages
            // (pcguia.pt, yobitel.com) give 1,835 TFLOPS FP8 and BF16 matrix.
            .bf16 = 1835.0 * tflop_per_s,
            .fp16 = 459.0 * tflop_per_s,  // stas00 only: FP16 on the MME is far below BF16
            .fp8 = 1835.0 * tflop_per_s,  // Intel whitepaper: same rate as BF16
        },
    .memory_type = "HBM2e (8 stacks)",
    .memory = 128.0 * gigabytes,                // Intel product brief
    .memory_bandwidth = 3.7 * terabytes_per_s,  // Intel product brief
    .tdp = 900.0 * watts,  // air-cooled OAM (liquid-cooled: 1,200 W; PCIe card: 600 W)
    .scale_up =
        {
            .name = "24x 200GbE RoCE v2 on-die (21 used for all-to-all within node)",
            // 21 x 200 Gb/s x 2 / 8; Intel's headline 1.2 TB/s counts all 24 ports.
            .bidirectional = 1050.0 * gigabytes_per_s,
            .domain_typical = 8,
            .domain_max = 8,
        },
    .scale_out = 600.0 * gigabits_per_s,  // 3x 200GbE per card
    .source =
        "https://www.intel.com/content/www/us/en/content-details/817486/"
        "intel-gaudi-3-ai-accelerator-white-paper.html ; "
        "https://cdrdv2-public.intel.com/817487/"
        "gaudi-3-ai-accelerator-hl-325l-oam-mezzanine-card-product-brief.pdf ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

}  // namespace flopcast::chips
