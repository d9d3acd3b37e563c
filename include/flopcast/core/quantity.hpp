#pragma once
#include "flopcast/core/config.hpp"
// quantity<Dim, Rep>: a number whose physical dimension is part of its type.
//
// The value is stored in the coherent base unit (FLOP, B, s, J, $, and their quotients), so
// arithmetic never converts. Units name the scale on the way in and out:
//   auto peak = 989.5 * tflop_per_s;      double d = t.in(days);
// Rep is `double` for constant evaluation and scalar code, or a SIMD vector of doubles for the
// batch path: every operator here is written once for both.
#include <type_traits>

#include "flopcast/core/dimension.hpp"

namespace flopcast {

template <class Dim, class Rep = double>
class quantity;

namespace detail {
template <class T>
inline constexpr bool always_false = false;

template <class T>
struct is_quantity : std::false_type {};
template <class D, class R>
struct is_quantity<quantity<D, R>> : std::true_type {};
}  // namespace detail

template <class T>
concept Quantity = detail::is_quantity<std::remove_cvref_t<T>>::value;

// A plain number that may scale a quantity: an arithmetic type, or the quantity's own Rep.
template <class N, class Rep>
concept Scalar = !Quantity<N> && (std::is_arithmetic_v<std::remove_cvref_t<N>> ||
                                  std::is_same_v<std::remove_cvref_t<N>, Rep>);

// A unit of dimension Dim: how many base units one of it holds, and its printed symbol.
template <class Dim>
struct unit {
  using dimension = Dim;
  double scale;
  const char* symbol;
};

template <class Dim, class Rep>
class quantity {
 public:
  using dimension = Dim;
  using rep = Rep;

  constexpr quantity() = default;

  // The only way in from a raw number, apart from `value * unit`: say that it is in base units.
  static constexpr quantity from_base(Rep base) {
    quantity q;
    q.value_ = base;
    return q;
  }

  // The value in base units (FLOP, B, s, J, $, ...).
  constexpr Rep base_value() const { return value_; }

  // The value expressed in unit `u`, e.g. `t.in(days)`.
  constexpr Rep in(unit<Dim> u) const { return value_ / u.scale; }

  template <class U>
  constexpr Rep in(U) const {
    static_assert(detail::always_false<U>,
                  "flopcast: quantity::in() needs a unit of the same dimension "
                  "(e.g. duration.in(days), rate.in(tflop_per_s))");
    return value_;
  }

  constexpr quantity operator-() const { return from_base(-value_); }
  constexpr quantity operator+() const { return *this; }

  constexpr quantity& operator+=(quantity o) {
    value_ = value_ + o.value_;
    return *this;
  }
  constexpr quantity& operator-=(quantity o) {
    value_ = value_ - o.value_;
    return *this;
  }

  friend constexpr quantity operator+(quantity a, quantity b) { return from_base(a.value_ + b.value_); }
  friend constexpr quantity operator-(quantity a, quantity b) { return from_base(a.value_ - b.value_); }

  // Comparisons return bool for double and a lane mask for SIMD representations.
  friend constexpr auto operator<(quantity a, quantity b) { return a.value_ < b.value_; }
  friend constexpr auto operator>(quantity a, quantity b) { return a.value_ > b.value_; }
  friend constexpr auto operator<=(quantity a, quantity b) { return a.value_ <= b.value_; }
  friend constexpr auto operator>=(quantity a, quantity b) { return a.value_ >= b.value_; }
  friend constexpr auto operator==(quantity a, quantity b) { return a.value_ == b.value_; }
  friend constexpr auto operator!=(quantity a, quantity b) { return a.value_ != b.value_; }

  template <Scalar<Rep> N>
  friend constexpr quantity operator*(quantity a, N n) { return from_base(a.value_ * n); }
  template <Scalar<Rep> N>
  friend constexpr quantity operator*(N n, quantity a) { return from_base(n * a.value_); }
  template <Scalar<Rep> N>
  friend constexpr quantity operator/(quantity a, N n) { return from_base(a.value_ / n); }

