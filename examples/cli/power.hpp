#pragma once
// `flopcast power` and `flopcast cost`: megawatts, energy and dollars for a cluster and,
// optionally, a training run. Every numeric assumption takes a range LOW:HIGH; the results are
// then intervals (flopcast::interval through the same formulas as a point) printed as low - high
// and written to JSON as {"low": x, "high": y}.
#include <array>
#include <flopcast/catalog/prices.hpp>
#include <flopcast/core/interval.hpp>
#include <flopcast/core/limits.hpp>
#include <flopcast/estimate/power.hpp>
#include <flopcast/estimate/training_time.hpp>
#include <flopcast/hardware/facility.hpp>
#include <flopcast/hardware/system.hpp>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "estimate.hpp"
#include "format.hpp"

namespace flopcast_cli {

inline constexpr std::string_view power_usage =
    "usage: flopcast power --chip NAME --chips N [--pue X[:Y]] [--power-factor F[:G]] "
    "[--flops F --mfu U[:V] | --days D[:E] | --model NAME [plan options] [--tokens T]] [--json]";
inline constexpr std::string_view cost_usage =
    "usage: flopcast cost --chip NAME --chips N [--years Y[:Z] | --flops F --mfu U[:V] | --days D "
    "| --model NAME [plan options] [--tokens T]] [--price-per-chip-hour P[:Q]] "
    "[--capex-per-chip C[:D]] [--kwh-price K[:L]] [--budget DOLLARS] [--json]";

namespace detail {

// Options of both commands; `cost` adds the "cost" group. The defaults' help is completed from
// flopcast::power_defaults (power_options() below), so each default is written once. Ranges come
// from flopcast::limits where the library has one; the rest (1e8 chips, 100 kW per accelerator,
// $10,000 an hour, $100M a chip, $10/kWh, a $1e15 budget) are the command line's own typo
// bounds, far beyond any real input.
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
    option{"--network-power", "W",
           "scale-out network share per accelerator, W (default: a fat tree of InfiniBand NDR "
           "switches for the cluster's size; 0 within one scale-up domain)",
           "power", 0, 1e5},
    option{"--pue", "X", "facility power / IT power", "power", 1, flopcast::limits::max_pue},
    option{"--power-factor", "F",
           "average draw over a run / the IT power budget (energy only; facility power is at "
           "nameplate)",
           "power", 1e-6, 1},
    option{"--flops", "F", "a run's training FLOPs (with --mfu): 2.1e25", "run", 1,
           flopcast::limits::max_flops},
    option{"--mfu", "U", "the run's model FLOPs utilization (with --flops)", "run",
           flopcast::limits::min_utilization, 1},
    option{"--days", "D", "the run's wall time in days (instead of --flops and --mfu)", "run", 1e-6,
           flopcast::limits::max_period_years * 365.25},
    option{"--years", "Y", "period the cluster runs or is rented or owned, without a run", "cost",
           1e-6, flopcast::limits::max_period_years},
    option{"--price-per-chip-hour", "P",
           "rental $ per accelerator-hour (default: the dated catalog range)", "cost", 0, 1e4},
    option{"--capex-per-chip", "C",
           "purchase $ per accelerator with its share of server and rack (default: catalog)",
           "cost", 0, 1e8},
    option{"--kwh-price", "K", "electricity $/kWh", "cost", 0, 10},
    option{"--ops-fraction", "F", "yearly operations cost / capital cost", "cost", 0, 1},
    option{"--budget", "DOLLARS",
           "a total: the $/accelerator-hour it implies, and the accelerators it rents", "cost", 1,
           1e15},
    option{"--json", "", "print one JSON object instead of the table", "output"},
};

// The default a numeric option takes when not given (flopcast::power_defaults).
struct option_default {
  std::string_view name;
  flopcast::interval value;
};
inline constexpr std::array<option_default, 5> option_defaults{{
    {"--pue", flopcast::power_defaults::pue},
    {"--power-factor", flopcast::power_defaults::power_factor},
    {"--years", flopcast::power_defaults::period.in(flopcast::years)},
    {"--kwh-price", flopcast::power_defaults::electricity.in(flopcast::dollars_per_kwh)},
    {"--ops-fraction", flopcast::power_defaults::operations_per_year},
}};
inline flopcast::interval default_of(std::string_view name) {
  for (const option_default& d : option_defaults) {
    if (d.name == name) return d.value;
  }
  throw std::logic_error("flopcast power: no default for " + std::string(name));
}

// "X" or "LOW:HIGH" as an interval, each part checked against the option's range.
inline flopcast::interval range_from_text(const option& spec, const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos) return flopcast::interval(to_number_in(spec, text));
  const double lo = to_number_in(spec, text.substr(0, colon));
  const double hi = to_number_in(spec, text.substr(colon + 1));
  if (hi < lo) {
    throw usage_error("invalid value '" + shown(text) + "' for " + std::string(spec.name) +
                      ": a range LOW:HIGH needs LOW <= HIGH");
  }
  return flopcast::interval(lo, hi);
}

