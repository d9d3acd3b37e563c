// A grouped-query model whose query heads do not split evenly over its key/value heads.
// expect-error: model_heads_not_divisible_by_kv_heads
#include "flopcast/workload/transformer.hpp"

constexpr flopcast::transformer bad = flopcast::checked(
    {.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 5, .vocab = 32000, .seq_len = 4096});
