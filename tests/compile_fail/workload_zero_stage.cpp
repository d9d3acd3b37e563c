// ZeRO has stages 0 to 3.
// expect-error: zero_stage_out_of_range
#include "flopcast/workload/sharding.hpp"

constexpr flopcast::sharding<> bad =
    flopcast::checked(flopcast::sharding<>{.dp = 64.0, .zero_stage = 4});
