// Power, energy and cost formulas (estimate/power.hpp) and the interval type (core/interval.hpp):
// the arithmetic on published figures, rejection of bad inputs, and containment: the interval
// result holds every point result sampled from the input box.
#include <flopcast/estimate/power.hpp>
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/estimate/training_time.hpp>
#include <random>

#include "catch_any.hpp"

using namespace flopcast;

namespace {
template <class D>
quantity<D, interval> range(double lo, double hi) {
  return quantity<D, interval>::from_base(interval{lo, hi});
}
template <class D>
quantity<D, double> point(double v) {
  return quantity<D, double>::from_base(v);
}
}  // namespace

TEST_CASE("DGX H100: 10.2 kW for 8 GPUs at PUE 1 is 1,275 W per GPU", "[power]") {
  // NVIDIA DGX H100 datasheet: 10.2 kW max system power, 8 H100 SXM5 at 700 W.
  const power_budget<> per_gpu{700.0 * watts, 575.0 * watts, 0.0 * watts};
  const cluster_power<> one = cluster_power_of<double>(per_gpu, 8.0, 1.0);
  CHECK(one.it.in(kilowatts) == Approx(10.2));
  CHECK(one.facility.in(kilowatts) == Approx(10.2));
  // 100,000 GPUs at PUE 1.3: 127.5 MW IT, 165.75 MW facility.
  const cluster_power<> big = cluster_power_of<double>(per_gpu, 100000.0, 1.3);
  CHECK(big.it.in(megawatts) == Approx(127.5));
  CHECK(big.facility.in(megawatts) == Approx(165.75));
  // 90 days at 80% average draw: 165.75 MW x 0.8 x 2,160 h = 286.4 GWh.
  const energy<> e = run_energy<double>(big, 0.8, 90.0 * days);
  CHECK(e.in(megawatt_hours) == Approx(165.75 * 0.8 * 2160.0));
  CHECK(electricity_cost<double>(e, 0.08 * dollars_per_kwh).in(dollars) ==
        Approx(165.75e3 * 0.8 * 2160.0 * 0.08));
}

TEST_CASE("the catalog's default budget per accelerator, and a run's bill", "[power][cost]") {
  // H100: 700 W TDP + the DGX H100 host share (10.2 kW / 8 - 700 W); one DGX needs no fabric.
  static_assert(default_power_budget(chips::h100_sxm, 8).value().total().in(watts) == 1275.0);
  const power_budget<> h100 = default_power_budget(chips::h100_sxm, 1024).value();
  CHECK(h100.chip.in(watts) == 700.0);
  CHECK(h100.host.in(watts) == Approx(575.0));
  // 1,024 GPUs: a 2-tier fat tree of 64-port QM9700 (1,720 W): 3/64 x 1,720 + 9 W optic.
  CHECK(h100.network.in(watts) == Approx(3.0 / 64 * 1720 + 9));
  // GB200 per GPU: the NVL72 rack's 120 kW over 72 GPUs; one rack needs no scale-out fabric.
  CHECK(default_power_budget(chips::gb200, 72).value().total().in(watts) == Approx(120e3 / 72));
  // No published MI300X server power: refused with the reason, not a zero host share.
  CHECK(default_power_budget(chips::mi300x, 8).error() == &reasons::no_system_power);

  // 1,024 H100 for 10 days at PUE 1.2, 70% average draw, $0.10/kWh, $3/GPU-hour:
  // 1,024 x 1,275 W x 1.2 x 0.7 x 240 h = 263.2 MWh; $26,320; rent 1,024 x 240 x $3 = $737,280.
  const power_budget<> no_fabric{700.0 * watts, 575.0 * watts, 0.0 * watts};
  const run_bill<> b = bill_of_run<double>(1024.0, 10.0 * days, no_fabric, 1.2, 0.7,
                                           0.10 * dollars_per_kwh, 3.0 * dollars_per_hour);
  CHECK(b.drawn.in(megawatt_hours) == Approx(1024 * 1275.0 * 1.2 * 0.7 * 240 / 1e6));
  CHECK(b.electricity.in(dollars) == Approx(1024 * 1275.0 * 1.2 * 0.7 * 240 / 1e3 * 0.10));
  CHECK(b.rental.in(dollars) == Approx(737280.0));
}

