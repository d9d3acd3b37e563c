#pragma once
#include "flopcast/core/config.hpp"
// sharding: how a parallel plan divides a model's memory among chips. The workload layer only
// needs the sizes; whether a plan is legal and fast (TP divides heads, PP divides layers, the
// groups fit the topology) is decided in parallel/.
//
// Sizes are T so that a sweep can vary them per lane; zero_stage and sequence_parallel are the
// same for every lane of a batch.
#include "flopcast/core/error.hpp"
#include "flopcast/core/limits.hpp"

FLOPCAST_DEFINE_REASON(sharding_size_below_one,
                       "tp, pp, dp, cp, ep and virtual_stages must each be at least 1 (and "
                       "stage_layers and microbatches at least 0, microbatches at most 2^30)")
FLOPCAST_DEFINE_REASON(zero_stage_out_of_range, "zero_stage must be 0, 1, 2 or 3")
FLOPCAST_DEFINE_REASON(expert_parallel_exceeds_data_parallel,
                       "ep must not exceed dp * cp: expert parallelism is carved out of the "
                       "data- and context-parallel ranks")

namespace flopcast {

template <class T = double>
struct sharding {
  T tp = T(1.0);  // tensor parallel: splits every layer's matrices (and, with SP, activations)
  T pp = T(1.0);  // pipeline stages: splits the layers
  T dp = T(1.0);  // data-parallel replicas; ZeRO shards model state over dp * cp
  T cp = T(1.0);  // context parallel: splits the sequence
  T ep = T(1.0);  // expert parallel: splits routed experts, within the dp * cp ranks
  T virtual_stages = T(1.0);  // interleaved pipeline chunks per device (1: plain 1F1B)
  // Transformer layers on the chip's pipeline stage (the first, the busiest in memory), when the
  // plan spreads them unevenly; 0: layers / pp.
  T stage_layers = T(0.0);
  // Microbatches each pipeline runs per step, when known, in [0, 2^30]; 0: at least enough to
  // fill the pipeline's warm-up (today's default). Fewer microbatches than the first stage's
  // warm-up holds caps the activations in flight: a stage cannot hold more microbatches than
  // the step has (Megatron-Core's get_pp_rank_microbatches takes the minimum of its warm-up
  // count and the total).
  T microbatches = T(0.0);
  // Layers of the chip's stage whose activations are kept in host memory between the forward and
  // the backward (Megatron-Core's cpu_offloading_num_layers), in [0, the stage's layers].
  T offloaded_layers = T(0.0);
  int zero_stage = 0;         // 0: none; 1: optimizer state; 2: + gradients; 3: + weights (FSDP)
  bool sequence_parallel = false;  // Korthikanti 2022: shard norm/dropout activations over tp
};

constexpr const reason* violation(const sharding<double>& s) {
  if (!(s.tp >= 1.0 && s.pp >= 1.0 && s.dp >= 1.0 && s.cp >= 1.0 && s.ep >= 1.0 &&
        s.virtual_stages >= 1.0 && s.stage_layers >= 0.0 && s.microbatches >= 0.0 && s.offloaded_layers >= 0.0 &&
        s.microbatches <= limits::max_batch)) {
    return &reasons::sharding_size_below_one;
  }
  if (s.zero_stage < 0 || s.zero_stage > 3) return &reasons::zero_stage_out_of_range;
  if (s.ep > s.dp * s.cp) return &reasons::expert_parallel_exceeds_data_parallel;
  return nullptr;
}

constexpr void validate(const sharding<double>& s) {
  if (const reason* why = violation(s)) require(false, *why);
}

constexpr sharding<double> checked(sharding<double> s) {
  validate(s);
  return s;
}

constexpr result<sharding<double>> try_checked(const sharding<double>& s) {
  if (const reason* why = violation(s)) return *why;
  return s;
}

}  // namespace flopcast
