// Run-time tests of the chip catalog: lookup by name and alias, the unknown-name error and its
// suggestions, sources, and run-time failures on absent precisions. The figures themselves are
// pinned at compile time in tests/static/catalog_static.cpp.
#include "flopcast/hardware/catalog.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catch_any.hpp"
#include "flopcast/hardware/system.hpp"

using namespace flopcast;

namespace {

// The error a call raises, or an empty code when it raises none.
template <class F>
invalid_input caught(F&& f) {
  try {
    f();
  } catch (const invalid_input& e) {
    return e;
  }
  return invalid_input("", "no exception");
}

}  // namespace

TEST_CASE("every chip is found by its own display name", "[catalog]") {
  for (const chip_spec* c : all_chips) {
    CAPTURE(c->name);
    CHECK(find_chip(c->name) == c);
    CHECK(&chip_named(c->name) == c);
  }
}

TEST_CASE("every alias finds its chip", "[catalog]") {
  for (const chip_alias& a : chip_aliases) {
    CAPTURE(a.alias);
    CHECK(find_chip(a.alias) == a.chip);
  }
}

TEST_CASE("names are normalised: case, spaces, '-', '_' and parentheses do not matter",
          "[catalog]") {
  const std::string name =
      GENERATE(as<std::string>{}, "H100", "h100", "H100 SXM", "h100-sxm", "h100_sxm", "H100SXM",
               "  h100  ", "H-1-0-0", "h100 SXM5 80GB", "H100 SXM5 80gb");
  CAPTURE(name);
  CHECK(find_chip(name) == &chips::h100_sxm);
}

TEST_CASE("aliases pick the documented variant of a family", "[catalog]") {
  CHECK(&chip_named("a100") == &chips::a100_sxm4_80gb);
  CHECK(&chip_named("a100-40gb") == &chips::a100_sxm4_40gb);
  CHECK(&chip_named("A100 PCIe") == &chips::a100_pcie_80gb);
  CHECK(&chip_named("v100") == &chips::v100_sxm2_32gb);
  CHECK(&chip_named("h200") == &chips::h200_sxm);
  CHECK(&chip_named("H800") == &chips::h800_sxm);
  CHECK(&chip_named("b200") == &chips::b200);
  CHECK(&chip_named("b300") == &chips::b300);
  CHECK(&chip_named("MI300X") == &chips::mi300x);
  CHECK(&chip_named("mi355x") == &chips::mi355x);
  CHECK(&chip_named("TPU v5p") == &chips::tpu_v5p);
  CHECK(&chip_named("v5p") == &chips::tpu_v5p);
  CHECK(&chip_named("v5e") == &chips::tpu_v5e);
  CHECK(&chip_named("Trillium") == &chips::tpu_v6e);
  CHECK(&chip_named("Ironwood") == &chips::tpu7x);
  CHECK(&chip_named("TPU v7") == &chips::tpu7x);
  CHECK(&chip_named("Gaudi3") == &chips::gaudi3);
  CHECK(&chip_named("gaudi 2") == &chips::gaudi2);
  CHECK(&chip_named("trn2") == &chips::trainium2);
}

TEST_CASE("'gb200' is one GPU; 'gb200 superchip' is the two-GPU board", "[catalog]") {
  const chip_spec& gpu = chip_named("gb200");
  const chip_spec& board = chip_named("GB200 Superchip");
  CHECK(&gpu == &chips::gb200);
  CHECK(&board == &chips::gb200_superchip);
  CHECK(gpu.accelerators == 1);
  CHECK(board.accelerators == 2);
  CHECK(board.peak_per_accelerator(precision::fp8) == gpu.peak(precision::fp8));
  CHECK(&chip_named("gb300") == &chips::gb300);
  CHECK(chip_named("gb300").accelerators == 1);
}

TEST_CASE("an unknown name is nullptr for find_chip and an error for chip_named", "[catalog]") {
  CHECK(find_chip("h1000") == nullptr);
  CHECK(find_chip("") == nullptr);
  CHECK(find_chip("a100 sxm4 80gb extra") == nullptr);

  const invalid_input e = caught([] { (void)chip_named("h1000"); });
  CHECK(std::string(e.code()) == "unknown_chip");
  CHECK(std::string(e.what()) ==
        "unknown chip 'h1000'; did you mean: H100 SXM5 80GB, H100 PCIe 80GB, H100 NVL 94GB?");
  CHECK_THROWS_AS(chip_named("nonsense"), invalid_input);
}

TEST_CASE("the error message quotes the name as given and suggests catalog names", "[catalog]") {
  const invalid_input e = caught([] { (void)chip_named("MI300"); });
  CHECK(std::string(e.code()) == "unknown_chip");
  const std::string what = e.what();
  CHECK(what.rfind("unknown chip 'MI300'; did you mean: Instinct MI300X", 0) == 0);
  CHECK(what.back() == '?');
}

