// A model with no layers.
// expect-error: model_size_not_positive
#include "flopcast/workload/transformer.hpp"

constexpr flopcast::transformer bad =
    flopcast::checked({.layers = 0, .hidden = 4096, .heads = 32, .vocab = 32000, .seq_len = 4096});
