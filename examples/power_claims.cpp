// Four claims of the compute race argued in megawatts and dollars, each worked through
// flopcast's power and cost formulas with its assumptions printed beside the results.
//
// Every assumption is a range (flopcast::interval) and flows through the same templated formulas
// as a point: a result printed "a - b" holds every point result the assumption ranges allow.
// The published figures each claim is compared with are cited where they are defined below.
#include <flopcast/flopcast.hpp>
#include <flopcast/sweep/search.hpp>

#include <iostream>
#include <string>

using namespace flopcast;

namespace {

// ---- Assumptions shared by every example, each a range ----------------------------------------

// PUE: Google's 2023 fleet average is 1.10 (Google 2024 Environmental Report); 1.4 covers the
// better half of the industry (Uptime Institute 2023 survey average 1.58).
constexpr interval pue{1.1, 1.4};
// Average draw / the IT budget: the measured range (catalog/energy_evidence.hpp).
constexpr interval power_factor = power_defaults::power_factor;
// Electricity: the EIA's 2023 US industrial average, 8.06 cents per kWh.
const energy_price<interval> kwh = splat<interval>(power_defaults::electricity);

// ---- Printing ----------------------------------------------------------------------------------

void line(const std::string& label, const std::string& value) {
  std::cout << "   " << label;
  for (std::size_t i = label.size(); i < 28; ++i) std::cout << ' ';
  std::cout << value << '\n';
}

// The catalog's budget per accelerator for `n` of chip c, as an interval for the formulas.
power_budget<interval> budget_for(const chip_spec& c, double n) {
  return splat_budget<interval>(default_power_budget(c, n).value());
}

std::string budget_text(const chip_spec& c, double n) {
  const power_budget<> b = default_power_budget(c, n).value();
  const system_power_spec& s = *system_power_for(c);
  std::string t = format_number(b.total().in(watts), 4) + " W = " +
                  format_number(b.chip.in(watts), 4) + " chip + " +
                  format_number(b.host.in(watts)) + " host (" + std::string(s.name) + ") + " +
                  format_number(b.network.in(watts)) + " fabric";
  if (n > c.scale_up.domain_typical) {
    t += " (" + std::to_string(fat_tree_tiers(n, fabric_power::infiniband_ndr.switch_ports)) +
         " tiers)";
  }
  return t;
}

cluster_power<interval> cluster_of(const chip_spec& c, double n) {
  return cluster_power_of<interval>(budget_for(c, n), interval(n), pue);
}

void print_cluster(const std::string& what, const chip_spec& c, double n) {
  const cluster_power<interval> p = cluster_of(c, n);
  line(what, format_number(n) + " x " + std::string(c.name));
  line("  per accelerator", budget_text(c, n));
  line("  IT power", to_string(p.it, megawatts, 4));
  line("  facility power", to_string(p.facility, megawatts, 4) + " (PUE " + to_string(pue) + ")");
  line("  average draw", to_string(p.facility * power_factor, megawatts, 4) + " (power factor " +
                             to_string(power_factor) + ")");
}

// The best plan's tokens per second per accelerator for a model on n chips (plan search over
// BF16 and FP8, the time objective).
double tokens_per_s_per_chip(const transformer& m, const chip_spec& c, int n, int batch) {
  search_request r;
  r.model = m;
  r.cluster = default_cluster(c, n);
  r.chips = n;
  r.global_batch = batch;
  r.limits.precisions = {precision::bf16, precision::fp8};
  r.top = 1;
  const search_result found = search_plans(r);
  return found.plans.front().step.tokens_per_s / n;
}

// ---- 1. xAI's Colossus, Memphis ---------------------------------------------------------------
// 100,000 H100 online 2 Sep 2024 (Musk on X, 122 days to build). Grid supply as reported: 8 MW
// at opening (July 2024; Tom's Hardware, TechRadar); 50 MW by 1 Aug 2024 after a substation
// upgrade (MLGW's CEO to the Memphis City Council, WREG); 150 MW approved by TVA's board on
// 7 Nov 2024 (Louisville Public Media, SELC), energised with 150 MW of Megapacks by May 2025
// (Greater Memphis Chamber). SELC counted 35 gas turbines, about 421 MW nameplate, in March-April
// 2025, by when the site was growing toward 200,000 GPUs. Grok 2: "about 20,000" H100 (Musk, April
// 2024, via Reuters); the 24,000 figure in circulation was not found in any source.
void memphis() {
  std::cout << "1. xAI Colossus, Memphis: is there enough power for 100,000 H100?\n";
  print_cluster("cluster", chips::h100_sxm, 100'000);
  const cluster_power<interval> p = cluster_of(chips::h100_sxm, 100'000);
  line("reported grid supply", "8 MW (Jul 2024), 50 MW (Aug 2024), 150 MW (TVA, Nov 2024)");
  line("reported on-site", "~35 gas turbines, ~421 MW nameplate (SELC, spring 2025)");
  const double grid_share_hi = 150.0 / p.facility.in(megawatts).lo;
  const double grid_share_lo = 150.0 / p.facility.in(megawatts).hi;
  line("150 MW covers", format_number(100 * grid_share_lo) + " - " +
                            format_number(100 * grid_share_hi) +
                            "% of the facility's nameplate load");
  const interval average = (p.facility * power_factor).in(megawatts);
  std::cout << "   verdict: "
            << (p.facility.in(megawatts).lo > 150.0
                    ? "150 MW of grid falls short of the nameplate load at any PUE, as the\n"
                      "   reported turbines and batteries suggest; "
                    : "150 MW of grid carries the nameplate load at a low PUE; ")
            << "the average draw, " << to_string(average, 4) << " MW,\n   "
            << (average.hi <= 150.0   ? "fits within it"
                : average.lo <= 150.0 ? "fits within it only at the lower power factors"
                                      : "exceeds it")
            << ". (xAI's fabric is Spectrum-X Ethernet; the\n"
               "   network share uses InfiniBand NDR switches, the published figure at hand.)\n";
  print_cluster("Grok 2 (Musk: ~20,000)", chips::h100_sxm, 20'000);
  std::cout << '\n';
}

// ---- 2. OpenAI and Oracle, Abilene -------------------------------------------------------------
// The site as reported: a 1.2 GW campus of 8 buildings, the first two "200 MW+" (Crusoe, 2025);
// 16,000 GB200 by summer 2025 and 64,000 by end 2026 (Bloomberg, March 2025). The "$5B over two
// years for 100,000 GB200" is the claim as circulated; no attributable source for it was found.
void abilene() {
  std::cout << "2. OpenAI/Oracle, Abilene: 100,000 GB200, $5B over two years\n";
  const double as_gpus = 100'000;
  const double as_superchips = accelerators_in(100'000, chips::gb200_superchip);
  print_cluster("read as GPUs", chips::gb200, as_gpus);
  print_cluster("read as superchips", chips::gb200, as_superchips);
  line("reported site", "1.2 GW campus; first 2 buildings 200 MW+ (Crusoe)");

  const money<interval> total = interval(5.0) * billion_dollars;
  const duration<interval> two_years = interval(2.0) * years;
  const price_rate<interval> per_gpu = implied_price<interval>(total, as_gpus, two_years);
  const price_rate<interval> per_gpu_200k =
      implied_price<interval>(total, as_superchips, two_years);
  line("$5B / 2 years implies", "$" + to_string(per_gpu.in(dollars_per_hour)) +
                                    " per GPU-hour as 100,000 GPUs, $" +
                                    to_string(per_gpu_200k.in(dollars_per_hour)) + " as 200,000");
  const chip_price& gb200 = *price_for(chips::gb200);
  const price_rate<interval> gb200_rent = splat<interval>(gb200.rental_low);
  line("catalog GB200 rent", "$" + to_string(gb200_rent.in(dollars_per_hour)) +
                                 " per GPU-hour (" + std::string(gb200.published) +
                                 ", one provider)");
  line("  at which $5B rents", to_string(accelerators_for_budget<interval>(total, two_years,
                                                                          gb200_rent)) +
                                   " GPUs for two years");
  const chip_price& h100 = *price_for(chips::h100_sxm);
  const price_rate<interval> h100_rent =
      interval(h100.rental_low.in(dollars_per_hour), h100.rental_high.in(dollars_per_hour)) *
      dollars_per_hour;
  const interval h100_hours = total.in(dollars) / h100_rent.in(dollars_per_hour);
  line("the $5B in H100-hours", to_string(h100_hours * 1e-9) + " billion at $" +
                                    to_string(h100_rent.in(dollars_per_hour)) + " per hour (" +
                                    std::string(h100.published) + ")");
  line("  that is", to_string(accelerators_for_budget<interval>(total, two_years, h100_rent)) +
                        " H100 for two years");
  const energy<interval> two_years_drawn =
      run_energy<interval>(cluster_of(chips::gb200, as_gpus), power_factor, two_years);
  line("2 years' electricity", to_string(two_years_drawn, gigawatt_hours, 4) + ", $" +
                                   to_string(electricity_cost<interval>(two_years_drawn, kwh).in(dollars) * 1e-6) +
                                   " M at $0.08/kWh (100,000 GPUs)");
  const bool below_list = per_gpu.in(dollars_per_hour).hi < gb200_rent.in(dollars_per_hour).lo;
  std::cout << "   verdict: $5B for 100,000 GPUs over two years is "
            << (below_list ? "below" : "at or above")
            << " the one published GB200 rent; the\n"
               "   megawatts say which reading: 100,000 GPUs need about the first phase's 200 MW+,\n"
               "   200,000 GPUs twice that.\n\n";
}

// ---- 3. GTC 2024: a 1.8T-parameter MoE in 90 days ----------------------------------------------
// "Training a 1.8 trillion parameter model would have previously taken 8,000 Hopper GPUs and 15
// megawatts of power ... 2,000 Blackwell GPUs can do it while consuming just four megawatts"
// (The Verge, 18 March 2024, on the keynote). The 90 days is as repeated; no transcript with it
// was found. The model: the catalog's rumoured GPT-4 shape (1.8T parameters, 16 experts, top 2).
void gtc() {
  std::cout << "3. GTC 2024: a 1.8T MoE on 8,000 Hopper at 15 MW, or 2,000 Blackwell at 4 MW\n";
  print_cluster("Hopper", chips::h100_sxm, 8'000);
  print_cluster("Blackwell (GB200 NVL72)", chips::gb200, 2'000);
  line("claimed", "15 MW (1,875 W per GPU) and 4 MW (2,000 W per GPU)");

  // Per-GPU speed from the step model: the best plan at a 16M-token batch (2,048 sequences) on
  // power-of-two counts near the claim's (plans must divide the chips).
  const transformer& m = models::gpt4_rumoured.shape;
  const double h100 = tokens_per_s_per_chip(m, chips::h100_sxm, 8'192, 2'048);
  const double gb200 = tokens_per_s_per_chip(m, chips::gb200, 2'048, 2'048);
  const double hgx_b200 = tokens_per_s_per_chip(m, chips::b200, 2'048, 2'048);
  const double datasheet = peak_ratio(chips::gb200, chips::h100_sxm, precision::fp8);
  line("step model, tokens/s/GPU", format_number(h100) + " H100 (8,192), " + format_number(gb200) +
                                       " GB200 (2,048): " + format_number(gb200 / h100) + "x");
  line("  HGX B200, 8-GPU NVLink", format_number(hgx_b200) + " (2,048): " +
                                       format_number(hgx_b200 / h100) + "x, at " +
                                       format_number(peak_ratio(chips::b200, chips::gb200,
                                                                precision::fp8)) +
                                       "x GB200's FP8 peak");
  line("datasheet FP8 peak", format_number(datasheet) + "x; the claim needs 4x");
  const double gpus_needed = 8'000 * h100 / gb200;
  line("GB200 for 8,000 H100's work", format_number(gpus_needed) + " (the claim: 2,000); 2,000 take " +
                                          format_number(90.0 * gpus_needed / 2'000) + " days");
  const bool megawatts_hold = cluster_of(chips::h100_sxm, 8'000).facility.in(megawatts).contains(15) &&
                              cluster_of(chips::gb200, 2'000).facility.in(megawatts).contains(4);
  std::cout << "   verdict: the megawatts " << (megawatts_hold ? "hold" : "do not hold")
            << " at the claim's GPU counts (facility power at PUE " << to_string(pue) << ");\n"
            << "   per GPU the model gives " << format_number(gb200 / h100) << "x, "
            << (gb200 / h100 >= 4.0 ? "enough for" : "short of") << " the claim's 4x and "
            << (gb200 / h100 > datasheet ? "above" : "below") << " the datasheet's "
            << format_number(datasheet) << "x.\n";
  if (hgx_b200 / gb200 < peak_ratio(chips::b200, chips::gb200, precision::fp8)) {
    std::cout << "   HGX B200 falls further behind than its lower peak explains: the 72-GPU NVLink\n"
                 "   domain carries expert traffic that 8-GPU servers send over the network.\n";
  }
  std::cout << '\n';
}

// ---- 4. GPT-4's energy ---------------------------------------------------------------------------
// ~2.1e25 FLOP (Epoch AI; SemiAnalysis: ~2.15e25 "on ~25,000 A100s for 90 to 100 days at about
// 32% to 36% MFU", July 2023). The IEA's ~42 GWh for GPT-4 was seen only as a quotation.
void gpt4() {
  std::cout << "4. GPT-4: 2.1e25 FLOP on 25,000 A100 at 32-36% MFU\n";
  const double n = 25'000;
  const interval mfu{0.32, 0.36};
  const duration<interval> wall = training_wall_time<interval>(
      flop_count<interval>::from_base(2.1e25),
      splat<interval>(chips::a100_sxm4_80gb.peak(precision::bf16)), interval(n), mfu);
  print_cluster("cluster", chips::a100_sxm4_80gb, n);
  line("wall time", to_string(wall, days) + " (MFU " + to_string(mfu) + " of BF16 peak)");
  const energy<interval> drawn = run_energy<interval>(cluster_of(chips::a100_sxm4_80gb, n),
                                                      power_factor, wall);
  line("energy", to_string(drawn, gigawatt_hours, 4));
  line("electricity", "$" + to_string(electricity_cost<interval>(drawn, kwh).in(dollars) * 1e-6) +
                          " M at $0.08/kWh");
  const chip_price& a100 = *price_for(chips::a100_sxm4_40gb);
  line("rented instead", "$" + to_string(rental_cost<interval>(interval(n), wall,
                                                              interval(a100.rental_low.in(dollars_per_hour)) *
                                                                  dollars_per_hour)
                                             .in(dollars) *
                                         1e-6) +
                             " M at $" + format_number(a100.rental_low.in(dollars_per_hour)) +
                             "/A100-hour (AWS, " + std::string(a100.published) + ")");
  std::cout << "   compare: ~42 GWh (IEA, as quoted), "
            << (drawn.in(gigawatt_hours).contains(42.0) ? "inside" : "outside")
            << " the range; the electricity is a few percent of what\n"
               "   renting the GPUs would cost.\n\n";
}

// ---- 5. Evidence: measured energy ----------------------------------------------------------------
void evidence() {
  std::cout << "5. Evidence: measured training energy against the model's range\n"
               "   (the power-factor range was set from these rows, so this shows consistency,\n"
               "   not an independent test; MLPerf measures at the node inputs, so PUE = 1)\n";
  for (const measured_energy_run* r : energy_evidence::runs) {
    const double n = r->systems * r->system->accelerators();
    const power_budget<interval> b = budget_for(r->system->chip(), n);
    const energy<interval> modelled = run_energy<interval>(
        cluster_power_of<interval>(b, interval(n), interval(1.0)), power_factor,
        duration<interval>::from_base(interval(r->time.base_value())));
    const double measured = r->drawn.in(kilowatt_hours);
    line(std::string(r->name).substr(std::string(r->name).find("SMC")),
         format_number(measured) + " kWh measured; model " + to_string(modelled, kilowatt_hours) +
             (modelled.in(kilowatt_hours).contains(measured) ? " (contains it)" : " (misses it)"));
  }
  std::cout << '\n';
}

}  // namespace

int main() {
  std::cout << "flopcast: power and money claims, with ranges\n"
            << "assumptions: PUE " << to_string(pue) << "; power factor " << to_string(power_factor)
            << " (measured, catalog/energy_evidence.hpp);\n"
               "$0.08/kWh (EIA 2023 US industrial); host share from published system power\n"
               "(hardware/facility.hpp); network share from a fat tree of 64-port InfiniBand NDR\n"
               "switches at 1.72 kW (QM9700)\n\n";
  memphis();
  abilene();
  gtc();
  gpt4();
  evidence();
}
