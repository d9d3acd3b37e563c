#pragma once
#include "flopcast/core/config.hpp"
// system_spec: a fixed multi-accelerator system (an HGX board, an NVL72 rack, a TPU pod) as a
// constexpr value: which catalog chip, how many, and the totals that follow.
//
// Totals count the accelerators only. Host CPUs (Grace included), host memory, NICs, switches,
// fans and power conversion are not in total_chip_tdp(); facility power is the estimate layer's
// job, from per-node figures.
//
// "100,000 GB200" is ambiguous: 100,000 GPUs or 100,000 superchips (200,000 GPUs). Count in
// catalog entries and convert with accelerators_in() / entries_for():
//   accelerators_in(100'000, chips::gb200_superchip) == 200'000   (GPUs)
//   accelerators_in(100'000, chips::gb200) == 100'000             (already GPUs)
#include <optional>
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/core/precision.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/hardware/catalog/google.hpp"
#include "flopcast/hardware/catalog/nvidia.hpp"
#include "flopcast/hardware/chip.hpp"

FLOPCAST_DEFINE_REASON(system_without_chips, "a system needs a chip count of at least 1")

namespace flopcast {

// Accelerators (GPUs, TPU chips, ...) in `count` catalog entries of chip c: a GB200 superchip
// entry holds 2, every other entry 1.
constexpr double accelerators_in(double count, const chip_spec& c) {
  return count * static_cast<double>(c.accelerators);
}

// Catalog entries of chip c that hold `accelerators` accelerators (the inverse).
constexpr double entries_for(double accelerators, const chip_spec& c) {
  return accelerators / static_cast<double>(c.accelerators);
}

struct system_spec {
  std::string_view name{};
  const chip_spec* chip = nullptr;  // the catalog entry the system is built from
  int count = 0;                    // entries of `chip` (GPUs when chip is a per-GPU entry)
  std::string_view notes{};
  std::string_view source{};  // URLs, " ; "-separated

  constexpr double accelerators() const { return accelerators_in(count, *chip); }

