#pragma once
#include "flopcast/core/config.hpp"
// AWS Trainium as constexpr chip_spec values.
//
// Figures come from each entry's `source` URLs; comments say which was chosen where they differ.
// AWS lists 2,563 "sparse" TFLOPS for FP8/FP16/BF16/TF32; that is not a plain 2x of either dense
// figure, so only the dense rates are used. AWS publishes no TDP or process node.
#include "flopcast/hardware/chip_checks.hpp"

namespace flopcast::chips {

// 8 NeuronCore-v3 per chip (158 cFP8 / 79 BF16 TFLOPS each). FP8 is 1,299, not 2 x 667, so the
// generation has no FP8/BF16 rule.
inline constexpr chip_spec trainium2 = checked({
    .name = "Trainium2",
    .maker = vendor::aws,
    .arch = generation::trainium2,
    // dies: not published (field default 1).
    .year_announced = 2023,
    .year_available = 2024,
    .peak_rates =
        {
            .fp32 = 181.0 * tflop_per_s,  // AWS Neuron Trainium2 doc
            .tf32 = 667.0 * tflop_per_s,  // AWS Neuron doc: 667 BF16/FP16/TF32
            // AWS Neuron Trainium2 doc; stas00. Checked: Neuron doc v2.29 source
            // ("1,299 FP8 TFLOPS, 667 BF16/FP16/TF32 TFLOPS, 181 FP32 TFLOPS").
            .bf16 = 667.0 * tflop_per_s,
            .fp16 = 667.0 * tflop_per_s,  // AWS Neuron doc
            .fp8 = 1299.0 * tflop_per_s,  // AWS Neuron doc
        },
    .memory_type = "HBM (4 stacks; HBM3 per stas00)",
    .memory = 96.0 * gigabytes,  // AWS Neuron doc: 96 GiB
    // AWS NKI architecture guide (latest): 2.9 TB/s; another doc version says 3 TB/s.
    .memory_bandwidth = 2.9 * terabytes_per_s,
    .memory_device = 96.0 * gibibytes,  // AWS Neuron doc prints "96 GiB" per Trainium2
    .scale_up =
        {
            .name = "NeuronLink-v3 (4 links), 2D/3D torus",
            // AWS: "1.28 TB/s per chip", direction not stated; read as bidirectional (stas00).
            .bidirectional = 1280.0 * gigabytes_per_s,
            .domain_typical = 16,  // Trn2 instance
            .domain_max = 64,      // Trn2 UltraServer
        },
    .scale_out = 200.0 * gigabits_per_s,  // EFA v3 3.2 Tb/s per 16-chip instance
    .source =
        "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/"
        "neuron-hardware/trainium2.html ; "
        "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/arch/trainium2_arch.html ; "
        "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/"
        "neuron-hardware/trn2-arch.html ; "
        "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md ; "
        "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

}  // namespace flopcast::chips
