#pragma once
#include "flopcast/core/config.hpp"
// Network profiles: the scale-out networks people train on, each with its NIC rate per GPU (from
// the operator's or vendor's published specification), the fraction of it that collectives
// achieve and the message size at which they reach half of that (link_half_size in
// <flopcast/hardware/interconnects.hpp>, fitted to published nccl-tests sweeps).
//
//   const auto* n = flopcast::networks::find("aws-p5-efa");
//   cluster_spec c = flopcast::with_network(clusters::hgx_h100_ndr.with_count(64), *n);
//
// Efficiencies come from nccl-tests at three nodes or more, or from all_gather sweeps, where one
// exists: two-node all_reduce can exceed the NICs' aggregate (NCCL's ring and tree use NVLink for
// part of the path; NVIDIA's AddyLaddy in NVIDIA/nccl-tests#169), so it is not used for them.
#include <array>
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/hardware/interconnects.hpp"

FLOPCAST_DEFINE_REASON(unknown_network,
                       "no network profile of that name (see flopcast::networks::all)")

namespace flopcast {

struct network_profile {
  std::string_view key{};   // lookup name, e.g. "aws-p5-efa"
  std::string_view name{};  // display name
  link_spec link{};         // the link family sets the per-step alpha (typical_latency)
  topology shape = topology::rail_optimized_fat_tree;
  bandwidth<> per_gpu{};    // NIC line rate per GPU, one direction, nominal
  double efficiency = 0.0;  // achievable / nominal for large messages
  data_size<> half_size{};  // S_half: half the large-message rate at this buffer size
  std::string_view nic{};   // the NICs as published
  std::string_view source{};
  std::string_view notes{};
};

// The cluster with its scale-out network replaced by the profile's.
constexpr cluster_spec with_network(cluster_spec c, const network_profile& n) {
  c.scale_out.link = n.link;
  c.scale_out.shape = n.shape;
  c.scale_out.per_direction = n.per_gpu;
  c.scale_out.efficiency = n.efficiency;
  c.scale_out.latency = typical_latency(n.link);
  c.scale_out.half_size = n.half_size;
  return c;
}

namespace networks {

namespace detail {
constexpr data_size<> mib(double v) { return v * mebibytes; }
constexpr bandwidth<> gbps(double v) { return v * gigabits_per_s; }
}  // namespace detail

inline constexpr network_profile infiniband_hdr{
    .key = "infiniband-hdr",
    .name = "InfiniBand HDR, one 200 Gb/s HCA per GPU (DGX A100 SuperPOD)",
    .link = links::infiniband_hdr,
    .per_gpu = detail::gbps(200.0),
    .efficiency = link_efficiency::infiniband,
    .half_size = detail::mib(link_half_size::infiniband_mib),
    .nic = "8x ConnectX-6 HDR 200 Gb/s per 8 GPUs",
    .source = "https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-"
              "a100/latest/",
    .notes = "0.96: 192 GB/s all_reduce busBw of 200 on a DGX A100 (NVIDIA/nccl#812)."};

inline constexpr network_profile infiniband_ndr{
    .key = "infiniband-ndr",
    .name = "InfiniBand NDR, one 400 Gb/s HCA per GPU (DGX H100 SuperPOD)",
    .link = links::infiniband_ndr,
    .per_gpu = detail::gbps(400.0),
    .efficiency = link_efficiency::infiniband,
    .half_size = detail::mib(link_half_size::infiniband_mib),
    .nic = "8x ConnectX-7 NDR 400 Gb/s per 8 GPUs",
    .source = "https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-"
              "h100/latest/",
    .notes = "0.96: 48-49 GB/s per 400G NIC (NVIDIA/nccl-tests#267)."};

inline constexpr network_profile infiniband_xdr{
    .key = "infiniband-xdr",
    .name = "InfiniBand XDR, one 800 Gb/s SuperNIC per GPU (DGX B300)",
    .link = links::infiniband_xdr,
    .per_gpu = detail::gbps(800.0),
    .efficiency = link_efficiency::infiniband,
    .half_size = detail::mib(link_half_size::infiniband_mib),
    .nic = "8x ConnectX-8 SuperNIC 800 Gb/s per 8 GPUs",
    .source = "https://docs.nvidia.com/dgx/dgxb300-user-guide/introduction-to-dgxb300.html",
    .notes = "InfiniBand's NDR efficiency and S_half assumed: no published XDR sweep."};

inline constexpr network_profile roce_meta{
    .key = "roce-meta",
    .name = "Meta RoCE v2 training fabric, 400 Gb/s per GPU (24K-GPU H100 cluster)",
    .link = links::ethernet_400g,
    .per_gpu = detail::gbps(400.0),
    .efficiency = link_efficiency::ethernet_roce,
    .half_size = detail::mib(link_half_size::ethernet_roce_mib),
    .nic = "one 400G RoCE NIC per GPU, rail-optimised Arista 7800 fabric",
    .source = "https://engineering.fb.com/2024/03/12/data-center-engineering/building-metas-genai-"
              "infrastructure/ ; Gangidi et al., RDMA over Ethernet for Distributed AI Training "
              "at Meta Scale, SIGCOMM 2024",
    .notes = "Meta reports its RoCE and InfiniBand 24K clusters train equally well after tuning."};

inline constexpr network_profile roce_alibaba_hpn{
    .key = "roce-alibaba-hpn",
    .name = "Alibaba HPN, dual-plane RoCE, 2x 200 Gb/s per GPU",
    .link = links::ethernet_400g,
    .per_gpu = detail::gbps(400.0),
    .efficiency = link_efficiency::ethernet_roce,
    .half_size = detail::mib(link_half_size::ethernet_roce_mib),
    .nic = "8 NICs of 2x 200 Gb/s per 8-GPU host, each port on its own plane",
    .source = "Qian et al., Alibaba HPN: A Data Center Network for Large Language Model Training, "
              "SIGCOMM 2024",
    .notes = "Dual-plane: both 200G ports of a NIC carry collectives (400 Gb/s per GPU)."};

// The catalog holds one EFA link entry (links::efa_v3): the AWS profiles use it for the EFA
// family's latency and defaults, and set each generation's own NIC rate per GPU.
// 364.9 GB/s all_reduce busBw of 400 GB/s on 4x p5en (Ring; stas00/ml-engineering
// network/README.md), the nearest EFA sweep of 3 or more nodes.
inline constexpr double efa_measured_fraction = 365.0 / 400.0;

inline constexpr network_profile aws_p4d_efa{
    .key = "aws-p4d-efa",
    .name = "AWS p4d/p4de EFA, 4x 100 Gb/s per 8 A100 (50 Gb/s per GPU)",
    .link = links::efa_v3,
    .shape = topology::fat_tree,
    .per_gpu = detail::gbps(50.0),
    .efficiency = link_efficiency::unmeasured,
    .half_size = detail::mib(link_half_size::efa_mib),
    .nic = "400 Gbps EFA per p4d.24xlarge",
    .source = "https://aws.amazon.com/ec2/instance-types/p4/",
    .notes = "Efficiency: the unmeasured default (0.80); the only sweep is two-node all_reduce "
             "(aws-samples/awsome-distributed-training micro-benchmarks/nccl-tests), which exceeds "
             "the NIC aggregate."};

inline constexpr network_profile aws_p5_efa{
    .key = "aws-p5-efa",
    .name = "AWS p5 EFA v2, 32x 100 Gb/s per 8 H100 (400 Gb/s per GPU)",
    .link = links::efa_v3,
    .shape = topology::fat_tree,
    .per_gpu = detail::gbps(400.0),
    .efficiency = efa_measured_fraction,
    .half_size = detail::mib(link_half_size::efa_mib),
    .nic = "3,200 Gbps EFA per p5.48xlarge",
    .source = "https://aws.amazon.com/ec2/instance-types/p5/",
    .notes = "Efficiency 0.91: 364.9 GB/s all_reduce busBw on 4x p5en (EFA 3,200 Gbps, Ring; "
             "stas00/ml-engineering network/README.md), the nearest sweep of 3 or more nodes."};

inline constexpr network_profile aws_p5e_efa{
    .key = "aws-p5e-efa",
    .name = "AWS p5e/p5en EFA, 3,200 Gb/s per 8 H200 (400 Gb/s per GPU)",
    .link = links::efa_v3,
    .shape = topology::fat_tree,
    .per_gpu = detail::gbps(400.0),
    .efficiency = efa_measured_fraction,
    .half_size = detail::mib(link_half_size::efa_mib),
    .nic = "3,200 Gbps EFA per p5e.48xlarge (p5en: 16x 200G EFAv3)",
    .source = "https://aws.amazon.com/ec2/instance-types/p5/",
    .notes = "Efficiency 0.91: 364.9 GB/s all_reduce busBw on 4x p5en (stas00/ml-engineering "
             "network/README.md)."};

inline constexpr network_profile gcp_a3_high{
    .key = "gcp-a3-high",
    .name = "Google A3 High, GPUDirect-TCPX, 4x 200 Gb/s per 8 H100 (100 Gb/s per GPU)",
    .link = links::ethernet_200g,
    .shape = topology::fat_tree,
    .per_gpu = detail::gbps(100.0),
    .efficiency = 50.2 / 100.0,
    .half_size = detail::mib(link_half_size::gpudirect_tcpx_mib),
    .nic = "4x 200 Gbps GPU NICs per a3-highgpu-8g",
    .source = "https://cloud.google.com/compute/docs/gpus/gpu-network-bandwidth",
    .notes = "Efficiency 0.50: all_gather busBw saturates at 50.2 GB/s of 100 on 2x A3 High "
             "(dstackai/dstack docs/examples/clusters/gcp.md)."};

inline constexpr network_profile gcp_a3_mega{
    .key = "gcp-a3-mega",
    .name = "Google A3 Mega, GPUDirect-TCPXO, 8x 200 Gb/s per 8 H100 (200 Gb/s per GPU)",
    .link = links::ethernet_200g,
    .shape = topology::fat_tree,
    .per_gpu = detail::gbps(200.0),
    .efficiency = 188.5 / 200.0,
    .half_size = detail::mib(link_half_size::gpudirect_tcpx_mib),
    .nic = "8x 200 Gbps GPU NICs per a3-megagpu-8g",
    .source = "https://cloud.google.com/compute/docs/gpus/gpu-network-bandwidth",
    .notes = "Efficiency 0.94: all_gather busBw 188.5 GB/s of 200 at 8 GiB on 2x A3 Mega "
             "(dstackai/dstack docs/examples/clusters/gcp.md)."};

inline constexpr network_profile azure_nd_h100_v5{
    .key = "azure-nd-h100-v5",
    .name = "Azure ND H100 v5, InfiniBand NDR, 400 Gb/s per GPU",
    .link = links::infiniband_ndr,
    .per_gpu = detail::gbps(400.0),
    .efficiency = link_efficiency::infiniband,
    .half_size = detail::mib(link_half_size::infiniband_mib),
    .nic = "8x 400 Gb/s NDR InfiniBand per VM (3.2 Tb/s)",
    .source = "https://learn.microsoft.com/en-us/azure/virtual-machines/sizes/gpu-accelerated/"
              "ndh100v5-series",
    .notes = "InfiniBand's efficiency and S_half."};

inline constexpr std::array<const network_profile*, 11> all{
    &infiniband_hdr, &infiniband_ndr, &infiniband_xdr,  &roce_meta,   &roce_alibaba_hpn,
    &aws_p4d_efa,    &aws_p5_efa,     &aws_p5e_efa,     &gcp_a3_high, &gcp_a3_mega,
    &azure_nd_h100_v5};

// The profile with this key, or nullptr.
constexpr const network_profile* find(std::string_view key) {
  for (const network_profile* n : all) {
    if (n->key == key) return n;
  }
  return nullptr;
}

constexpr result<network_profile> try_get(std::string_view key) {
  if (const network_profile* n = find(key)) return *n;
  return reasons::unknown_network;
}

}  // namespace networks
}  // namespace flopcast