// A numeric option as an interval: "X" or "LOW:HIGH", each part checked against the range.
inline std::optional<flopcast::interval> range_option(const arguments& a, std::string_view name) {
  const std::string* text = a.find(name);
  if (text == nullptr) return std::nullopt;
  const option* spec = nullptr;
  for (const option& o : power_option_list) {
    if (o.name == name) spec = &o;
  }
  if (spec == nullptr) spec = &job_option(name);
  return range_from_text(*spec, *text);
}

// The option's interval, or its default from option_defaults.
inline flopcast::interval range_or_default(const arguments& a, std::string_view name) {
  const std::optional<flopcast::interval> v = range_option(a, name);
  return v ? *v : default_of(name);
}

// A figure as "x" or "x - y".
inline std::string shown_range(flopcast::interval v, int digits = 4) {
  if (v.is_point()) return significant(v.lo, digits);
  return significant(v.lo, digits) + " - " + significant(v.hi, digits);
}
// "$x" or "$x - y", built by appending (GCC 12 Release misreads "literal" + std::string&&
// under -Wrestrict, GCC bug 105329).
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
  std::string_view host_source;
  std::string network_source;
  flopcast::interval pue, power_factor;
  flopcast::cluster_power<flopcast::interval> cluster{};
  std::optional<flopcast::duration<flopcast::interval>> run;  // a run's wall time
  std::string run_basis;
  std::optional<job> model_job;               // a run timed by the step model (--model)
  std::optional<flopcast::run_estimate> model_run;
};

inline flopcast::power<flopcast::interval> watts_of(flopcast::interval w) {
  return w * flopcast::watts;
}

