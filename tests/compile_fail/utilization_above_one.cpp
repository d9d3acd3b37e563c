// A utilization above 1 must not compile as a constant.
// expect-error: utilization_out_of_range
#include <flopcast/flopcast.hpp>

constexpr auto e = flopcast::estimate_training_time({.flops = 1e24 * flopcast::flop,
                                                     .chip = flopcast::chips::h100_sxm,
                                                     .chips = 1024,
                                                     .format = flopcast::precision::bf16,
                                                     .utilization = 1.5});
