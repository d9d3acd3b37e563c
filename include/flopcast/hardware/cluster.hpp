#pragma once
#include "flopcast/core/config.hpp"
// cluster_spec: accelerators of one kind, grouped into scale-up domains (NVLink/NVSwitch,
// Infinity Fabric, TPU ICI) joined by a scale-out network (InfiniBand, RoCE, EFA, DCN).
//
// Counting. `count` and the domain `size` count accelerators (GPUs, TPU chips): the unit a
// parallel rank runs on. A chip entry may hold more than one (the GB200 superchip holds 2):
// per-accelerator figures divide the entry's by chip.accelerators.
//
// Bandwidth. Every bandwidth here is per accelerator and per direction, nominal (the line rate),
// with a separate named efficiency for what collectives achieve (see link_efficiency in
// <flopcast/hardware/interconnect.hpp> for the defaults and their evidence). Where a field is
// left empty it comes from the chip: the scale-up per-direction rate is half the chip's
// bidirectional scale-up figure, the scale-out rate the chip's typical NIC line rate.
//
// Layout. Ranks are numbered so that consecutive ranks share a scale-up domain: rank r sits in
// domain r / u, where u is the accelerators used per domain (scale_up.used, or all `size` of
// them). A count that is not a whole number of domains fills whole domains and one partial last
// domain (1,024 GB200 GPUs on NVL72 racks: 14 racks and 16 GPUs of a 15th); racks run partly
// populated set `used` (MLPerf Training GB200 submissions describe 64 of 72 GPUs per rack, and
// their sizes, 512, 1,024 and 2,496 GPUs, are whole numbers of such racks). Parallel groups
// are laid out innermost first (TP, then CP, DP, PP, as Megatron does), and
// <flopcast/parallel/collectives.hpp> places a group of k ranks with a stride on these domains
// to decide which links it uses (a group that reaches into a partial domain crosses scale-out).
#include <array>
#include <optional>
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/hardware/catalog/google.hpp"
#include "flopcast/hardware/catalog/nvidia.hpp"
#include "flopcast/hardware/chip.hpp"
#include "flopcast/hardware/interconnects.hpp"

FLOPCAST_DEFINE_REASON(cluster_count_must_be_positive, "a cluster needs at least one accelerator")
FLOPCAST_DEFINE_REASON(cluster_domain_size_must_be_positive,
                       "a scale-up domain holds at least one accelerator")
FLOPCAST_DEFINE_REASON(cluster_domain_used_out_of_range,
                       "the accelerators used per scale-up domain must be 0 (all of them) or "
                       "between 1 and the domain size")
FLOPCAST_DEFINE_REASON(cluster_count_not_whole_entries,
                       "the accelerator count is not a whole number of chip entries (a GB200 "
                       "superchip holds 2 GPUs)")
FLOPCAST_DEFINE_REASON(cluster_domain_exceeds_link_maximum,
                       "the scale-up domain is larger than its link's largest supported domain")
FLOPCAST_DEFINE_REASON(cluster_bandwidth_not_positive,
                       "a bandwidth is unusable: one that is given must be finite and positive, "
                       "and a scale-up domain of more than one accelerator needs a positive "
                       "per-direction and point-to-point rate")
FLOPCAST_DEFINE_REASON(cluster_latency_negative,
                       "a link latency (alpha) must be finite, not negative and at most 1 s")
FLOPCAST_DEFINE_REASON(cluster_half_size_out_of_range,
                       "a link's half-bandwidth message size must be finite, in [0, 1 TB]")
FLOPCAST_DEFINE_REASON(cluster_too_large,
                       "a cluster holds at most 2^26 accelerators, and so does a scale-up domain")
FLOPCAST_DEFINE_REASON(cluster_topology_unknown,
                       "a scale-up or scale-out shape is not one of topology's named values")
FLOPCAST_DEFINE_REASON(cluster_needs_scale_out,
                       "the cluster spans more than one scale-up domain but has no scale-out "
                       "network (a topology and a positive per-accelerator bandwidth)")

