// Compile-time checks of the interconnect catalog, clusters and collective formulas: building
// this file is the test.
#include <flopcast/hardware/cluster.hpp>
#include <flopcast/hardware/interconnects.hpp>
#include <flopcast/parallel/collectives.hpp>

namespace {
using namespace flopcast;

constexpr double gbs(bandwidth<> b) { return b.in(gigabytes_per_s); }
constexpr double ms(duration<> t) { return t.in(milliseconds); }
constexpr double us(duration<> t) { return t.in(microseconds); }
constexpr bool near(double a, double b) { return math::approx_equal(a, b, 1e-12); }

// ---- Catalog: every entry is present and consistent ---------------------------------------------

// 35 link entries + 8 software-model latency entries = 43 in all.
static_assert(links::all.size() + latency_models::all.size() == 43);

constexpr bool all_links_consistent() {
  for (const link_spec* l : links::all) {
    if (find_problem(*l) != nullptr) return false;
  }
  return true;
}
static_assert(all_links_consistent());

constexpr bool all_latencies_positive() {
  for (const latency_model* m : latency_models::all) {
    if (!(m->value.base_value() > 0.0)) return false;
  }
  return true;
}
static_assert(all_latencies_positive());

// Direction is explicit: H100 NVLink is 450 GB/s one way, 900 GB/s both ways (NVIDIA H100 page,
// scaling-book).
static_assert(gbs(*links::nvlink_4.per_chip_per_direction) == 450.0);
static_assert(gbs(*links::nvlink_4.per_chip_bidirectional) == 900.0);
static_assert(gbs(*links::nvlink_4.per_link_per_direction) == 25.0);
static_assert(gbs(*links::nvlink_3.per_chip_per_direction) == 300.0);
static_assert(gbs(*links::nvlink_5.per_chip_bidirectional) == 1800.0);
static_assert(gbs(*links::nvlink_6.per_chip_per_direction) == 1800.0 &&
              links::nvlink_6.pre_release);
static_assert(gbs(*links::nvswitch_3.per_chip_per_direction) == 1600.0);  // per switch chip
static_assert(gbs(*links::nvlink_c2c.per_chip_per_direction) == 450.0);

// Port rates are bits: NDR 400 Gb/s = 50 GB/s per direction.
static_assert(links::infiniband_ndr.port_rate->in(gigabits_per_s) == 400.0);
static_assert(gbs(*links::infiniband_ndr.per_link_per_direction) == 50.0);
static_assert(gbs(*links::infiniband_hdr.per_link_per_direction) == 25.0);
static_assert(gbs(*links::ethernet_800g.per_link_per_direction) == 100.0);
static_assert(gbs(*links::efa_v3.per_link_per_direction) == 25.0);
static_assert(us(*links::infiniband_hdr.latency) == 0.6);
static_assert(!links::infiniband_ndr.latency.has_value());  // no published NDR latency

// PCIe: one link, encoded payload below signalling (Gen5 x16: 63 of 64 GB/s).
static_assert(gbs(links::pcie_5.link_per_direction().value()) == 63.0);
static_assert(gbs(*links::pcie_6.per_chip_bidirectional) == 242.0);

// AMD: peer-to-peer is one link; 448 GB/s only over all 7 peers (links::infinity_fabric_mi300x).
static_assert(gbs(links::infinity_fabric_mi300x.link_per_direction().value()) == 64.0);
static_assert(gbs(links::infinity_fabric_mi300x.chip_per_direction().value()) == 448.0);
static_assert(near(gbs(*links::infinity_fabric_mi355x.per_chip_per_direction), 537.6));

// TPU ICI (Cloud TPU v5p doc, older and newer): v5p 600 one way = "4800 Gbps", 1200 bidirectional.
static_assert(gbs(*links::tpu_v5p_ici.per_chip_per_direction) == 600.0);
static_assert(links::tpu_v5p_ici.per_chip_per_direction->in(gigabits_per_s) == 4800.0);
static_assert(gbs(*links::tpu_v4_ici.per_link_per_direction) == 45.0);
// TPU7x gives the per-link figure only bidirectionally; the accessor halves that one.
static_assert(!links::tpu7x_ici.per_link_per_direction.has_value());
static_assert(gbs(links::tpu7x_ici.link_per_direction().value()) == 100.0);

// Gaudi: per-chip figures count 21 of 24 ports (the split per stas00's network chapter).
static_assert(*links::gaudi3_roce.counted_links() == 21);
static_assert(gbs(*links::gaudi3_roce.per_chip_bidirectional) == 1050.0);

// NeuronLink-v3: 1.28 TB/s with no stated direction (AWS Neuron docs), read as bidirectional
// (as stas00 reads it).
static_assert(!links::neuronlink_v3.per_chip_per_direction.has_value());
static_assert(gbs(links::neuronlink_v3.chip_per_direction().value()) == 640.0);

static_assert(links::find("NVLink 4") == &links::nvlink_4);
static_assert(links::find("NVLink 7") == nullptr);

// Software model latencies are their own table.
static_assert(us(latency_models::nccl_nvlink.value) == 3.4);
static_assert(us(latency_models::nccl_network.value) == 14.0);
static_assert(latency_models::nccl_base.scope == latency_scope::per_collective);
static_assert(latency_models::scaling_book_tpu_hop.scope == latency_scope::per_hop);

// ---- Consistency rules fire ---------------------------------------------------------------------

constexpr link_spec one_way_as_both{.name = "bad",
                                    .per_link_per_direction = 25.0 * gigabytes_per_s,
                                    .per_link_bidirectional = 25.0 * gigabytes_per_s};
static_assert(find_problem(one_way_as_both) ==
              &reasons::link_bidirectional_not_twice_per_direction);

constexpr link_spec bits_as_bytes{.name = "bad",
                                  .lane_rate = 100.0 * gigabits_per_s,
                                  .lanes_per_link_per_direction = 4,
                                  .per_link_per_direction = 400.0 * gigabytes_per_s};
static_assert(find_problem(bits_as_bytes) == &reasons::link_payload_exceeds_signalling);

constexpr link_spec per_chip_mismatch{.name = "bad",
                                      .links_per_chip = 18,
                                      .per_link_per_direction = 25.0 * gigabytes_per_s,
                                      .per_chip_per_direction = 900.0 * gigabytes_per_s};
static_assert(find_problem(per_chip_mismatch) == &reasons::link_per_chip_not_links_times_per_link);

constexpr link_spec port_mismatch{.name = "bad",
                                  .per_link_per_direction = 50.0 * gigabytes_per_s,
                                  .port_rate = 200.0 * gigabits_per_s};
static_assert(find_problem(port_mismatch) == &reasons::link_port_rate_disagrees);

constexpr link_spec zero_rate{.name = "bad", .per_chip_bidirectional = 0.0 * gigabytes_per_s};
static_assert(find_problem(zero_rate) == &reasons::link_figure_not_positive);

constexpr link_spec bad_domain{.name = "bad", .domain_typical = 16, .domain_max = 8};
static_assert(find_problem(bad_domain) == &reasons::link_bad_count);

static_assert(!link_spec{}.link_per_direction().ok());

// ---- Achievable bandwidth -----------------------------------------------------------------------

// NVLink 4 under NCCL: 370 of 450 GB/s per direction, i.e. 740 of 900 bidirectional.
static_assert(near(typical_efficiency(links::nvlink_4) * 450.0, 370.0));
static_assert(near(typical_efficiency(links::nvlink_4) * 900.0, 740.0));
static_assert(near(typical_efficiency(links::nvlink_3) * 300.0, 235.0));
static_assert(typical_efficiency(links::nvswitch_3) == typical_efficiency(links::nvlink_4));
static_assert(typical_efficiency(links::infiniband_ndr) == 0.96);
static_assert(typical_efficiency(links::infinity_fabric_mi300x) == 0.75);
static_assert(typical_efficiency(links::tpu_v4_ici) == link_efficiency::unmeasured);
static_assert(typical_latency(links::nvlink_4) == latency_models::nccl_nvlink.value);
static_assert(typical_latency(links::infiniband_ndr) == latency_models::nccl_network.value);

// ---- Collective formulas ------------------------------------------------------------------------

constexpr auto GB = 1.0 * gigabytes;
constexpr auto W = 450.0 * gigabytes_per_s;
constexpr auto no_alpha = 0.0 * microseconds;
constexpr auto alpha = 3.4 * microseconds;

// Ring all-reduce of 1 GB over 8 ranks at 450 GB/s per direction: 2 x 7/8 x 1 GB / 450 GB/s.
static_assert(near(ms(ring_all_reduce(GB, 8, W, no_alpha)), 1.75 / 450.0 * 1e3));  // 3.889 ms
// ... at NCCL's achievable 370 GB/s, plus 14 steps of 3.4 us.
static_assert(near(ms(ring_all_reduce(GB, 8, 370.0 * gigabytes_per_s, alpha)),
                   1.75 / 370.0 * 1e3 + 14 * 3.4e-3));  // 4.777 ms
// Reduce-scatter and all-gather are each half a ring all-reduce.
static_assert(near(ms(reduce_scatter(GB, 8, W, alpha)) * 2, ms(ring_all_reduce(GB, 8, W, alpha))));
static_assert(near(ms(all_gather(GB, 8, W, alpha)), ms(reduce_scatter(GB, 8, W, alpha))));
static_assert(near(ms(all_to_all(GB, 8, W, no_alpha)), 0.875 / 450.0 * 1e3));
static_assert(near(ms(point_to_point(GB, W, alpha)), 1.0 / 450.0 * 1e3 + 3.4e-3));
// One rank: nothing to do.
static_assert(ms(ring_all_reduce(GB, 1, W, alpha)) == 0.0);
static_assert(ms(tree_all_reduce(GB, 1, W, alpha)) == 0.0);
static_assert(ms(all_to_all(GB, 1, W, alpha)) == 0.0);

// Tree: 2 S / W and 2 log2(k) steps.
static_assert(near(ms(tree_all_reduce(GB, 8, W, alpha)), 2.0 / 450.0 * 1e3 + 6 * 3.4e-3));
static_assert(detail::ceil_log2(1.0) == 0.0 && detail::ceil_log2(2.0) == 1.0);
static_assert(detail::ceil_log2(3.0) == 2.0 && detail::ceil_log2(8.0) == 3.0);
static_assert(detail::ceil_log2(9.0) == 4.0 && detail::ceil_log2(16384.0) == 14.0);
// The best algorithm: ring for a large buffer, tree for a small one over many ranks.
static_assert(all_reduce(GB, 8, W, alpha) == ring_all_reduce(GB, 8, W, alpha));
constexpr auto KB = 1.0 * kilobytes;
static_assert(all_reduce(KB, 1024, W, alpha) == tree_all_reduce(KB, 1024, W, alpha));

// Two tiers reduce to one: all ranks in one domain, or one rank per domain.
constexpr auto NIC = 48.0 * gigabytes_per_s;
constexpr auto net_alpha = 14.0 * microseconds;
static_assert(near(ms(hierarchical_all_reduce(GB, 8, 1, W, alpha, NIC, net_alpha)),
                   ms(ring_all_reduce(GB, 8, W, alpha))));
static_assert(near(ms(hierarchical_all_reduce(GB, 1, 64, W, alpha, NIC, net_alpha)),
                   ms(all_reduce(GB, 64, NIC, net_alpha))));
static_assert(near(ms(hierarchical_reduce_scatter(GB, 1, 64, W, alpha, NIC, net_alpha)),
                   ms(reduce_scatter(GB, 64, NIC, net_alpha))));
static_assert(near(ms(hierarchical_all_to_all(GB, 8, 1, W, alpha, NIC, net_alpha)),
                   ms(all_to_all(GB, 8, W, alpha))));
// 8 per domain x 4 domains: RS and AG of 1 GB on NVLink, then the NICs carry 1/8 GB each.
static_assert(near(ms(hierarchical_all_reduce(GB, 8, 4, W, no_alpha, NIC, no_alpha)),
                   2 * 0.875 / 450.0 * 1e3 + 2 * 0.75 * 0.125 / 48.0 * 1e3));

// NCCL's pipelined two-tier ring: the slower of W_up and k1 x W_out sets the pace.
static_assert(near(ms(two_tier_ring_all_reduce(GB, 8, 4, W, no_alpha, NIC, no_alpha)),
                   2 * 31.0 / 32.0 / 384.0 * 1e3));  // min(450, 8 x 48) = 384 GB/s
static_assert(near(ms(two_tier_ring_all_reduce(GB, 8, 4, W, alpha, NIC, net_alpha)) -
                       ms(two_tier_ring_all_reduce(GB, 8, 4, W, no_alpha, NIC, no_alpha)),
                   (2 * 28 * 3.4 + 2 * 3 * 14.0) * 1e-3));  // 2 (k-k2) + 2 (k2-1) steps
static_assert(near(ms(two_tier_tree_all_reduce(GB, 8, 4, W, alpha, NIC, net_alpha)),
                   2.0 / 384.0 * 1e3 + (2 * 7 * 3.4 + 2 * 2 * 14.0) * 1e-3));
static_assert(near(ms(two_tier_ring_reduce_scatter(GB, 8, 4, W, no_alpha, NIC, no_alpha)),
                   31.0 / 32.0 / 384.0 * 1e3));
// Degenerate tiers: one domain is the flat ring on the scale-up link, one rank per domain the
// flat ring on the NICs.
static_assert(near(ms(two_tier_ring_all_reduce(GB, 8, 1, W, alpha, NIC, net_alpha)),
                   ms(ring_all_reduce(GB, 8, W, alpha))));
static_assert(near(ms(two_tier_ring_all_reduce(GB, 1, 64, W, alpha, NIC, net_alpha)),
                   ms(ring_all_reduce(GB, 64, NIC, net_alpha))));
static_assert(near(ms(two_tier_ring_all_gather(GB, 1, 64, W, alpha, NIC, net_alpha)),
                   ms(all_gather(GB, 64, NIC, net_alpha))));
static_assert(near(ms(two_tier_tree_all_reduce(GB, 1, 64, W, alpha, NIC, net_alpha)),
                   ms(tree_all_reduce(GB, 64, NIC, net_alpha))));
// Pipelined beats one-tier-after-the-other for large buffers.
static_assert(two_tier_ring_all_reduce(GB, 8, 4, W, alpha, NIC, net_alpha) <
              hierarchical_all_reduce(GB, 8, 4, W, alpha, NIC, net_alpha));

// ---- Placement ----------------------------------------------------------------------------------

static_assert(tier(place_group<double>(1, 1, 8)) == link_tier::local);
static_assert(tier(place_group<double>(8, 1, 8)) == link_tier::scale_up);    // TP = 8 in a node
static_assert(tier(place_group<double>(16, 8, 8)) == link_tier::scale_out);  // DP after TP = 8
constexpr auto dp_after_tp2 = place_group<double>(16, 2, 8);                 // DP after TP = 2
static_assert(tier(dp_after_tp2) == link_tier::hierarchical);
static_assert(dp_after_tp2.per_domain == 4.0 && dp_after_tp2.domains == 4.0);
constexpr auto on_nvl72 = place_group<double>(16, 8, 72);  // irregular: 9 + 7
static_assert(on_nvl72.per_domain == 9.0 && near(on_nvl72.domains, 16.0 / 9.0));
static_assert(check_group(0.0, 1.0) == &reasons::collective_ranks_below_one);
static_assert(check_group(8.0, 1.0) == nullptr);

// ---- Clusters -----------------------------------------------------------------------------------

constexpr const cluster_spec& h100 = clusters::hgx_h100_ndr;
static_assert(h100.domain_size() == 8 && h100.domains() == 4096);
static_assert(gbs(h100.scale_up_per_direction()) == 450.0);  // from the chip: 900 / 2
static_assert(near(gbs(h100.scale_up_achievable()), 370.0));
static_assert(gbs(h100.scale_up_point_to_point()) == 450.0);  // switched: full rate to any peer
static_assert(gbs(h100.scale_out_per_direction()) == 50.0);   // 400 Gb/s NIC per GPU
static_assert(near(gbs(h100.scale_out_achievable()), 48.0));
static_assert(near(h100.peak(precision::bf16).in(pflop_per_s), 32768 * 989.5e-3));

// TP = 8 all-reduce stays on NVLink: the flat ring at 370 GB/s.
static_assert(near(ms(all_reduce(h100, GB, 8, 1)),
                   ms(ring_all_reduce(GB, 8, 370.0 * gigabytes_per_s, alpha))));
// The NIC's rate for a 1 GB buffer: 48 GB/s x S / (S + 12 MiB), the message-size curve
// (link_half_size::infiniband_mib); NVLink keeps its large-message rate (no default S_half).
constexpr auto nic_at_gb =
    at_message_size<double>(h100.scale_out_achievable(), GB, h100.scale_out.half_size);
static_assert(near(gbs(nic_at_gb), 48.0 * 1e9 / (1e9 + 12.0 * 1048576.0)));
// DP = 16 after TP = 2: 4 GPUs in each of 4 nodes, the fastest two-tier algorithm.
static_assert(all_reduce(h100, GB, 16, 2) ==
              two_tier_ring_all_reduce(GB, 4, 4, h100.scale_up_achievable(), alpha, nic_at_gb,
                                       net_alpha));
// DP = 64 after TP = 8: one GPU per node, the NICs only.
static_assert(near(ms(all_reduce(h100, GB, 64, 8)), ms(all_reduce(GB, 64, nic_at_gb, net_alpha))));
// Pipeline neighbours: in the node (stride 2) on NVLink, across nodes (stride 8) on the NIC.
static_assert(near(ms(point_to_point(h100, GB, 2)), 1.0 / 370.0 * 1e3 + 3.4e-3));
static_assert(near(ms(point_to_point(h100, GB, 8)), 1.0 / gbs(nic_at_gb) * 1e3 + 14e-3));

// GB200 NVL72: 72 per domain, 900 GB/s per direction per GPU.
static_assert(clusters::gb200_nvl72.domain_size() == 72 && clusters::gb200_nvl72.domains() == 456);
static_assert(gbs(clusters::gb200_nvl72.scale_up_per_direction()) == 900.0);
static_assert(gbs(clusters::gb200_nvl72.scale_out_per_direction()) == 50.0);
static_assert(gbs(clusters::gb200_nvl72_800g.scale_out_per_direction()) == 100.0);
// DGX A100: HDR 200G per GPU = 25 GB/s; NVLink 3 at 235 of 300.
static_assert(gbs(clusters::dgx_a100_superpod.scale_out_per_direction()) == 25.0);
static_assert(near(gbs(clusters::dgx_a100_superpod.scale_up_achievable()), 235.0));
// TPU v4 pod: one ICI domain; a torus neighbour is one link (45 GB/s); no scale-out.
static_assert(clusters::tpu_v4_pod.domains() == 1);
static_assert(gbs(clusters::tpu_v4_pod.scale_up_per_direction()) == 270.0);
static_assert(gbs(clusters::tpu_v4_pod.scale_up_point_to_point()) == 45.0);
static_assert(gbs(clusters::tpu_v4_pod.scale_out_per_direction()) == 0.0);

// Cluster rules.
constexpr cluster_spec uneven{
    .chip = chips::h100_sxm,
    .count = 12,
    .scale_up = {.size = 8, .link = links::nvlink_4},
    .scale_out = {.link = links::infiniband_ndr, .shape = topology::rail_optimized_fat_tree}};
// One and a half nodes: a whole domain and a partial one (issue 9: GB200 jobs of any size).
static_assert(find_problem(uneven) == nullptr && uneven.domains() == 2 &&
              uneven.partial_domain() == 4);
// 1,024 GB200 GPUs on NVL72 racks: 14 racks and 16 GPUs of a 15th; or 16 racks of 64 used.
static_assert(find_problem(clusters::gb200_nvl72.with_count(1024)) == nullptr);
static_assert(clusters::gb200_nvl72.with_count(1024).domains() == 15 &&
              clusters::gb200_nvl72.with_count(1024).partial_domain() == 16);
constexpr cluster_spec gb200_64_of_72 = [] {
  cluster_spec c = clusters::gb200_nvl72.with_count(2496);
  c.scale_up.used = 64;
  return c;
}();
static_assert(find_problem(gb200_64_of_72) == nullptr && gb200_64_of_72.domain_size() == 64 &&
              gb200_64_of_72.domains() == 39 && gb200_64_of_72.partial_domain() == 0);
constexpr cluster_spec overfull = [] {
  cluster_spec c = clusters::gb200_nvl72.with_count(512);
  c.scale_up.used = 73;
  return c;
}();
static_assert(find_problem(overfull) == &reasons::cluster_domain_used_out_of_range);
constexpr cluster_spec no_network{
    .chip = chips::h100_sxm, .count = 16, .scale_up = {.size = 8, .link = links::nvlink_4}};
static_assert(find_problem(no_network) == &reasons::cluster_needs_scale_out);
constexpr cluster_spec half_node{
    .chip = chips::h100_sxm, .count = 4, .scale_up = {.size = 8, .link = links::nvlink_4}};
static_assert(find_problem(half_node) == nullptr && half_node.domain_size() == 4);
constexpr cluster_spec too_big{
    .chip = chips::h100_sxm, .count = 512, .scale_up = {.size = 512, .link = links::nvlink_4}};
static_assert(find_problem(too_big) == &reasons::cluster_domain_exceeds_link_maximum);
constexpr cluster_spec zero{.chip = chips::h100_sxm, .count = 0};
static_assert(find_problem(zero) == &reasons::cluster_count_must_be_positive);
constexpr cluster_spec half_superchip{
    .chip = chips::gb200_superchip, .count = 3, .scale_up = {.size = 72, .link = links::nvlink_5}};
static_assert(find_problem(half_superchip) == &reasons::cluster_count_not_whole_entries);
constexpr cluster_spec over_one{
    .chip = chips::h100_sxm,
    .count = 8,
    .scale_up = {.size = 8, .link = links::nvlink_4, .efficiency = 1.2}};
static_assert(find_problem(over_one) == &reasons::link_efficiency_out_of_range);
// The superchip entry counts 2 GPUs: per-GPU rates divide by 2.
constexpr cluster_spec superchips{
    .chip = chips::gb200_superchip, .count = 72, .scale_up = {.size = 72, .link = links::nvlink_5}};
static_assert(find_problem(superchips) == nullptr && superchips.entries() == 36);
static_assert(gbs(superchips.scale_up_per_direction()) == 900.0);

}  // namespace

// with_count resizes a copy and keeps the networks.
static_assert(clusters::hgx_h100_ndr.with_count(64).count == 64);
static_assert(clusters::hgx_h100_ndr.with_count(64).scale_up.size == clusters::hgx_h100_ndr.scale_up.size);
static_assert(clusters::hgx_h100_ndr.with_count(64).chip.name == clusters::hgx_h100_ndr.chip.name);
