#pragma once
#include "flopcast/core/config.hpp"
// interval: a number known only to lie in [lo, hi], for assumption ranges ("MFU 30-45%, PUE
// 1.1-1.4"). It is a third number type for the library's templated formulas, beside double and
// the SIMD packs: the same power, energy, cost and training-time formulas run on it and return
// bounds that contain every point result from the input box (tests/unit/interval.test.cpp
// samples random boxes to check that).
//
// Arithmetic is the textbook interval arithmetic (Moore 1966): each operation returns the range
// of its result over every pair of operands, so a formula's result contains the true range;
// it may be wider where an input appears twice (x - x is [lo - hi, hi - lo], not 0). The power
// and cost formulas use each uncertain input once per product, so their bounds are exact.
// Division by an interval that holds 0 gives [-inf, +inf]: unbounded, never a silent number.
// Rounding is to nearest, not outward: bounds can be off in the last bit.
#include <limits>

#include "flopcast/core/number.hpp"

namespace flopcast {

struct interval {
  double lo = 0.0, hi = 0.0;

  constexpr interval() = default;
  constexpr interval(double x) : lo(x), hi(x) {}  // NOLINT: a point is an interval
  constexpr interval(double low, double high) : lo(low), hi(high) {}

  constexpr bool is_point() const { return lo == hi; }
  constexpr bool contains(double x) const { return lo <= x && x <= hi; }

  friend constexpr interval operator+(interval a, interval b) { return {a.lo + b.lo, a.hi + b.hi}; }
  friend constexpr interval operator-(interval a, interval b) { return {a.lo - b.hi, a.hi - b.lo}; }
  friend constexpr interval operator-(interval a) { return {-a.hi, -a.lo}; }
  friend constexpr interval operator*(interval a, interval b) {
    const double p[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
    interval r{p[0], p[0]};
    for (double x : p) {
      r.lo = x < r.lo ? x : r.lo;
      r.hi = x > r.hi ? x : r.hi;
    }
    return r;
  }
  friend constexpr interval operator/(interval a, interval b) {
    if (b.lo <= 0.0 && b.hi >= 0.0) {
      const double inf = std::numeric_limits<double>::infinity();
      return {-inf, inf};
    }
    return a * interval{1.0 / b.hi, 1.0 / b.lo};
  }
  friend constexpr bool operator==(interval a, interval b) { return a.lo == b.lo && a.hi == b.hi; }
};

// The hull of two intervals: the smallest interval holding both.
constexpr interval hull(interval a, interval b) {
  return {a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
}

// A comparison of intervals may be true for some points and false for others.
struct interval_mask {
  bool may_be_true = false, may_be_false = false;
  friend constexpr interval_mask operator!(interval_mask m) {
    return {m.may_be_false, m.may_be_true};
  }
};

template <>
struct number_traits<interval> {
  using mask = interval_mask;
  static constexpr int width = 1;
  // Certainly true: a; certainly false: b; undecided: both are possible, so their hull.
  static constexpr interval select(interval_mask m, interval a, interval b) {
    if (!m.may_be_false) return a;
    if (!m.may_be_true) return b;
    return hull(a, b);
  }
  static constexpr interval max(interval a, interval b) {
    return {a.lo < b.lo ? b.lo : a.lo, a.hi < b.hi ? b.hi : a.hi};
  }
  static constexpr interval min(interval a, interval b) {
    return {b.lo < a.lo ? b.lo : a.lo, b.hi < a.hi ? b.hi : a.hi};
  }
  static constexpr bool all(interval_mask m) { return !m.may_be_false; }
  static constexpr bool any(interval_mask m) { return m.may_be_true; }
  static constexpr interval floor(interval x) {
    return {number_traits<double>::floor(x.lo), number_traits<double>::floor(x.hi)};
  }
};

constexpr interval_mask operator<(interval a, interval b) { return {a.lo < b.hi, !(a.hi < b.lo)}; }
constexpr interval_mask operator>(interval a, interval b) { return b < a; }
constexpr interval_mask operator<=(interval a, interval b) {
  return {a.lo <= b.hi, !(a.hi <= b.lo)};
}
constexpr interval_mask operator>=(interval a, interval b) { return b <= a; }

}  // namespace flopcast