namespace flopcast {

enum class topology : unsigned char {
  none,                     // no network at this tier
  switched,                 // scale-up through switch chips: any peer at the full per-chip rate
  full_mesh,                // a direct link to every peer (AMD Infinity Fabric, Gaudi)
  torus_2d,                 // TPU v5e / v6e ICI
  torus_3d,                 // TPU v4 / v5p / 7x ICI (optical circuit switches join 4x4x4 cubes)
  rail_optimized_fat_tree,  // scale-out: NIC i of every node on rail i (DGX SuperPOD)
  fat_tree,                 // scale-out: non-blocking fat tree without rails
};

constexpr std::string_view name(topology t) {
  switch (t) {
    case topology::none:
      return "none";
    case topology::switched:
      return "switched";
    case topology::full_mesh:
      return "full mesh";
    case topology::torus_2d:
      return "2D torus";
    case topology::torus_3d:
      return "3D torus";
    case topology::rail_optimized_fat_tree:
      return "rail-optimised fat tree";
    case topology::fat_tree:
      return "fat tree";
  }
  return "?";
}

struct scale_up_domain {
  int size = 1;  // accelerators per domain (HGX: 8, NVL72: 72, a TPU v4 pod: 4096)
  // Accelerators used per domain, in [0, size]; 0 means all `size` (every domain full). A rack
  // run partly populated (MLPerf Training v5.0 GB200 NVL72 submissions use 64 of 72 GPUs per
  // rack, keeping spare trays) gives each job rank block `used` accelerators per domain. It is
  // a count of ranks, not of links: the per-accelerator rates stay those of the full domain.
  int used = 0;
  link_spec link{};
  topology shape = topology::switched;
  // Per accelerator, one direction, nominal: what a collective over the domain can inject.
  // Empty: the chip's scale-up figure (half its bidirectional rate, per accelerator).
  std::optional<bandwidth<>> per_direction{};
  // To a single peer, one direction, nominal. Empty: per_direction when switched (NVSwitch
  // gives each pair the full rate); one link otherwise (a mesh or torus neighbour: MI300X 64
  // GB/s, TPU v4 45 GB/s; see links::infinity_fabric_mi300x and links::tpu_v4_ici). Gaudi
  // sends over 3 ports per peer: set it.
  std::optional<bandwidth<>> point_to_point{};
  double efficiency = typical_efficiency(link);  // achievable / nominal, in (0, 1]
  duration<> latency = typical_latency(link);    // alpha: per ring step
  // The buffer size at which a collective reaches half its large-message rate (S_half; see
  // link_half_size in <flopcast/hardware/interconnects.hpp>). In [0, 1 TB]; 0 = every message
  // at the full rate (the model before message sizes).
  data_size<> half_size = typical_half_size(link);
};

struct scale_out_network {
  link_spec link{};
  topology shape = topology::none;
  // Per accelerator, one direction, nominal NIC line rate (400 Gb/s = 50 GB/s each way).
  // Empty: the chip's typical scale-out rate, per accelerator.
  std::optional<bandwidth<>> per_direction{};
  double efficiency = typical_efficiency(link);
  duration<> latency = typical_latency(link);
  data_size<> half_size = typical_half_size(link);  // as scale_up_domain's, in [0, 1 TB]
};

struct cluster_spec {
  std::string_view name{};
  chip_spec chip{};
  int count = 1;  // accelerators
  scale_up_domain scale_up{};
  scale_out_network scale_out{};
  std::string_view source{};
  std::string_view notes{};
  // Each accelerator's link to host memory, which activation offload crosses (one direction at
  // a time): PCIe Gen5 x16 on HGX/DGX and most servers; NVLink-C2C on Grace-based systems.
  link_spec host_link = links::pcie_5;

  // The same cluster built out (or cut down) to `accelerators`.
  constexpr cluster_spec with_count(int accelerators) const {
    cluster_spec c = *this;
    c.count = accelerators;
    return c;
  }

