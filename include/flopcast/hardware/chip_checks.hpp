#pragma once
#include "flopcast/core/config.hpp"
// Compile-time consistency checks for catalog entries.
//
// Peers ship silent 2x errors in chip tables: a sparse (2:4) figure taken as dense, a 16 GB part
// listed as 32 GB, a bidirectional link rate used as one-way. Every catalog entry goes through
// checked(), which stops compilation, naming the broken rule, when an entry violates:
//   - every figure present is positive;
//   - the dense BF16 (FP16 on Volta) rate per accelerator lies in its generation's range, whose
//     upper end is below the sparse figure of that generation;
//   - FP8 = 2 x BF16 and FP4 = 2 x FP8 (within 1%) where the generation doubles per format;
//   - HBM capacity and bandwidth per accelerator lie in the generation's range;
//   - a capacity written in the name ("80GB") equals the memory field.
#include "flopcast/core/number.hpp"
#include "flopcast/hardware/chip.hpp"

FLOPCAST_DEFINE_REASON(catalog_figure_not_positive,
                       "a catalog figure is zero or negative; absent figures must be std::nullopt")
FLOPCAST_DEFINE_REASON(catalog_dense_rate_outside_generation_range,
                       "dense BF16/FP16 peak is outside its generation's range (a sparse figure "
                       "taken as dense, or a per-system figure taken as per-chip?)")
FLOPCAST_DEFINE_REASON(catalog_fp8_not_twice_bf16,
                       "this generation runs FP8 at twice the BF16 rate, but the entry does not")
FLOPCAST_DEFINE_REASON(catalog_fp8_not_equal_bf16,
                       "this generation runs FP8 at the BF16 rate, but the entry does not")
FLOPCAST_DEFINE_REASON(catalog_fp4_not_twice_fp8,
                       "this generation runs FP4 at twice the FP8 rate, but the entry does not")
FLOPCAST_DEFINE_REASON(catalog_memory_outside_generation_range,
                       "HBM capacity or bandwidth is outside its generation's range")
FLOPCAST_DEFINE_REASON(catalog_memory_disagrees_with_name,
                       "the capacity in the chip's name (e.g. '80GB') differs from its memory field")
FLOPCAST_DEFINE_REASON(catalog_bad_count,
                       "accelerators, dies and scale-up domain sizes must be at least 1, and the "
                       "typical domain no larger than the maximum")