// Parses and computes; a library reason is returned through `why` (exit 1).
inline power_figures compute_power(const arguments& a, const flopcast::reason*& why) {
  using namespace flopcast;
  power_figures f;
  const std::string* chip_name = a.find("--chip");
  if (chip_name == nullptr) throw usage_error("missing --chip NAME (see flopcast chips)");
  f.chip = &chip_or_usage_error(*chip_name);
  const std::optional<interval> chips = range_option(a, "--chips");
  if (!chips) throw usage_error("missing --chips N");
  f.entries = chips->hi;
  if (!chips->is_point() || f.entries != static_cast<double>(static_cast<long long>(f.entries))) {
    throw usage_error("--chips takes one whole number");
  }
  f.accelerators = accelerators_in(f.entries, *f.chip);

  if (const auto w = range_option(a, "--chip-power")) {
    f.budget.chip = watts_of(*w);
  } else if (f.chip->tdp) {
    f.budget.chip = watts_of(interval(f.chip->tdp->in(watts)));
  } else {
    throw usage_error(std::string(f.chip->name) +
                      " has no TDP in the catalog: give --chip-power W");
  }
  const system_power_spec* system = system_power_for(*f.chip);
  if (const auto w = range_option(a, "--host-power")) {
    f.budget.host = watts_of(*w);
    f.host_source = "--host-power";
  } else if (system != nullptr && system->host_share()) {
    f.budget.host = watts_of(interval(system->host_share()->in(watts)));
    f.host_source = system->name;
  } else {
    throw usage_error("no published system power for " + std::string(f.chip->name) +
                      " in the catalog: give --host-power W (host share per accelerator)");
  }
  if (const auto w = range_option(a, "--network-power")) {
    f.budget.network = watts_of(*w);
    f.network_source = "--network-power";
  } else {
    const fabric_power_spec& fabric = fabric_power::infiniband_ndr;
    const double domain = f.chip->scale_up.domain_typical;
    f.budget.network = watts_of(interval(
        network_power_per_accelerator(fabric, f.accelerators, domain).in(watts)));
    if (f.accelerators <= domain) {
      f.network_source = "one scale-up domain, no scale-out fabric";
    } else {
      f.network_source = std::to_string(fat_tree_tiers(f.accelerators, fabric.switch_ports));
      f.network_source += "-tier ";
      f.network_source += fabric.name;
    }
  }
  f.pue = range_or_default(a, "--pue");
  f.power_factor = range_or_default(a, "--power-factor");
  if ((why = check_pue(f.pue)) != nullptr) return f;
  if ((why = check_power_factor(f.power_factor)) != nullptr) return f;
  if ((why = find_problem(f.budget)) != nullptr) return f;
  f.cluster = cluster_power_of<interval>(f.budget, interval(f.accelerators), f.pue);

  const bool has_flops = a.has("--flops"), has_mfu = a.has("--mfu");
  const bool has_model = a.has("--model") || a.has("--layers");
  if (has_flops != has_mfu) throw usage_error("--flops and --mfu go together");
  if (int(has_flops) + int(a.has("--days")) + int(has_model) > 1) {
    throw usage_error("give one run: --flops and --mfu, --days, or a model (--model or a shape)");
  }
  if (!has_model) {
    for (const option& o : job_options) {
      if (o.name != "--chip" && o.name != "--chips" && o.name != "--precision" && a.has(o.name)) {
        throw usage_error(std::string(o.name) + " describes a model run: give --model NAME too");
      }
    }
    for (std::string_view only : {"--tokens", "--goodput"}) {
      if (a.has(only)) {
        throw usage_error(std::string(only) + " describes a model run: give --model NAME too");
      }
    }
  }
  if (has_model) {
    if (f.accelerators != f.entries) {
      throw usage_error("the step model counts accelerators: with --model use a per-GPU entry "
                        "(flopcast chips), e.g. gb200 rather than gb200-superchip");
    }
    job j = make_job(a);
    double tokens = 0.0;
    if (const std::string* v = a.find("--tokens")) {
      tokens = to_number_in(job_option("--tokens"), *v, true);
    } else if (j.card != nullptr && j.card->training_tokens) {
      tokens = *j.card->training_tokens;
    } else {
      throw usage_error("a model run needs --tokens T (the model has no published token count)");
    }
    if (const result<cluster_spec> c = try_check(j.cluster); !c) {
      why = c.error();
      f.model_job = j;
      return f;
    }
    if ((why = plan_precheck(j)) != nullptr) {
      f.model_job = j;
      return f;
    }
    const result<run_estimate> r =
        try_estimate_run(j.model, j.cluster, j.chips, j.plan, tokens, j.options);
    f.model_job = j;
    if (!r) {
      why = r.error();
      return f;
    }
    f.model_run = r.value();
    f.run = interval(r.value().wall_time.in(days)) * days;
    f.run_basis = "step model: ";
    f.run_basis += j.model.name;
    f.run_basis += ", ";
    f.run_basis += human_count(tokens);
    f.run_basis += " tokens, ";
    f.run_basis += plan_summary(j, r.value().step);
    f.run_basis += "; MFU ";
    f.run_basis += percent(r.value().step.mfu, 1);
    if (j.options.goodput < 1.0) {
      f.run_basis += ", goodput ";
      f.run_basis += percent(j.options.goodput, 0);
    }
  } else if (has_flops) {
    const interval flops = *range_option(a, "--flops");
    const interval mfu = *range_option(a, "--mfu");
    precision p = precision::bf16;
    if (const std::string* name = a.find("--precision")) {
      p = detail::precision_formats[choose("--precision", *name, detail::precision_names)];
    }
    const result<flop_rate<>> peak = f.chip->try_peak(p);
    if (!peak) {
      why = peak.error();
      return f;
    }
    // The training-time formula counts entries of the chip (its peak is per entry).
    f.run = training_wall_time<interval>(flop_count<interval>::from_base(flops),
                                         splat<interval>(peak.value()), interval(f.entries), mfu);
    f.run_basis = "--flops ";
    f.run_basis += shown_range(flops);
    f.run_basis += " at MFU ";
    f.run_basis += shown_range(mfu);
    f.run_basis += " of ";
    f.run_basis += name(p);
    f.run_basis += " peak";
  } else if (const auto d = range_option(a, "--days")) {
    f.run = *d * days;
    f.run_basis = "--days";
  }
  return f;
}

