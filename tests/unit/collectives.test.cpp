// Collective costs: values, limits, placement on clusters, and the SIMD path equal to the
// scalar one bit for bit (needs -ffp-contract=off, which the test build sets).
#include <cmath>
#include <cstring>
#include <flopcast/parallel/collectives.hpp>
#include <flopcast/sweep/pack.hpp>
#include <random>
#include <vector>

#include "catch_any.hpp"

using namespace flopcast;
using Catch::Matchers::WithinRel;

namespace {
double ms(duration<> t) { return t.in(milliseconds); }

const auto GB = 1.0 * gigabytes;
const auto nvlink4 = 450.0 * gigabytes_per_s;
const auto alpha = 3.4 * microseconds;
const auto zero_alpha = 0.0 * microseconds;

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
}  // namespace

TEST_CASE("ring all-reduce matches the alpha-beta formula", "[collectives]") {
  // 2 (k-1)/k S / W: 1 GB over 8 ranks at 450 GB/s per direction is 3.889 ms.
  CHECK_THAT(ms(ring_all_reduce(GB, 8, nvlink4, zero_alpha)), WithinRel(3.888888888888889, 1e-12));
  // Plus 2 (k-1) alpha.
  CHECK_THAT(
      ms(ring_all_reduce(GB, 8, nvlink4, alpha)) - ms(ring_all_reduce(GB, 8, nvlink4, zero_alpha)),
      WithinRel(14 * 3.4e-3, 1e-9));
  // nccl-tests busBw is defined by 2 (k-1)/k S / t: without alpha it recovers W.
  const double t = ring_all_reduce(GB, 8, 370.0 * gigabytes_per_s, zero_alpha).in(seconds);
  CHECK_THAT(2.0 * 7.0 / 8.0 * 1e9 / t / 1e9, WithinRel(370.0, 1e-12));
}

TEST_CASE("ring cost approaches 2 S / W as ranks grow; tree is 2 S / W at any size",
          "[collectives]") {
  const double limit = 2.0 / 450.0 * 1e3;
  double previous = 0.0;
  for (double k : {2.0, 4.0, 8.0, 64.0, 1024.0, 65536.0}) {
    const double ring = ms(ring_all_reduce(GB, k, nvlink4, zero_alpha));
    CHECK(ring > previous);
    CHECK(ring < limit);
    CHECK_THAT(ms(tree_all_reduce(GB, k, nvlink4, zero_alpha)), WithinRel(limit, 1e-12));
    previous = ring;
  }
  CHECK_THAT(previous, WithinRel(limit, 1e-4));
}

TEST_CASE("all-reduce takes the faster of ring and tree", "[collectives]") {
  const auto net = 48.0 * gigabytes_per_s;
  const auto net_alpha = 14.0 * microseconds;
  // Large buffer on few ranks: ring (its (k-1)/k discount outweighs its extra latency steps).
  CHECK(all_reduce(GB, 16, net, net_alpha) == ring_all_reduce(GB, 16, net, net_alpha));
  CHECK(all_reduce(GB, 8, nvlink4, alpha) == ring_all_reduce(GB, 8, nvlink4, alpha));
  // On many ranks the two wire terms converge and the tree's log2(k) latency wins even for
  // 1 GB: 512 ranks pay 1,022 ring steps of 14 us (14.3 ms) against 18 tree steps.
  CHECK(all_reduce(GB, 512, net, net_alpha) == tree_all_reduce(GB, 512, net, net_alpha));
  // Small buffer over many ranks: tree (18 latency steps instead of 1,022).
  const auto small = 256.0 * kilobytes;
  CHECK(all_reduce(small, 512, net, net_alpha) == tree_all_reduce(small, 512, net, net_alpha));
  CHECK_THAT(ms(tree_all_reduce(small, 512, net, net_alpha)),
             WithinRel(2 * 256e3 / 48e9 * 1e3 + 18 * 14e-3, 1e-12));
}

TEST_CASE("reduce-scatter, all-gather, all-to-all and point-to-point", "[collectives]") {
  CHECK_THAT(ms(reduce_scatter(GB, 8, nvlink4, alpha)),
             WithinRel(0.875 / 450.0 * 1e3 + 7 * 3.4e-3, 1e-12));
  CHECK(all_gather(GB, 8, nvlink4, alpha) == reduce_scatter(GB, 8, nvlink4, alpha));
  CHECK_THAT(ms(all_to_all(GB, 8, nvlink4, alpha)),
             WithinRel(0.875 / 450.0 * 1e3 + 7 * 3.4e-3, 1e-12));
  CHECK_THAT(ms(point_to_point(GB, nvlink4, alpha)), WithinRel(1.0 / 450.0 * 1e3 + 3.4e-3, 1e-12));
}

