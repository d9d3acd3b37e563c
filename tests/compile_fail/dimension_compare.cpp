// Ordering quantities of different dimensions does not compile.
// expect-error: cannot compare quantities of different dimensions
#include <flopcast/core/units.hpp>

bool x = 1.0 * flopcast::seconds < 1.0 * flopcast::bytes;