// The command's figures, or nullopt after printing the library's reason (exit status 1).
inline std::optional<power_figures> figures_or_report(const arguments& a, std::string_view command,
                                                      std::ostream& err) {
  const flopcast::reason* why = nullptr;
  power_figures f = compute_power(a, why);
  if (why == nullptr) return f;
  if (f.model_job) {
    report_reason(err, command, *why, *f.model_job);
  } else {
    err << "flopcast " << command << ": " << why->message << " (" << why->code << ")\n";
  }
  return std::nullopt;
}

inline void json_cluster(json_writer& w, const power_figures& f) {
  w.string("chip", f.chip->name);
  w.number("chips", f.entries);
  w.number("accelerators", f.accelerators);
}
// The step model's figures behind a --model run.
inline void json_model_run(json_writer& w, const power_figures& f) {
  if (!f.model_run) return;
  w.number("step_time_s", f.model_run->step.step.in(flopcast::seconds));
  w.number("mfu", f.model_run->step.mfu);
  w.number("tokens", f.model_run->step.tokens_per_step * f.model_run->steps);
}
inline void json_power(json_writer& w, const power_figures& f) {
  json_range(w, "it_power_mw", f.cluster.it.in(flopcast::megawatts));
  json_range(w, "facility_power_mw", f.cluster.facility.in(flopcast::megawatts));
}

// The cluster's rows (and the run's, with its energy) of the two-column table both commands print.
inline void power_rows(table& t, const power_figures& f,
                       const std::optional<flopcast::energy<flopcast::interval>>& energy) {
  using namespace flopcast;
  t.row({"cluster", group_thousands(std::to_string(static_cast<long long>(f.entries))) + " x " +
                        std::string(f.chip->name) + " (" +
                        group_thousands(std::to_string(static_cast<long long>(f.accelerators))) +
                        " accelerators)"});
  t.row({"per accelerator", shown_range(f.budget.total().in(watts)) + " W = chip " +
                                shown_range(f.budget.chip.in(watts)) + " + host " +
                                shown_range(f.budget.host.in(watts)) + " (" +
                                std::string(f.host_source) + ") + network " +
                                shown_range(f.budget.network.in(watts)) + " (" +
                                f.network_source + ")"});
  t.row({"PUE", shown_range(f.pue)});
  t.row({"power factor", shown_range(f.power_factor) + " (average draw / IT budget)"});
  t.row({"IT power", shown_range(f.cluster.it.in(megawatts)) + " MW"});
  t.row({"facility power", shown_range(f.cluster.facility.in(megawatts)) + " MW"});
  if (f.run) {
    t.row({"run", shown_range(f.run->in(days)) + " days (" + f.run_basis + ")"});
  }
  if (energy) {
    t.row({"energy", shown_range(energy->in(megawatt_hours)) + " MWh"});
  }
}