namespace flopcast {

struct generation_rules {
  precision dense_reference;  // the 16-bit tensor format the generation is judged by
  double min_dense_tflops;    // per accelerator
  double max_dense_tflops;
  double fp8_over_bf16;       // 2: doubles; 1: same rate; 0: no rule (or no FP8)
  double fp4_over_fp8;        // 2: doubles; 0: no rule
  double min_memory_gb, max_memory_gb;      // per accelerator
  double min_bandwidth_tbs, max_bandwidth_tbs;
};

// Ranges bracket every part of a generation; each upper bound is below the generation's
// smallest sparse figure, so a sparse number in a dense field fails.
constexpr generation_rules rules_for(generation g) {
  switch (g) {
    case generation::volta: return {precision::fp16, 100, 130, 0, 0, 16, 32, 0.8, 1.2};
    case generation::ampere: return {precision::bf16, 300, 320, 0, 0, 40, 80, 1.5, 2.1};
    case generation::hopper: return {precision::bf16, 700, 1000, 2, 0, 80, 141, 2.0, 4.9};
    case generation::blackwell: return {precision::bf16, 1700, 2600, 2, 2, 180, 192, 7.6, 8.1};
    case generation::blackwell_ultra: return {precision::bf16, 2200, 2600, 2, 0, 270, 288, 7.6, 8.1};
    // RTX PRO 6000 (GB202): about 500 dense BF16, below its 1,000 sparse; 96 GB GDDR7 at 1.6
    // (Server Edition) to 1.8 TB/s (Workstation Edition).
    case generation::blackwell_rtx: return {precision::bf16, 450, 520, 2, 2, 96, 96, 1.5, 1.8};
    case generation::cdna2: return {precision::bf16, 350, 400, 0, 0, 128, 128, 3.2, 3.3};
    case generation::cdna3: return {precision::bf16, 1300, 1310, 2, 0, 192, 256, 5.3, 6.0};
    case generation::cdna4: return {precision::bf16, 2300, 2600, 2, 0, 288, 288, 8.0, 8.0};
    case generation::tpu_v4: return {precision::bf16, 270, 280, 0, 0, 32, 32, 1.2, 1.2};
    case generation::tpu_v5e: return {precision::bf16, 190, 200, 0, 0, 16, 16, 0.8, 0.9};
    case generation::tpu_v5p: return {precision::bf16, 450, 470, 1, 0, 95, 95, 2.7, 2.8};
    case generation::tpu_v6: return {precision::bf16, 900, 930, 1, 0, 32, 32, 1.6, 1.7};
    case generation::tpu_v7: return {precision::bf16, 2300, 2320, 2, 0, 192, 192, 7.3, 7.4};
    case generation::gaudi2: return {precision::bf16, 420, 440, 2, 0, 96, 96, 2.4, 2.5};
    case generation::gaudi3: return {precision::bf16, 1600, 1900, 1, 0, 128, 128, 3.7, 3.7};
    case generation::trainium2: return {precision::bf16, 660, 670, 0, 0, 96, 96, 2.9, 3.0};
    // L40S (AD102): 362 dense BF16, below its 733 sparse; 48 GB GDDR6 at 0.864 TB/s. No FP8
    // rule: the datasheet's FP8 (733) is 2.02x its BF16 (362.05), not 2x.
    case generation::ada: return {precision::bf16, 350, 370, 0, 0, 48, 48, 0.85, 0.87};
  }
  return {precision::bf16, 0, 0, 0, 0, 0, 0, 0, 0};
}

namespace detail {
constexpr bool positive_or_absent(const std::optional<flop_rate<>>& r) {
  return !r.has_value() || r->base_value() > 0.0;
}

// The number before "GB" in a name such as "H100 SXM5 80GB"; 0 when there is none.
constexpr double capacity_in_name(std::string_view name) {
  const auto at = name.find("GB");
  if (at == std::string_view::npos || at == 0) return 0.0;
  std::size_t begin = at;
  while (begin > 0 && name[begin - 1] >= '0' && name[begin - 1] <= '9') --begin;
  double v = 0.0;
  for (std::size_t i = begin; i < at; ++i) v = v * 10.0 + static_cast<double>(name[i] - '0');
  return v;
}
}  // namespace detail

constexpr void validate(const chip_spec& c) {
  require(c.accelerators >= 1 && c.dies >= 1 && c.scale_up.domain_typical >= 1 &&
              c.scale_up.domain_typical <= c.scale_up.domain_max,
          reasons::catalog_bad_count);

  for (precision p : all_precisions) {
    require(detail::positive_or_absent(c.peak_rates[p]), reasons::catalog_figure_not_positive);
  }
  require(c.memory.base_value() > 0.0 && c.memory_bandwidth.base_value() > 0.0 &&
              c.scale_up.bidirectional.base_value() > 0.0,
          reasons::catalog_figure_not_positive);
  require(!c.tdp.has_value() || c.tdp->base_value() > 0.0, reasons::catalog_figure_not_positive);
  require(!c.scale_out.has_value() || c.scale_out->base_value() > 0.0,
          reasons::catalog_figure_not_positive);
  require(!c.transistors_billion.has_value() || *c.transistors_billion > 0.0,
          reasons::catalog_figure_not_positive);

  const generation_rules r = rules_for(c.arch);
  const double n = static_cast<double>(c.accelerators);
  const double dense = c.peak(r.dense_reference).in(tflop_per_s) / n;
  require(dense >= r.min_dense_tflops && dense <= r.max_dense_tflops,
          reasons::catalog_dense_rate_outside_generation_range);

  if (r.fp8_over_bf16 > 0.0 && c.supports(precision::fp8) && c.supports(precision::bf16)) {
    const double ratio = c.peak(precision::fp8) / c.peak(precision::bf16);
    require(math::approx_equal(ratio, r.fp8_over_bf16, 0.01),
            r.fp8_over_bf16 == 2.0 ? reasons::catalog_fp8_not_twice_bf16
                                   : reasons::catalog_fp8_not_equal_bf16);
  }
  if (r.fp4_over_fp8 > 0.0 && c.supports(precision::fp4) && c.supports(precision::fp8)) {
    const double ratio = c.peak(precision::fp4) / c.peak(precision::fp8);
    require(math::approx_equal(ratio, r.fp4_over_fp8, 0.01), reasons::catalog_fp4_not_twice_fp8);
  }

  const double gb = c.memory.in(gigabytes) / n;
  const double tbs = c.memory_bandwidth.in(terabytes_per_s) / n;
  require(gb >= r.min_memory_gb && gb <= r.max_memory_gb && tbs >= r.min_bandwidth_tbs &&
              tbs <= r.max_bandwidth_tbs,
          reasons::catalog_memory_outside_generation_range);

  const double named = detail::capacity_in_name(c.name);
  require(named == 0.0 || math::approx_equal(named, c.memory.in(gigabytes), 0.005),
          reasons::catalog_memory_disagrees_with_name);
}

// Validates and returns the entry: `inline constexpr chip_spec h100 = checked({...});`
constexpr chip_spec checked(chip_spec c) {
  validate(c);
  return c;
}

}  // namespace flopcast
