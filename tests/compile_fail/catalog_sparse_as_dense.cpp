// A catalog entry that takes a Blackwell datasheet's BF16 figure "with sparsity" (4.5 PF) as
// dense must not compile: checked() finds it above the generation's dense range. Every other
// field is consistent (FP8 = 2x BF16, memory and bandwidth in range), so only that rule fires.
// expect-error: catalog_dense_rate_outside_generation_range
#include <flopcast/hardware/chip_checks.hpp>

using namespace flopcast;

inline constexpr chip_spec b200_sparse_typo = checked({
    .name = "B200 (sparse figures)",
    .maker = vendor::nvidia,
    .arch = generation::blackwell,
    .dies = 2,
    .peak_rates = {.bf16 = 4500.0 * tflop_per_s, .fp8 = 9000.0 * tflop_per_s},
    .memory = 180.0 * gigabytes,
    .memory_bandwidth = 7.7 * terabytes_per_s,
    .scale_up = {.name = "NVLink 5", .bidirectional = 1800.0 * gigabytes_per_s},
});
