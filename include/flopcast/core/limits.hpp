#pragma once
#include "flopcast/core/config.hpp"
// The valid range of every size and figure the library takes, in one place.
//
// Each bound is far beyond any real model, cluster or run, and close enough that the arithmetic
// on it cannot overflow: `int` sums and products of model sizes (4 x hidden, the latent head
// sizes) stay below 2^31, plan products (tp x pp x cp x ...) are formed in `double` and exact
// below 2^53, and a step time stays a finite double. An input outside its range is refused with
// a named reason before any arithmetic; a result that is still not finite is refused with
// reasons::estimate_out_of_range rather than returned.
#include "flopcast/core/error.hpp"

FLOPCAST_DEFINE_REASON(estimate_out_of_range,
                       "every input is within its range but the result is not a finite positive "
                       "number (an input sits at an extreme of its range)")

namespace flopcast::limits {

// ---- Model shape (workload/transformer.hpp). Today's largest: hidden 25,600 (Megatron 1T; Llama
// 3 405B's is 16,384), FFN 53,248 (Llama 3 405B), vocabularies of 256k, contexts of 10M tokens.
inline constexpr int max_layers = 1 << 20;       // 1,048,576
inline constexpr int max_width = 1 << 24;        // hidden, ffn, head and latent sizes: 16,777,216
inline constexpr int max_heads = 1 << 20;        // query and key/value heads
inline constexpr int max_vocab = 1 << 26;        // 67,108,864 tokens
inline constexpr int max_sequence = 1 << 30;     // 1,073,741,824 tokens of context
inline constexpr int max_experts = 1 << 20;      // routed or shared experts per layer

// ---- Cluster and plan (hardware/cluster.hpp, parallel/plan.hpp).
inline constexpr int max_accelerators = 1 << 26;  // 67,108,864 GPUs or TPU chips
inline constexpr int max_entry_accelerators = 64;  // accelerators per catalog entry (GB200: 2)
inline constexpr int max_batch = 1 << 30;          // sequences per step (global) or microbatch
// Link latency (alpha): a ring step slower than a second is not a network.
inline constexpr double max_latency_s = 1.0;
// Half-bandwidth message size (S_half, see typical_half_size): 0 (every message at the full
// rate) to 1 TB; measured links sit at 10-60 MiB.
inline constexpr double max_half_size_bytes = 1e12;

// ---- Calibration and software options (estimate/calibration.hpp, estimate/step_time.hpp).
// Below 1% of peak (or of HBM bandwidth) a chip is not running a training step; the fit searches
// [0.05, 1].
inline constexpr double min_efficiency = 0.01;
// A job that makes progress less than 1% of its wall time is not a training run.
inline constexpr double min_goodput = 0.01;

// ---- Measurements (estimate/fit.hpp): a step of a microsecond to about three years.
inline constexpr double min_measured_step_s = 1e-6;
// The shortest wall time a training-time question may ask about (estimate/training_time.hpp).
inline constexpr double min_duration_s = 1e-6;
inline constexpr double max_measured_step_s = 1e8;

// ---- Training-time inputs (estimate/training_time.hpp).
inline constexpr double max_flops = 1e40;   // 1e15 times the largest run published (~1e26)
inline constexpr double max_tokens = 1e20;  // 1e6 times the largest data set (~1e14 tokens)
inline constexpr double max_parameters = 1e18;
inline constexpr double max_chips = 1e15;   // the one-formula estimate takes any chip count
inline constexpr double min_utilization = 1e-6;

// ---- Power and cost inputs (estimate/power.hpp). Range checks, not model figures: beyond them
// an input is a typo or a unit slip.
inline constexpr double max_pue = 3.0;         // facility / IT power; reported averages are < 2
inline constexpr double max_power_w = 1e12;    // one TW, per accelerator or for a cluster part
inline constexpr double max_period_years = 100.0;

// `value` is one of an enum's named values, the last of which is `last` (enums numbered from 0 in
// order, as flopcast's are): a value cast from an out-of-range integer is not.
template <class Enum>
constexpr bool named(Enum value, Enum last) {
  return static_cast<unsigned long long>(value) <= static_cast<unsigned long long>(last);
}

// x is a finite number in [lo, hi] (false for NaN).
constexpr bool within(double x, double lo, double hi) { return x >= lo && x <= hi; }
constexpr bool within(int x, int lo, int hi) { return x >= lo && x <= hi; }
// x is finite (false for NaN and infinities), without <cmath> (usable in constant expressions).
constexpr bool finite(double x) { return x - x == 0.0; }
// A time, rate or size the model can use: finite and > 0.
constexpr bool finite_positive(double x) { return x > 0.0 && finite(x); }

}  // namespace flopcast::limits
