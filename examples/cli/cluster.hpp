#pragma once
// A cluster for `--chip NAME --chips N`: the chip's usual scale-up domain on the link of its
// family, and a scale-out network at the chip's typical NIC rate (or --scale-out-gbps), or the
// named profile of --network (flopcast::networks: AWS EFA, Google TCPX, RoCE, InfiniBand). The
// shapes follow the example clusters of <flopcast/hardware/cluster.hpp>: for an A100 or H100
// this builds the same cluster as clusters::dgx_a100_superpod / hgx_h100_ndr resized.
//
//   NVIDIA GPUs   NVLink of the generation, switched (NVSwitch; PCIe cards: bridged pairs);
//                 InfiniBand by NIC rate (<= 100 Gb/s EDR, 200 HDR, 400 NDR, above XDR),
//                 rail-optimised fat tree
//   AMD Instinct  Infinity Fabric of the generation, full mesh; InfiniBand by rate, as above
//   Intel Gaudi   the on-die RoCE ports, full mesh (3 ports to each peer), same ports out
//   AWS Trainium  NeuronLink-v3, 2D torus; EFA v3
//   Google TPU    one ICI domain of the chip's largest pod (domain_max), 2D or 3D torus; a
//                 data-centre network (Ethernet at the chip's DCN rate) only matters beyond a pod
//
// The domain counts accelerators: a GB200 superchip entry (2 GPUs) with 36 per rack is 72. A
// count that is not a whole number of domains fills whole domains and a partial last one (1,024
// GB200 GPUs: 14 racks and 16 GPUs); --domain-used runs each domain partly populated.
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/hardware/cluster.hpp>
#include <flopcast/hardware/interconnects.hpp>
#include <flopcast/hardware/networks.hpp>
#include <optional>
#include <string>

#include "format.hpp"