// The option list with each default's value appended to its help, from option_defaults.
// Each option that has a default in option_defaults gets " (default X)" after its own help, so
// every command (power, cost, sweep) prints the defaults of flopcast::power_defaults and none
// writes them by hand. The texts live as long as the program (one per help text).
inline std::vector<option> with_defaults(std::vector<option> all) {
  static std::map<std::string, std::string, std::less<>> texts;
  for (option& o : all) {
    for (const option_default& d : option_defaults) {
      if (o.name != d.name) continue;
      auto [it, fresh] = texts.try_emplace(std::string(o.help));
      if (fresh) {
        it->second = std::string(o.help);
        it->second += " (default ";
        it->second += shown_range(d.value);
        it->second += ")";
      }
      o.help = it->second;
    }
  }
  return all;
}

inline constexpr std::string_view exit_status_help =
    "Exit status: 0 printed; 1 an input the model refuses (the reason is printed); 2 bad\n"
    "arguments.\n";

}  // namespace detail

namespace detail {
// The command's options: its own, then the estimate options that describe a model run (the
// step model times it), then --json. `cost` adds the "cost" group.
inline std::vector<option> power_and_run_options(bool cost) {
  std::vector<option> all;
  for (const option& o : power_option_list) {
    if ((cost || o.group != "cost") && o.group != "output") all.push_back(o);
  }
  for (const option& o : job_options) {
    if (o.name != "--chip" && o.name != "--chips") all.push_back(o);
  }
  for (const option& o : run_options) all.push_back(o);  // --tokens, --goodput, --json
  return with_defaults(std::move(all));
}
}  // namespace detail

inline std::vector<option> power_options() { return detail::power_and_run_options(false); }
inline std::vector<option> cost_options() { return detail::power_and_run_options(true); }

inline void power_help(std::ostream& out) {
  out << power_usage << "\n\n"
      << "IT and facility power of a cluster of catalog chips, and the energy of a run on it.\n"
         "Per accelerator: chip TDP + host share (a published server or rack maximum over its\n"
         "accelerators, minus the TDP) + network share; facility = IT x PUE; energy = facility x\n"
         "power factor x wall time. The run's wall time is --days, or --flops at an --mfu of the\n"
         "--precision peak, or the step model's (the model, plan and software options of\n"
         "flopcast estimate, with --tokens). Any power or run figure takes a range LOW:HIGH;\n"
         "results are then printed as low - high.\n"
      << detail::exit_status_help;
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
      << detail::exit_status_help;
  const std::vector<option> all = cost_options();
  print_options(out, all);
  out << "\nexample:\n"
         "  flopcast cost --chip gb200 --chips 100000 --years 2 --budget 5e9\n";
}

inline int power_command(std::span<const std::string> words, std::ostream& out, std::ostream& err) {
  using namespace flopcast;
  const arguments a = parse(words, power_options(), 0);
  const std::optional<detail::power_figures> f = detail::figures_or_report(a, "power", err);
  if (!f) return 1;
  std::optional<energy<interval>> energy_used;
  if (f->run) energy_used = run_energy<interval>(f->cluster, f->power_factor, *f->run);
  if (a.has("--json")) {
    json_writer w(out);
    detail::json_cluster(w, *f);
    detail::json_range(w, "power_per_accelerator_w", f->budget.total().in(watts));
    detail::json_range(w, "pue", f->pue);
    detail::json_range(w, "power_factor", f->power_factor);
    detail::json_power(w, *f);
    if (f->run) detail::json_range(w, "run_days", f->run->in(days));
    detail::json_model_run(w, *f);
    if (energy_used) detail::json_range(w, "energy_mwh", energy_used->in(megawatt_hours));
    w.finish();
    return 0;
  }
  table t({true, true});
  detail::power_rows(t, *f, energy_used);
  t.print(out);
  return 0;
}