  // Accelerators used in one domain (scale_up.used, or the whole domain when it is 0).
  constexpr int per_domain() const {
    return scale_up.used > 0 && scale_up.used < scale_up.size ? scale_up.used : scale_up.size;
  }
  // Accelerators in one domain as deployed (a cluster smaller than one domain fills part of it).
  constexpr int domain_size() const { return per_domain() < count ? per_domain() : count; }
  // Domains the job touches, the partial last one included.
  constexpr int domains() const {
    return per_domain() > 0 ? (count + per_domain() - 1) / per_domain() : 0;
  }
  // Accelerators in the partial last domain: 0 when the count is a whole number of domains.
  constexpr int partial_domain() const {
    return per_domain() > 0 && count > per_domain() ? count % per_domain() : 0;
  }
  constexpr int entries() const { return chip.accelerators > 0 ? count / chip.accelerators : 0; }

  // ---- Nominal, per accelerator, one direction.
  constexpr bandwidth<> scale_up_per_direction() const {
    if (scale_up.per_direction.has_value()) return *scale_up.per_direction;
    return chip.scale_up.per_direction() / static_cast<double>(chip.accelerators);
  }
  constexpr bandwidth<> scale_up_point_to_point() const {
    if (scale_up.point_to_point.has_value()) return *scale_up.point_to_point;
    if (scale_up.shape != topology::switched) {
      const auto one_link = scale_up.link.link_per_direction();
      if (one_link.ok()) return one_link.value();
    }
    return scale_up_per_direction();
  }
  // Zero when there is no scale-out network.
  constexpr bandwidth<> scale_out_per_direction() const {
    if (scale_out.shape == topology::none) return bandwidth<>{};
    if (scale_out.per_direction.has_value()) return *scale_out.per_direction;
    if (chip.scale_out.has_value()) return *chip.scale_out / static_cast<double>(chip.accelerators);
    return bandwidth<>{};
  }

  // ---- Achievable: nominal x efficiency (the W of the collective formulas).
  constexpr bandwidth<> scale_up_achievable() const {
    return scale_up_per_direction() * scale_up.efficiency;
  }
  constexpr bandwidth<> scale_up_point_to_point_achievable() const {
    return scale_up_point_to_point() * scale_up.efficiency;
  }
  constexpr bandwidth<> scale_out_achievable() const {
    return scale_out_per_direction() * scale_out.efficiency;
  }

