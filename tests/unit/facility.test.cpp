// Published system power (hardware/facility.hpp) and dated prices (catalog/prices.hpp): the
// DGX H100 arithmetic, per-accelerator power above each chip's TDP, well-formed price ranges,
// lookups by catalog entry, the fat-tree network share, and the measured energy evidence.
#include <flopcast/catalog/energy_evidence.hpp>
#include <flopcast/catalog/prices.hpp>
#include <flopcast/estimate/power.hpp>
#include <flopcast/hardware/facility.hpp>

#include "catch_any.hpp"

using namespace flopcast;
using Catch::Matchers::WithinRel;

// DGX H100: 10.2 kW over 8 GPUs is 1,275 W each; over the 700 W TDP, a 575 W host share.
static_assert(system_power::dgx_h100.per_accelerator().in(watts) == 1275.0);
static_assert(system_power::dgx_h100.host_share()->in(watts) == 575.0);
static_assert(system_power_for(chips::h100_sxm) == &system_power::dgx_h100);
static_assert(system_power_for(chips::tpu_v5p) == nullptr);
static_assert(price_for(chips::tpu_v5p) == &prices::tpu_v5p);
static_assert(price_for(chips::gaudi2) == nullptr);

TEST_CASE("facility: DGX H100 per-GPU power and host share", "[facility]") {
  const auto& dgx = system_power::dgx_h100;
  CHECK(&dgx.chip() == &chips::h100_sxm);
  CHECK(dgx.accelerators() == 8.0);
  CHECK_THAT(dgx.system_power.in(kilowatts), WithinRel(10.2, 1e-12));
  CHECK_THAT(dgx.per_accelerator().in(watts), WithinRel(1275.0, 1e-12));
  REQUIRE(dgx.host_share().has_value());
  CHECK_THAT(dgx.host_share()->in(watts), WithinRel(575.0, 1e-12));
}

TEST_CASE("facility: every system draws more per accelerator than its chip's TDP", "[facility]") {
  for (const system_power_spec* s : system_power::all_system_powers) {
    CAPTURE(s->name);
    REQUIRE(s->system != nullptr);
    CHECK(s->accelerators() >= 1.0);
    CHECK(s->system_power.in(watts) > 0.0);
    CHECK_FALSE(s->published.empty());
    CHECK_FALSE(s->source.empty());
    if (s->chip().tdp.has_value()) {
      REQUIRE(s->host_share().has_value());
      CHECK(s->host_share()->in(watts) > 0.0);
    }
  }
}

TEST_CASE("facility: system_power_for finds each entry", "[facility]") {
  for (const system_power_spec* s : system_power::all_system_powers) {
    CAPTURE(s->name);
    CHECK(system_power_for(s->chip()) == s);
  }
  CHECK(system_power_for(chips::mi300x) == nullptr);
}

TEST_CASE("facility: every price range is well formed and sourced", "[facility][prices]") {
  for (const chip_price* p : prices::all_prices) {
    REQUIRE(p->chip != nullptr);
    CAPTURE(p->chip->name);
    CHECK(p->rental_low.in(dollars_per_hour) > 0.0);
    CHECK(p->rental_low.in(dollars_per_hour) <= p->rental_high.in(dollars_per_hour));
    CHECK(p->capex_low.in(dollars) >= 0.0);
    CHECK(p->capex_low.in(dollars) <= p->capex_high.in(dollars));
    CHECK(p->published.size() == 7);  // "YYYY-MM"
    CHECK_FALSE(p->source.empty());
  }
}

TEST_CASE("facility: price_for finds each entry", "[facility][prices]") {
  for (const chip_price* p : prices::all_prices) {
    CAPTURE(p->chip->name);
    CHECK(price_for(*p->chip) == p);
  }
  CHECK(price_for(chips::gaudi3) == nullptr);
}

TEST_CASE("facility: fat-tree tiers and switches per endpoint", "[facility][network]") {
  // 64-port switches: 1 tier up to 64 endpoints, 2 up to 64^2/2 = 2,048, 3 up to 64^3/4 = 65,536.
  static_assert(fat_tree_tiers(64, 64) == 1 && fat_tree_tiers(65, 64) == 2);
  static_assert(fat_tree_tiers(2048, 64) == 2 && fat_tree_tiers(2049, 64) == 3);
  static_assert(fat_tree_tiers(65536, 64) == 3 && fat_tree_tiers(65537, 64) == 4);
  // (2 tiers - 1) / ports: leaf and spine 3/64, with a core 5/64.
  CHECK(fat_tree_switches_per_endpoint(2048, 64) == Approx(3.0 / 64));
  CHECK(fat_tree_switches_per_endpoint(16384, 64) == Approx(5.0 / 64));
  // Per accelerator: none inside one scale-up domain; else switches + the NIC-side optic.
  const fabric_power_spec& ib = fabric_power::infiniband_ndr;
  CHECK(network_power_per_accelerator(ib, 8, 8).in(watts) == 0.0);
  CHECK(network_power_per_accelerator(ib, 16384, 8).in(watts) == Approx(5.0 / 64 * 1720 + 9));
}

TEST_CASE("energy evidence: measured MLPerf energy implies power factors inside the default",
          "[facility][evidence]") {
  // SMC, MLPerf Training v4.0: 11,769,962 J in 29.10069 min on one 10.2 kW HGX H100 node.
  CHECK(energy_evidence::smc_lora_8.power_factor() ==
        Approx(11'769'962.0 / (29.10069 * 60) / 10'200.0));
  CHECK(energy_evidence::smc_lora_8.power_factor() == Approx(0.661).margin(0.001));
  // Above one node the measurement includes the network, and so does the budget: 8 nodes add a
  // 1-tier fat tree (1/64 x 1,720 + 9 W per GPU), 64 nodes a 2-tier one (3/64 x 1,720 + 9 W).
  CHECK(energy_evidence::smc_lora_64.power_factor() ==
        Approx(20'381'549.0 / (5.40279 * 60) / (8 * 10'200.0 + 64 * (1720.0 / 64 + 9))));
  CHECK(energy_evidence::smc_lora_64.power_factor() == Approx(0.749).margin(0.001));
  CHECK(energy_evidence::smc_lora_512.power_factor() == Approx(0.520).margin(0.001));
  // Every measured factor lies in the default range the energy estimate uses.
  for (const measured_energy_run* r : energy_evidence::runs) {
    CAPTURE(r->name);
    CHECK(power_defaults::power_factor.contains(r->power_factor()));
    CHECK_FALSE(r->source.empty());
  }
  for (const measured_power_fraction* m : energy_evidence::fractions) {
    CAPTURE(m->name);
    CHECK(power_defaults::power_factor.contains(m->fraction));
  }
}
