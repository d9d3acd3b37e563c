#pragma once
#include "flopcast/core/config.hpp"
// link_spec: one entry of the interconnect catalog, interconnects.hpp (a chip-to-chip link, a
// switch chip, a host link or a scale-out fabric) as a constexpr value, with consistency checks;
// the named achievable-bandwidth fractions (link_efficiency) with their evidence; and
// latency_model, the software model latencies that the catalog keeps apart from link specs.
//
// Direction. Every bandwidth here says which way it counts:
//   *_per_direction   one direction (what a collective's S / W uses; H100 NVLink: 450 GB/s)
//   *_bidirectional   both directions added (how NVIDIA, AMD and Google print it: 900 GB/s)
// Both are stored as the sources give them; where both are given, checked() asserts
// bidirectional == 2 x per-direction. Nothing is derived by halving where a figure is given;
// the accessors that halve do so only when the per-direction figure is absent, and say so.
//
// Achievable bandwidth. Links deliver less than their line rate (protocol headers, flow control,
// the collective library's kernels). A collective model multiplies the nominal per-direction
// rate by an efficiency, a named input; typical_efficiency() gives the documented default for a
// link, from the constants in link_efficiency below.
#include <optional>
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/core/units.hpp"

FLOPCAST_DEFINE_REASON(link_figure_not_positive,
                       "a link figure is zero or negative; absent figures must be std::nullopt")
FLOPCAST_DEFINE_REASON(link_bidirectional_not_twice_per_direction,
                       "a link's bidirectional bandwidth is not twice its per-direction bandwidth "
                       "(a one-way figure stored as bidirectional, or the reverse?)")
FLOPCAST_DEFINE_REASON(link_per_chip_not_links_times_per_link,
                       "a link's per-chip bandwidth is not the per-link bandwidth times the links "
                       "counted per chip")
FLOPCAST_DEFINE_REASON(link_payload_exceeds_signalling,
                       "a link's per-direction payload rate is above its lane rate x lanes, or "
                       "below 90% of it (bits taken as bytes, or a bidirectional figure?)")
FLOPCAST_DEFINE_REASON(link_port_rate_disagrees,
                       "a link's port rate (Gb/s) differs from its per-link per-direction rate")
FLOPCAST_DEFINE_REASON(
    link_bad_count,
    "link, lane and domain counts must be at least 1, links counted per chip no "
    "more than links per chip, and the typical domain no larger than the maximum")
FLOPCAST_DEFINE_REASON(link_direction_unknown,
                       "this link has no per-direction figure and no bidirectional one to halve")
FLOPCAST_DEFINE_REASON(link_efficiency_out_of_range,
                       "an achievable-bandwidth efficiency must lie in (0, 1]")

namespace flopcast {

// Which technology a link is: decides its default efficiency and latency.
enum class link_family : unsigned char {
  nvlink,           // NVIDIA GPU-GPU NVLink (generation 1-6)
  nvswitch,         // NVIDIA NVSwitch / NVLink Switch chip (generation 1-4)
  nvlink_c2c,       // NVIDIA Grace-GPU coherent link
  pcie,             // PCI Express x16 host link (generation 3-6)
  infiniband,       // InfiniBand EDR/HDR/NDR/XDR
  ethernet,         // Ethernet with RoCE v2 (100-800 GbE)
  infinity_fabric,  // AMD xGMI GPU-GPU links
  tpu_ici,          // Google TPU inter-chip interconnect
  gaudi_roce,       // Intel Gaudi on-die RoCE ports (scale-up and scale-out)
  neuronlink,       // AWS Trainium NeuronLink
  efa,              // AWS Elastic Fabric Adapter
};

constexpr std::string_view name(link_family f) {
  switch (f) {
    case link_family::nvlink:
      return "NVLink";
    case link_family::nvswitch:
      return "NVSwitch";
    case link_family::nvlink_c2c:
      return "NVLink-C2C";
    case link_family::pcie:
      return "PCIe";
    case link_family::infiniband:
      return "InfiniBand";
    case link_family::ethernet:
      return "Ethernet (RoCE v2)";
    case link_family::infinity_fabric:
      return "AMD Infinity Fabric";
    case link_family::tpu_ici:
      return "TPU ICI";
    case link_family::gaudi_roce:
      return "Gaudi integrated RoCE";
    case link_family::neuronlink:
      return "NeuronLink";
    case link_family::efa:
      return "AWS EFA";
  }
  return "?";
}

struct link_spec {
  std::string_view name{};
  link_family family = link_family::nvlink;
  int generation = 0;           // NVLink 1-6, NVSwitch 1-4, PCIe 3-6; 0 where not numbered
  std::string_view category{};  // free text ("scale-up GPU-GPU link")
  bool pre_release = false;     // announced, not shipping (figures for roadmap modelling)
  int year = 0;                 // first products (PCIe: specification release)
  std::string_view first_products{};

