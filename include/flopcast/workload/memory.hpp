#pragma once
#include "flopcast/core/config.hpp"
// Memory per chip for training: weights, gradients, master weights, optimizer state and
// activations, for a model, a precision recipe, an optimizer and a sharding.
//
// How a plan divides model state (Megatron-LM and ZeRO conventions):
//  - layer parameters are split by tp * pp; routed experts additionally by ep (expert weights
//    are split by tp too: expert tensor parallelism equal to tp);
//  - the input table and the output projection are split by tp (vocabulary-parallel). With one
//    stage a chip holds both; with pp > 1 the first stage holds the input table and the last the
//    output projection (a copy of the input table when tied), and we report the larger;
//  - ZeRO stage 1 shards master weights and optimizer state over the dp * cp ranks (dp * cp /
//    ep for routed experts), stage 2 also gradients, stage 3 also weights.
// Layers are spread evenly over stages (layers / pp, not rounded) unless the sharding gives the
// chip's stage its own count (stage_layers: an uneven pipeline split), which then sets its share
// of the layers' parameters and activations. Framework workspace, communication buffers and
// fragmentation are not counted: add an allowance.
#include "flopcast/workload/activations.hpp"
#include "flopcast/workload/recipe.hpp"

namespace flopcast {

template <class T = double>
struct memory_breakdown {
  data_size<T> weights{};
  data_size<T> gradients{};
  data_size<T> master_weights{};
  data_size<T> optimizer_state{};
  data_size<T> activations{};

  // Weights, gradients, master weights and optimizer state.
  constexpr data_size<T> model_state() const {
    return weights + gradients + master_weights + optimizer_state;
  }
  constexpr data_size<T> total() const { return model_state() + activations; }
};

// Parameters one chip holds before ZeRO sharding, split into those sharded over the whole
// data-parallel group and the routed experts (sharded over dp * cp / ep).
template <class T = double>
struct chip_parameters {
  T dense{};
  T experts{};
  constexpr T total() const { return dense + experts; }
};

// `p` is count_parameters(m): callers that time many plans of one model count it once.
template <class T>
constexpr chip_parameters<T> parameters_per_chip(const transformer& m, const parameter_counts& p,
                                                 const sharding<T>& plan) {
  const double layer_dense =
      p.position + p.attention + p.mlp + p.shared_experts + p.router + p.norms;
  const double input = p.embedding;
  const double output = m.tied_embeddings ? static_cast<double>(m.vocab) * m.hidden : p.output;
  const T one_stage = T(input + p.output);  // tied: the table is held once
  const T edge_stage = T(input < output ? output : input);
  const T tables = select(plan.pp == T(1.0), one_stage, edge_stage) / plan.tp;
  // The stage's share of the layers, as a divisor: pp for an even split (L / (L / pp) is pp
  // exactly when pp divides L, so even splits give the same bits either way).
  const T stage_divisor = detail::stage_divisor(m, plan);
  return {T(layer_dense) / (plan.tp * stage_divisor) + tables,
          T(p.routed_experts) / (plan.tp * stage_divisor * plan.ep)};
}
template <class T>
constexpr chip_parameters<T> parameters_per_chip(const transformer& m, const sharding<T>& plan) {
  return parameters_per_chip(m, count_parameters(m), plan);
}

// Weights, gradients, master weights and optimizer state on one chip (activations zero), from
// the parameters it holds before ZeRO (`held`: parameters_per_chip of the same sharding).
template <class T>
constexpr memory_breakdown<T> model_state_per_chip(const transformer& m,
                                                   const chip_parameters<T>& held,
                                                   const precision_recipe& r, optimizer o,
                                                   const sharding<T>& plan) {
  const state_bytes b = bytes_per_parameter(r, o, m);
  const T dense_group = plan.dp * plan.cp;
  const T expert_group = dense_group / plan.ep;
  // Parameters per chip after sharding over the data-parallel group when `sharded`.
  const auto spread = [&](bool sharded) {
    return sharded ? held.dense / dense_group + held.experts / expert_group : held.total();
  };
  memory_breakdown<T> mem{};
  mem.weights = data_size<T>::from_base(T(b.weights) * spread(plan.zero_stage >= 3));
  mem.gradients = data_size<T>::from_base(T(b.gradients) * spread(plan.zero_stage >= 2));
  mem.master_weights = data_size<T>::from_base(T(b.master_weights) * spread(plan.zero_stage >= 1));
  mem.optimizer_state =
      data_size<T>::from_base(T(b.optimizer_state) * spread(plan.zero_stage >= 1));
  return mem;
}
template <class T>
constexpr memory_breakdown<T> model_state_per_chip(const transformer& m,
                                                   const parameter_counts& counted,
                                                   const precision_recipe& r, optimizer o,
                                                   const sharding<T>& plan) {
  return model_state_per_chip(m, parameters_per_chip(m, counted, plan), r, o, plan);
}
template <class T>
constexpr memory_breakdown<T> model_state_per_chip(const transformer& m, const precision_recipe& r,
                                                   optimizer o, const sharding<T>& plan) {
  return model_state_per_chip(m, count_parameters(m), r, o, plan);
}

// Everything one chip holds during a training step with microbatches of `microbatch` sequences
// of the model's seq_len (the busiest chip: the first pipeline stage).
template <class T>
constexpr memory_breakdown<T> memory_per_chip(const transformer& m, const parameter_counts& counted,
                                              const precision_recipe& r, optimizer o,
                                              const sharding<T>& plan, T microbatch,
                                              const activation_options& a = {}) {
  memory_breakdown<T> mem = model_state_per_chip(m, counted, r, o, plan);
  mem.activations = activation_bytes_per_chip(m, microbatch, plan, a);
  return mem;
}
template <class T>
constexpr memory_breakdown<T> memory_per_chip(const transformer& m, const precision_recipe& r,
                                              optimizer o, const sharding<T>& plan, T microbatch,
                                              const activation_options& a = {}) {
  return memory_per_chip(m, count_parameters(m), r, o, plan, microbatch, a);
}

}  // namespace flopcast
