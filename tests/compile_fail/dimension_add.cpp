// Adding quantities of different dimensions does not compile.
// expect-error: cannot add quantities of different dimensions
#include <flopcast/core/units.hpp>

auto x = 1.0 * flopcast::seconds + 1.0 * flopcast::bytes;