TEST_CASE("two-tier collectives move only 1/k1 of the buffer over each NIC", "[collectives]") {
  const auto nic = 48.0 * gigabytes_per_s;
  const auto net_alpha = 14.0 * microseconds;
  const auto nvl = 370.0 * gigabytes_per_s;
  // 32 ranks as 8 per node x 4 nodes, against a flat ring of 32 on the NICs.
  const auto flat = all_reduce(GB, 32, nic, net_alpha);
  CHECK(hierarchical_all_reduce(GB, 8, 4, nvl, alpha, nic, net_alpha) < flat);
  CHECK(two_tier_ring_all_reduce(GB, 8, 4, nvl, alpha, nic, net_alpha) <
        hierarchical_all_reduce(GB, 8, 4, nvl, alpha, nic, net_alpha));
  // Degenerate tiers equal the flat formulas.
  CHECK_THAT(ms(hierarchical_all_reduce(GB, 8, 1, nvlink4, alpha, nic, net_alpha)),
             WithinRel(ms(ring_all_reduce(GB, 8, nvlink4, alpha)), 1e-12));
  CHECK_THAT(ms(hierarchical_all_gather(GB, 1, 16, nvlink4, alpha, nic, net_alpha)),
             WithinRel(ms(all_gather(GB, 16, nic, net_alpha)), 1e-12));
  CHECK_THAT(ms(two_tier_ring_reduce_scatter(GB, 8, 1, nvlink4, alpha, nic, net_alpha)),
             WithinRel(ms(reduce_scatter(GB, 8, nvlink4, alpha)), 1e-12));
  // All-to-all across 4 nodes: 24 of 32 shares go over the NICs and dominate.
  CHECK_THAT(ms(hierarchical_all_to_all(GB, 8, 4, nvlink4, zero_alpha, nic, zero_alpha)),
             WithinRel(24.0 / 32.0 / 48.0 * 1e3, 1e-12));
}

TEST_CASE("a DGX A100 cluster reproduces NCCL's measured multi-node all-reduce busBw",
          "[collectives][cluster]") {
  // AddyLaddy (NVIDIA/nccl#812): 8x HDR 200G per DGX A100 -> 192 GB/s all-reduce busBw.
  // Model: min(235 NVLink, 8 x 0.96 x 25 NIC) = 192 GB/s, less the latency of 8 GB messages.
  const cluster_spec& c = clusters::dgx_a100_superpod;
  const auto S = 8.0 * gigabytes;
  for (double nodes : {2.0, 16.0, 128.0}) {
    const double k = 8.0 * nodes;
    const double t = all_reduce(c, S, k, 1.0).in(seconds);
    const double bus_bw = 2.0 * (k - 1.0) / k * S.in(gigabytes) / t;
    INFO(nodes << " nodes: busBw " << bus_bw << " GB/s");
    CHECK(bus_bw > 185.0);
    CHECK(bus_bw <= 192.0);
  }
  // Inside one node: the NVLink 3 ring at 235 GB/s.
  const double t8 = all_reduce(c, S, 8, 1).in(seconds);
  CHECK(2.0 * 7.0 / 8.0 * 8.0 / t8 > 230.0);
}

