// The compile-fail harness's control: valid code, built the same way as the other files here.
// It must compile; if it does not, the other compile_fail.* results mean nothing.
#include <flopcast/core/units.hpp>

constexpr auto total = 1.0 * flopcast::hours + 30.0 * flopcast::minutes;
static_assert(total.in(flopcast::minutes) == 90.0);
