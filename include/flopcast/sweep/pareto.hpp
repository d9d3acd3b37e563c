#pragma once
#include "flopcast/core/config.hpp"
// The Pareto front of points in two objectives, both minimised: the one implementation that
// svg::scatter_chart rings and sweep/grid.hpp's grid_front selects with.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "flopcast/core/error.hpp"

namespace flopcast {

// Indices of the points that no other point dominates, minimising both x and y (a point
// dominates another when it is no larger on both and smaller on one), sorted by x (then y).
// Identical points do not dominate each other: all of them are kept, in index order.
// Throws invalid_input (pareto_length_mismatch, pareto_non_finite) when x and y differ in
// length or a value is not finite. O(n log n).
inline std::vector<std::size_t> pareto_front(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size())
    throw invalid_input("pareto_length_mismatch",
                        "pareto_front: x has " + std::to_string(x.size()) + " values and y has " +
                            std::to_string(y.size()));
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw invalid_input("pareto_non_finite",
                          "pareto_front: point " + std::to_string(i) + " is not finite");
  std::vector<std::size_t> order(x.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (x[a] != x[b]) return x[a] < x[b];
    if (y[a] != y[b]) return y[a] < y[b];
    return a < b;
  });
  // Sorted by x then y, a point is on the front when its y is below every y before it, or when
  // it repeats the last front point exactly.
  std::vector<std::size_t> front;
  for (const std::size_t i : order) {
    if (front.empty() || y[i] < y[front.back()] ||
        (x[i] == x[front.back()] && y[i] == y[front.back()]))
      front.push_back(i);
  }
  return front;
}

}  // namespace flopcast
