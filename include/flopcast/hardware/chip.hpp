#pragma once
#include "flopcast/core/config.hpp"
// chip_spec: what a datasheet says about one accelerator, as a constexpr value.
//
// All tensor rates are dense (no 2:4 sparsity). A precision a chip lacks is absent, not zero:
// peak(precision::fp8) on an A100 stops compilation in a constant expression and throws
// invalid_input at run time. Scale-up bandwidth is stored as vendors print it, bidirectional
// (both directions added); per_direction() halves it, which is what collective models use.
#include <optional>
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/core/limits.hpp"
#include "flopcast/core/precision.hpp"
#include "flopcast/core/units.hpp"

FLOPCAST_DEFINE_REASON(precision_not_supported_by_chip,
                       "this chip has no published peak rate for the requested precision")

FLOPCAST_DEFINE_REASON(chip_figure_invalid,
                       "a chip figure is unusable: every peak rate, the memory capacity and the "
                       "HBM bandwidth must be finite and positive, link and NIC rates finite and "
                       "not negative, and 1-64 accelerators per entry")

namespace flopcast {

enum class vendor : unsigned char { nvidia, amd, google, intel, aws };

constexpr std::string_view name(vendor v) {
  switch (v) {
    case vendor::nvidia: return "NVIDIA";
    case vendor::amd: return "AMD";
    case vendor::google: return "Google";
    case vendor::intel: return "Intel";
    case vendor::aws: return "AWS";
  }
  return "?";
}

// Architecture generation: decides which consistency rules a catalog entry must obey.
enum class generation : unsigned char {
  volta,
  ampere,
  hopper,
  blackwell,
  blackwell_ultra,
  blackwell_rtx,  // GB202 (RTX PRO Blackwell): GDDR7, PCIe only, no NVLink
  cdna2,
  cdna3,
  cdna4,
  tpu_v4,
  tpu_v5e,
  tpu_v5p,
  tpu_v6,
  tpu_v7,
  gaudi2,
  gaudi3,
  trainium2,
  ada,  // AD102 (L40S): GDDR6, PCIe only, no NVLink
};

// Dense peak rate per precision; std::nullopt where the chip does not support the format.
struct peak_table {
  std::optional<flop_rate<>> fp64{};         // matrix/tensor FP64 (= vector rate where no tensor path)
  std::optional<flop_rate<>> fp64_vector{};
  std::optional<flop_rate<>> fp32{};
  std::optional<flop_rate<>> tf32{};
  std::optional<flop_rate<>> bf16{};
  std::optional<flop_rate<>> fp16{};
  std::optional<flop_rate<>> fp8{};
  std::optional<flop_rate<>> fp6{};
  std::optional<flop_rate<>> fp4{};
  std::optional<flop_rate<>> int8{};  // operations per second (TOPS)

  constexpr const std::optional<flop_rate<>>& operator[](precision p) const {
    switch (p) {
      case precision::fp64: return fp64;
      case precision::fp64_vector: return fp64_vector;
      case precision::fp32: return fp32;
      case precision::tf32: return tf32;
      case precision::bf16: return bf16;
      case precision::fp16: return fp16;
      case precision::fp8: return fp8;
      case precision::fp6: return fp6;
      case precision::fp4: return fp4;
      case precision::int8: return int8;
    }
    return fp64;
  }
};

// The scale-up (NVLink, Infinity Fabric, ICI, ...) link of one chip.
struct scale_up_link {
  std::string_view name{};
  bandwidth<> bidirectional{};  // per chip, both directions added, as vendors quote it
  int domain_typical = 1;     // chips in the usual scale-up domain (HGX: 8, NVL72: 72)
  int domain_max = 1;         // largest domain the vendor supports

  constexpr bandwidth<> per_direction() const { return bidirectional / 2.0; }
};

struct chip_spec {
  std::string_view name{};
  vendor maker = vendor::nvidia;
  generation arch = generation::hopper;
  // Accelerators this entry counts: 1 for a GPU or package, 2 for the GB200 superchip. All
  // rates and sizes below are for the whole entry.
  int accelerators = 1;
  int dies = 1;
  int year_announced = 0;
  int year_available = 0;
  std::string_view process{};
  std::optional<double> transistors_billion{};