  // ---- Totals.
  constexpr flop_rate<> peak(precision p) const {
    return chip.peak_per_accelerator(p) * static_cast<double>(count);
  }
  constexpr data_size<> memory() const {
    return chip.memory_per_accelerator() * static_cast<double>(count);
  }
};

// The first rule that `c` breaks, or nullptr when it is consistent.
constexpr const reason* find_problem(const cluster_spec& c) {
  if (c.count < 1) return &reasons::cluster_count_must_be_positive;
  if (c.scale_up.size < 1) return &reasons::cluster_domain_size_must_be_positive;
  if (c.count > limits::max_accelerators || c.scale_up.size > limits::max_accelerators) {
    return &reasons::cluster_too_large;
  }
  if (const reason* r = find_problem(c.chip)) return r;
  if (!limits::named(c.scale_up.shape, topology::fat_tree) ||
      !limits::named(c.scale_out.shape, topology::fat_tree)) {
    return &reasons::cluster_topology_unknown;
  }
  if (c.chip.accelerators < 1 || c.count % c.chip.accelerators != 0) {
    return &reasons::cluster_count_not_whole_entries;
  }
  if (c.scale_up.used < 0 || c.scale_up.used > c.scale_up.size) {
    return &reasons::cluster_domain_used_out_of_range;
  }
  if (c.scale_up.link.domain_max.has_value() && c.scale_up.size > *c.scale_up.link.domain_max) {
    return &reasons::cluster_domain_exceeds_link_maximum;
  }
  const auto in_unit_interval = [](double e) { return e > 0.0 && e <= 1.0; };
  if (!in_unit_interval(c.scale_up.efficiency) || !in_unit_interval(c.scale_out.efficiency)) {
    return &reasons::link_efficiency_out_of_range;
  }
  if (!limits::within(c.scale_up.latency.base_value(), 0.0, limits::max_latency_s) ||
      !limits::within(c.scale_out.latency.base_value(), 0.0, limits::max_latency_s)) {
    return &reasons::cluster_latency_negative;
  }
  if (!limits::within(c.scale_up.half_size.base_value(), 0.0, limits::max_half_size_bytes) ||
      !limits::within(c.scale_out.half_size.base_value(), 0.0, limits::max_half_size_bytes)) {
    return &reasons::cluster_half_size_out_of_range;
  }
  // A rate that is given must be usable (finite and positive), whether or not this cluster's
  // shape uses it; an infinite rate would make communication free.
  using limits::finite_positive;
  const auto given_ok = [](const std::optional<bandwidth<>>& b) {
    return !b.has_value() || finite_positive(b->base_value());
  };
  if (!given_ok(c.scale_up.per_direction) || !given_ok(c.scale_up.point_to_point) ||
      !given_ok(c.scale_out.per_direction)) {
    return &reasons::cluster_bandwidth_not_positive;
  }
  if (c.domain_size() > 1 && (!finite_positive(c.scale_up_per_direction().base_value()) ||
                              !finite_positive(c.scale_up_point_to_point().base_value()))) {
    return &reasons::cluster_bandwidth_not_positive;
  }
  if (c.count > c.per_domain() && !finite_positive(c.scale_out_per_direction().base_value())) {
    return &reasons::cluster_needs_scale_out;
  }
  return nullptr;
}

// Stops compilation (in a constant expression) or throws invalid_input, naming the broken rule.
constexpr void validate(const cluster_spec& c) {
  if (const reason* r = find_problem(c)) r->raise();
}

// Validates and returns the cluster: `inline constexpr cluster_spec x = checked({...});`
constexpr cluster_spec checked(cluster_spec c) {
  validate(c);
  return c;
}

// The cluster, or the reason it is invalid (for clusters read at run time).
constexpr result<cluster_spec> try_check(const cluster_spec& c) {
  if (const reason* r = find_problem(c)) return *r;
  return c;
}

}  // namespace flopcast

