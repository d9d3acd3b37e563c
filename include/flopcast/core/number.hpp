#pragma once
#include "flopcast/core/config.hpp"
// The number abstraction behind "one formula, two paths".
//
// Model equations are templates over a number type T: `double` for constant evaluation and
// scalar code, a SIMD vector of doubles for batches (see <flopcast/sweep/batch.hpp>). A formula
// must not branch on a T value; it calls flopcast::select(mask, a, b), which dispatches through
// number_traits<T>. The SIMD header specialises number_traits later; because the call depends
// on T, the specialisation is found at instantiation time.
#include <type_traits>

#include "flopcast/core/quantity.hpp"

namespace flopcast {

template <class T, class Enable = void>
struct number_traits;

template <class T>
struct number_traits<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  using mask = bool;
  static constexpr int width = 1;
  static constexpr T select(bool m, T a, T b) { return m ? a : b; }
  static constexpr T max(T a, T b) { return a < b ? b : a; }
  static constexpr T min(T a, T b) { return b < a ? b : a; }
  static constexpr bool all(bool m) { return m; }
  static constexpr bool any(bool m) { return m; }
  static constexpr T floor(T x) {
    const T t = static_cast<T>(static_cast<long long>(x));
    return t > x ? t - T(1) : t;
  }
};

template <class T>
using mask_t = typename number_traits<T>::mask;

template <class T>
constexpr T select(mask_t<T> m, T a, T b) {
  return number_traits<T>::select(m, a, b);
}
template <class D, class T>
constexpr quantity<D, T> select(mask_t<T> m, quantity<D, T> a, quantity<D, T> b) {
  return quantity<D, T>::from_base(number_traits<T>::select(m, a.base_value(), b.base_value()));
}

template <class T>
constexpr T max(T a, T b) {
  return number_traits<T>::max(a, b);
}
template <class D, class T>
constexpr quantity<D, T> max(quantity<D, T> a, quantity<D, T> b) {
  return quantity<D, T>::from_base(number_traits<T>::max(a.base_value(), b.base_value()));
}
template <class T>
constexpr T min(T a, T b) {
  return number_traits<T>::min(a, b);
}
template <class D, class T>
constexpr quantity<D, T> min(quantity<D, T> a, quantity<D, T> b) {
  return quantity<D, T>::from_base(number_traits<T>::min(a.base_value(), b.base_value()));
}

// Broadcast a scalar (or a double quantity) to T.
template <class T>
constexpr T splat(double v) {
  return T(v);
}
template <class T, class D>
constexpr quantity<D, T> splat(quantity<D, double> q) {
  return quantity<D, T>::from_base(T(q.base_value()));
}

namespace math {
// Constant-evaluable helpers for double. GCC folds <cmath> in constant expressions as an
// extension; Clang 14 does not, so formulas use these instead of std:: calls.
constexpr double abs(double x) { return x < 0 ? -x : x; }

// |a - b| <= rel * max(|a|, |b|): "equal within a relative tolerance".
constexpr bool approx_equal(double a, double b, double rel) {
  const double m = abs(a) < abs(b) ? abs(b) : abs(a);
  return abs(a - b) <= rel * m;
}

constexpr double floor(double x) {
  const double t = static_cast<double>(static_cast<long long>(x));
  return t > x ? t - 1.0 : t;
}
constexpr double ceil(double x) {
  const double t = static_cast<double>(static_cast<long long>(x));
  return t < x ? t + 1.0 : t;
}
}  // namespace math

}  // namespace flopcast