TEST_CASE("placement decides the links a parallel group uses", "[collectives][cluster]") {
  const cluster_spec& h100 = clusters::hgx_h100_ndr;
  // Megatron order on 8-GPU nodes with TP = 8, DP = 64: TP at stride 1, DP at stride 8.
  CHECK(tier(place_group<double>(h100, 8, 1)) == link_tier::scale_up);
  CHECK(tier(place_group<double>(h100, 64, 8)) == link_tier::scale_out);
  // TP = 2: a DP group of 16 has 4 members in each of 4 nodes.
  const auto g = place_group<double>(h100, 16, 2);
  CHECK(tier(g) == link_tier::hierarchical);
  CHECK(g.per_domain == 4.0);
  CHECK(g.domains == 4.0);
  CHECK(tier(place_group<double>(h100, 1, 1)) == link_tier::local);

  // On NVL72 a DP group of 9 at stride 8 fits one rack; on HGX it spans 9 nodes.
  CHECK(tier(place_group<double>(clusters::gb200_nvl72, 9, 8)) == link_tier::scale_up);
  CHECK(tier(place_group<double>(h100, 9, 8)) == link_tier::scale_out);

  // 1,024 GB200 GPUs: 14 full racks and 16 GPUs of a 15th. TP 8 groups stay in a rack (the
  // partial rack holds two whole ones); a DP group at stride 8 reaches the partial rack, where
  // only 2 of its members share the scale-out traffic, and so is slower than on 1,008 GPUs.
  const cluster_spec partial = clusters::gb200_nvl72.with_count(1024);
  CHECK(tier(place_group<double>(partial, 8, 1)) == link_tier::scale_up);
  const auto dp_partial = place_group<double>(partial, 128, 8);
  CHECK(tier(dp_partial) == link_tier::hierarchical);
  CHECK(dp_partial.per_domain == 2.0);
  CHECK(dp_partial.domains == 64.0);
  const auto dp_whole = place_group<double>(clusters::gb200_nvl72.with_count(1008), 126, 8);
  CHECK(dp_whole.per_domain == 9.0);
  CHECK(dp_whole.domains == 14.0);
  CHECK(all_reduce(partial, 2.0 * gigabytes, 128.0, 8.0).in(seconds) >
        all_reduce(clusters::gb200_nvl72.with_count(1008), 2.0 * gigabytes, 126.0, 8.0)
            .in(seconds));
  // A TP 32 group that would fit in a full rack but spans the partial one's boundary crosses
  // scale-out (16 of its ranks in rack 14, 16 in the partial rack).
  CHECK(tier(place_group<double>(partial, 32, 1)) == link_tier::hierarchical);
  // Racks run 64 of 72 GPUs each (2,496 = 39 racks): whole domains, placed as before.
  cluster_spec used = clusters::gb200_nvl72.with_count(2496);
  used.scale_up.used = 64;
  const auto dp_used = place_group<double>(used, 312, 8);
  CHECK(dp_used.per_domain == 8.0);
  CHECK(dp_used.domains == 39.0);

  // The same 2 GB gradient all-reduce over 9 GPUs: NVLink 5 inside a rack vs 400G NICs.
  const auto grads = 2.0 * gigabytes;
  const double nvl72 = ms(all_reduce(clusters::gb200_nvl72, grads, 9, 8));
  const double hgx = ms(all_reduce(h100, grads, 9, 8));
  CHECK(hgx / nvl72 > 10.0);

  // A cluster's collective is the fastest two-tier formula at its achievable rates, each taken
  // at the buffer's size (at_message_size).
  const auto up = at_message_size<double>(h100.scale_up_achievable(), GB, h100.scale_up.half_size);
  const auto out =
      at_message_size<double>(h100.scale_out_achievable(), GB, h100.scale_out.half_size);
  const auto a_up = h100.scale_up.latency;
  const auto a_out = h100.scale_out.latency;
  CHECK(all_reduce(h100, GB, 16, 2) <= hierarchical_all_reduce(GB, 4, 4, up, a_up, out, a_out));
  CHECK(all_reduce(h100, GB, 16, 2) <= two_tier_ring_all_reduce(GB, 4, 4, up, a_up, out, a_out));
  CHECK(all_reduce(h100, GB, 16, 2) <= two_tier_tree_all_reduce(GB, 4, 4, up, a_up, out, a_out));
  CHECK(reduce_scatter(h100, GB, 16, 2) ==
        two_tier_ring_reduce_scatter(GB, 4, 4, up, a_up, out, a_out));
  CHECK(check_group(0.5, 1.0) == &reasons::collective_ranks_below_one);
}