  // Sum of the chips' dense peaks; an absent precision fails as chip_spec::peak() does.
  constexpr flop_rate<> total_peak(precision p) const {
    return chip->peak(p) * static_cast<double>(count);
  }
  constexpr data_size<> total_memory() const { return chip->memory * static_cast<double>(count); }
  constexpr bandwidth<> total_memory_bandwidth() const {
    return chip->memory_bandwidth * static_cast<double>(count);
  }
  // The chips' TDP only (no host, network or cooling); absent when the chip has no TDP.
  constexpr std::optional<power<>> total_chip_tdp() const {
    if (!chip->tdp.has_value()) return std::nullopt;
    return *chip->tdp * static_cast<double>(count);
  }
};

// Validates and returns the system: `inline constexpr system_spec x = checked_system({...});`
// A null chip stops compilation too, as a null dereference (the chip is not compared with
// nullptr: GCC with -fsanitize=null cannot fold that comparison in a constant expression).
constexpr system_spec checked_system(system_spec s) {
  require(s.count >= 1 && s.chip->accelerators >= 1, reasons::system_without_chips);
  return s;
}

namespace systems {

inline constexpr system_spec gb200_nvl72 = checked_system({
    .name = "GB200 NVL72",
    .chip = &chips::gb200,
    .count = 72,
    .notes = "36 GB200 superchips (72 B200 GPUs + 36 Grace CPUs) in one NVLink domain: 18 compute "
             "trays, 9 NVLink Switch trays. NVIDIA rack totals: FP4 1,440 PF sparse (720 dense), "
             "13.4 TB HBM3e. Totals here count the 72 GPUs only.",
    .source = "https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
});

inline constexpr system_spec gb300_nvl72 = checked_system({
    .name = "GB300 NVL72",
    .chip = &chips::gb300,
    .count = 72,
    .notes = "36 GB300 superchips (72 B300 GPUs + 36 Grace CPUs) in one NVLink domain. NVIDIA "
             "rack totals: FP4 1,080 PF dense (1,440 sparse), about 20 TB HBM3e. Totals here "
             "count the 72 GPUs only.",
    .source = "https://www.nvidia.com/en-us/data-center/gb300-nvl72/ ; "
              "https://verda.com/blog/gb300-nvl72-architecture",
});

inline constexpr system_spec hgx_h100 = checked_system({
    .name = "HGX H100 8-GPU",
    .chip = &chips::h100_sxm,
    .count = 8,
    .notes = "8 H100 SXM5 on 4 NVSwitch gen3 chips (DGX H100 is this board plus host; its "
             "power: system_power::dgx_h100 in facility.hpp).",
    .source = "https://www.nvidia.com/en-us/data-center/hgx/ ; "
              "https://www.nvidia.com/en-us/data-center/h100/",
});

inline constexpr system_spec hgx_h200 = checked_system({
    .name = "HGX H200 8-GPU",
    .chip = &chips::h200_sxm,
    .count = 8,
    .notes = "8 H200 SXM on 4 NVSwitch gen3 chips: the HGX H100 board with H200 GPUs (DGX H200 "
             "is this board plus host; its power: system_power::dgx_h200 in facility.hpp).",
    .source = "https://www.nvidia.com/en-us/data-center/hgx/ ; "
              "https://www.nvidia.com/en-us/data-center/h200/",
});

inline constexpr system_spec hgx_b200 = checked_system({
    .name = "HGX B200 8-GPU",
    .chip = &chips::b200,
    .count = 8,
    .notes = "8 B200 (1,000 W) on 2 NVLink Switch chips. NVIDIA board totals: FP8 72 PF sparse "
             "(36 dense), up to 1.4 TB HBM3e.",
    .source = "https://www.nvidia.com/en-us/data-center/hgx/",
});

inline constexpr system_spec hgx_b300 = checked_system({
    .name = "HGX B300 8-GPU",
    .chip = &chips::b300,
    .count = 8,
    .notes = "8 B300 (Blackwell Ultra) on NVLink Switch chips (DGX B300 is this board plus "
             "host; its power: system_power::dgx_b300 in facility.hpp).",
    .source = "https://www.nvidia.com/en-us/data-center/hgx/ ; "
              "https://www.nvidia.com/en-us/data-center/dgx-b300/",
});

inline constexpr system_spec dgx_a100 = checked_system({
    .name = "DGX A100 640GB",
    .chip = &chips::a100_sxm4_80gb,
    .count = 8,
    .notes = "8 A100 SXM4 80GB on 6 NVSwitch gen2 chips; NVIDIA's '5 petaFLOPS AI' is FP16 with "
             "sparsity (2.5 PF dense). The original DGX A100 had 8 x 40 GB (320 GB).",
    .source = "https://www.nvidia.com/en-us/data-center/dgx-a100/ ; "
              "https://www.nvidia.com/en-us/data-center/a100/",
});

inline constexpr system_spec tpu_v5p_pod = checked_system({
    .name = "TPU v5p pod",
    .chip = &chips::tpu_v5p,
    .count = 8960,
    .notes = "A full v5p pod. The largest single slice a job can schedule is 6,144 chips "
             "(16x16x24, 96 cubes); multislice goes beyond.",
    .source = "https://cloud.google.com/tpu/docs/v5p",
});

inline constexpr system_spec ironwood_pod = checked_system({
    .name = "TPU7x (Ironwood) pod",
    .chip = &chips::tpu7x,
    .count = 9216,
    .notes = "The larger of Google's two Ironwood pod configurations (256 and 9,216 chips); "
             "Google quotes 42.5 EF FP8 per pod.",
    .source = "https://cloud.google.com/tpu/docs/tpu7x ; "
              "https://blog.google/products/google-cloud/ironwood-tpu-age-of-inference/",
});

}  // namespace systems

}  // namespace flopcast
