#pragma once
#include "flopcast/core/config.hpp"
// Collective communication cost: the alpha-beta model.
//
// A collective over k ranks, each with per-direction bandwidth W to the others and a latency
// alpha per step, moving S bytes, costs (DESIGN.md "Communication"):
//
//   ring all-reduce        2 (k-1)/k  S / W  +  2 (k-1) alpha
//   tree all-reduce        2 S / W           +  2 ceil(log2 k) alpha      (k >= 2)
//   all-reduce             the faster of ring and tree (what NCCL's tuner picks)
//   reduce-scatter           (k-1)/k  S / W  +    (k-1) alpha
//   all-gather               (k-1)/k  S / W  +    (k-1) alpha
//   all-to-all               (k-1)/k  S / W  +    (k-1) alpha
//   point-to-point                    S / W  +          alpha
//
// S is the full buffer, as nccl-tests counts it: the all-reduce buffer, the reduce-scatter
// input, the all-gather output, the all-to-all send buffer of one rank, the message sent.
// W is the achievable per-direction rate (nominal x efficiency; cluster_spec provides it): the
// "busBw" of nccl-tests, which that tool derives from the measured time with these same
// factors (2 (k-1)/k for all-reduce, (k-1)/k for the others).
//
// Tree all-reduce, bandwidth term. NCCL's double binary tree reduces up a tree and broadcasts
// down it, pipelined in chunks: each rank receives and sends the whole buffer once in each
// phase, so the wire time is 2 S / W without the ring's (k-1)/k discount. (NCCL's tuning model
// says the same: its tree algorithm bandwidth is half its bus bandwidth, src/graph/tuning.cc.)
// Its latency is 2 log2(k) steps, one up and one down per tree level. The two wire terms
// converge as k grows, so the tree wins when the ring's 2 (k-1) latency steps outweigh its
// (k-1)/k discount: small buffers, or very many ranks. The bandwidth term is zero for k = 1,
// like every other collective here.
//
// One formula, two paths: every function template below uses only + - * / and
// flopcast::select/min/max, so T = double gives constexpr values and T = a SIMD pack evaluates a
// batch lane by lane with identical results (compile with -ffp-contract=off).
//
// Two tiers. A group with k1 ranks in each of k2 scale-up domains (k = k1 k2) uses both link
// kinds. Two families of algorithms are modelled:
//  - hierarchical_* run the tiers one after the other: all-reduce = reduce-scatter inside (k1)
//    + all-reduce of S / k1 across domains (k2) on each rank's own NIC + all-gather inside;
//    reduce-scatter and all-gather keep their halves. The k1 ranks of a domain cross in
//    parallel, each with S / k1 (one NIC per accelerator, rail-optimised).
//  - two_tier_* are NCCL's ring and tree laid across the tiers, which pipeline them: every link
//    is busy at once and the slower tier sets the pace. A ring's traffic leaves a domain
//    through the k1 NICs of that domain, so the cross-domain tier moves it at k1 x W_out:
//    bus bandwidth = min(W_up, k1 W_out). Evidence: a DGX A100 with 8x HDR 200G NICs measures
//    192 GB/s all-reduce busBw (8 x 24 GB/s; AddyLaddy in NVIDIA/nccl#812, quoted in #1576),
//    and "with more NICs ... up to 160GB/s which is the NVLink intra-node bandwidth" of an
//    A800 node (sjeaugey, NVIDIA/nccl#412). The alpha terms follow NCCL's tuning model: a
//    ring's 2 (k-1) steps of which 2 (k2-1) cross domains; a tree's chain inside the domain
//    and binary tree across domains, 2 ((k1-1) alpha_up + log2(k2) alpha_out).
// On a cluster, all-reduce takes the fastest of hierarchical, two-tier ring and two-tier tree,
// reduce-scatter and all-gather the faster of hierarchical and two-tier ring (NCCL has no tree
// for them). All-to-all sends each rank's in-domain share (k1-1)/k of S on scale-up links and
// its cross-domain share (k-k1)/k on its own NIC, concurrently; the slower sets the time (NCCL
// "cannot aggregate the bandwidth of multiple NICs" for all-to-all, sjeaugey in
// NVIDIA/nccl-tests#267). Every two-tier formula reduces to the flat scale-up one when k2 = 1
// and to the flat scale-out one when k1 = 1.
//
// Message size. On a cluster, each tier's achievable rate W is taken at the collective's buffer
// size S: W x S / (S + S_half), S_half per link family (link_half_size in
// <flopcast/hardware/interconnects.hpp>, fitted to published nccl-tests sweeps). The flat
// formulas below take W as given; at_message_size() applies the curve to a rate.
//
// Placement. With ranks numbered domain by domain (cluster.hpp), a group of k ranks at stride s
// (members r, r+s, ..., r+(k-1)s) holds min(k, max(1, D / s)) ranks in each domain of size D.
// TP (stride 1) inside an 8-GPU node stays on NVLink; with TP = 8 there, DP (stride t*c)
// crosses domains with one member in each; with TP = 2, a DP group of 16 has 4 members in each
// of 4 domains and uses both tiers.
#include <type_traits>

