// A catalog chip's peak in a precision it lacks (A100 has no FP8) must not compile in a constant
// expression: the entry holds std::nullopt, not 0, and peak() names the reason.
// expect-error: precision_not_supported_by_chip
#include <flopcast/hardware/catalog.hpp>

constexpr auto x = flopcast::chips::a100_sxm4_80gb.peak(flopcast::precision::fp8);
