#pragma once
#include "flopcast/core/config.hpp"
// What training keeps per parameter: a precision recipe (the formats of the weights the
// forward pass reads, the master copy the optimizer updates, the gradients and the optimizer
// moments) and an optimizer (how many moments per parameter).
//
// Bytes per parameter, mixed-precision Adam (ZeRO paper, Rajbhandari 2020, Sec. 3.1):
//   2 (BF16 weights) + 2 (BF16 gradients) + 4 (FP32 master) + 4 + 4 (FP32 moments) = 16.
#include <optional>
#include <string_view>

#include "flopcast/core/precision.hpp"
#include "flopcast/workload/transformer.hpp"

namespace flopcast {

struct precision_recipe {
  std::string_view name{};
  precision weights = precision::bf16;                        // the copy forward and backward read
  std::optional<precision> master_weights = precision::fp32;  // nullopt: updated in place
  precision gradients = precision::bf16;
  precision optimizer_state = precision::fp32;  // each moment
};

namespace recipes {
// BF16 compute with FP32 master weights and moments; gradients reduced in BF16.
inline constexpr precision_recipe bf16_fp32_master{.name = "BF16 + FP32 master",
                                                   .weights = precision::bf16,
                                                   .master_weights = precision::fp32,
                                                   .gradients = precision::bf16,
                                                   .optimizer_state = precision::fp32};
// Megatron-LM's default: as above, but gradients accumulate in an FP32 buffer (main_grad).
inline constexpr precision_recipe bf16_fp32_master_fp32_grads{
    .name = "BF16 + FP32 master, FP32 gradients",
    .weights = precision::bf16,
    .master_weights = precision::fp32,
    .gradients = precision::fp32,
    .optimizer_state = precision::fp32};
// FP8 compute copy of the weights, BF16 master weights, gradients and moments.
inline constexpr precision_recipe fp8_bf16_master{.name = "FP8 + BF16 master",
                                                  .weights = precision::fp8,
                                                  .master_weights = precision::bf16,
                                                  .gradients = precision::bf16,
                                                  .optimizer_state = precision::bf16};
// Everything in BF16, weights updated in place (no master copy).
inline constexpr precision_recipe pure_bf16{.name = "pure BF16",
                                            .weights = precision::bf16,
                                            .master_weights = std::nullopt,
                                            .gradients = precision::bf16,
                                            .optimizer_state = precision::bf16};
}  // namespace recipes

enum class optimizer : unsigned char {
  adam,          // Adam and AdamW: first and second moment (2 values per parameter)
  sgd_momentum,  // one momentum buffer
  sgd,           // no state
  adafactor,     // Shazeer & Stern 2018 without momentum: factored second moment
};

constexpr std::string_view name(optimizer o) {
  switch (o) {
    case optimizer::adam:
      return "Adam/AdamW";
    case optimizer::sgd_momentum:
      return "SGD with momentum";
    case optimizer::sgd:
      return "SGD";
    case optimizer::adafactor:
      return "Adafactor";
  }
  return "?";
}

// Optimizer values kept per parameter. Adafactor keeps a row and a column vector per r x c
// matrix, (1/r + 1/c) per element; we take r, c >= hidden, so 2 / hidden (an upper bound for
// the large matrices, and negligible either way).
constexpr double optimizer_states_per_parameter(optimizer o, const transformer& m) {
  switch (o) {
    case optimizer::adam:
      return 2.0;
    case optimizer::sgd_momentum:
      return 1.0;
    case optimizer::sgd:
      return 0.0;
    case optimizer::adafactor:
      return m.hidden > 0 ? 2.0 / m.hidden : 0.0;
  }
  return 0.0;
}

// Bytes per parameter of each kind of model state, before any sharding.
struct state_bytes {
  double weights = 0.0;
  double gradients = 0.0;
  double master_weights = 0.0;
  double optimizer_state = 0.0;

  constexpr double total() const { return weights + gradients + master_weights + optimizer_state; }
};

constexpr state_bytes bytes_per_parameter(const precision_recipe& r, optimizer o,
                                          const transformer& m) {
  return {bytes_per_element(r.weights), bytes_per_element(r.gradients),
          r.master_weights ? bytes_per_element(*r.master_weights) : 0.0,
          optimizer_states_per_parameter(o, m) * bytes_per_element(r.optimizer_state)};
}

}  // namespace flopcast
