#pragma once
#include "flopcast/core/config.hpp"
// Power, energy and money for a cluster and a training run: one set of formulas, templated over
// the number type (double, a SIMD pack, or flopcast::interval for assumption ranges).
//
//   IT power        = accelerators x (chip TDP + host share + network share)     [power_budget]
//   facility power  = IT power x PUE
//   average draw    = facility power x power factor (average draw over the run / IT budget)
//   energy          = average draw x wall time
//   electricity     = energy x $/kWh
//   rental          = accelerators x hours x $/accelerator-hour
//   capex           = accelerators x price per accelerator (its share of server and rack)
//   TCO (a period)  = capex + electricity over the period + operations (a yearly fraction of capex)
// and the inverses: the $/accelerator-hour a total implies, the accelerators a budget rents.
// Each input is checked (find_problem below): PUE >= 1, power factor in (0, 1], prices >= 0.
#include <limits>
#include <string_view>

#include "flopcast/core/error.hpp"
#include "flopcast/core/interval.hpp"
#include "flopcast/core/limits.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/core/units.hpp"
#include "flopcast/hardware/chip.hpp"
#include "flopcast/hardware/facility.hpp"

FLOPCAST_DEFINE_REASON(pue_out_of_range,
                       "PUE (facility power / IT power) must be at least 1 and at most 3")
FLOPCAST_DEFINE_REASON(power_factor_out_of_range,
                       "the power factor (average draw / IT power budget) must be in (0, 1]")
FLOPCAST_DEFINE_REASON(power_figure_invalid,
                       "a power figure must be finite and not negative (chip TDP: positive)")
FLOPCAST_DEFINE_REASON(price_invalid, "a price must be finite and not negative")
FLOPCAST_DEFINE_REASON(period_invalid,
                       "a period (years, hours) must be finite and positive, at most 100 years")
FLOPCAST_DEFINE_REASON(operations_fraction_out_of_range,
                       "the yearly operations cost must be 0-100% of the capital cost")
FLOPCAST_DEFINE_REASON(budget_invalid, "a budget must be finite and positive")
FLOPCAST_DEFINE_REASON(no_chip_tdp, "the chip has no TDP in the catalog: give its power")
FLOPCAST_DEFINE_REASON(no_system_power,
                       "no published server or rack power for the chip in the catalog "
                       "(hardware/facility.hpp): give the host share per accelerator")

