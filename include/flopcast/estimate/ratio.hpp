#pragma once
#include "flopcast/core/config.hpp"
// Datasheet ratios between chips: peak per precision (same or across precisions), memory
// bandwidth, capacity and scale-up bandwidth. All constexpr, so a claim can be a static_assert:
//   static_assert(peak_ratio(chips::h100_sxm, chips::a100_sxm4_80gb, precision::bf16) > 3.1);
// Ratios compare catalog entries as they are: a GB200 superchip (2 GPUs) against one H100 gives
// twice the per-GPU ratio; use the per-GPU entry (chips::gb200) for per-GPU comparisons.
#include "flopcast/hardware/chip.hpp"

namespace flopcast {

// a's peak at pa over b's peak at pb, e.g. H100 FP8 over A100 BF16 = 6.34.
constexpr double peak_ratio(const chip_spec& a, precision pa, const chip_spec& b, precision pb) {
  return a.peak(pa) / b.peak(pb);
}
constexpr double peak_ratio(const chip_spec& a, const chip_spec& b, precision p) {
  return peak_ratio(a, p, b, p);
}
constexpr double memory_bandwidth_ratio(const chip_spec& a, const chip_spec& b) {
  return a.memory_bandwidth / b.memory_bandwidth;
}
constexpr double memory_capacity_ratio(const chip_spec& a, const chip_spec& b) {
  return a.memory / b.memory;
}
constexpr double scale_up_bandwidth_ratio(const chip_spec& a, const chip_spec& b) {
  return a.scale_up.bidirectional / b.scale_up.bidirectional;
}
// Peak FLOPs per byte of HBM traffic: above a kernel's arithmetic intensity, it is memory-bound.
constexpr arithmetic_intensity<> ridge_point(const chip_spec& c, precision p) {
  return c.peak(p) / c.memory_bandwidth;
}

// Every datasheet ratio of a over b at once, for printing next to a vendor's claim.
struct chip_comparison {
  double bf16 = 0.0;              // 0 where either chip lacks the precision
  double fp8 = 0.0;
  double fp8_over_bf16 = 0.0;     // a at FP8 over b at BF16: the usual "new generation" basis
  double memory_bandwidth = 0.0;
  double memory_capacity = 0.0;
  double scale_up_bandwidth = 0.0;
  double scale_up_domain = 0.0;   // typical domain size ratio (NVL72 vs HGX: 9x)
};

constexpr chip_comparison compare(const chip_spec& a, const chip_spec& b) {
  chip_comparison c;
  const auto both = [&](precision pa, precision pb) {
    return a.supports(pa) && b.supports(pb) ? peak_ratio(a, pa, b, pb) : 0.0;
  };
  c.bf16 = both(precision::bf16, precision::bf16);
  c.fp8 = both(precision::fp8, precision::fp8);
  c.fp8_over_bf16 = both(precision::fp8, precision::bf16);
  c.memory_bandwidth = memory_bandwidth_ratio(a, b);
  c.memory_capacity = memory_capacity_ratio(a, b);
  c.scale_up_bandwidth = scale_up_bandwidth_ratio(a, b);
  c.scale_up_domain =
      static_cast<double>(a.scale_up.domain_typical) / static_cast<double>(b.scale_up.domain_typical);
  return c;
}

}  // namespace flopcast