TEST_CASE("collectives slow down for small messages as nccl-tests measures", "[collectives][cluster]") {
  // busBw(S) = busBw_max x S / (S + S_half); InfiniBand's S_half is 12 MiB.
  const cluster_spec& h100 = clusters::hgx_h100_ndr;
  const double half = link_half_size::infiniband_mib * 1048576.0;
  CHECK(h100.scale_out.half_size.base_value() == half);
  const auto big = h100.scale_out_achievable();
  CHECK_THAT(at_message_size<double>(big, data_size<>::from_base(half), h100.scale_out.half_size)
                 .base_value(),
             WithinRel(big.base_value() / 2.0, 1e-12));
  // An all-reduce across 8 nodes (one GPU each) of 1 MiB runs at under 6% of the large rate (the
  // S_half curve alone gives 1 / (1 + 12) = 7.7%; the ring's 14 latency steps take it lower); of
  // 1 GiB at ~98%. Bus bandwidth from the time, as nccl-tests derives it.
  const auto bus = [&](double bytes) {
    const double t = all_reduce(h100, data_size<>::from_base(bytes), 8, 8).in(seconds);
    return 2.0 * 7.0 / 8.0 * bytes / t / big.base_value();
  };
  CHECK(bus(1048576.0) < 0.06);
  CHECK(bus(1073741824.0) > 0.95);
  CHECK(bus(1048576.0) < bus(16.0 * 1048576.0));
  CHECK(bus(16.0 * 1048576.0) < bus(256.0 * 1048576.0));
  // Scale-up links keep the large-message rate unless a cluster sets its S_half.
  CHECK(h100.scale_up.half_size.base_value() == 0.0);
  // An empty buffer costs no bandwidth time and stays finite.
  CHECK(all_reduce(h100, data_size<>{}, 16, 1).base_value() >= 0.0);
}

TEST_CASE("TPU v4 pod: a torus neighbour is one ICI link", "[collectives][cluster]") {
  const cluster_spec& pod = clusters::tpu_v4_pod;
  const auto act = 100.0 * megabytes;
  // 45 GB/s x 0.80 (unmeasured default) + 0.5 us hypothetical hop latency.
  CHECK_THAT(ms(point_to_point(pod, act, 1)), WithinRel(100e6 / 36e9 * 1e3 + 0.5e-3, 1e-12));
  CHECK(tier(place_group<double>(pod, 4096, 1)) == link_tier::scale_up);
}

namespace {
// Random groups, sizes and links; the same lanes evaluated as doubles and as packs.
struct lanes {
  std::vector<double> bytes, ranks, stride, up, out, a_up, a_out, per_domain, domains;
};

lanes random_lanes(std::size_t n, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> pow2(0, 14);
  lanes l;
  for (std::size_t i = 0; i < n; ++i) {
    l.bytes.push_back(1e3 * std::pow(10.0, 8.0 * unit(gen)));
    l.ranks.push_back(std::ldexp(1.0, pow2(gen)) + (i % 7 == 0 ? 3.0 : 0.0));
    l.stride.push_back(std::ldexp(1.0, pow2(gen) % 8));
    l.up.push_back(1e11 + 9e11 * unit(gen));
    l.out.push_back(1e10 + 9e10 * unit(gen));
    l.a_up.push_back(1e-6 * (1.0 + 5.0 * unit(gen)));
    l.a_out.push_back(1e-6 * (2.0 + 20.0 * unit(gen)));
    l.per_domain.push_back(std::ldexp(1.0, pow2(gen) % 7));
    l.domains.push_back(std::ldexp(1.0, pow2(gen)));
  }
  return l;
}

const cluster_spec partial_rack = clusters::gb200_nvl72.with_count(1024);

// Every formula for one lane, as base values (seconds).
template <class T>
std::vector<T> all_formulas(T bytes, T ranks, T stride, T up, T out, T a_up, T a_out, T k1, T k2) {
  const auto S = data_size<T>::from_base(bytes);
  const auto Wu = bandwidth<T>::from_base(up);
  const auto Wo = bandwidth<T>::from_base(out);
  const auto au = duration<T>::from_base(a_up);
  const auto ao = duration<T>::from_base(a_out);
  const cluster_spec& c = clusters::hgx_h100_ndr;
  const auto g = place_group<T>(ranks, stride, T(72.0));
  return {ring_all_reduce<T>(S, ranks, Wu, au).base_value(),
          tree_all_reduce<T>(S, ranks, Wu, au).base_value(),
          all_reduce<T>(S, ranks, Wu, au).base_value(),
          reduce_scatter<T>(S, ranks, Wo, ao).base_value(),
          all_gather<T>(S, ranks, Wo, ao).base_value(),
          all_to_all<T>(S, ranks, Wo, ao).base_value(),
          point_to_point<T>(S, Wu, au).base_value(),
          hierarchical_all_reduce<T>(S, k1, k2, Wu, au, Wo, ao).base_value(),
          hierarchical_reduce_scatter<T>(S, k1, k2, Wu, au, Wo, ao).base_value(),
          hierarchical_all_gather<T>(S, k1, k2, Wu, au, Wo, ao).base_value(),
          hierarchical_all_to_all<T>(S, k1, k2, Wu, au, Wo, ao).base_value(),
          two_tier_ring_all_reduce<T>(S, k1, k2, Wu, au, Wo, ao).base_value(),
          two_tier_tree_all_reduce<T>(S, k1, k2, Wu, au, Wo, ao).base_value(),
          two_tier_ring_reduce_scatter<T>(S, k1, k2, Wu, au, Wo, ao).base_value(),
          g.per_domain,
          g.domains,
          all_reduce<T>(c, S, ranks, stride).base_value(),
          reduce_scatter<T>(c, S, ranks, stride).base_value(),
          all_gather<T>(c, S, ranks, stride).base_value(),
          all_to_all<T>(c, S, ranks, stride).base_value(),
          point_to_point<T>(c, S, stride).base_value(),
          // A partial last domain (1,024 GB200 GPUs: 14 racks and 16 GPUs).
          place_group<T>(partial_rack, ranks, stride).per_domain,
          all_reduce<T>(partial_rack, S, ranks, stride).base_value(),
          reduce_scatter<T>(partial_rack, S, ranks, stride).base_value()};
}

template <class P>
std::size_t mismatches(const lanes& l) {
  using traits = number_traits<P>;
  constexpr std::size_t w = static_cast<std::size_t>(traits::width);
  std::size_t bad = 0;
  const std::size_t n = l.bytes.size() / w * w;
  for (std::size_t i = 0; i < n; i += w) {
    const auto packed = all_formulas<P>(
        traits::load(&l.bytes[i]), traits::load(&l.ranks[i]), traits::load(&l.stride[i]),
        traits::load(&l.up[i]), traits::load(&l.out[i]), traits::load(&l.a_up[i]),
        traits::load(&l.a_out[i]), traits::load(&l.per_domain[i]), traits::load(&l.domains[i]));
    for (std::size_t j = 0; j < w; ++j) {
      const std::size_t at = i + j;
      const auto scalar =
          all_formulas<double>(l.bytes[at], l.ranks[at], l.stride[at], l.up[at], l.out[at],
                               l.a_up[at], l.a_out[at], l.per_domain[at], l.domains[at]);
      for (std::size_t f = 0; f < scalar.size(); ++f) {
        double lane[64];
        traits::store(packed[f], lane);
        if (!same_bits(lane[j], scalar[f])) ++bad;
      }
    }
  }
  return bad;
}
}  // namespace

