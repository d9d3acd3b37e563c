// Asking for a precision the chip lacks (FP8 on A100) in a constant expression must not compile.
// expect-error: precision_not_supported_by_chip
#include <flopcast/flopcast.hpp>

constexpr double r = flopcast::peak_ratio(flopcast::chips::h100_sxm, flopcast::chips::a100_sxm4_80gb,
                                          flopcast::precision::fp8);
