#pragma once
#include "flopcast/core/config.hpp"
// A cluster for any catalog chip: the chip's usual scale-up domain on the link of its family,
// joined by a scale-out network at the chip's typical NIC rate. For chips that clusters:: does
// not hold (H200, MI300X, TPU v5p...), and for sweeps that treat every chip alike.
//
//   cluster_spec c = flopcast::default_cluster(chips::h200_sxm, 4096);
//   cluster_spec d = flopcast::default_cluster(chips::h100_sxm, 64, {.network = &networks::aws_p5_efa});
//
// The shapes follow the example clusters of <flopcast/hardware/cluster.hpp>: for an A100 or
// H100 this builds the links, shapes and rates of clusters::dgx_a100_superpod / hgx_h100_ndr.
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
// count that is not a whole number of domains fills whole domains and a partial last one. The
// host link stays PCIe Gen5 (cluster_spec's default) for every chip, Grace-based ones included;
// set host_link to links::nvlink_c2c for activation offload on GB200 (clusters::gb200_nvl72 does).
// The result is not validated: run try_check() (a 0 chip count, say, is the caller's to refuse).
#include <optional>

#include "flopcast/hardware/chip.hpp"
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/hardware/interconnects.hpp"
#include "flopcast/hardware/networks.hpp"

namespace flopcast {

// What a caller may change from the defaults.
struct default_cluster_options {
  std::optional<int> domain{};          // accelerators per scale-up domain
  std::optional<int> domain_used{};     // of them, used by the job (scale_up_domain::used)
  std::optional<double> scale_out_gbps{};  // NIC line rate per accelerator, Gb/s
  // A scale-out network profile (flopcast::networks) replacing the default network;
  // scale_out_gbps still sets the rate when both are given.
  const network_profile* network = nullptr;
};

namespace detail {

struct default_scale_up {
  link_spec link;
  topology shape;
  int domain;  // in chip entries, as the chip's catalog entry counts them
};

constexpr default_scale_up default_scale_up_for(const chip_spec& c) {
  const int typical = c.scale_up.domain_typical;
  switch (c.arch) {
    case generation::volta: return {links::nvlink_2, topology::switched, typical};
    case generation::ampere: return {links::nvlink_3, topology::switched, typical};
    case generation::hopper: return {links::nvlink_4, topology::switched, typical};
    case generation::blackwell:
    case generation::blackwell_ultra: return {links::nvlink_5, topology::switched, typical};
    // No NVLink: GPUs in one server reach each other over PCIe Gen5 (through the host or a PCIe
    // switch).
    case generation::blackwell_rtx: return {links::pcie_5, topology::switched, typical};
    case generation::cdna2: return {links::infinity_fabric_mi250x, topology::full_mesh, typical};
    case generation::cdna3: return {links::infinity_fabric_mi300x, topology::full_mesh, typical};
    case generation::cdna4: return {links::infinity_fabric_mi355x, topology::full_mesh, typical};
    // A TPU job runs inside one ICI domain up to the pod's size (slices are carved from it).
    case generation::tpu_v4: return {links::tpu_v4_ici, topology::torus_3d, c.scale_up.domain_max};
    case generation::tpu_v5e: return {links::tpu_v5e_ici, topology::torus_2d, c.scale_up.domain_max};
    case generation::tpu_v5p: return {links::tpu_v5p_ici, topology::torus_3d, c.scale_up.domain_max};
    case generation::tpu_v6: return {links::tpu_v6e_ici, topology::torus_2d, c.scale_up.domain_max};
    case generation::tpu_v7: return {links::tpu7x_ici, topology::torus_3d, c.scale_up.domain_max};
    case generation::gaudi2: return {links::gaudi2_roce, topology::full_mesh, typical};
    case generation::gaudi3: return {links::gaudi3_roce, topology::full_mesh, typical};
    case generation::trainium2: return {links::neuronlink_v3, topology::torus_2d, typical};
    // No NVLink on the L40S: GPUs in one server reach each other over PCIe Gen4.
    case generation::ada: return {links::pcie_4, topology::switched, typical};
  }
  return {links::nvlink_4, topology::switched, typical};
}

constexpr bool is_tpu(const chip_spec& c) { return c.maker == vendor::google; }

// The scale-out link for a NIC rate per accelerator (Gb/s).
constexpr link_spec default_scale_out_for(const chip_spec& c, double gbps) {
  if (c.arch == generation::gaudi2) return links::gaudi2_roce;
  if (c.arch == generation::gaudi3) return links::gaudi3_roce;
  if (c.arch == generation::trainium2) return links::efa_v3;
  if (is_tpu(c)) {  // the data-centre network: Ethernet
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

// The cluster of `accelerators` accelerators of `c` (see the table above). Not validated.
constexpr cluster_spec default_cluster(const chip_spec& c, int accelerators,
                                       const default_cluster_options& o = {}) {
  const detail::default_scale_up up = detail::default_scale_up_for(c);
  cluster_spec out{};
  out.chip = c;
  out.count = accelerators;
  out.scale_up.size = o.domain ? *o.domain : up.domain * c.accelerators;
  if (o.domain_used) out.scale_up.used = *o.domain_used;
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

  std::optional<double> gbps = o.scale_out_gbps;
  if (!gbps && c.scale_out) {
    gbps = (*c.scale_out / static_cast<double>(c.accelerators)).in(gigabits_per_s);
  }
  if (gbps) {
    const link_spec net = detail::default_scale_out_for(c, *gbps);
    out.scale_out.link = net;
    out.scale_out.shape =
        detail::is_tpu(c) ? topology::fat_tree : topology::rail_optimized_fat_tree;
    if (o.scale_out_gbps) out.scale_out.per_direction = *o.scale_out_gbps * gigabits_per_s;
    out.scale_out.efficiency = typical_efficiency(net);
    out.scale_out.latency = typical_latency(net);
    out.scale_out.half_size = typical_half_size(net);
  }
  if (o.network != nullptr) {
    out = with_network(out, *o.network);
    if (o.scale_out_gbps) out.scale_out.per_direction = *o.scale_out_gbps * gigabits_per_s;
  }
  return out;
}

}  // namespace flopcast
