// first_dense_layers only makes sense with moe_layers::first_k_dense.
// expect-error: moe_dense_layers_out_of_range
#include "flopcast/workload/transformer.hpp"

using namespace flopcast;
constexpr transformer bad = checked({.layers = 32,
                                     .hidden = 4096,
                                     .heads = 32,
                                     .vocab = 32000,
                                     .seq_len = 4096,
                                     .moe = {.experts = 8, .top_k = 2, .first_dense_layers = 2}});