inline int cost_command(std::span<const std::string> words, std::ostream& out, std::ostream& err) {
  using namespace flopcast;
  const arguments a = parse(words, cost_options(), 0);
  const std::optional<detail::power_figures> f = detail::figures_or_report(a, "cost", err);
  if (!f) return 1;
  const auto refuse = [&](const reason& why) {
    err << "flopcast cost: " << why.message << " (" << why.code << ")\n";
    return 1;
  };
  if (f->run && a.has("--years")) {
    throw usage_error("give a run (--flops and --mfu, or --days) or --years, not both");
  }
  const duration<interval> period =
      f->run ? *f->run : detail::range_or_default(a, "--years") * years;
  if (const reason* bad = check_years(period.in(years))) return refuse(*bad);

  // Prices: the options, else the catalog's dated range (purchase only where one is published).
  const chip_price* listed = price_for(*f->chip);
  std::optional<interval> rent_per_hour = detail::range_option(a, "--price-per-chip-hour");
  if (!rent_per_hour && listed != nullptr) {
    rent_per_hour =
        interval(listed->rental_low.in(dollars_per_hour), listed->rental_high.in(dollars_per_hour));
  }
  std::optional<interval> capex_each = detail::range_option(a, "--capex-per-chip");
  if (!capex_each && listed != nullptr && listed->capex_high.in(dollars) > 0.0) {
    capex_each = interval(listed->capex_low.in(dollars), listed->capex_high.in(dollars));
  }
  const interval kwh = detail::range_or_default(a, "--kwh-price");
  const interval ops = detail::range_or_default(a, "--ops-fraction");
  for (const std::optional<interval>& p : {rent_per_hour, capex_each, std::optional(kwh)}) {
    if (!p) continue;
    if (const reason* bad = check_price(*p)) return refuse(*bad);
  }
  if (const reason* bad = check_operations_fraction(ops)) return refuse(*bad);

  const interval acc(f->accelerators);
  const energy_price<interval> per_kwh = kwh * dollars_per_kwh;
  const energy<interval> e = run_energy<interval>(f->cluster, f->power_factor, period);
  const money<interval> electricity = electricity_cost<interval>(e, per_kwh);
  std::optional<interval> rental, capex, tco;
  if (rent_per_hour) {
    rental = rental_cost<interval>(acc, period, *rent_per_hour * dollars_per_hour).in(dollars);
  }
  if (capex_each) {
    const ownership<interval> o = total_cost_of_ownership<interval>(
        acc, *capex_each * dollars, f->cluster, f->power_factor, period, per_kwh, ops);
    capex = o.capex.in(dollars);
    tco = o.total.in(dollars);
  }
  std::optional<interval> implied, rents;
  if (const auto budget = detail::range_option(a, "--budget")) {
    implied = implied_price<interval>(*budget * dollars, acc, period).in(dollars_per_hour);
    if (rent_per_hour) {
      rents = accelerators_for_budget<interval>(*budget * dollars, period,
                                                *rent_per_hour * dollars_per_hour);
    }
  }

  if (a.has("--json")) {
    json_writer w(out);
    detail::json_cluster(w, *f);
    detail::json_range(w, "period_days", period.in(days));
    detail::json_model_run(w, *f);
    detail::json_power(w, *f);
    detail::json_range(w, "energy_mwh", e.in(megawatt_hours));
    detail::json_range(w, "electricity_cost_usd", electricity.in(dollars));
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
  table t({true, true});
  detail::power_rows(t, *f, e);
  t.row({"period", detail::shown_range(period.in(days)) + " days"});
  t.row({"electricity", detail::dollar_text(electricity.in(dollars)) + " at $" +
                            detail::shown_range(kwh) + "/kWh"});
  if (rental) {
    t.row({"rental", detail::dollar_text(*rental) + " at $" + detail::shown_range(*rent_per_hour) +
                         "/accelerator-hour" +
                         (a.has("--price-per-chip-hour") || listed == nullptr
                              ? std::string()
                              : " (catalog, " + std::string(listed->published) + ")")});
  } else {
    t.row({"rental", "no catalog price: give --price-per-chip-hour"});
  }
  if (capex) {
    t.row({"capex", detail::dollar_text(*capex) + " at $" + detail::shown_range(*capex_each) +
                        " per accelerator"});
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
