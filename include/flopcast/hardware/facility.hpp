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

// The scale-out network's power per accelerator (switches, optics) for a kind of fabric.
struct network_power_spec {
  std::string_view name{};
  power<> per_accelerator{};
  std::string_view published{};
  std::string_view source{};
  std::string_view notes{};
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

// The published system whose accelerator is catalog entry c (by address), or nullptr.
constexpr const system_power_spec* system_power_for(const chip_spec& c) {
  return detail::entry_for_chip(system_power::all_system_powers, c,
                                [](const system_power_spec& s) { return s.system->chip; });
}

namespace network_power {
// No entry yet. An InfiniBand NDR fat tree with one 400G port per GPU would cost, per GPU:
//   tiers x (switch power / switch ports) + optics, with optics per link end.
// Inputs found and verified (NVIDIA product specifications):
//   - 800G twin-port OSFP single-mode transceiver (switch side, MMS4X00-NM): 17 W in every
//     configuration, i.e. 8.5 W per 400G port;
//     https://docs.nvidia.com/networking/display/mms4x00nm800g500m/application+overview
//   - 400G single-port OSFP transceiver (NIC side, MMS4X00-NS400): 9 W maximum;
//     https://docs.nvidia.com/networking/display/mms4x00ns400/overview
//   - QM9700 (64 x 400G) cages take Class 8 (17 W) OSFP modules;
//     https://docs.nvidia.com/networking/display/QM97X0PUB/Interfaces
// Missing: the QM9700's own maximum power. Its user manual's specification table was not in the
// stored sources, and secondary figures disagree, so no per-GPU total is given rather than one
// built on a guessed switch figure. A TPU ICI/OCS per-chip figure is likewise unpublished.
//
// The default is therefore none (not_included below): the scale-out network is left out of IT
// power unless the caller gives it (flopcast power --network-power W), and every printout says so.
inline constexpr network_power_spec not_included{
    .name = "not included; --network-power W",
    .per_accelerator = 0.0 * watts,
    .published = "2026-12",
    .source = "",
    .notes = "Transceivers alone are about 8.5 W (switch side, per 400G port) + 9 W (NIC side) "
             "per tier of links per GPU; the switches' own power is not in the sources."};
}  // namespace network_power

}  // namespace flopcast
