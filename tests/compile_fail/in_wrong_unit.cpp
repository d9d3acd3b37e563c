// Reading a duration in bytes must not compile, with a message that says why.
// expect-error: quantity::in\(\) needs a unit of the same dimension
#include <flopcast/core/units.hpp>

double f() { return (2.0 * flopcast::hours).in(flopcast::gigabytes); }
