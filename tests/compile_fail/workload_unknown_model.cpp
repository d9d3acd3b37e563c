// Asking the catalog, at compile time, for a model it does not hold.
// expect-error: unknown_model
#include "flopcast/workload/catalog.hpp"

static_assert(flopcast::models::get("llama-4-behemoth").shape.layers > 0);
