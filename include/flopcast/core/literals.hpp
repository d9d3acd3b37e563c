#pragma once
// Opt-in literals: `using namespace flopcast::literals;` then 989.5_tflops, 90.0_days, 80.0_GB.
// They live in their own namespace so that they never clash with a user's literals unasked.
#include "flopcast/core/units.hpp"

namespace flopcast::literals {

#define FLOPCAST_DEFINE_LITERAL(suffix, unit_object)                                   \
  constexpr auto operator""suffix(long double v) {                                  \
    return static_cast<double>(v) * (unit_object);                                     \
  }                                                                                    \
  constexpr auto operator""suffix(unsigned long long v) {                           \
    return static_cast<double>(v) * (unit_object);                                     \
  }

FLOPCAST_DEFINE_LITERAL(_flop, flop)
FLOPCAST_DEFINE_LITERAL(_pflop, pflop)
FLOPCAST_DEFINE_LITERAL(_eflop, eflop)
FLOPCAST_DEFINE_LITERAL(_zflop, zflop)
FLOPCAST_DEFINE_LITERAL(_tflops, tflop_per_s)
FLOPCAST_DEFINE_LITERAL(_pflops, pflop_per_s)
FLOPCAST_DEFINE_LITERAL(_eflops, eflop_per_s)
FLOPCAST_DEFINE_LITERAL(_GB, gigabytes)
FLOPCAST_DEFINE_LITERAL(_TB, terabytes)
FLOPCAST_DEFINE_LITERAL(_GiB, gibibytes)
FLOPCAST_DEFINE_LITERAL(_GBps, gigabytes_per_s)
FLOPCAST_DEFINE_LITERAL(_TBps, terabytes_per_s)
FLOPCAST_DEFINE_LITERAL(_Gbps, gigabits_per_s)
FLOPCAST_DEFINE_LITERAL(_s, seconds)
FLOPCAST_DEFINE_LITERAL(_hours, hours)
FLOPCAST_DEFINE_LITERAL(_days, days)
FLOPCAST_DEFINE_LITERAL(_years, years)
FLOPCAST_DEFINE_LITERAL(_W, watts)
FLOPCAST_DEFINE_LITERAL(_kW, kilowatts)
FLOPCAST_DEFINE_LITERAL(_MW, megawatts)
FLOPCAST_DEFINE_LITERAL(_kWh, kilowatt_hours)
FLOPCAST_DEFINE_LITERAL(_MWh, megawatt_hours)
FLOPCAST_DEFINE_LITERAL(_usd, dollars)

#undef FLOPCAST_DEFINE_LITERAL

}  // namespace flopcast::literals