TEST_CASE("rental, capital and ownership arithmetic, and the inverses", "[power][cost]") {
  // "$5B for 100,000 GPUs over two years" implies $2.85 per GPU-hour.
  const duration<> two_years = 2.0 * 365.25 * days;
  const price_rate<> implied = implied_price<double>(5.0 * billion_dollars, 100000.0, two_years);
  CHECK(implied.in(dollars_per_hour) == Approx(5e9 / (1e5 * 2.0 * 365.25 * 24.0)));
  CHECK(rental_cost<double>(100000.0, two_years, implied).in(billion_dollars) == Approx(5.0));
  CHECK(accelerators_for_budget<double>(5.0 * billion_dollars, two_years, implied) ==
        Approx(100000.0));
  const cluster_power<> p = cluster_power_of<double>(
      power_budget<>{1000.0 * watts, 500.0 * watts, 0.0 * watts}, 1000.0, 1.2);  // 1.8 MW
  const ownership<> o = total_cost_of_ownership<double>(1000.0, 30000.0 * dollars, p, 1.0,
                                                        4.0 * years, 0.10 * dollars_per_kwh, 0.05);
  CHECK(o.capex.in(million_dollars) == Approx(30.0));
  CHECK(o.electricity.in(million_dollars) == Approx(1.8e3 * 4.0 * 365.25 * 24.0 * 0.10 / 1e6));
  CHECK(o.operations.in(million_dollars) == Approx(30.0 * 0.05 * 4.0));
  // $30M + 1.8 MW x 35,064 h x $0.10/kWh ($6,311,520) + $30M x 5% x 4 ($6M).
  CHECK(o.total.in(dollars) == Approx(42'311'520.0));
}

TEST_CASE("invalid power and cost inputs are refused with a reason", "[power][errors]") {
  CHECK(check_pue(0.9) == &reasons::pue_out_of_range);
  CHECK(check_pue(interval{1.1, 1.4}) == nullptr);
  CHECK(check_pue(interval{1.4, 1.1}) == &reasons::pue_out_of_range);
  CHECK(check_pue(std::numeric_limits<double>::quiet_NaN()) == &reasons::pue_out_of_range);
  CHECK(check_power_factor(0.0) == &reasons::power_factor_out_of_range);
  CHECK(check_power_factor(1.2) == &reasons::power_factor_out_of_range);
  CHECK(check_price(-2.0) == &reasons::price_invalid);
  CHECK(check_price(std::numeric_limits<double>::infinity()) == &reasons::price_invalid);
  CHECK(check_years(0.0) == &reasons::period_invalid);
  CHECK(check_operations_fraction(1.5) == &reasons::operations_fraction_out_of_range);
  CHECK(check_budget(0.0) == &reasons::budget_invalid);
  CHECK(find_problem(power_budget<>{0.0 * watts, 1.0 * watts, 0.0 * watts}) ==
        &reasons::power_figure_invalid);
  CHECK(find_problem(power_budget<>{700.0 * watts, -1.0 * watts, 0.0 * watts}) ==
        &reasons::power_figure_invalid);
  CHECK(find_problem(power_budget<>{700.0 * watts, 575.0 * watts, 40.0 * watts}) == nullptr);
}

TEST_CASE("interval arithmetic: products and quotients over mixed signs", "[interval]") {
  CHECK(interval{-1, 2} * interval{3, 4} == interval{-4, 8});
  CHECK(interval{-2, -1} * interval{-3, 4} == interval{-8, 6});
  CHECK(interval{1, 2} / interval{4, 8} == interval{0.125, 0.5});
  const interval unbounded = interval{1, 2} / interval{-1, 1};
  CHECK(unbounded.lo == -std::numeric_limits<double>::infinity());
  CHECK(unbounded.hi == std::numeric_limits<double>::infinity());
  CHECK(interval{1, 3} - interval{1, 3} == interval{-2, 2});  // the dependency problem, sound
  CHECK(interval{1, 3}.contains(3.0));
  CHECK_FALSE(interval{1, 3}.contains(3.5));
  CHECK_FALSE(interval{1, 3}.contains(std::numeric_limits<double>::quiet_NaN()));
  // select: certain comparisons pick a side, undecided ones take the hull.
  CHECK(flopcast::select(interval{1, 2} < interval{3, 4}, interval{10}, interval{20}) ==
        interval{10});
  CHECK(flopcast::select(interval{1, 5} < interval{3, 4}, interval{10}, interval{20}) ==
        interval{10, 20});
  CHECK(flopcast::max(interval{1, 5}, interval{3, 4}) == interval{3, 5});
}

