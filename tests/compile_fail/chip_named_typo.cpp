// Looking up a name that is neither a catalog chip nor an alias in a constant expression must not
// compile; at run time the same call throws invalid_input "unknown_chip" with suggestions.
// expect-error: unknown_chip
#include <flopcast/hardware/catalog.hpp>

constexpr const flopcast::chip_spec& c = flopcast::chip_named("h1000");