#include "flopcast/core/error.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/hardware/cluster.hpp"

FLOPCAST_DEFINE_REASON(collective_ranks_below_one,
                       "a collective needs at least one rank (and a stride of at least one)")

namespace flopcast {

namespace detail {
// ceil(log2(k)) for k >= 1: the number of powers of two 2^0 .. 2^62 below k. Only comparisons
// and select, so it runs on SIMD packs and in constant evaluation (Clang 14 rejects std::log2
// there). Exact for any k up to 2^62; 0 for k <= 1 (and NaN), 63 above 2^62.
// The count is found by binary lifting, six steps instead of 63 comparisons: n grows by 32, 16,
// ..., 1 while the power of two just below the new count, 2^(n + step - 1), is still below k.
// Every value is a small integer or a power of two, so the result is exact and the same on
// every path (the step model calls this several times per plan).
// With GCC, a std::experimental::simd pack takes a shorter exact route, about six times faster:
// for k > 1, logb(k (1 - 2^-53)) + 1. The product is exact at a power of two (2^e - 2^(e-53) is a
// double, with exponent e - 1) and otherwise rounds to no less than 2^floor(log2 k), so logb
// returns ceil(log2 k) - 1 in both cases. Not with Clang: libstdc++ 12's vector logb is
// miscompiled at -O2 there (a five-line test: Clang 14 returns 0 for 3, 559 and 1024; Clang 19
// drops the code that follows the call), which CI's bit-identity tests caught.
template <class T>
inline constexpr bool logb_route =
#if defined(__GNUC__) && !defined(__clang__)
    !std::is_floating_point_v<T> && requires(T x) { logb(x); };
#else
    false;
#endif

template <class T>
constexpr T ceil_log2(T k) {
  if constexpr (logb_route<T>) {
#if defined(__GNUC__) && !defined(__clang__)
    // GCC 12's _mm512_getexp_pd passes _mm512_undefined_pd() as its unused source operand, which
    // -Wuninitialized reports once inlined here (GCC bug 105593, fixed in GCC 13).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
    const T n = logb(k * T(1.0 - 0x1p-53)) + T(1.0);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    return flopcast::min(flopcast::select(k > T(1.0), n, T(0.0)), T(63.0));
  } else {
    T n = T(0);
    T power = T(1);  // 2^n
    for (int step = 32; step >= 1; step /= 2) {
      double half = 1.0;  // 2^(step - 1): the candidate threshold is 2^(n + step - 1)
      for (int i = 1; i < step; ++i) half *= 2.0;
      const auto below = power * T(half) < k;
      n = flopcast::select(below, n + T(static_cast<double>(step)), n);
      power = flopcast::select(below, power * T(half * 2.0), power);
    }
    return n;
  }
}
}  // namespace detail

// ---- Flat collectives on one kind of link -------------------------------------------------------
// `ranks` is std::type_identity_t<T> so that an integer count converts (T comes from the
// quantities).

template <class T>
constexpr duration<T> ring_all_reduce(data_size<T> bytes, std::type_identity_t<T> ranks,
                                      bandwidth<T> per_direction, duration<T> alpha) {
  const T steps = ranks - T(1);
  return bytes * (T(2) * steps / ranks) / per_direction + alpha * (T(2) * steps);
}

template <class T>
constexpr duration<T> tree_all_reduce(data_size<T> bytes, std::type_identity_t<T> ranks,
                                      bandwidth<T> per_direction, duration<T> alpha) {
  // min(1, k - 1): 0 for a single rank, 1 from two ranks on (fractional in between, which only
  // an irregular placement produces).
  const T moves = flopcast::min(T(1), ranks - T(1));
  return bytes * (T(2) * moves) / per_direction + alpha * (T(2) * detail::ceil_log2<T>(ranks));
}

// The faster of ring and tree, as NCCL's tuner chooses per call.
template <class T>
constexpr duration<T> all_reduce(data_size<T> bytes, std::type_identity_t<T> ranks,
                                 bandwidth<T> per_direction, duration<T> alpha) {
  return flopcast::min(ring_all_reduce<T>(bytes, ranks, per_direction, alpha),
                       tree_all_reduce<T>(bytes, ranks, per_direction, alpha));
}

template <class T>
constexpr duration<T> reduce_scatter(data_size<T> bytes, std::type_identity_t<T> ranks,
                                     bandwidth<T> per_direction, duration<T> alpha) {
  const T steps = ranks - T(1);
  return bytes * (steps / ranks) / per_direction + alpha * steps;
}

template <class T>
constexpr duration<T> all_gather(data_size<T> bytes, std::type_identity_t<T> ranks,
                                 bandwidth<T> per_direction, duration<T> alpha) {
  const T steps = ranks - T(1);
  return bytes * (steps / ranks) / per_direction + alpha * steps;
}

// Each rank sends S / k to every other rank; the alpha term counts one message per peer.
template <class T>
constexpr duration<T> all_to_all(data_size<T> bytes, std::type_identity_t<T> ranks,
                                 bandwidth<T> per_direction, duration<T> alpha) {
  const T peers = ranks - T(1);
  return bytes * (peers / ranks) / per_direction + alpha * peers;
}

template <class T>
constexpr duration<T> point_to_point(data_size<T> bytes, bandwidth<T> per_direction,
                                     duration<T> alpha) {
  return bytes / per_direction + alpha;
}

// ---- Two-tier collectives -----------------------------------------------------------------------
// k1 = per_domain ranks in each of k2 = domains scale-up domains; up_bw / up_alpha are the
// scale-up link's, out_bw / out_alpha the scale-out NIC's (per accelerator).

template <class T>
constexpr duration<T> hierarchical_all_reduce(data_size<T> bytes,
                                              std::type_identity_t<T> per_domain,
                                              std::type_identity_t<T> domains, bandwidth<T> up_bw,
                                              duration<T> up_alpha, bandwidth<T> out_bw,
                                              duration<T> out_alpha) {
  return reduce_scatter<T>(bytes, per_domain, up_bw, up_alpha) +
         all_reduce<T>(bytes / per_domain, domains, out_bw, out_alpha) +
         all_gather<T>(bytes, per_domain, up_bw, up_alpha);
}

template <class T>
constexpr duration<T> hierarchical_reduce_scatter(data_size<T> bytes,
                                                  std::type_identity_t<T> per_domain,
                                                  std::type_identity_t<T> domains,
                                                  bandwidth<T> up_bw, duration<T> up_alpha,
                                                  bandwidth<T> out_bw, duration<T> out_alpha) {
  return reduce_scatter<T>(bytes, per_domain, up_bw, up_alpha) +
         reduce_scatter<T>(bytes / per_domain, domains, out_bw, out_alpha);
}

template <class T>
constexpr duration<T> hierarchical_all_gather(data_size<T> bytes,
                                              std::type_identity_t<T> per_domain,
                                              std::type_identity_t<T> domains, bandwidth<T> up_bw,
                                              duration<T> up_alpha, bandwidth<T> out_bw,
                                              duration<T> out_alpha) {
  return all_gather<T>(bytes / per_domain, domains, out_bw, out_alpha) +
         all_gather<T>(bytes, per_domain, up_bw, up_alpha);
}

template <class T>
constexpr duration<T> hierarchical_all_to_all(data_size<T> bytes,
                                              std::type_identity_t<T> per_domain,
                                              std::type_identity_t<T> domains, bandwidth<T> up_bw,
                                              duration<T> up_alpha, bandwidth<T> out_bw,
                                              duration<T> out_alpha) {
  const T ranks = per_domain * domains;
  const T inside = per_domain - T(1);    // peers in the same domain
  const T outside = ranks - per_domain;  // peers in other domains
  const duration<T> up = bytes * (inside / ranks) / up_bw + up_alpha * inside;
  const duration<T> out = bytes * (outside / ranks) / out_bw + out_alpha * outside;
  return flopcast::max(up, out);
}

namespace detail {
// Seconds per byte of the slower tier of a pipelined two-tier ring or tree: 1 / W_up while the
// group has more than one rank in a domain, 1 / (k1 W_out) while it spans domains.
template <class T>
constexpr T two_tier_seconds_per_byte(T per_domain, T domains, T up_bw, T out_bw) {
  const T up = flopcast::select(per_domain > T(1), T(1) / up_bw, T(0));
  const T out = flopcast::select(domains > T(1), T(1) / (per_domain * out_bw), T(0));
  return flopcast::max(up, out);
}
}  // namespace detail

// NCCL's ring across both tiers: 2 (k-1)/k S at min(W_up, k1 W_out); 2 (k-k2) in-domain steps
// and 2 (k2-1) cross-domain steps.
template <class T>
constexpr duration<T> two_tier_ring_all_reduce(data_size<T> bytes,
                                               std::type_identity_t<T> per_domain,
                                               std::type_identity_t<T> domains, bandwidth<T> up_bw,
                                               duration<T> up_alpha, bandwidth<T> out_bw,
                                               duration<T> out_alpha) {
  const T ranks = per_domain * domains;
  const T spb = detail::two_tier_seconds_per_byte<T>(per_domain, domains, up_bw.base_value(),
                                                     out_bw.base_value());
  const T wire = bytes.base_value() * (T(2) * (ranks - T(1)) / ranks) * spb;
  return duration<T>::from_base(wire) + up_alpha * (T(2) * (ranks - domains)) +
         out_alpha * (T(2) * (domains - T(1)));
}

// NCCL's tree across both tiers: a chain inside each domain, a double binary tree across
// domains. 2 S at min(W_up, k1 W_out); 2 ((k1-1) alpha_up + ceil(log2 k2) alpha_out).
template <class T>
constexpr duration<T> two_tier_tree_all_reduce(data_size<T> bytes,
                                               std::type_identity_t<T> per_domain,
                                               std::type_identity_t<T> domains, bandwidth<T> up_bw,
                                               duration<T> up_alpha, bandwidth<T> out_bw,
                                               duration<T> out_alpha) {
  const T spb = detail::two_tier_seconds_per_byte<T>(per_domain, domains, up_bw.base_value(),
                                                     out_bw.base_value());
  const T wire = bytes.base_value() * T(2) * spb;
  return duration<T>::from_base(wire) + up_alpha * (T(2) * (per_domain - T(1))) +
         out_alpha * (T(2) * detail::ceil_log2<T>(domains));
}

// NCCL's ring reduce-scatter (and all-gather, the same cost) across both tiers: (k-1)/k S at
// min(W_up, k1 W_out); (k-k2) in-domain and (k2-1) cross-domain steps.
template <class T>
constexpr duration<T> two_tier_ring_reduce_scatter(data_size<T> bytes,
                                                   std::type_identity_t<T> per_domain,
                                                   std::type_identity_t<T> domains,
                                                   bandwidth<T> up_bw, duration<T> up_alpha,
                                                   bandwidth<T> out_bw, duration<T> out_alpha) {
  const T ranks = per_domain * domains;
  const T spb = detail::two_tier_seconds_per_byte<T>(per_domain, domains, up_bw.base_value(),
                                                     out_bw.base_value());
  const T wire = bytes.base_value() * ((ranks - T(1)) / ranks) * spb;
  return duration<T>::from_base(wire) + up_alpha * (ranks - domains) + out_alpha * (domains - T(1));
}

template <class T>
constexpr duration<T> two_tier_ring_all_gather(data_size<T> bytes,
                                               std::type_identity_t<T> per_domain,
                                               std::type_identity_t<T> domains, bandwidth<T> up_bw,
                                               duration<T> up_alpha, bandwidth<T> out_bw,
                                               duration<T> out_alpha) {
  return two_tier_ring_reduce_scatter<T>(bytes, per_domain, domains, up_bw, up_alpha, out_bw,
                                         out_alpha);
}

// ---- Placement ----------------------------------------------------------------------------------

template <class T>
struct group_layout {
  T ranks{};       // k
  T per_domain{};  // k1: members sharing one scale-up domain
  T domains{};     // k2 = k / k1: domains the group touches
};

// Where a group of `ranks` members at `stride` falls on domains of `domain_size` accelerators
// (consecutive ranks share a domain). Regular when the stride divides the domain size or the
// domain size divides the stride, and the group's span is within one domain or a whole number of
// them; otherwise the counts are fractional and the costs interpolate (e.g. 16 ranks at stride 8
// on 72-GPU domains: 9 in one domain and 7 in the next, modelled as 9 per domain x 1.78).
template <class T>
constexpr group_layout<T> place_group(std::type_identity_t<T> ranks, std::type_identity_t<T> stride,
                                      std::type_identity_t<T> domain_size) {
  const T per_domain = flopcast::min(ranks, flopcast::max(T(1), domain_size / stride));
  return {ranks, per_domain, ranks / per_domain};
}

enum class link_tier : unsigned char {
  local,         // one rank: no communication
  scale_up,      // every member in one domain
  scale_out,     // one member per domain
  hierarchical,  // several members in each of several domains
};

constexpr std::string_view name(link_tier t) {
  switch (t) {
    case link_tier::local:
      return "local";
    case link_tier::scale_up:
      return "scale-up";
    case link_tier::scale_out:
      return "scale-out";
    case link_tier::hierarchical:
      return "scale-up + scale-out";
  }
  return "?";
}

constexpr link_tier tier(const group_layout<double>& g) {
  if (!(g.ranks > 1.0)) return link_tier::local;
  if (!(g.domains > 1.0)) return link_tier::scale_up;
  if (!(g.per_domain > 1.0)) return link_tier::scale_out;
  return link_tier::hierarchical;
}

// Run-time check of a group's inputs (the formulas themselves do not branch).
constexpr const reason* check_group(double ranks, double stride) {
  if (!(ranks >= 1.0) || !(stride >= 1.0)) return &reasons::collective_ranks_below_one;
  return nullptr;
}

// ---- On a cluster -------------------------------------------------------------------------------
// The group's links follow from its placement; bandwidths are the cluster's achievable
// per-accelerator rates and alphas its per-step latencies.

//
// A partial last domain (a count that is not a whole number of domains, r accelerators in the
// last one) changes the group that reaches into it: when the group's span (ranks x stride) is
// larger than r, that group spans the partial domain and a full one, so it crosses scale-out
// even where a full domain would hold it, and it has only about r / stride members in the
// partial domain to share the scale-out traffic. The slowest group paces the step, so its
// members per domain are the fewer of the two (and its domain count ranks / that: the
// bandwidth term of the busiest NIC is exact, the latency terms count a few domains too many).
// Whole domains (r = 0) leave the placement as above, bit for bit.
template <class T>
constexpr group_layout<T> place_group(const cluster_spec& c, std::type_identity_t<T> ranks,
                                      std::type_identity_t<T> stride) {
  const group_layout<T> whole =
      place_group<T>(ranks, stride, T(static_cast<double>(c.domain_size())));
  const int partial = c.partial_domain();
  if (partial == 0) return whole;
  const T r = T(static_cast<double>(partial));
  const T in_partial = flopcast::min(ranks, flopcast::max(T(1), r / stride));
  const T per_domain =
      flopcast::select(ranks * stride > r, flopcast::min(whole.per_domain, in_partial),
                       whole.per_domain);
  return {ranks, per_domain, ranks / per_domain};
}

namespace detail {
template <class T>
struct cluster_links {
  bandwidth<T> up_bw, out_bw;
  duration<T> up_alpha, out_alpha;
  data_size<T> up_half, out_half;
};
template <class T>
constexpr cluster_links<T> links_of(const cluster_spec& c) {
  // Without a scale-out network only in-domain groups are valid; their scale-out terms carry a
  // factor (k2 - 1) = 0, so any finite bandwidth keeps them at zero instead of 0 x inf = NaN.
  const bandwidth<> out = c.scale_out_achievable().base_value() > 0.0 ? c.scale_out_achievable()
                                                                      : c.scale_up_achievable();
  return {splat<T>(c.scale_up_achievable()), splat<T>(out), splat<T>(c.scale_up.latency),
          splat<T>(c.scale_out.latency), splat<T>(c.scale_up.half_size),
          splat<T>(c.scale_out.half_size)};
}
}  // namespace detail

// The achievable rate of a collective whose buffer is `bytes` on a link whose large-message rate
// is `large` and half-bandwidth size `half`: large x S / (S + S_half) (see link_half_size in
// <flopcast/hardware/interconnects.hpp>). A buffer below one byte counts as one byte, so an
// empty collective keeps a positive rate (its bandwidth term is zero either way).
template <class T>
constexpr bandwidth<T> at_message_size(bandwidth<T> large, data_size<T> bytes,
                                       data_size<T> half) {
  const T size = flopcast::max(bytes.base_value(), T(1));
  return large * (size / (size + half.base_value()));
}

namespace detail {
// Places a group of `ranks` at `stride` on the cluster and passes the cost formula its two tiers:
// f(bytes, k1 per domain, k2 domains, scale-up bandwidth and alpha, scale-out bandwidth and alpha).
template <class T, class Formula>
constexpr duration<T> placed(const cluster_spec& c, data_size<T> bytes, T ranks, T stride,
                             Formula f) {
  const auto g = place_group<T>(c, ranks, stride);
  const auto l = links_of<T>(c);
  return f(bytes, g.per_domain, g.domains, at_message_size<T>(l.up_bw, bytes, l.up_half),
           l.up_alpha, at_message_size<T>(l.out_bw, bytes, l.out_half), l.out_alpha);
}
}  // namespace detail

// Each of these places the group (k1, k2) and takes the fastest two-tier algorithm (see the top
// of this file): the flat scale-up cost when the group fits in one domain, the flat scale-out
// cost when each member is in its own domain.
template <class T>
constexpr duration<T> all_reduce(const cluster_spec& c, data_size<T> bytes,
                                 std::type_identity_t<T> ranks, std::type_identity_t<T> stride) {
  return detail::placed<T>(c, bytes, ranks, stride, [](auto... a) {
    return flopcast::min(hierarchical_all_reduce<T>(a...),
                         flopcast::min(two_tier_ring_all_reduce<T>(a...),
                                       two_tier_tree_all_reduce<T>(a...)));
  });
}

template <class T>
constexpr duration<T> reduce_scatter(const cluster_spec& c, data_size<T> bytes,
                                     std::type_identity_t<T> ranks,
                                     std::type_identity_t<T> stride) {
  return detail::placed<T>(c, bytes, ranks, stride, [](auto... a) {
    return flopcast::min(hierarchical_reduce_scatter<T>(a...),
                         two_tier_ring_reduce_scatter<T>(a...));
  });
}

template <class T>
constexpr duration<T> all_gather(const cluster_spec& c, data_size<T> bytes,
                                 std::type_identity_t<T> ranks, std::type_identity_t<T> stride) {
  return detail::placed<T>(c, bytes, ranks, stride, [](auto... a) {
    return flopcast::min(hierarchical_all_gather<T>(a...), two_tier_ring_all_gather<T>(a...));
  });
}

template <class T>
constexpr duration<T> all_to_all(const cluster_spec& c, data_size<T> bytes,
                                 std::type_identity_t<T> ranks, std::type_identity_t<T> stride) {
  return detail::placed<T>(c, bytes, ranks, stride,
                           [](auto... a) { return hierarchical_all_to_all<T>(a...); });
}

template <class T>
constexpr duration<T> point_to_point(const cluster_spec& c, data_size<T> bytes,
                                     std::type_identity_t<T> stride) {
  const T domain = T(static_cast<double>(c.domain_size()));
  const auto l = detail::links_of<T>(c);
  const bandwidth<T> up_p2p =
      at_message_size<T>(splat<T>(c.scale_up_point_to_point_achievable()), bytes, l.up_half);
  const bandwidth<T> out_p2p = at_message_size<T>(l.out_bw, bytes, l.out_half);
  return flopcast::select(stride < domain, point_to_point<T>(bytes, up_p2p, l.up_alpha),
                          point_to_point<T>(bytes, out_p2p, l.out_alpha));
}

}  // namespace flopcast
