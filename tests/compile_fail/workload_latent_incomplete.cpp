// Multi-head latent attention without its compression rank.
// expect-error: model_latent_attention_incomplete
#include "flopcast/workload/transformer.hpp"

using namespace flopcast;
constexpr transformer bad =
    checked({.layers = 61,
             .hidden = 7168,
             .heads = 128,
             .vocab = 129280,
             .seq_len = 4096,
             .attention = attention_kind::latent,
             .mla = {.qk_nope_head_dim = 128, .qk_rope_head_dim = 64, .v_head_dim = 128}});
