#pragma once
#include "flopcast/core/config.hpp"
// What a cluster draws from the grid, per accelerator, as published data.
//
// IT power per accelerator = chip TDP + host share + network share:
//   - the host share comes from a published system (server or rack) maximum: the system's power
//     over its accelerators, minus the chip's TDP (CPUs, memory, NICs, fans, power conversion);
//   - the network share is the scale-out fabric's switches and optics per accelerator.
// Facility power = IT power x PUE (estimate/power.hpp). Every figure here is a cited default
// that a caller can override (power_budget in estimate/power.hpp takes plain values).
#include <array>
#include <string_view>

#include "flopcast/core/units.hpp"
#include "flopcast/hardware/catalog.hpp"

namespace flopcast {

// A published maximum power for one system (a server or a rack) and what it holds.
struct system_power_spec {
  std::string_view name{};
  const chip_spec* chip = nullptr;  // the catalog entry of one accelerator
  int accelerators = 0;             // accelerators (GPUs, TPU chips) in the system
  power<> system_power{};           // the published maximum for the whole system
  std::string_view published{};     // when the figure was published or read: "YYYY-MM"
  std::string_view source{};        // URLs, " ; "-separated
  std::string_view notes{};

  constexpr power<> per_accelerator() const {
    return system_power / static_cast<double>(accelerators);
  }
};

// The scale-out network's power per accelerator (switches, optics) for a kind of fabric.
struct network_power_spec {
  std::string_view name{};
  power<> per_accelerator{};
  std::string_view published{};
  std::string_view source{};
  std::string_view notes{};
};

namespace system_power {
// Filled from datasheets (DGX/HGX A100, H100, H200, B200, B300; GB200 and GB300 NVL72; an MI300X
// platform; a TPU v5p / v6e host where published).
}  // namespace system_power

namespace network_power {
}  // namespace network_power

}  // namespace flopcast