  peak_table peak_rates{};

  std::string_view memory_type{};
  data_size<> memory{};           // HBM capacity, decimal GB as marketed
  bandwidth<> memory_bandwidth{}; // HBM bandwidth, decimal TB/s
  // The capacity the device gives software, in bytes, where it differs from `memory` (which
  // stays as marketed): HBM stacks are binary, so an "80GB" H100 has 80 GiB of which the driver
  // reports 81,559 MiB (nvidia-smi's total); Google and AWS print TPU and Trainium capacities
  // in GiB. Empty: `memory`. Per entry, like `memory`; finite and positive when given.
  std::optional<data_size<>> memory_device{};
  std::optional<power<>> tdp{};

  scale_up_link scale_up{};
  std::optional<bandwidth<>> scale_out{};  // typical NIC line rate per entry in reference systems

  std::optional<price_rate<>> price{};  // list price per entry-hour, where a reputable one exists
  std::string_view price_basis{};

  std::string_view source{};  // URLs, " ; "-separated

  constexpr bool supports(precision p) const { return peak_rates[p].has_value(); }

  // The 16-bit format of the tensor cores: BF16, or FP16 on a chip without BF16 (V100). The
  // step model's attention and the serving model's 16-bit matmuls both run in it.
  constexpr precision sixteen_bit_format() const {
    return supports(precision::bf16) ? precision::bf16 : precision::fp16;
  }

  // Dense peak for p. Absent precision: compile error in constant expressions, throws at run time.
  constexpr flop_rate<> peak(precision p) const {
    const auto& r = peak_rates[p];
    if (!r.has_value()) errors::precision_not_supported_by_chip();
    return *r;
  }

  constexpr result<flop_rate<>> try_peak(precision p) const {
    const auto& r = peak_rates[p];
    if (!r.has_value()) return reasons::precision_not_supported_by_chip;
    return *r;
  }

  // Per accelerator (a GB200 superchip's figures divided by its 2 GPUs).
  constexpr flop_rate<> peak_per_accelerator(precision p) const {
    return peak(p) / static_cast<double>(accelerators);
  }
  constexpr data_size<> memory_per_accelerator() const {
    return memory / static_cast<double>(accelerators);
  }
  // What software sees per accelerator: memory_device when given, else the marketed memory.
  constexpr data_size<> device_memory_per_accelerator() const {
    return (memory_device.has_value() ? *memory_device : memory) /
           static_cast<double>(accelerators);
  }
};

// The first figure of `c` that no model can use (NaN, infinite, zero or negative), or nullptr.
// Catalog entries also pass the stricter datasheet rules of hardware/chip_checks.hpp; this is
// the check for any chip, e.g. one a user describes at run time.
constexpr const reason* find_problem(const chip_spec& c) {
  using limits::finite_positive;
  const auto rate_ok = [](const std::optional<flop_rate<>>& r) {
    return !r.has_value() || finite_positive(r->base_value());
  };
  bool peaks_ok = true;
  for (const precision q : all_precisions) peaks_ok = peaks_ok && rate_ok(c.peak_rates[q]);
  const auto not_negative = [](double x) { return x >= 0.0 && limits::finite(x); };
  if (!(peaks_ok && limits::within(c.accelerators, 1, limits::max_entry_accelerators) &&
        finite_positive(c.memory.base_value()) && finite_positive(c.memory_bandwidth.base_value()) &&
        (!c.memory_device.has_value() || finite_positive(c.memory_device->base_value())) &&
        not_negative(c.scale_up.bidirectional.base_value()) &&
        (!c.scale_out.has_value() || not_negative(c.scale_out->base_value())))) {
    return &reasons::chip_figure_invalid;
  }
  return nullptr;
}

}  // namespace flopcast