// ---- Example clusters ---------------------------------------------------------------------------
// Reference-architecture shapes built from the catalogs. Everything left empty comes from the
// chip (scale-up and NIC rates) and the links (efficiency and alpha defaults).
namespace flopcast::clusters {

// Selene-like DGX A100 SuperPOD, 128 nodes: 8 A100 80GB per node on NVLink 3 through 6
// NVSwitch gen2 chips, one HDR 200 Gb/s HCA per GPU (8 per node) on a fat tree (Narayanan et
// al. 2021, section 5, describe Selene this way; links::infiniband_hdr: "DGX A100: one HDR 200G
// per GPU"). The size is that of the issue's 175B-on-1,024-A100 check.
inline constexpr cluster_spec dgx_a100_superpod = checked({
    .name = "DGX A100 SuperPOD-like, 128 nodes (1,024x A100 80GB, HDR 200G per GPU)",
    .chip = chips::a100_sxm4_80gb,
    .count = 1024,
    .scale_up = {.size = 8, .link = links::nvlink_3, .shape = topology::switched},
    .scale_out = {.link = links::infiniband_hdr, .shape = topology::rail_optimized_fat_tree},
    .source = "https://arxiv.org/abs/2104.04473 ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

// HGX/DGX H100 nodes with one NDR 400 Gb/s ConnectX-7 per GPU on a rail-optimised fat tree (DGX
// SuperPOD H100 reference architecture). 4,096 nodes: the H100 side of NVIDIA's GB200 NVL72
// "4x training" claim as catalog/vendor_claims.hpp records it (32,768 GPUs, 400G InfiniBand;
// recalled, not verified).
inline constexpr cluster_spec hgx_h100_ndr = checked({
    .name = "HGX H100, 4,096 nodes (32,768x H100 SXM, NDR 400G per GPU)",
    .chip = chips::h100_sxm,
    .count = 32768,
    .scale_up = {.size = 8, .link = links::nvlink_4, .shape = topology::switched},
    .scale_out = {.link = links::infiniband_ndr, .shape = topology::rail_optimized_fat_tree},
    .source = "https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-"
              "infrastructure-h100/latest/network-fabrics.html ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

// DGX B200 nodes: 8 B200 in one NVLink 5 domain (fifth-generation NVLink, 1.8 TB/s per GPU),
// 8 single-port ConnectX-7 at 400 Gb/s, one per GPU, on a rail-optimised fat tree (DGX B200
// user guide). 1,024 nodes, an example size (with_count resizes it).
inline constexpr cluster_spec dgx_b200 = checked({
    .name = "DGX B200, 1,024 nodes (8,192x B200, NDR 400G per GPU)",
    .chip = chips::b200,
    .count = 8192,
    .scale_up = {.size = 8, .link = links::nvlink_5, .shape = topology::switched},
    .scale_out = {.link = links::infiniband_ndr, .shape = topology::rail_optimized_fat_tree},
    .source = "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html",
});

// GB200 NVL72 racks: 72 GPUs in one NVLink 5 domain (18 NVLink Switch chips), one 400 Gb/s
// ConnectX-7 per GPU as the DGX GB200 user guide describes the compute trays (the catalog's
// default). 456 racks: the GB200 side of the "4x" claim (catalog/vendor_claims.hpp).
inline constexpr cluster_spec gb200_nvl72 = checked({
    .name = "GB200 NVL72, 456 racks (32,832 GPUs, 400G per GPU)",
    .chip = chips::gb200,
    .count = 456 * 72,
    .scale_up = {.size = 72, .link = links::nvlink_5, .shape = topology::switched},
    .scale_out = {.link = links::infiniband_ndr, .shape = topology::rail_optimized_fat_tree},
    .source = "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
              "https://docs.nvidia.com/dgx/dgxgb200-user-guide/networking.html",
    .host_link = links::nvlink_c2c,
});

// The same racks with 800 Gb/s per GPU (XDR / ConnectX-8 class), the network NVIDIA's claim
// footnote is recalled to use for the GB200 side (catalog/vendor_claims.hpp; some descriptions
// of GB200 give 800G; DGX GB200 trays have 400G).
inline constexpr cluster_spec gb200_nvl72_800g = checked({
    .name = "GB200 NVL72, 456 racks (32,832 GPUs, 800G per GPU)",
    .chip = chips::gb200,
    .count = 456 * 72,
    .scale_up = {.size = 72, .link = links::nvlink_5, .shape = topology::switched},
    .scale_out = {.link = links::infiniband_xdr,
                  .shape = topology::rail_optimized_fat_tree,
                  .per_direction = 800.0 * gigabits_per_s},
    .source = "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
              "https://infinibandta.org/infiniband-roadmap/",
    .notes = "800G per GPU is the recalled footnote configuration, not the DGX GB200 default.",
    .host_link = links::nvlink_c2c,
});

// One TPU v4 pod: 4,096 chips in one ICI domain (3D torus of 4x4x4 cubes joined by optical
// circuit switches). No scale-out: the Cloud TPU v4 doc gives no per-chip DCN rate.
// The ICI efficiency and per-hop alpha are the unmeasured/hypothetical defaults.
inline constexpr cluster_spec tpu_v4_pod = checked({
    .name = "TPU v4 pod (4,096 chips, ICI 3D torus)",
    .chip = chips::tpu_v4,
    .count = 4096,
    .scale_up = {.size = 4096, .link = links::tpu_v4_ici, .shape = topology::torus_3d},
    .source = "https://cloud.google.com/tpu/docs/v4 ; https://jax-ml.github.io/scaling-book/tpus/",
});

inline constexpr std::array<const cluster_spec*, 6> all{
    &dgx_a100_superpod, &hgx_h100_ndr, &dgx_b200, &gb200_nvl72, &gb200_nvl72_800g, &tpu_v4_pod,
};

}  // namespace flopcast::clusters
