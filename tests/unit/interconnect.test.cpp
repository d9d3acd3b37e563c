// The interconnect catalog, link consistency rules and clusters at run time.
#include <flopcast/hardware/cluster.hpp>
#include <flopcast/hardware/interconnects.hpp>
#include <set>
#include <string>
#include <string_view>

#include "catch_any.hpp"

using namespace flopcast;
using Catch::Matchers::WithinRel;

namespace {
double gbs(bandwidth<> b) { return b.in(gigabytes_per_s); }

bool cites_a_url(std::string_view source) {
  return source.find("https://") != std::string_view::npos;
}

// The code of the invalid_input that f throws, or "" when it does not throw.
template <class F>
std::string thrown_code(F&& f) {
  try {
    f();
  } catch (const invalid_input& e) {
    return e.code();
  }
  return "";
}
}  // namespace

TEST_CASE("all 35 interconnect link rows are in the catalog, consistent and cited",
          "[interconnect]") {
  CHECK(links::all.size() == 35);
  std::set<std::string_view> names;
  for (const link_spec* l : links::all) {
    INFO(l->name);
    CHECK(find_problem(*l) == nullptr);
    CHECK(cites_a_url(l->source));
    CHECK_FALSE(l->verification.empty());
    CHECK_FALSE(l->category.empty());
    CHECK(l->year >= 2010);
    CHECK(names.insert(l->name).second);  // names are unique
    CHECK(links::find(l->name) == l);
  }
}

TEST_CASE("where both directions are given, bidirectional is exactly twice one way",
          "[interconnect]") {
  int pairs = 0;
  for (const link_spec* l : links::all) {
    INFO(l->name);
    if (l->per_link_per_direction && l->per_link_bidirectional) {
      CHECK_THAT(gbs(*l->per_link_bidirectional),
                 WithinRel(2.0 * gbs(*l->per_link_per_direction), 1e-12));
      ++pairs;
    }
    if (l->per_chip_per_direction && l->per_chip_bidirectional) {
      CHECK_THAT(gbs(*l->per_chip_bidirectional),
                 WithinRel(2.0 * gbs(*l->per_chip_per_direction), 1e-12));
      ++pairs;
    }
  }
  CHECK(pairs == 46);  // 23 per-link and 23 per-chip pairs in the catalog
}

TEST_CASE("one-way accessors use the stored figure and halve only when it is absent",
          "[interconnect]") {
  // Stored: MI300X per link is 64 one way, even though AMD's 128 has no stated direction.
  CHECK(gbs(links::infinity_fabric_mi300x.link_per_direction().value()) == 64.0);
  CHECK(gbs(links::nvlink_5.chip_per_direction().value()) == 900.0);
  // Derived by halving, documented: TPU7x per link, NeuronLink-v3 per chip.
  CHECK(gbs(links::tpu7x_ici.link_per_direction().value()) == 100.0);
  CHECK(gbs(links::neuronlink_v3.chip_per_direction().value()) == 640.0);
  // Switch rows have no per-link figure; NVSwitch gen1 has no bandwidth at all.
  const auto none = links::nvswitch_1.chip_per_direction();
  CHECK_FALSE(none.ok());
  CHECK(std::string(none.error()->code) == "link_direction_unknown");
}

TEST_CASE("software model latencies are a separate, labelled table", "[interconnect]") {
  CHECK(latency_models::all.size() == 8);
  for (const latency_model* m : latency_models::all) {
    INFO(m->name);
    CHECK(m->value.in(microseconds) > 0.0);
    CHECK(cites_a_url(m->source));
    CHECK_FALSE(m->basis.empty());
  }
  CHECK(latency_models::nccl_network.value.in(microseconds) == 14.0);
  CHECK(latency_models::calculon_infiniband.value.in(microseconds) == 20.0);
}

TEST_CASE("link rules reject bad entries at run time with the rule's name", "[interconnect]") {
  link_spec l = links::nvlink_4;
  REQUIRE(find_problem(l) == nullptr);

  l.per_chip_bidirectional = 450.0 * gigabytes_per_s;  // one-way figure in the bidirectional field
  CHECK(thrown_code([&] { validate(l); }) == "link_bidirectional_not_twice_per_direction");

  l = links::nvlink_4;
  l.links_per_chip = 12;  // 12 x 25 != 450
  CHECK(thrown_code([&] { (void)checked(l); }) == "link_per_chip_not_links_times_per_link");

  l = links::infiniband_ndr;
  l.per_link_per_direction = 400.0 * gigabytes_per_s;  // bits taken as bytes
  l.per_link_bidirectional = 800.0 * gigabytes_per_s;
  CHECK(thrown_code([&] { validate(l); }) == "link_payload_exceeds_signalling");

  l = links::gaudi3_roce;
  l.links_counted_per_chip = 25;  // more than the 24 ports
  CHECK(thrown_code([&] { validate(l); }) == "link_bad_count");
}

