#pragma once
#include "flopcast/core/config.hpp"
// What a cluster draws from the grid, per accelerator, as published data.
//
// IT power per accelerator = chip TDP + host share + network share:
//   - the host share comes from a published system (server or rack) maximum: the system's power
//     over its accelerators, minus the chip's TDP (CPUs, memory, NICs, fans, power conversion);
//   - the network share is the scale-out fabric's switches and optics per accelerator, from a
//     fat tree of published switches (fabric_power below).
// Facility power = IT power x PUE (estimate/power.hpp). Every figure here is a cited default
// that a caller can override (power_budget in estimate/power.hpp takes plain values).
#include <array>
#include <optional>
#include <string_view>

#include "flopcast/core/units.hpp"
#include "flopcast/hardware/catalog.hpp"
#include "flopcast/hardware/system.hpp"

namespace flopcast {

// A published maximum power for one system (a server or a rack): the board or rack it is built
// around (hardware/system.hpp) and the power of the whole system with its host.
struct system_power_spec {
  std::string_view name{};              // the system as sold: "DGX H100" around HGX H100
  const system_spec* system = nullptr;  // its accelerators
  power<> system_power{};               // the published maximum for the whole system
  std::string_view published{};         // when the figure was published or read: "YYYY-MM"
  std::string_view source{};            // URLs, " ; "-separated
  std::string_view notes{};

