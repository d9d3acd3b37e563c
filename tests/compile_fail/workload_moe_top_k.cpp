// A mixture of experts that routes each token to more experts than it has.
// expect-error: moe_top_k_exceeds_experts
#include "flopcast/workload/transformer.hpp"

constexpr flopcast::transformer bad = flopcast::checked({.layers = 32,
                                                         .hidden = 4096,
                                                         .heads = 32,
                                                         .vocab = 32000,
                                                         .seq_len = 4096,
                                                         .moe = {.experts = 8, .top_k = 9}});