TEST_CASE("achievable-bandwidth defaults follow the link and are documented fractions",
          "[interconnect]") {
  // NCCL on HGX H100: ~370 of 450 GB/s per direction (740 of 900 bidirectional).
  CHECK_THAT(typical_efficiency(links::nvlink_4) * 900.0, WithinRel(740.0, 1e-12));
  CHECK_THAT(typical_efficiency(links::nvlink_3) * 300.0, WithinRel(235.0, 1e-12));
  CHECK_THAT(typical_efficiency(links::nvlink_5) * 50.0, WithinRel(40.1, 1e-12));
  CHECK_THAT(typical_efficiency(links::infiniband_ndr) * 50.0, WithinRel(48.0, 1e-12));
  CHECK(typical_efficiency(links::ethernet_400g) == typical_efficiency(links::infiniband_ndr));
  CHECK_THAT(typical_efficiency(links::infinity_fabric_mi300x) * 64.0, WithinRel(48.0, 1e-12));
  for (const link_spec* l : links::all) {
    INFO(l->name);
    CHECK(typical_efficiency(*l) > 0.5);
    CHECK(typical_efficiency(*l) <= 1.0);
    CHECK(typical_latency(*l).in(microseconds) > 0.0);
  }
}

TEST_CASE("example clusters are valid and take their rates from chip and links", "[cluster]") {
  for (const cluster_spec* c : clusters::all) {
    INFO(c->name);
    CHECK(find_problem(*c) == nullptr);
    CHECK(c->count % c->domain_size() == 0);
    CHECK(cites_a_url(c->source));
  }
  const cluster_spec& a100 = clusters::dgx_a100_superpod;
  CHECK(a100.domains() == 128);
  CHECK(gbs(a100.scale_up_per_direction()) == 300.0);
  CHECK(gbs(a100.scale_out_per_direction()) == 25.0);
  CHECK(a100.scale_up.latency.in(microseconds) == 3.4);
  CHECK(a100.scale_out.latency.in(microseconds) == 14.0);
  CHECK_THAT(a100.memory().in(terabytes), WithinRel(81.92, 1e-12));

  // Efficiencies and latencies are inputs: a cluster can set its own.
  cluster_spec tuned = clusters::hgx_h100_ndr;
  tuned.scale_up.efficiency = 0.65;  // Calculon's NVLink-tier assumption
  CHECK_THAT(gbs(tuned.scale_up_achievable()), WithinRel(292.5, 1e-12));
  CHECK(find_problem(tuned) == nullptr);
}

TEST_CASE("cluster rules return reasons for clusters built at run time", "[cluster]") {
  cluster_spec c = clusters::hgx_h100_ndr;
  c.count = 12;  // one and a half nodes: a whole domain and a partial one
  CHECK(try_check(c).ok());
  c.scale_up.used = 9;  // more used than the domain holds
  const auto r = try_check(c);
  CHECK_FALSE(r.ok());
  CHECK(std::string(r.error()->code) == "cluster_domain_used_out_of_range");
  CHECK(thrown_code([&] { validate(c); }) == "cluster_domain_used_out_of_range");

  c = clusters::hgx_h100_ndr;
  c.scale_out.shape = topology::none;
  CHECK(std::string(try_check(c).error()->code) == "cluster_needs_scale_out");

  c = clusters::hgx_h100_ndr;
  c.scale_up.latency = -1.0 * microseconds;
  CHECK(std::string(try_check(c).error()->code) == "cluster_latency_negative");

  c = clusters::hgx_h100_ndr;
  c.count = 4;  // part of one node: no scale-out needed
  c.scale_out = {};
  CHECK(try_check(c).ok());
  CHECK(c.domain_size() == 4);
}

TEST_CASE("GB200 jobs of any size: whole racks and a partial one, or racks partly used",
          "[cluster]") {
  // Sizes NVIDIA and CoreWeave submitted to MLPerf Training (issue 9): refused before for not
  // being a whole number of 72-GPU racks.
  for (const int n : {512, 1024, 2496}) {
    INFO(n);
    const cluster_spec full = clusters::gb200_nvl72.with_count(n);
    CHECK(try_check(full).ok());
    CHECK(full.domains() == (n + 71) / 72);
    CHECK(full.partial_domain() == n % 72);
    cluster_spec used = full;
    used.scale_up.used = 64;  // 64 of 72 GPUs per rack, as the submissions describe
    CHECK(try_check(used).ok());
    CHECK(used.domain_size() == 64);
    CHECK(used.partial_domain() == 0);  // all three are whole numbers of 64-GPU racks
    CHECK(used.domains() == n / 64);
  }
  cluster_spec empty_used = clusters::gb200_nvl72.with_count(1024);
  empty_used.scale_up.used = -1;
  CHECK(std::string(try_check(empty_used).error()->code) == "cluster_domain_used_out_of_range");
}

TEST_CASE("a switchless domain's point-to-point rate is one link", "[cluster]") {
  // MI300X-like 8-GPU mesh, built from the link alone (the chip here is a placeholder with the
  // same scale-up figure): peer-to-peer is 64 GB/s per direction, not 448
  // (links::infinity_fabric_mi300x).
  chip_spec mi300x_like = chips::h100_sxm;
  mi300x_like.scale_up.bidirectional = 896.0 * gigabytes_per_s;
  const cluster_spec mesh{
      .chip = mi300x_like,
      .count = 8,
      .scale_up = {.size = 8, .link = links::infinity_fabric_mi300x, .shape = topology::full_mesh},
  };
  CHECK(find_problem(mesh) == nullptr);
  CHECK(gbs(mesh.scale_up_per_direction()) == 448.0);
  CHECK(gbs(mesh.scale_up_point_to_point()) == 64.0);
  CHECK_THAT(gbs(mesh.scale_up_point_to_point_achievable()), WithinRel(48.0, 1e-12));
}
