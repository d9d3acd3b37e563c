#pragma once
// `flopcast power` and `flopcast cost`: megawatts, energy and dollars for a cluster and,
// optionally, a training run. Every numeric assumption takes a range LOW:HIGH; the results are
// then intervals (flopcast::interval through the same formulas as a point) printed as low - high
// and written to JSON as {"low": x, "high": y}.
#include <array>
#include <flopcast/catalog/prices.hpp>
#include <flopcast/core/interval.hpp>
#include <flopcast/estimate/power.hpp>
#include <flopcast/estimate/training_time.hpp>
#include <flopcast/hardware/facility.hpp>
#include <flopcast/hardware/system.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "format.hpp"

namespace flopcast_cli {

inline constexpr std::string_view power_usage =
    "usage: flopcast power --chip NAME --chips N [--pue X[:Y]] [--power-factor F[:G]] "
    "[--flops F --mfu U[:V] | --days D[:E]] [--json]";
inline constexpr std::string_view cost_usage =
    "usage: flopcast cost --chip NAME --chips N [--years Y[:Z] | --flops F --mfu U[:V] | --days D] "
    "[--price-per-chip-hour P[:Q]] [--capex-per-chip C[:D]] [--kwh-price K[:L]] "
    "[--budget DOLLARS] [--json]";

namespace detail {

// Defaults, each an assumption the output prints:
//   PUE 1.2: between Google's fleet-wide trailing-twelve-month 1.10 for 2023 (Google 2024
//     Environmental Report) and the Uptime Institute Global Data Center Survey 2023 average of
//     1.58 (https://intelligence.uptimeinstitute.com/resource/uptime-institute-global-data-center-survey-2023);
//   electricity $0.08/kWh: the EIA's 2023 average US industrial retail price, 8.06 cents
//     (Electric Power Monthly, https://www.eia.gov/electricity/monthly/);
//   power factor 1: the nameplate bound (average draw is an input, not a default estimate);
//   operations 5% of capital a year: a round assumption, no source; override --ops-fraction.
inline constexpr std::array power_option_list{
    option{"--chip", "NAME", "catalog chip (flopcast chips), e.g. h100, b200, gb200, mi300x",
           "cluster"},
    option{"--chips", "N", "catalog entries of --chip (a GB200 superchip entry holds 2 GPUs)",
           "cluster", 1, 1e8},
    option{"--chip-power", "W", "accelerator power, W (default: the chip's TDP)", "power", 0, 1e5},
    option{"--host-power", "W",
           "host share per accelerator, W (default: the published system power / its "
           "accelerators - TDP)",
           "power", 0, 1e5},
    option{"--network-power", "W", "scale-out network share per accelerator, W (default: the "
           "fabric's cited figure)", "power", 0, 1e5},
    option{"--pue", "X", "facility power / IT power (default 1.2)", "power", 1, 3},
    option{"--power-factor", "F",
           "average draw over the run / the IT power budget (default 1: nameplate)", "power",
           1e-6, 1},
    option{"--flops", "F", "a run's training FLOPs (with --mfu): 2.1e25", "run", 1, 1e40},
    option{"--mfu", "U", "the run's model FLOPs utilization (with --flops)", "run", 1e-6, 1},
    option{"--precision", "P", "peak the MFU is counted against: bf16 (default), fp8", "run"},
    option{"--days", "D", "the run's wall time in days (instead of --flops and --mfu)", "run",
           1e-6, 36525},
    option{"--years", "Y", "period the cluster runs or is rented or owned (default 1 without a run)",
           "cost", 1e-6, 100},
    option{"--price-per-chip-hour", "P",
           "rental $ per accelerator-hour (default: the dated catalog range)", "cost", 0, 1e4},
    option{"--capex-per-chip", "C",
           "purchase $ per accelerator with its share of server and rack (default: catalog)",
           "cost", 0, 1e8},
    option{"--kwh-price", "K", "electricity $/kWh (default 0.08)", "cost", 0, 10},
    option{"--ops-fraction", "F", "yearly operations cost / capital cost (default 0.05)", "cost",
           0, 1},
    option{"--budget", "DOLLARS",
           "a total: the $/accelerator-hour it implies, and the accelerators it rents", "cost", 1,
           1e15},
    option{"--json", "", "print one JSON object instead of the table", "output"},
};

// A numeric option as an interval: "X" or "LOW:HIGH", each part checked against the range.
inline std::optional<flopcast::interval> range_option(const arguments& a, std::string_view name) {
  const std::string* text = a.find(name);
  if (text == nullptr) return std::nullopt;
  const option* spec = nullptr;
  for (const option& o : power_option_list) {
    if (o.name == name) spec = &o;
  }
  const std::size_t colon = text->find(':');
  if (colon == std::string::npos) return flopcast::interval(to_number_in(*spec, *text));
  const double lo = to_number_in(*spec, text->substr(0, colon));
  const double hi = to_number_in(*spec, text->substr(colon + 1));
  if (hi < lo) {
    throw usage_error("invalid value '" + shown(*text) + "' for " + std::string(name) +
                      ": a range LOW:HIGH needs LOW <= HIGH");
  }
  return flopcast::interval(lo, hi);
}

inline flopcast::interval range_or(const arguments& a, std::string_view name, double fallback) {
  const std::optional<flopcast::interval> v = range_option(a, name);
  return v ? *v : flopcast::interval(fallback);
}

// "$x" or "$x - y", built by appending (GCC 12 Release misreads "literal" + std::string&&
// under -Wrestrict, GCC bug 105329).
inline std::string dollar_text(flopcast::interval v);

// A figure as "x" or "x - y".
inline std::string shown_range(flopcast::interval v, int digits = 4) {
  if (v.is_point()) return significant(v.lo, digits);
  return significant(v.lo, digits) + " - " + significant(v.hi, digits);
}
inline std::string dollar_text(flopcast::interval v) {
  std::string out(1, '$');
  out += shown_range(v);
  return out;
}
inline void json_range(json_writer& w, std::string_view key, flopcast::interval v) {
  if (v.is_point()) {
    w.number(key, v.lo);
    return;
  }
  w.begin_object(key);
  w.number("low", v.lo);
  w.number("high", v.hi);
  w.end_object();
}

// Everything both commands compute, from their options.
struct power_figures {
  const flopcast::chip_spec* chip = nullptr;
  double entries = 0.0, accelerators = 0.0;
  flopcast::power_budget<flopcast::interval> budget{};
  std::string_view host_source, network_source;
  flopcast::interval pue{1.2}, power_factor{1.0};
  flopcast::cluster_power<flopcast::interval> cluster{};
  std::optional<flopcast::interval> run_days;  // a run's wall time
  std::string run_basis;
};

inline const flopcast::reason* power_problem(const power_figures& f) {
  using namespace flopcast;
  if (const reason* why = check_pue(f.pue)) return why;
  if (const reason* why = check_power_factor(f.power_factor)) return why;
  if (const reason* why = check_power(f.budget.chip.base_value(), true)) return why;
  if (const reason* why = check_power(f.budget.host.base_value())) return why;
  return check_power(f.budget.network.base_value());
}

inline flopcast::power<flopcast::interval> watts_of(flopcast::interval w) {
  return flopcast::power<flopcast::interval>::from_base(w);
}

// Parses and computes; a library reason is returned through `why` (exit 1).
inline power_figures compute_power(const arguments& a, const flopcast::reason*& why) {
  using namespace flopcast;
  power_figures f;
  const std::string* chip_name = a.find("--chip");
  if (chip_name == nullptr) throw usage_error("missing --chip NAME (see flopcast chips)");
  f.chip = &chip_or_usage_error(*chip_name);
  if (!a.has("--chips")) throw usage_error("missing --chips N");
  f.entries = range_option(a, "--chips")->hi;
  if (!range_option(a, "--chips")->is_point() || f.entries != static_cast<double>(
                                                      static_cast<long long>(f.entries))) {
    throw usage_error("--chips takes one whole number");
  }
  f.accelerators = accelerators_in(f.entries, *f.chip);

  const system_power_spec* system = system_power_for(*f.chip);
  if (const auto w = range_option(a, "--chip-power")) {
    f.budget.chip = watts_of(*w);
  } else if (f.chip->tdp) {
    f.budget.chip = watts_of(interval(f.chip->tdp->in(watts)));
  } else {
    throw usage_error(std::string(f.chip->name) + " has no TDP in the catalog: give --chip-power W");
  }
  if (const auto w = range_option(a, "--host-power")) {
    f.budget.host = watts_of(*w);
    f.host_source = "--host-power";
  } else if (system != nullptr && f.chip->tdp) {
    const double share = system->per_accelerator().in(watts) - f.chip->tdp->in(watts);
    f.budget.host = watts_of(interval(share > 0.0 ? share : 0.0));
    f.host_source = system->name;
  } else {
    throw usage_error("no published system power for " + std::string(f.chip->name) +
                      " in the catalog: give --host-power W (host share per accelerator)");
  }
  if (const auto w = range_option(a, "--network-power")) {
    f.budget.network = watts_of(*w);
    f.network_source = "--network-power";
  } else {
    const network_power_spec& net = default_network_power(*f.chip);
    f.budget.network = watts_of(interval(net.per_accelerator.in(watts)));
    f.network_source = net.name;
  }
  if (const auto v = range_option(a, "--pue")) f.pue = *v;
  if (const auto v = range_option(a, "--power-factor")) f.power_factor = *v;
  if ((why = power_problem(f)) != nullptr) return f;
  f.cluster = cluster_power_of<interval>(f.budget, interval(f.accelerators), f.pue);

  const bool has_flops = a.has("--flops"), has_mfu = a.has("--mfu");
  if (has_flops != has_mfu) throw usage_error("--flops and --mfu go together");
  if (has_flops && a.has("--days")) throw usage_error("give --flops and --mfu, or --days, not both");
  if (has_flops) {
    const interval flops = *range_option(a, "--flops");
    const interval mfu = *range_option(a, "--mfu");
    precision p = precision::bf16;
    if (const std::string* name = a.find("--precision")) {
      if (*name == "fp8") {
        p = precision::fp8;
      } else if (*name != "bf16") {
        throw usage_error("invalid value '" + shown(*name) + "' for --precision: bf16 or fp8");
      }
    }
    const result<flop_rate<>> peak = f.chip->try_peak(p);
    if (!peak) {
      why = peak.error();
      return f;
    }
    // The training-time formula counts entries of the chip (its peak is per entry).
    const duration<interval> wall = training_wall_time<interval>(
        flop_count<interval>::from_base(flops),
        flop_rate<interval>::from_base(interval(peak.value().base_value())), interval(f.entries),
        mfu);
    f.run_days = wall.base_value() / interval(86400.0);
    f.run_basis = "--flops ";
    f.run_basis += shown_range(flops);
    f.run_basis += " at MFU ";
    f.run_basis += shown_range(mfu);
    f.run_basis += " of ";
    f.run_basis += name(p);
    f.run_basis += " peak";
  } else if (const auto d = range_option(a, "--days")) {
    f.run_days = *d;
    f.run_basis = "--days";
  }
  return f;
}

inline void print_power_table(std::ostream& out, const power_figures& f,
                              const std::optional<flopcast::interval>& energy_mwh) {
  using flopcast::interval;
  table t;
  t.row({"cluster", group_thousands(std::to_string(static_cast<long long>(f.entries))) + " x " +
                        std::string(f.chip->name) + " (" +
                        group_thousands(std::to_string(static_cast<long long>(f.accelerators))) +
                        " accelerators)"});
  t.row({"per accelerator",
         shown_range(f.budget.total().base_value()) + " W = chip " +
             shown_range(f.budget.chip.base_value()) + " + host " +
             shown_range(f.budget.host.base_value()) + " (" + std::string(f.host_source) +
             ") + network " + shown_range(f.budget.network.base_value()) + " (" +
             std::string(f.network_source) + ")"});
  t.row({"PUE", shown_range(f.pue)});
  t.row({"power factor", shown_range(f.power_factor) + " (average draw / IT budget)"});
  t.row({"IT power", shown_range(f.cluster.it.base_value() / interval(1e6)) + " MW"});
  t.row({"facility power", shown_range(f.cluster.facility.base_value() / interval(1e6)) + " MW"});
  if (f.run_days) {
    t.row({"run", shown_range(*f.run_days) + " days (" + f.run_basis + ")"});
  }
  if (energy_mwh) {
    t.row({"energy", shown_range(*energy_mwh) + " MWh"});
  }
  t.print(out);
}

}  // namespace detail

inline std::vector<option> power_options() {
  std::vector<option> all;
  for (const option& o : detail::power_option_list) {
    if (o.group != "cost") all.push_back(o);
  }
  return all;
}
inline std::vector<option> cost_options() {
  return {detail::power_option_list.begin(), detail::power_option_list.end()};
}

inline void power_help(std::ostream& out) {
  out << power_usage << "\n\n"
      << "IT and facility power of a cluster of catalog chips, and the energy of a run on it.\n"
         "Per accelerator: chip TDP + host share (a published server or rack maximum over its\n"
         "accelerators, minus the TDP) + network share; facility = IT x PUE; energy = facility x\n"
         "power factor x wall time. Any numeric option takes a range LOW:HIGH; results are then\n"
         "printed as low - high.\n"
         "Exit status: 0 printed; 1 an input the model refuses (the reason is printed); 2 bad\n"
         "arguments.\n";
  const std::vector<option> all = power_options();
  print_options(out, all);
  out << "\nexample:\n"
         "  flopcast power --chip h100 --chips 100000 --pue 1.1:1.4\n";
}

inline void cost_help(std::ostream& out) {
  out << cost_usage << "\n\n"
      << "Rental, capital and electricity cost of a cluster over a period or a run, total cost\n"
         "of ownership (capex + electricity + yearly operations), and the inverse of a budget:\n"
         "the $/accelerator-hour it implies and the accelerators it rents. Prices default to the\n"
         "catalog's dated ranges (flopcast/catalog/prices.hpp). Any numeric option takes a\n"
         "range LOW:HIGH.\n"
         "Exit status: 0 printed; 1 an input the model refuses (the reason is printed); 2 bad\n"
         "arguments.\n";
  const std::vector<option> all = cost_options();
  print_options(out, all);
  out << "\nexample:\n"
         "  flopcast cost --chip gb200 --chips 100000 --years 2 --budget 5e9\n";
}

inline int report_power_reason(std::ostream& err, std::string_view command,
                               const flopcast::reason& why) {
  err << "flopcast " << command << ": " << why.message << " (" << why.code << ")\n";
  return 1;
}

inline int power_command(std::span<const std::string> words, std::ostream& out,
                         std::ostream& err) {
  using namespace flopcast;
  const std::vector<option> all = power_options();
  const arguments a = parse(words, all, 0);
  const reason* why = nullptr;
  const detail::power_figures f = detail::compute_power(a, why);
  if (why != nullptr) return report_power_reason(err, "power", *why);
  std::optional<interval> energy_mwh;
  if (f.run_days) {
    const duration<interval> wall = duration<interval>::from_base(*f.run_days * interval(86400.0));
    energy_mwh = run_energy<interval>(f.cluster, f.power_factor, wall).base_value() /
                 interval(3.6e9);
  }
  if (a.has("--json")) {
    json_writer w(out);
    w.string("chip", f.chip->name);
    w.number("chips", f.entries);
    w.number("accelerators", f.accelerators);
    detail::json_range(w, "power_per_accelerator_w", f.budget.total().base_value());
    detail::json_range(w, "pue", f.pue);
    detail::json_range(w, "power_factor", f.power_factor);
    detail::json_range(w, "it_power_mw", f.cluster.it.base_value() / interval(1e6));
    detail::json_range(w, "facility_power_mw", f.cluster.facility.base_value() / interval(1e6));
    if (f.run_days) detail::json_range(w, "run_days", *f.run_days);
    if (energy_mwh) detail::json_range(w, "energy_mwh", *energy_mwh);
    w.finish();
    return 0;
  }
  detail::print_power_table(out, f, energy_mwh);
  return 0;
}

inline int cost_command(std::span<const std::string> words, std::ostream& out,
                        std::ostream& err) {
  using namespace flopcast;
  const std::vector<option> all = cost_options();
  const arguments a = parse(words, all, 0);
  const reason* why = nullptr;
  const detail::power_figures f = detail::compute_power(a, why);
  if (why != nullptr) return report_power_reason(err, "cost", *why);
  if (f.run_days && a.has("--years")) {
    throw usage_error("give a run (--flops and --mfu, or --days) or --years, not both");
  }
  const interval period_days =
      f.run_days ? *f.run_days : detail::range_or(a, "--years", 1.0) * interval(365.25);
  if (const reason* bad = check_years(period_days / interval(365.25))) {
    return report_power_reason(err, "cost", *bad);
  }
  const chip_price* listed = price_for(*f.chip);
  const auto price_range = [&](std::string_view name, double lo, double hi) -> std::optional<interval> {
    if (const auto v = detail::range_option(a, name)) return v;
    if (listed == nullptr || hi <= 0.0) return std::nullopt;
    return interval(lo, hi);
  };
  const std::optional<interval> rent_per_hour = price_range(
      "--price-per-chip-hour", listed ? listed->rental_low.in(dollars_per_hour) : 0.0,
      listed ? listed->rental_high.in(dollars_per_hour) : 0.0);
  const std::optional<interval> capex_each =
      price_range("--capex-per-chip", listed ? listed->capex_low.in(dollars) : 0.0,
                  listed ? listed->capex_high.in(dollars) : 0.0);
  const interval kwh = detail::range_or(a, "--kwh-price", 0.08);
  const interval ops = detail::range_or(a, "--ops-fraction", 0.05);
  for (const auto& p : {rent_per_hour, capex_each, std::optional<interval>(kwh)}) {
    if (p) {
      if (const reason* bad = check_price(*p)) return report_power_reason(err, "cost", *bad);
    }
  }
  if (const reason* bad = check_operations_fraction(ops)) {
    return report_power_reason(err, "cost", *bad);
  }
  const interval acc(f.accelerators);
  const duration<interval> period = duration<interval>::from_base(period_days * interval(86400.0));
  const energy_price<interval> per_joule =
      energy_price<interval>::from_base(kwh / interval(3.6e6));
  const energy<interval> e = run_energy<interval>(f.cluster, f.power_factor, period);
  const money<interval> electricity = electricity_cost<interval>(e, per_joule);
  std::optional<interval> rental, capex, tco;
  if (rent_per_hour) {
    rental = rental_cost<interval>(
                 acc, period, price_rate<interval>::from_base(*rent_per_hour / interval(3600.0)))
                 .base_value();
  }
  if (capex_each) {
    const ownership<interval> o = total_cost_of_ownership<interval>(
        acc, money<interval>::from_base(*capex_each), f.cluster, f.power_factor,
        period_days / interval(365.25), per_joule, ops);
    capex = o.capex.base_value();
    tco = o.total.base_value();
  }
  std::optional<interval> implied, rents;
  if (const auto budget = detail::range_option(a, "--budget")) {
    implied = implied_price<interval>(money<interval>::from_base(*budget), acc, period)
                  .base_value() *
              interval(3600.0);
    if (rent_per_hour) {
      rents = accelerators_for_budget<interval>(
          money<interval>::from_base(*budget), period,
          price_rate<interval>::from_base(*rent_per_hour / interval(3600.0)));
    }
  }

  if (a.has("--json")) {
    json_writer w(out);
    w.string("chip", f.chip->name);
    w.number("chips", f.entries);
    w.number("accelerators", f.accelerators);
    detail::json_range(w, "period_days", period_days);
    detail::json_range(w, "it_power_mw", f.cluster.it.base_value() / interval(1e6));
    detail::json_range(w, "facility_power_mw", f.cluster.facility.base_value() / interval(1e6));
    detail::json_range(w, "energy_mwh", e.base_value() / interval(3.6e9));
    detail::json_range(w, "electricity_cost_usd", electricity.base_value());
    if (rent_per_hour) detail::json_range(w, "usd_per_chip_hour", *rent_per_hour);
    if (rental) detail::json_range(w, "rental_cost_usd", *rental);
    if (capex) detail::json_range(w, "capex_usd", *capex);
    if (tco) detail::json_range(w, "tco_usd", *tco);
    if (implied) detail::json_range(w, "usd_per_chip_hour_implied", *implied);
    if (rents) detail::json_range(w, "chips_for_budget", *rents);
    if (listed != nullptr) {
      w.string("price_published", listed->published);
      w.string("price_source", listed->source);
    }
    w.finish();
    return 0;
  }
  detail::print_power_table(out, f, e.base_value() / interval(3.6e9));
  table t;
  t.row({"period", detail::shown_range(period_days) + " days"});
  t.row({"electricity", detail::dollar_text(electricity.base_value()) + " at $" +
                            detail::shown_range(kwh) + "/kWh"});
  if (rental) {
    t.row({"rental", detail::dollar_text(*rental) + " at $" +
                         detail::shown_range(*rent_per_hour) + "/accelerator-hour" +
                         (a.has("--price-per-chip-hour") || listed == nullptr
                              ? std::string()
                              : " (catalog, " + std::string(listed->published) + ")")});
  } else {
    t.row({"rental", "no catalog price: give --price-per-chip-hour"});
  }
  if (capex) {
    t.row({"capex", detail::dollar_text(*capex) + " at $" +
                        detail::shown_range(*capex_each) + " per accelerator"});
    t.row({"TCO", detail::dollar_text(*tco) + " (capex + electricity + " +
                      detail::shown_range(ops) + " of capex a year)"});
  }
  if (implied) t.row({"budget implies", detail::dollar_text(*implied) + "/accelerator-hour"});
  if (rents) {
    t.row({"budget rents", detail::shown_range(*rents) + " accelerators for the period"});
  }
  t.print(out);
  return 0;
}

}  // namespace flopcast_cli