 private:
  Rep value_{};
};

namespace detail {
template <class Dim, class Rep>
constexpr auto make_result(Rep v) {
  if constexpr (std::is_same_v<Dim, dimensionless>) {
    return v;  // a ratio of like quantities is a plain number
  } else {
    return quantity<Dim, Rep>::from_base(v);
  }
}
}  // namespace detail

template <class D1, class D2, class Rep>
constexpr auto operator*(quantity<D1, Rep> a, quantity<D2, Rep> b) {
  return detail::make_result<dim_multiply<D1, D2>>(a.base_value() * b.base_value());
}

template <class D1, class D2, class Rep>
constexpr auto operator/(quantity<D1, Rep> a, quantity<D2, Rep> b) {
  return detail::make_result<dim_divide<D1, D2>>(a.base_value() / b.base_value());
}

template <class D, class Rep, Scalar<Rep> N>
constexpr auto operator/(N n, quantity<D, Rep> q) {
  return quantity<dim_divide<dimensionless, D>, Rep>::from_base(n / q.base_value());
}

// Poisoned overloads: mixing dimensions, or a quantity with a bare number, is a compile error
// with a message that says what went wrong instead of a list of candidate operators.
template <class D1, class D2, class R1, class R2>
  requires(!std::is_same_v<D1, D2>)
constexpr void operator+(quantity<D1, R1>, quantity<D2, R2>) {
  static_assert(detail::always_false<D1>,
                "flopcast: cannot add quantities of different dimensions (e.g. seconds + bytes)");
}
template <class D1, class D2, class R1, class R2>
  requires(!std::is_same_v<D1, D2>)
constexpr void operator-(quantity<D1, R1>, quantity<D2, R2>) {
  static_assert(detail::always_false<D1>,
                "flopcast: cannot subtract quantities of different dimensions (e.g. seconds - bytes)");
}
template <class D1, class D2, class R1, class R2>
  requires(!std::is_same_v<D1, D2>)
constexpr bool operator<(quantity<D1, R1>, quantity<D2, R2>) {
  static_assert(detail::always_false<D1>,
                "flopcast: cannot compare quantities of different dimensions");
  return false;
}
template <class D1, class D2, class R1, class R2>
  requires(!std::is_same_v<D1, D2>)
constexpr bool operator>(quantity<D1, R1>, quantity<D2, R2>) {
  static_assert(detail::always_false<D1>,
                "flopcast: cannot compare quantities of different dimensions");
  return false;
}
template <class D, class R, class N>
  requires(std::is_arithmetic_v<N>)
constexpr void operator+(quantity<D, R>, N) {
  static_assert(detail::always_false<N>,
                "flopcast: cannot add a bare number to a quantity; give it a unit "
                "(e.g. 3.0 * hours)");
}
template <class D, class R, class N>
  requires(std::is_arithmetic_v<N>)
constexpr void operator+(N, quantity<D, R>) {
  static_assert(detail::always_false<N>,
                "flopcast: cannot add a bare number to a quantity; give it a unit "
                "(e.g. 3.0 * hours)");
}
template <class D, class R, class N>
  requires(std::is_arithmetic_v<N>)
constexpr void operator-(quantity<D, R>, N) {
  static_assert(detail::always_false<N>,
                "flopcast: cannot subtract a bare number from a quantity; give it a unit "
                "(e.g. 3.0 * hours)");
}

// `value * unit` makes a quantity: 989.5 * tflop_per_s. Any arithmetic value gives a double
// quantity (2 * hours is 7200 s, not an int); a SIMD vector gives a SIMD quantity.
template <class Dim, class N>
  requires(std::is_arithmetic_v<N>)
constexpr quantity<Dim, double> operator*(N value, unit<Dim> u) {
  return quantity<Dim, double>::from_base(static_cast<double>(value) * u.scale);
}
template <class Dim, class Rep>
  requires(!Quantity<Rep> && !std::is_arithmetic_v<Rep>)
constexpr quantity<Dim, Rep> operator*(Rep value, unit<Dim> u) {
  return quantity<Dim, Rep>::from_base(value * u.scale);
}

// Common quantity aliases.
template <class Rep = double> using flop_count = quantity<dims::flops, Rep>;
template <class Rep = double> using flop_rate = quantity<dims::flop_rate, Rep>;
template <class Rep = double> using data_size = quantity<dims::bytes, Rep>;
template <class Rep = double> using bandwidth = quantity<dims::byte_rate, Rep>;
template <class Rep = double> using duration = quantity<dims::time, Rep>;
template <class Rep = double> using energy = quantity<dims::energy, Rep>;
template <class Rep = double> using power = quantity<dims::power, Rep>;
template <class Rep = double> using money = quantity<dims::money, Rep>;
template <class Rep = double> using arithmetic_intensity = quantity<dims::intensity, Rep>;
template <class Rep = double> using energy_efficiency = quantity<dims::efficiency, Rep>;
template <class Rep = double> using price_rate = quantity<dims::price_rate, Rep>;
template <class Rep = double> using energy_price = quantity<dims::energy_price, Rep>;

}  // namespace flopcast
