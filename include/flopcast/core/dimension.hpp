#pragma once
#include "flopcast/core/config.hpp"
// Physical dimensions as types with integer exponents over five base dimensions:
// operations (FLOP), bytes, seconds, joules and dollars. Watt is J/s, so power needs no base.
// Integer type parameters (not class NTTPs) keep Clang 14 happy and error messages short.

namespace flopcast {

template <int Flop, int Byte, int Second, int Joule, int Dollar>
struct dim {
  static constexpr int flop = Flop;
  static constexpr int byte = Byte;
  static constexpr int second = Second;
  static constexpr int joule = Joule;
  static constexpr int dollar = Dollar;
};

template <class A, class B>
using dim_multiply = dim<A::flop + B::flop, A::byte + B::byte, A::second + B::second,
                         A::joule + B::joule, A::dollar + B::dollar>;

template <class A, class B>
using dim_divide = dim<A::flop - B::flop, A::byte - B::byte, A::second - B::second,
                       A::joule - B::joule, A::dollar - B::dollar>;

using dimensionless = dim<0, 0, 0, 0, 0>;

namespace dims {
using flops = dim<1, 0, 0, 0, 0>;              // an operation count (FLOP, or OP for integers)
using flop_rate = dim<1, 0, -1, 0, 0>;         // FLOP/s
using bytes = dim<0, 1, 0, 0, 0>;              // B
using byte_rate = dim<0, 1, -1, 0, 0>;         // B/s
using time = dim<0, 0, 1, 0, 0>;               // s
using energy = dim<0, 0, 0, 1, 0>;             // J
using power = dim<0, 0, -1, 1, 0>;             // W = J/s
using money = dim<0, 0, 0, 0, 1>;              // $
using intensity = dim<1, -1, 0, 0, 0>;         // FLOP/B (arithmetic intensity)
using efficiency = dim<1, 0, 0, -1, 0>;        // FLOP/J
using price_rate = dim<0, 0, -1, 0, 1>;        // $/s (rental: $/hour)
using energy_price = dim<0, 0, 0, -1, 1>;      // $/J ($/kWh)
}  // namespace dims

}  // namespace flopcast