TEST_CASE("collective formulas give identical bits on doubles and on SIMD packs",
          "[collectives][simd]") {
  const lanes l = random_lanes(4096, 20240611u);
  CHECK(mismatches<simd::array_pack<4>>(l) == 0);
  CHECK(mismatches<simd::array_pack<8>>(l) == 0);
  CHECK(mismatches<simd::pack>(l) == 0);
}

// ceil_log2 takes another route on std::experimental::simd packs (logb) than on doubles (binary
// lifting): both must give the same count at and around every power of two, between them, at and
// below 1, for NaN and above 2^62.
template <class P>
std::size_t ceil_log2_mismatches() {
  using traits = number_traits<P>;
  constexpr std::size_t w = static_cast<std::size_t>(traits::width);
  std::vector<double> k = {0.0, -3.0, 0.5, 1.0, 1.5, std::nan(""), 1e300, 2.5, 3.0, 1e19};
  for (int e = 0; e < 64; ++e) {
    const double p = std::ldexp(1.0, e);
    k.insert(k.end(), {p, std::nextafter(p, 0.0), std::nextafter(p, 1e308), p * 1.5, p + 1.0});
  }
  while (k.size() % w != 0) k.push_back(7.0);
  std::size_t bad = 0;
  for (std::size_t i = 0; i < k.size(); i += w) {
    double lane[64];
    traits::store(detail::ceil_log2<P>(traits::load(&k[i])), lane);
    for (std::size_t j = 0; j < w; ++j) {
      if (!same_bits(lane[j], detail::ceil_log2<double>(k[i + j]))) ++bad;
    }
  }
  return bad;
}

TEST_CASE("ceil_log2 gives the same count on doubles and on SIMD packs", "[collectives][simd]") {
  CHECK(ceil_log2_mismatches<simd::array_pack<4>>() == 0);
  CHECK(ceil_log2_mismatches<simd::pack>() == 0);
  CHECK(detail::ceil_log2(std::nextafter(1024.0, 2048.0)) == 11.0);
  CHECK(detail::ceil_log2(std::ldexp(1.0, 63)) == 63.0);
}