namespace flopcast_cli {

struct cluster_choice {
  std::optional<int> domain;             // --domain: accelerators per scale-up domain
  std::optional<int> domain_used;        // --domain-used: of them, used by the job (racks run
                                         // partly populated: 64 of 72 in MLPerf GB200 runs)
  std::optional<double> scale_out_gbps;  // --scale-out-gbps: NIC line rate per accelerator
  // --network: a scale-out network profile (flopcast::networks); --scale-out-gbps still sets
  // the rate when both are given.
  const flopcast::network_profile* network = nullptr;
};

namespace detail {

struct scale_up_choice {
  flopcast::link_spec link;
  flopcast::topology shape;
  int domain;  // in chip entries, as the chip's catalog entry counts it
};

inline scale_up_choice scale_up_for(const flopcast::chip_spec& c) {
  namespace links = flopcast::links;
  using flopcast::generation;
  using flopcast::topology;
  const int typical = c.scale_up.domain_typical;
  switch (c.arch) {
    case generation::volta:
      return {links::nvlink_2, topology::switched, typical};
    case generation::ampere:
      return {links::nvlink_3, topology::switched, typical};
    case generation::hopper:
      return {links::nvlink_4, topology::switched, typical};
    case generation::blackwell:
    case generation::blackwell_ultra:
      return {links::nvlink_5, topology::switched, typical};
    case generation::cdna2:
      return {links::infinity_fabric_mi250x, topology::full_mesh, typical};
    case generation::cdna3:
      return {links::infinity_fabric_mi300x, topology::full_mesh, typical};
    case generation::cdna4:
      return {links::infinity_fabric_mi355x, topology::full_mesh, typical};
    case generation::tpu_v4:
      return {links::tpu_v4_ici, topology::torus_3d, c.scale_up.domain_max};
    case generation::tpu_v5e:
      return {links::tpu_v5e_ici, topology::torus_2d, c.scale_up.domain_max};
    case generation::tpu_v5p:
      return {links::tpu_v5p_ici, topology::torus_3d, c.scale_up.domain_max};
    case generation::tpu_v6:
      return {links::tpu_v6e_ici, topology::torus_2d, c.scale_up.domain_max};
    case generation::tpu_v7:
      return {links::tpu7x_ici, topology::torus_3d, c.scale_up.domain_max};
    case generation::gaudi2:
      return {links::gaudi2_roce, topology::full_mesh, typical};
    case generation::gaudi3:
      return {links::gaudi3_roce, topology::full_mesh, typical};
    case generation::trainium2:
      return {links::neuronlink_v3, topology::torus_2d, typical};
  }
  return {links::nvlink_4, topology::switched, typical};
}

inline bool is_tpu(const flopcast::chip_spec& c) { return c.maker == flopcast::vendor::google; }

// The scale-out link for a NIC rate per accelerator (Gb/s).
inline flopcast::link_spec scale_out_for(const flopcast::chip_spec& c, double gbps) {
  namespace links = flopcast::links;
  using flopcast::generation;
  if (c.arch == generation::gaudi2) return links::gaudi2_roce;
  if (c.arch == generation::gaudi3) return links::gaudi3_roce;
  if (c.arch == generation::trainium2) return links::efa_v3;
  if (is_tpu(c)) {  // data-centre network: Ethernet
    if (gbps <= 100.0) return links::ethernet_100g;
    if (gbps <= 200.0) return links::ethernet_200g;
    if (gbps <= 400.0) return links::ethernet_400g;
    return links::ethernet_800g;
  }
  if (gbps <= 100.0) return links::infiniband_edr;
  if (gbps <= 200.0) return links::infiniband_hdr;
  if (gbps <= 400.0) return links::infiniband_ndr;
  return links::infiniband_xdr;
}

}  // namespace detail

// The cluster of `chips` accelerators of `c`. Not validated here: the caller runs
// flopcast::try_check() and reports the reason.
inline flopcast::cluster_spec cluster_for(const flopcast::chip_spec& c, int chips,
                                          const cluster_choice& choice = {}) {
  using namespace flopcast;
  const detail::scale_up_choice up = detail::scale_up_for(c);
  cluster_spec out{};
  out.chip = c;
  out.count = chips;
  out.scale_up.size = choice.domain ? *choice.domain : up.domain * c.accelerators;
  if (choice.domain_used) out.scale_up.used = *choice.domain_used;
  out.scale_up.link = up.link;
  out.scale_up.shape = up.shape;
  out.scale_up.efficiency = typical_efficiency(up.link);
  out.scale_up.latency = typical_latency(up.link);
  out.scale_up.half_size = typical_half_size(up.link);
  if (c.arch == generation::gaudi2 || c.arch == generation::gaudi3) {
    // Each pair of Gaudi cards talks over 3 ports (21 all-to-all ports / 7 peers).
    const auto one = up.link.link_per_direction();
    if (one.ok()) out.scale_up.point_to_point = one.value() * 3.0;
  }

  std::optional<double> gbps = choice.scale_out_gbps;
  if (!gbps && c.scale_out) {
    gbps = (*c.scale_out / static_cast<double>(c.accelerators)).in(gigabits_per_s);
  }
  if (gbps) {
    const link_spec net = detail::scale_out_for(c, *gbps);
    out.scale_out.link = net;
    out.scale_out.shape =
        detail::is_tpu(c) ? topology::fat_tree : topology::rail_optimized_fat_tree;
    if (choice.scale_out_gbps)
      out.scale_out.per_direction = *choice.scale_out_gbps * gigabits_per_s;
    out.scale_out.efficiency = typical_efficiency(net);
    out.scale_out.latency = typical_latency(net);
    out.scale_out.half_size = typical_half_size(net);
  }
  if (choice.network != nullptr) {
    out = with_network(out, *choice.network);
    if (choice.scale_out_gbps) out.scale_out.per_direction = *choice.scale_out_gbps * gigabits_per_s;
  }
  return out;
}

// "8 per domain over NVLink 4 (switched, 450 GB/s per direction, 82% achievable)"
inline std::string describe_scale_up(const flopcast::cluster_spec& c) {
  using namespace flopcast;
  std::string used;
  if (c.per_domain() != c.scale_up.size) {
    used.append(" (").append(std::to_string(c.per_domain())).append(" used)");
  }
  return std::to_string(c.scale_up.size) + " per domain" + used + " over " +
         std::string(c.scale_up.link.name) +
         " (" + std::string(name(c.scale_up.shape)) + ", " +
         significant(c.scale_up_per_direction().in(gigabytes_per_s), 4) + " GB/s per direction, " +
         percent(c.scale_up.efficiency, 0) + " achievable)";
}

// "InfiniBand NDR, 400 Gb/s per accelerator (rail-optimised fat tree, 96% achievable)" or "none"
inline std::string describe_scale_out(const flopcast::cluster_spec& c) {
  using namespace flopcast;
  if (c.scale_out.shape == topology::none) return "none";
  return std::string(c.scale_out.link.name) + ", " +
         significant(c.scale_out_per_direction().in(gigabits_per_s), 4) +
         " Gb/s per accelerator (" + std::string(name(c.scale_out.shape)) + ", " +
         percent(c.scale_out.efficiency, 0) + " achievable)";
}

}  // namespace flopcast_cli
