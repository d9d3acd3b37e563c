// Published system power (hardware/facility.hpp) and dated prices (catalog/prices.hpp): the
// DGX H100 arithmetic, per-accelerator power above each chip's TDP, well-formed price ranges,
// and lookups by catalog entry.
#include <flopcast/catalog/prices.hpp>
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