  // Signalling: one lane's rate (Gb/s, decimal) and lanes per link in each direction.
  std::optional<bandwidth<>> lane_rate{};
  std::optional<int> lanes_per_link_per_direction{};
  std::optional<int> links_per_chip{};
  // Links whose bandwidth the per-chip figures count, where fewer than links_per_chip (Gaudi:
  // 21 of 24 ports; the other 3 face the scale-out network). Absent: all links_per_chip.
  std::optional<int> links_counted_per_chip{};

  std::optional<bandwidth<>> per_link_per_direction{};
  std::optional<bandwidth<>> per_link_bidirectional{};
  // Per chip: all counted links together (for a switch row: per switch chip).
  std::optional<bandwidth<>> per_chip_per_direction{};
  std::optional<bandwidth<>> per_chip_bidirectional{};
  std::optional<bandwidth<>> port_rate{};  // NIC/switch port line rate, one direction (Gb/s)

  std::optional<int> domain_typical{};  // chips in the usual scale-up domain
  std::optional<int> domain_max{};      // largest domain the vendor supports
  std::string_view switch_notes{};

  // Hardware latency where one is published (InfiniBand adapter latency); software model
  // latencies are in latency_models, not here.
  std::optional<duration<>> latency{};
  std::string_view latency_basis{};

  std::string_view verification{};  // how well the figures are supported
  std::string_view source{};        // URLs, " ; "-separated
  std::string_view notes{};

  // Links counted in the per-chip figures.
  constexpr std::optional<int> counted_links() const {
    return links_counted_per_chip.has_value() ? links_counted_per_chip : links_per_chip;
  }

  // One direction of one link: the per-link per-direction figure; else, for a single-link chip
  // (PCIe), the per-chip one; else half the per-link bidirectional figure (TPU7x: its sources give
  // only "200 GB/s bidirectional per axis neighbour"). link_direction_unknown otherwise.
  constexpr result<bandwidth<>> link_per_direction() const {
    if (per_link_per_direction.has_value()) return *per_link_per_direction;
    if (links_per_chip.has_value() && *links_per_chip == 1 && per_chip_per_direction.has_value()) {
      return *per_chip_per_direction;
    }
    if (per_link_bidirectional.has_value()) return *per_link_bidirectional / 2.0;
    return reasons::link_direction_unknown;
  }

