// A training estimate with zero chips must not compile as a constant.
// expect-error: chip_count_must_be_positive
#include <flopcast/flopcast.hpp>

constexpr auto e = flopcast::estimate_training_time({.flops = 1e24 * flopcast::flop,
                                                     .chip = flopcast::chips::h100_sxm,
                                                     .chips = 0,
                                                     .format = flopcast::precision::bf16,
                                                     .utilization = 0.4});
