// A bare number has no unit, so it cannot be added to a quantity.
// expect-error: cannot add a bare number to a quantity
#include <flopcast/core/units.hpp>

auto x = 1.0 * flopcast::hours + 2.0;
