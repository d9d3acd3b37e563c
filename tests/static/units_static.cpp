// Compile-time checks of units and quantities: building this file is the test.
#include <flopcast/core/literals.hpp>
#include <flopcast/core/units.hpp>

namespace {
using namespace flopcast;
using namespace flopcast::literals;

// Entry and exit name the unit; storage is the coherent base unit.
static_assert((989.5 * tflop_per_s).base_value() == 989.5e12);
static_assert((2.0 * hours).in(minutes) == 120.0);
static_assert((90.0 * days).in(hours) == 2160.0);
static_assert((1.0 * years).in(days) == 365.25);

// Decimal and binary prefixes are distinct and explicit.
static_assert((80.0 * gigabytes).base_value() == 80e9);
static_assert((1.0 * gibibytes).base_value() == 1073741824.0);
static_assert((1.0 * gibibytes).in(gigabytes) > 1.07 && (1.0 * gibibytes).in(gigabytes) < 1.08);
static_assert((400.0 * gigabits_per_s).in(gigabytes_per_s) == 50.0);
static_assert((1.0 * kilowatt_hours).in(joules) == 3.6e6);

// Dimensions compose: FLOP / (FLOP/s) = s, W x s = J, $/hour x hours = $.
static_assert(std::is_same_v<decltype((1.0 * flop) / (1.0 * flop_per_s)), duration<>>);
static_assert(std::is_same_v<decltype((1.0 * watts) * (1.0 * seconds)), energy<>>);
static_assert(std::is_same_v<decltype((1.0 * dollars_per_hour) * (1.0 * hours)), money<>>);
static_assert(std::is_same_v<decltype((1.0 * flop_per_s) / (1.0 * bytes_per_s)),
                             arithmetic_intensity<>>);
static_assert(std::is_same_v<decltype((1.0 * flop) / (1.0 * joules)), energy_efficiency<>>);
static_assert(std::is_same_v<decltype((1.0 * dollars) / (1.0 * kilowatt_hours)), energy_price<>>);
// A ratio of like quantities is a plain number.
static_assert(std::is_same_v<decltype((2.0 * days) / (1.0 * days)), double>);
static_assert((3.0 * megawatts) / (1.5 * megawatts) == 2.0);
static_assert(((10.0 * dollars_per_hour) * (2.0 * hours)).in(dollars) == 20.0);

// Integers scale to double quantities (no truncation): 2 * hours is 7200 s.
static_assert(std::is_same_v<decltype(2 * hours), duration<double>>);
static_assert((2 * hours).in(seconds) == 7200.0);

// Literals are opt-in and read like the article.
static_assert(989.5_tflops == 989.5 * tflop_per_s);
static_assert(90_days == 90.0 * days);
static_assert(80_GB == 80.0 * gigabytes);
static_assert(400_Gbps == 50.0 * gigabytes_per_s);
static_assert(3.35_TBps > 3.3_TBps);

// Counts beyond 64-bit integers are fine: 6 x 1.8e12 x 13e12 = 1.4e26 FLOP.
static_assert((6.0 * 1.8e12 * 13e12 * flop).in(yflop) > 140.0);

// Misuse is rejected: no construction from a bare double, no mixed-dimension comparison.
static_assert(!std::is_constructible_v<duration<>, double>);
static_assert(!std::is_convertible_v<double, duration<>>);
static_assert(!std::is_convertible_v<duration<>, double>);
}  // namespace