namespace flopcast {

// Defaults for the assumptions a caller does not give, each printed beside the results by the
// command line. They are assumptions, not measurements: pass a value or a range instead.
namespace power_defaults {
// Facility power / IT power. Between Google's fleet-wide trailing-twelve-month 1.10 for 2023
// (Google 2024 Environmental Report) and the Uptime Institute Global Data Center Survey 2023
// average of 1.58
// (https://intelligence.uptimeinstitute.com/resource/uptime-institute-global-data-center-survey-2023).
inline constexpr double pue = 1.2;
// Average draw over a run / the IT power budget (published system maximum and network share).
// The measured evidence (catalog/energy_evidence.hpp): MLPerf Training v4.0's power results
// imply 0.52 (512 H100 for two minutes), 0.66 (8 H100) and 0.75 (64 H100); an H100 node drew
// 0.76 of its rating in compute-intensive training (arXiv 2506.14551), with peaks at 0.82 (arXiv
// 2412.08602). Rounded outward to 0.50-0.85. Facility power (capacity) is at nameplate; only
// energy uses this factor.
inline constexpr interval power_factor{0.50, 0.85};
// The EIA's 2023 average US industrial retail price, 8.06 cents per kWh (Electric Power Monthly,
// https://www.eia.gov/electricity/monthly/).
inline constexpr energy_price<> electricity = 0.08 * dollars_per_kwh;
// Yearly operations (staff, maintenance, space) as a fraction of capital cost: a round
// assumption with no source.
inline constexpr double operations_per_year = 0.05;
// The period a cluster is rented or owned when no run gives one.
inline constexpr duration<> period = 1.0 * years;
}  // namespace power_defaults

// IT power per accelerator, in three parts (hardware/facility.hpp has the cited defaults).
template <class T = double>
struct power_budget {
  power<T> chip{};     // the accelerator's TDP
  power<T> host{};     // its share of the server or rack: CPUs, memory, NICs, fans, conversion
  power<T> network{};  // its share of the scale-out fabric: switches and optics
  constexpr power<T> total() const { return chip + host + network; }
};

// The catalog's budget for one accelerator of chip c in a cluster of `accelerators`: its TDP,
// the host share of its published system (hardware/facility.hpp: DGX H100 10.2 kW / 8 - 700 W =
// 575 W) and its share of an InfiniBand NDR fat tree (none within one scale-up domain).
constexpr result<power_budget<>> default_power_budget(const chip_spec& c, double accelerators) {
  if (!c.tdp) return reasons::no_chip_tdp;
  const system_power_spec* system = system_power_for(c);
  if (system == nullptr || !system->host_share()) return reasons::no_system_power;
  return power_budget<>{*c.tdp, *system->host_share(),
                        network_power_per_accelerator(fabric_power::infiniband_ndr, accelerators,
                                                      c.scale_up.domain_typical)};
}

// A budget of doubles in another number type (an interval, a SIMD pack): each part splatted.
template <class T>
constexpr power_budget<T> splat_budget(const power_budget<>& b) {
  return {splat<T>(b.chip), splat<T>(b.host), splat<T>(b.network)};
}

template <class T = double>
struct cluster_power {
  power<T> it{};        // accelerators x power_budget::total()
  power<T> facility{};  // it x PUE
};

template <class T>
constexpr cluster_power<T> cluster_power_of(const power_budget<T>& per_accelerator, T accelerators,
                                            T pue) {
  const power<T> it = per_accelerator.total() * accelerators;
  return {it, it * pue};
}

// Energy drawn from the grid over `wall`: the facility's power at the run's average draw.
template <class T>
constexpr energy<T> run_energy(const cluster_power<T>& p, T power_factor, duration<T> wall) {
  return p.facility * power_factor * wall;
}

template <class T>
constexpr money<T> electricity_cost(energy<T> e, energy_price<T> price) {
  return e * price;
}

// Accelerator-hours (or any accelerator-time) times a rental price.
template <class T>
constexpr money<T> rental_cost(T accelerators, duration<T> period, price_rate<T> per_accelerator) {
  return per_accelerator * period * accelerators;
}

template <class T>
constexpr money<T> capital_cost(T accelerators, money<T> per_accelerator) {
  return per_accelerator * accelerators;
}

// A run's energy and bills, from the accelerators it holds and its wall time: the same formulas
// as above, gathered for sweeps and search objectives (sweep/grid.hpp).
template <class T = double>
struct run_bill {
  energy<T> drawn{};        // from the grid: facility power x power factor x wall time
  money<T> electricity{};   // drawn x $/kWh
  money<T> rental{};        // accelerators x wall time x $/accelerator-hour
};
template <class T>
constexpr run_bill<T> bill_of_run(T accelerators, duration<T> wall,
                                  const power_budget<T>& per_accelerator, T pue, T power_factor,
                                  energy_price<T> kwh, price_rate<T> rent) {
  run_bill<T> b;
  b.drawn = run_energy(cluster_power_of(per_accelerator, accelerators, pue), power_factor, wall);
  b.electricity = electricity_cost(b.drawn, kwh);
  b.rental = rental_cost(accelerators, wall, rent);
  return b;
}

// Owning for `period`: the purchase, the electricity of running for the whole period at the
// average draw, and operations (staff, maintenance, space) as a yearly fraction of the capital.
template <class T = double>
struct ownership {
  money<T> capex{}, electricity{}, operations{}, total{};
};
template <class T>
constexpr ownership<T> total_cost_of_ownership(T accelerators, money<T> per_accelerator,
                                               const cluster_power<T>& p, T power_factor,
                                               duration<T> period, energy_price<T> kwh,
                                               T operations_per_year) {
  ownership<T> o;
  o.capex = capital_cost(accelerators, per_accelerator);
  o.electricity = electricity_cost(run_energy(p, power_factor, period), kwh);
  o.operations = o.capex * operations_per_year * period.in(years);
  o.total = o.capex + o.electricity + o.operations;
  return o;
}

// The inverses. "$5B for 100,000 GPUs over two years" -> $ per accelerator-hour.
template <class T>
constexpr price_rate<T> implied_price(money<T> total, T accelerators, duration<T> period) {
  return total / (period * accelerators);
}
// The accelerators a budget rents for `period` at a price (fractional: round down to use it).
template <class T>
constexpr T accelerators_for_budget(money<T> budget, duration<T> period,
                                    price_rate<T> per_accelerator) {
  return budget / (per_accelerator * period);
}

// ---- Checks -------------------------------------------------------------------------------
// Each takes an interval (a point is an interval): both bounds must pass.

namespace detail {
// Both bounds are finite, lo <= hi, and the interval lies in [least, most] ((least, most] when
// `least_excluded`).
constexpr bool range_within(interval x, double least, double most, bool least_excluded = false) {
  return limits::finite(x.lo) && limits::finite(x.hi) && x.lo <= x.hi &&
         (least_excluded ? x.lo > least : x.lo >= least) && x.hi <= most;
}
inline constexpr double unbounded = std::numeric_limits<double>::infinity();
}  // namespace detail

constexpr const reason* check_pue(interval pue) {
  return detail::range_within(pue, 1.0, limits::max_pue) ? nullptr : &reasons::pue_out_of_range;
}
constexpr const reason* check_power_factor(interval f) {
  return detail::range_within(f, 0.0, 1.0, true) ? nullptr : &reasons::power_factor_out_of_range;
}
constexpr const reason* check_power(interval watts, bool positive = false) {
  return detail::range_within(watts, 0.0, limits::max_power_w, positive)
             ? nullptr
             : &reasons::power_figure_invalid;
}
constexpr const reason* check_price(interval p) {
  return detail::range_within(p, 0.0, detail::unbounded) ? nullptr : &reasons::price_invalid;
}
constexpr const reason* check_years(interval y) {
  return detail::range_within(y, 0.0, limits::max_period_years, true) ? nullptr
                                                                      : &reasons::period_invalid;
}
constexpr const reason* check_operations_fraction(interval f) {
  return detail::range_within(f, 0.0, 1.0) ? nullptr : &reasons::operations_fraction_out_of_range;
}
constexpr const reason* check_budget(interval b) {
  return detail::range_within(b, 0.0, detail::unbounded, true) ? nullptr : &reasons::budget_invalid;
}
template <class T>
constexpr const reason* find_problem(const power_budget<T>& b) {
  const auto as_interval = [](power<T> p) { return interval(p.base_value()); };
  if (const reason* why = check_power(as_interval(b.chip), true)) return why;
  if (const reason* why = check_power(as_interval(b.host))) return why;
  return check_power(as_interval(b.network));
}

}  // namespace flopcast