  constexpr const chip_spec& chip() const { return *system->chip; }
  constexpr double accelerators() const { return system->accelerators(); }
  constexpr power<> per_accelerator() const { return system_power / accelerators(); }
  // What each accelerator's share holds besides the chip (CPUs, memory, NICs, fans, power
  // conversion): per_accelerator() minus the chip's TDP; absent when the chip has no TDP.
  constexpr std::optional<power<>> host_share() const {
    if (!chip().tdp.has_value()) return std::nullopt;
    return per_accelerator() - *chip().tdp;
  }
};

namespace system_power {
// Published maximum input power of whole systems. "published" is when the figure appeared (or,
// where the page is undated, the product generation it documents); notes say how well each figure
// is supported. per_accelerator() and host_share() derive the rest (DGX H100: 10.2 kW / 8 =
// 1,275 W, minus the 700 W TDP = 575 W; tests/unit/facility.test.cpp).
//
// Left out, for want of a published maximum:
//   - an AMD MI300X 8-GPU server: the sources found give power-supply ratings only (Dell PowerEdge
//     XE9680: six supplies, 19.2 kW in all, in 3+3 fault-tolerant redundancy), not a maximum draw;
//     supply capacity is not system power, so no entry.
//   - a TPU v5p or v6e host: Google publishes no host or per-chip power for these generations.

inline constexpr system_power_spec dgx_a100 = {
    .name = "DGX A100 640GB",
    .system = &systems::dgx_a100,
    .system_power = 6.5 * kilowatts,
    .published = "2020-05",
    .source = "https://www.nvidia.com/en-us/data-center/dgx-a100/ ; "
              "https://pcnews.ru/news/"
              "vycislitelnaa_sistema_nvidia_dgx_a100_ampere_osnasaetsa_sestu_blokami_pitania_po_3_"
              "kvt-985106.html",
    .notes = "6.5 kW maximum, six 3 kW supplies (3+3 redundant), from NVIDIA's DGX A100 "
             "documentation of May 2020 as reported in the press; the NVIDIA page itself was "
             "not read in the stored sources. The original 320 GB model has the same figure.",
};

inline constexpr system_power_spec dgx_h100 = {
    .name = "DGX H100",
    .system = &systems::hgx_h100,
    .system_power = 10.2 * kilowatts,
    .published = "2026-12",
    .source = "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html ; "
              "https://www.nvidia.com/en-us/data-center/dgx-h100/ ; "
              "https://www.supercluster.blog/p/6-ai-supercluster-nvidia-dgx-h100",
    .notes = "NVIDIA DGX H100/H200 user guide, as reproduced by two secondary pages: six 3.3 kW "
             "supplies (4+2 redundant), 10.2 kW maximum input (typical draw 6.5-8.5 kW under "
             "load). Undated pages, read 2026-12; the figure dates from the 2022-23 launch.",
};

inline constexpr system_power_spec dgx_h200 = {
    .name = "DGX H200",
    .system = &systems::hgx_h200,
    .system_power = 10.2 * kilowatts,
    .published = "2026-12",
    .source = "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html ; "
              "https://www.nvidia.com/en-us/data-center/dgx-h200/ ; "
              "https://unanswered.io/guide/nvidia-dgx-power-consumption-watts",
    .notes = "One user guide covers DGX H100 and DGX H200: six 3.3 kW supplies, 10.2 kW "
             "maximum (undated guide, read 2026-12). The H200 keeps the 700 W TDP, so the host "
             "share equals DGX H100's.",
};

inline constexpr system_power_spec dgx_b200 = {
    .name = "DGX B200",
    .system = &systems::hgx_b200,
    .system_power = 14.3 * kilowatts,
    .published = "2026-12",
    .source = "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html",
    .notes = "NVIDIA DGX B200 user guide, power specifications: 14.3 kW maximum, six 3.3 kW "
             "supplies (5+1 redundant), air-cooled 10U (undated guide, read 2026-12).",
};

inline constexpr system_power_spec dgx_b300 = {
    .name = "DGX B300",
    .system = &systems::hgx_b300,
    .system_power = 14.5 * kilowatts,
    .published = "2026-12",
    .source = "https://docs.nvidia.com/dgx/dgxb300-user-guide/ ; "
              "https://thedailyscout.com/s/mS-qfkbCluI",
    .notes = "14.5 kW as NVIDIA's DGX B300 documentation lists it, read through one secondary "
             "summary only (single source; the user guide's power page was not in the stored "
             "sources; undated, read 2026-12).",
};

inline constexpr system_power_spec gb200_nvl72 = {
    .name = "GB200 NVL72 rack",
    .system = &systems::gb200_nvl72,
    .system_power = 120.0 * kilowatts,
    .published = "2024-03",
    .source = "https://www.servethehome.com/?p=76755 ; "
              "https://docs.nvidia.com/datacenter/dps/versions/latest/guides/concepts/"
              "device-specifications.html ; "
              "https://docs.nvidia.com/base-command-manager/product-manuals/nvidia-mission-control/"
              "powershelf.md",
    .notes = "About 120 kW per rack, as shown at GTC 2024 (ServeTheHome). NVIDIA's Domain Power "
             "Service registry gives a GB200 compute tray (2 Grace + 4 GPUs) a 6,667 W maximum: "
             "18 trays = 120.0 kW before the 9 NVLink switch trays, so the true rack maximum is "
             "somewhat higher; secondary pages quote 120-132 kW. The reference rack's 8 power "
             "shelves are rated 33 kW each (264 kW of supply, redundant), which is capacity, not "
             "draw.",
};

inline constexpr system_power_spec gb300_nvl72 = {
    .name = "GB300 NVL72 rack",
    .system = &systems::gb300_nvl72,
    .system_power = 120.0 * kilowatts,
    .published = "2026-05",
    .source = "https://introl.com/blog/why-nvidia-gb300-nvl72-blackwell-ultra-matters ; "
              "https://oxmaint.com/sap-integration/on-prem-ai/gb300-nvl72-specs-industrial-ai",
    .notes = "About 120 kW per rack in two secondary sources (one itemises 18 compute trays at "
             "about 6.5 kW, 117 kW, plus 9 switch trays, 3.6 kW); no NVIDIA page with the figure "
             "was found. With 72 x 1,400 W GPUs = 100.8 kW this leaves a thin host share; treat "
             "as a floor.",
};

// Every entry above, for lookups and tests.
inline constexpr std::array<const system_power_spec*, 7> all_system_powers{
    &dgx_a100, &dgx_h100, &dgx_h200, &dgx_b200, &dgx_b300, &gb200_nvl72, &gb300_nvl72,
};

}  // namespace system_power

// The published system whose accelerator is catalog entry c (or a copy of it), or nullptr.
constexpr const system_power_spec* system_power_for(const chip_spec& c) {
  return detail::entry_for_chip(system_power::all_system_powers, c,
                                [](const system_power_spec& s) { return s.system->chip; });
}

// ---- The scale-out network's share --------------------------------------------------------
//
// A non-blocking fat tree of k-port switches with one port per accelerator (rail-optimised NICs,
// as in DGX SuperPOD): t tiers reach up to k^t / 2^(t-1) endpoints; every tier but the top has
// 2N/k switches (half their ports face down), the top N/k, so (2t - 1) N / k switches in all.
// Per accelerator: (2t - 1) / k x switch power + its NIC-side optic. Within one scale-up domain
// (a DGX, an NVL72 rack) no scale-out fabric is needed and the share is 0: the NVLink switches
// are in the system's published power already.
struct fabric_power_spec {
  std::string_view name{};
  power<> switch_power{};   // one switch at its published maximum, its switch-side optics included
  double switch_ports = 0;  // ports per switch at the accelerator's line rate
  power<> endpoint_optic{};  // the transceiver at each accelerator's NIC
  std::string_view published{};
  std::string_view source{};
  std::string_view notes{};
};

namespace fabric_power {
inline constexpr fabric_power_spec infiniband_ndr = {
    .name = "InfiniBand NDR fat tree, QM9700 switches",
    .switch_power = 1'720.0 * watts,
    .switch_ports = 64,
    .endpoint_optic = 9.0 * watts,
    .published = "2026-12",
    .source = "https://networking-docs.nvidia.com/qm97x0hw/specifications ; "
              "https://docs.nvidia.com/networking/display/QM97X0PUB/Interfaces ; "
              "https://docs.nvidia.com/networking/display/MMA4Z00NS400T/Connectivity+Scenarios",
    .notes = "QM9700 (64 x 400G NDR): 1.72 kW maximum with active cables, 0.747 kW typical with "
             "passive (NVIDIA QM97x0 user manual, read through a copy; two planning catalogs "
             "agree). Its 32 OSFP cages are Class 8 (17 W), so the maximum appears to include "
             "the switch-side modules. NIC-side 400G OSFP: 9 W maximum, 8 W typical. The NIC card "
             "itself (ConnectX-7) is in the host's share. Undated pages, read 2026-12. Used for "
             "every chip: 800G fabrics (Quantum-X800) lack a published switch figure, so B300 "
             "and GB300 clusters get the 400G per-port figure.",
};
}  // namespace fabric_power

// Tiers a non-blocking fat tree of `ports`-port switches needs for `endpoints` (1 for up to
// `ports`, 2 for up to ports^2 / 2, 3 for up to ports^3 / 4, ...).
constexpr int fat_tree_tiers(double endpoints, double ports) {
  int tiers = 1;
  double reach = ports;
  while (endpoints > reach && tiers < 16) {
    reach *= ports / 2;
    ++tiers;
  }
  return tiers;
}

// Switches per endpoint of that fat tree: (2 tiers - 1) / ports.
constexpr double fat_tree_switches_per_endpoint(double endpoints, double ports) {
  return (2.0 * fat_tree_tiers(endpoints, ports) - 1.0) / ports;
}

// The network's power per accelerator for `accelerators` accelerators in scale-up domains of
// `domain`: 0 within one domain, else the fat tree's switches and the NIC-side optic.
// InfiniBand NDR: 2,048 GPUs (2 tiers) 3/64 x 1,720 + 9 = 89.6 W; 100,000 (4 tiers) 197.1 W.
constexpr power<> network_power_per_accelerator(const fabric_power_spec& f, double accelerators,
                                                double domain) {
  if (accelerators <= domain) return 0.0 * watts;
  return f.switch_power * fat_tree_switches_per_endpoint(accelerators, f.switch_ports) +
         f.endpoint_optic;
}

}  // namespace flopcast