TEST_CASE("suggest_chips ranks close names first and never repeats a chip", "[catalog]") {
  CHECK(suggest_chips("h1000") ==
        std::vector<std::string_view>{"H100 SXM5 80GB", "H100 PCIe 80GB", "H100 NVL 94GB"});
  CHECK(suggest_chips("a10") ==
        std::vector<std::string_view>{"A100 SXM4 40GB", "A100 SXM4 80GB", "A100 PCIe 80GB"});
  CHECK(suggest_chips("tpu v5").size() == 3);
  CHECK(suggest_chips("tpu v5")[0].substr(0, 6) == "TPU v5");
  CHECK(suggest_chips("tpu v5")[1].substr(0, 6) == "TPU v5");
  CHECK(suggest_chips("ironwod", 1) == std::vector<std::string_view>{"TPU7x (Ironwood)"});
  CHECK(suggest_chips("trainium", 1) == std::vector<std::string_view>{"Trainium2"});
  CHECK(suggest_chips("Gaudi", 2) ==
        std::vector<std::string_view>{"Gaudi 2 (HL-225)", "Gaudi 3 (HL-325L OAM)"});
  CHECK(suggest_chips("h100", 0).empty());

  const std::vector<std::string_view> all = suggest_chips("x", 100);
  CHECK(all.size() == all_chips.size());
  CHECK(std::set<std::string_view>(all.begin(), all.end()).size() == all_chips.size());
}

TEST_CASE("an exact name suggests itself first", "[catalog]") {
  for (const chip_spec* c : all_chips) {
    CAPTURE(c->name);
    const std::vector<std::string_view> s = suggest_chips(c->name, 1);
    REQUIRE(s.size() == 1);
    CHECK(s[0] == c->name);
  }
}

TEST_CASE("every chip has https sources and a non-empty name", "[catalog]") {
  CHECK(all_chips.size() == 29);
  std::set<std::string_view> names;
  for (const chip_spec* c : all_chips) {
    CAPTURE(c->name);
    CHECK_FALSE(c->name.empty());
    CHECK_FALSE(c->source.empty());
    names.insert(c->name);
    // Every " ; "-separated URL, not just the first, is https.
    std::string_view rest = c->source;
    for (;;) {
      const std::size_t sep = rest.find(" ; ");
      const std::string_view url = rest.substr(0, sep);
      CAPTURE(url);
      CHECK(url.substr(0, 8) == "https://");
      CHECK(url.find(' ') == std::string_view::npos);
      if (sep == std::string_view::npos) break;
      rest = rest.substr(sep + 3);
    }
    CHECK(c->price.has_value() == !c->price_basis.empty());
  }
  CHECK(names.size() == all_chips.size());
}

TEST_CASE("an absent precision throws at run time", "[catalog]") {
  const chip_spec& a100 = chip_named("a100");
  const invalid_input e = caught([&] { (void)a100.peak(precision::fp8); });
  CHECK(std::string(e.code()) == "precision_not_supported_by_chip");
  CHECK_THROWS_AS(chip_named("v100").peak(precision::bf16), invalid_input);
  CHECK_THROWS_AS(chip_named("tpu v4").peak(precision::fp64), invalid_input);
  CHECK_FALSE(a100.try_peak(precision::fp8).ok());
  CHECK(a100.try_peak(precision::bf16).value() == 312.0 * tflop_per_s);
}

TEST_CASE("absent figures are absent, never zero", "[catalog]") {
  for (const chip_spec* c : all_chips) {
    CAPTURE(c->name);
    for (precision p : all_precisions) {
      if (c->supports(p)) CHECK(c->peak(p).in(tflop_per_s) > 0.0);
    }
    if (c->tdp) CHECK(c->tdp->in(watts) > 0.0);
    if (c->scale_out) CHECK(c->scale_out->in(gigabits_per_s) > 0.0);
    if (c->price) CHECK(c->price->in(dollars_per_hour) > 0.0);
    CHECK(c->memory.in(gigabytes) > 0.0);
    CHECK(c->memory_bandwidth.in(terabytes_per_s) > 0.0);
  }
}

TEST_CASE("systems total their chips", "[catalog][system]") {
  const system_spec& nvl72 = systems::gb200_nvl72;
  CHECK(nvl72.accelerators() == 72.0);
  CHECK(nvl72.total_peak(precision::bf16).in(pflop_per_s) == 180.0);
  CHECK_THROWS_AS(systems::tpu_v5p_pod.total_peak(precision::fp64), invalid_input);
  CHECK_FALSE(systems::ironwood_pod.total_chip_tdp().has_value());
  CHECK(systems::hgx_h100.total_chip_tdp()->in(kilowatts) == 5.6);
  CHECK(accelerators_in(100'000.0, chip_named("gb200 superchip")) == 200'000.0);
  CHECK(accelerators_in(100'000.0, chip_named("gb200")) == 100'000.0);
}