  // One direction, all counted links of one chip: the per-chip per-direction figure; else half
  // the per-chip bidirectional one (NeuronLink-v3, whose 1.28 TB/s has no stated direction and
  // is read as bidirectional, as stas00 reads it); else per-link x counted links.
  constexpr result<bandwidth<>> chip_per_direction() const {
    if (per_chip_per_direction.has_value()) return *per_chip_per_direction;
    if (per_chip_bidirectional.has_value()) return *per_chip_bidirectional / 2.0;
    const auto n = counted_links();
    const auto one = link_per_direction();
    if (n.has_value() && one.ok()) return one.value() * static_cast<double>(*n);
    return reasons::link_direction_unknown;
  }
};

namespace detail {
constexpr bool positive_or_absent(const std::optional<bandwidth<>>& b) {
  return !b.has_value() || b->base_value() > 0.0;
}
constexpr bool at_least_one_or_absent(const std::optional<int>& n) {
  return !n.has_value() || *n >= 1;
}
// Where both are given, bidirectional equals twice per-direction (to 1 part in 1e9: the catalog's
// figures are exact decimal pairs such as 76.8 / 153.6).
constexpr bool twice_or_absent(const std::optional<bandwidth<>>& one_way,
                               const std::optional<bandwidth<>>& both) {
  if (!one_way.has_value() || !both.has_value()) return true;
  return math::approx_equal(both->base_value(), 2.0 * one_way->base_value(), 1e-9);
}
}  // namespace detail

// The first rule that `l` breaks, or nullptr when it is consistent.
constexpr const reason* find_problem(const link_spec& l) {
  using detail::at_least_one_or_absent;
  using detail::positive_or_absent;
  if (!positive_or_absent(l.lane_rate) || !positive_or_absent(l.per_link_per_direction) ||
      !positive_or_absent(l.per_link_bidirectional) ||
      !positive_or_absent(l.per_chip_per_direction) ||
      !positive_or_absent(l.per_chip_bidirectional) || !positive_or_absent(l.port_rate) ||
      (l.latency.has_value() && !(l.latency->base_value() > 0.0))) {
    return &reasons::link_figure_not_positive;
  }
  if (!at_least_one_or_absent(l.lanes_per_link_per_direction) ||
      !at_least_one_or_absent(l.links_per_chip) ||
      !at_least_one_or_absent(l.links_counted_per_chip) ||
      !at_least_one_or_absent(l.domain_typical) || !at_least_one_or_absent(l.domain_max) ||
      (l.links_counted_per_chip.has_value() &&
       (!l.links_per_chip.has_value() || *l.links_counted_per_chip > *l.links_per_chip)) ||
      (l.domain_typical.has_value() && l.domain_max.has_value() &&
       *l.domain_typical > *l.domain_max)) {
    return &reasons::link_bad_count;
  }
  if (!detail::twice_or_absent(l.per_link_per_direction, l.per_link_bidirectional) ||
      !detail::twice_or_absent(l.per_chip_per_direction, l.per_chip_bidirectional)) {
    return &reasons::link_bidirectional_not_twice_per_direction;
  }
  // Per chip = per link x counted links, in whichever direction both sides are given.
  if (const auto n = l.counted_links(); n.has_value() && *n > 1) {
    const double links = static_cast<double>(*n);
    if ((l.per_link_per_direction.has_value() && l.per_chip_per_direction.has_value() &&
         !math::approx_equal(l.per_chip_per_direction->base_value(),
                             links * l.per_link_per_direction->base_value(), 1e-9)) ||
        (l.per_link_bidirectional.has_value() && l.per_chip_bidirectional.has_value() &&
         !math::approx_equal(l.per_chip_bidirectional->base_value(),
                             links * l.per_link_bidirectional->base_value(), 1e-9))) {
      return &reasons::link_per_chip_not_links_times_per_link;
    }
  }
  // Payload per direction is at most the signalling rate and at least 90% of it (PCIe 6's FLIT
  // mode carries 121 of 128 GB/s, the lowest ratio in the catalog).
  if (l.lane_rate.has_value() && l.lanes_per_link_per_direction.has_value()) {
    const auto payload = l.link_per_direction();
    if (payload.ok()) {
      const double signalling =
          l.lane_rate->base_value() * static_cast<double>(*l.lanes_per_link_per_direction);
      const double p = payload.value().base_value();
      if (p > signalling * (1.0 + 1e-9) || p < 0.9 * signalling) {
        return &reasons::link_payload_exceeds_signalling;
      }
    }
  }
  if (l.port_rate.has_value() && l.per_link_per_direction.has_value() &&
      !math::approx_equal(l.port_rate->base_value(), l.per_link_per_direction->base_value(),
                          1e-9)) {
    return &reasons::link_port_rate_disagrees;
  }
  return nullptr;
}

// Stops compilation (in a constant expression) or throws invalid_input, naming the broken rule.
constexpr void validate(const link_spec& l) {
  if (const reason* r = find_problem(l)) r->raise();
}

// Validates and returns the entry: `inline constexpr link_spec nvlink_4 = checked({...});`
constexpr link_spec checked(link_spec l) {
  validate(l);
  return l;
}

// ---- Achievable bandwidth -----------------------------------------------------------------------
//
// efficiency = what a collective library sustains on a link / the link's nominal per-direction
// rate. For NCCL this is the "busBw" of nccl-tests (all_reduce_perf with the ring algorithm, or
// any non-all-reduce collective) over the per-direction line rate: busBw is defined so that a
// ring all-reduce of S bytes over k ranks takes 2 (k-1)/k S / busBw, the same form as the
// collective formulas in <flopcast/parallel/collectives.hpp>, so efficiency x per-direction
// rate is the W to put in them. NVLink SHARP (NVLS) reports a higher busBw for all-reduce
// (~480 GB/s on H100) that does not correspond to traffic on the wire; it is not modelled.
namespace link_efficiency {

// NVLink 4 (H100/H200, HGX via NVSwitch gen3): 370 of 450 GB/s per direction = 0.822, i.e.
// about 740 of 900 GB/s bidirectional.
//  - NCCL maintainer (sjeaugey), NVIDIA/nccl-tests#212 (2024-05-06): "450GB/s is the line rate.
//    With the protocol overhead (~20%) NCCL can get an effective NVLink bandwidth of 370GB/s,
//    which you can observe as BusBw ... when running with NCCL_ALGO=RING".
//  - sjeaugey, NVIDIA/nccl#1442 (2025-01-06): "900 GB/s is the sum of both directions ... The
//    app-level bandwidth is 370GB/s in each direction, which is the real target for NCCL BusBW
//    intra-node".
//  - Measured, NVIDIA/nccl#1455 (8x H100 SXM, NCCL_ALGO=RING): busbw 365-370 GB/s for 2 to 8
//    GPUs. stas00 ml-engineering network chapter: ~367 GB/s ring.
//  - NCCL's own topology model: SM90_NVLINK_BW 20.6 GB/s per link of 25 (0.824), src/graph/topo.h.
inline constexpr double nvlink4 = 370.0 / 450.0;

// NVLink 3 (A100, HGX via NVSwitch gen2): 235 of 300 GB/s per direction = 0.783.
//  - NCCL's tuning model capped A100 (compute capability 8.0) bus bandwidth at 235 GB/s
//    (NVIDIA/nccl src/graph/tuning.cc at commit 01afd20: `busBw = std::min(busBw, 235.0f)`).
//  - Measured: 232.5 GB/s all_reduce_perf busbw on 8x A100 (NVIDIA/nccl-tests#175); ~235 GB/s
//    (stas00 ml-engineering network chapter). NCCL topo.h: SM80_NVLINK_BW 20.0 of 25 (0.80).
inline constexpr double nvlink3 = 235.0 / 300.0;

// Other NVLink generations: NCCL's per-link model bandwidth over the nominal per-link rate
// (NVIDIA/nccl src/graph/topo.h): P100 SM60_NVLINK_BW 18.0 of 20 (0.90); V100 SM70 20.0 of 25
// (0.80); Blackwell SM100 40.1 of 50 (0.802). No public nccl-tests busBw for NVLink 5 was found
// to cross-check (a B200 user reports "830+" GB/s all-reduce busBw, NVIDIA/nccl#1807, but that
// is with NVLS). NVLink 6 (Rubin) is unmeasured: the Blackwell figure is assumed.
inline constexpr double nvlink1 = 18.0 / 20.0;
inline constexpr double nvlink2 = 20.0 / 25.0;
inline constexpr double nvlink5 = 40.1 / 50.0;
inline constexpr double nvlink6 = nvlink5;  // assumption: no measurement exists yet

// NVLink-C2C: ~370 of 450 GB/s one-way host-device copy on a GB300 DGX Station (stas00
// ml-engineering network chapter). A copy benchmark, not a collective.
inline constexpr double nvlink_c2c = 370.0 / 450.0;

// PCIe: 55.4 of 63 GB/s host-to-device on H200, Gen5 x16 (stas00 ml-engineering network chapter);
// a copy benchmark. (NCCL's topology model uses PCI_BW 12.0 of 15.75 GB/s for Gen3 x16, 0.76.)
inline constexpr double pcie = 55.4 / 63.0;

// InfiniBand NIC per GPU (one NIC per GPU, GPUDirect RDMA): 0.96.
//  - NDR 400G ConnectX-7: "should achieve up to 48-49GB/s per NIC" of 50 (NVIDIA's AddyLaddy,
//    NVIDIA/nccl-tests#267, a RoCE cluster of H100 nodes with 8x 400G CX-7).
//  - DGX A100, 8x HDR 200G: "we measure 192GB/s AllReduce BusBW" of 200 (AddyLaddy in
//    NVIDIA/nccl#812, quoted in NVIDIA/nccl#1576); HDR: "24GB/s inter-node" of 25 (sjeaugey,
//    NVIDIA/nccl#412).
//  - EDR 100G: "12.2 GB/s (for a 100Gbps card) is as good as you can get" of 12.5 (sjeaugey,
//    NVIDIA/nccl-tests#29); NCCL topo.h NET_BW 12.0 for 100 Gbit.
// 0.96 is the HDR and DGX A100 figure and the low end of the NDR range.
inline constexpr double infiniband = 0.96;

// Ethernet with RoCE v2: the NDR-rate evidence above was given for 400G CX-7 NICs running RoCE
// (NVIDIA/nccl-tests#267), so the same fraction.
inline constexpr double ethernet_roce = infiniband;

// AMD Infinity Fabric (xGMI): RCCL models MI300X (gfx94x) links at 48 of 64 GB/s per direction
// "after protocol and error correction overheads" (AMD's gilbertlee-amd, ROCm/rccl#1210):
// 0.75. Assumed the same for CDNA2 and CDNA4, where no figure was found.
inline constexpr double infinity_fabric = 48.0 / 64.0;

// No public collective-bandwidth measurement was found for TPU ICI, Gaudi's integrated RoCE,
// NeuronLink or EFA. Assumption: the ~20% protocol overhead NCCL sees on NVLink.
inline constexpr double unmeasured = 0.80;

// For comparison, peers' assumptions: Calculon 0.65 on the NVLink tier and 0.9 on InfiniBand
// (github.com/calculon-ai/calculon, systems/h100_80g_nvl8.json); the scaling-book uses
// nominal rates.

}  // namespace link_efficiency

// The default achievable fraction for a link (see link_efficiency for the evidence).
constexpr double typical_efficiency(const link_spec& l) {
  switch (l.family) {
    case link_family::nvlink:
    case link_family::nvswitch: {
      // A switch generation carries the NVLink generation after it (gen3 switch: NVLink 4).
      const int g = l.family == link_family::nvswitch ? l.generation + 1 : l.generation;
      switch (g) {
        case 1:
          return link_efficiency::nvlink1;
        case 2:
          return link_efficiency::nvlink2;
        case 3:
          return link_efficiency::nvlink3;
        case 4:
          return link_efficiency::nvlink4;
        case 5:
          return link_efficiency::nvlink5;
        case 6:
          return link_efficiency::nvlink6;
        default:
          return link_efficiency::unmeasured;
      }
    }
    case link_family::nvlink_c2c:
      return link_efficiency::nvlink_c2c;
    case link_family::pcie:
      return link_efficiency::pcie;
    case link_family::infiniband:
      return link_efficiency::infiniband;
    case link_family::ethernet:
      return link_efficiency::ethernet_roce;
    case link_family::infinity_fabric:
      return link_efficiency::infinity_fabric;
    case link_family::tpu_ici:
    case link_family::gaudi_roce:
    case link_family::neuronlink:
    case link_family::efa:
      return link_efficiency::unmeasured;
  }
  return link_efficiency::unmeasured;
}

// ---- Software model latencies -------------------------------------------------------------------
//
// Not link hardware: constants that collective libraries and peer models use for the alpha
// term. interconnects.hpp keeps them apart, in latency_models (category "software model latency").
enum class latency_scope : unsigned char {
  per_step,        // added for every step of a ring (NCCL hwLat x number of steps)
  per_collective,  // added once per collective call
  per_message,     // a minimum time per message (llm-analysis's term)
  per_hop,         // one hop between neighbouring chips
};

struct latency_model {
  std::string_view name{};
  duration<> value{};
  latency_scope scope = latency_scope::per_step;
  std::string_view basis{};  // what the number is and where it sits in its source
  std::string_view verification{};
  std::string_view source{};
  std::string_view notes{};
};

}  // namespace flopcast