TEST_CASE("interval results contain every point result of random input boxes",
          "[interval][power][cost]") {
  std::mt19937_64 rng(20261202);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const auto box = [&](double lo, double hi) {
    double a = lo + (hi - lo) * u(rng), b = lo + (hi - lo) * u(rng);
    if (b < a) std::swap(a, b);
    return interval{a, b};
  };
  const auto inside = [&](interval x) { return x.lo + (x.hi - x.lo) * u(rng); };
  const auto holds = [](interval x, double v) {
    // Bounds round to nearest: allow the last bits.
    const double slack = 1e-12 * (std::abs(x.lo) + std::abs(x.hi));
    return x.lo - slack <= v && v <= x.hi + slack;
  };
  std::size_t outside = 0;  // of 300 boxes x 20 points x 9 figures
  for (int k = 0; k < 300; ++k) {
    const interval tdp = box(300, 1400), host = box(0, 800), net = box(0, 100);
    const interval chips = box(8, 200000), pue = box(1.0, 1.6), pf = box(0.3, 1.0);
    const interval hours = box(1, 20000), kwh = box(0.03, 0.3), price = box(0.5, 12.0);
    const interval capex = box(5e3, 7e4), owned = box(1, 6), ops = box(0, 0.2);
    const interval flops = box(1e22, 1e26), peak = box(1e14, 5e15), mfu = box(0.2, 0.6);
    const power_budget<interval> b{range<dims::power>(tdp.lo, tdp.hi),
                                   range<dims::power>(host.lo, host.hi),
                                   range<dims::power>(net.lo, net.hi)};
    const cluster_power<interval> cp = cluster_power_of<interval>(b, chips, pue);
    const duration<interval> wall = duration<interval>::from_base(hours * interval{3600.0});
    const energy<interval> e = run_energy<interval>(cp, pf, wall);
    const money<interval> bill =
        electricity_cost<interval>(e, energy_price<interval>::from_base(kwh / interval{3.6e6}));
    const price_rate<interval> rate = price_rate<interval>::from_base(price / interval{3600.0});
    const money<interval> rent = rental_cost<interval>(chips, wall, rate);
    const ownership<interval> own = total_cost_of_ownership<interval>(
        chips, money<interval>::from_base(capex), cp, pf, owned * years,
        energy_price<interval>::from_base(kwh / interval{3.6e6}), ops);
    const price_rate<interval> implied = implied_price<interval>(rent, chips, wall);
    const duration<interval> train = training_wall_time<interval>(
        flop_count<interval>::from_base(flops), flop_rate<interval>::from_base(peak), chips, mfu);
    for (int s = 0; s < 20; ++s) {
      const double t = inside(tdp), h = inside(host), n = inside(net), c = inside(chips);
      const double q = inside(pue), f = inside(pf), hr = inside(hours), kw = inside(kwh);
      const double pr = inside(price), cx = inside(capex), y = inside(owned), o = inside(ops);
      const double fl = inside(flops), pk = inside(peak), m = inside(mfu);
      const cluster_power<> pp = cluster_power_of<double>(
          power_budget<>{point<dims::power>(t), point<dims::power>(h), point<dims::power>(n)}, c,
          q);
      const duration<> w = duration<>::from_base(hr * 3600.0);
      const energy<> pe = run_energy<double>(pp, f, w);
      const money<> pbill = electricity_cost<double>(pe, energy_price<>::from_base(kw / 3.6e6));
      const money<> prent = rental_cost<double>(c, w, price_rate<>::from_base(pr / 3600.0));
      const ownership<> pown = total_cost_of_ownership<double>(
          c, money<>::from_base(cx), pp, f, y * years, energy_price<>::from_base(kw / 3.6e6), o);
      const duration<> ptrain =
          training_wall_time<double>(flop_count<>::from_base(fl), flop_rate<>::from_base(pk), c, m);
      const std::pair<interval, double> checks[] = {
          {cp.it.base_value(), pp.it.base_value()},
          {cp.facility.base_value(), pp.facility.base_value()},
          {e.base_value(), pe.base_value()},
          {bill.base_value(), pbill.base_value()},
          {rent.base_value(), prent.base_value()},
          {own.total.base_value(), pown.total.base_value()},
          {own.electricity.base_value(), pown.electricity.base_value()},
          {train.base_value(), ptrain.base_value()},
      };
      for (const auto& [bound, value] : checks) {
        if (!holds(bound, value)) ++outside;
      }
      // The implied price of a rental bill is the price itself, within the bounds' width.
      if (!holds(implied.base_value(), pr / 3600.0)) ++outside;
    }
  }
  CHECK(outside == 0);
}
