#pragma once
#include "flopcast/core/config.hpp"
// The step model over many plans at once: one model, one cluster, one chip count and one set of
// step options, N parallel plans.
//
// Each plan's integer and structural work (validity and its reason, the pipeline split, the
// memory estimate, FLOP counts, the peak of its precision: prepare_step in
// estimate/step_time.hpp) runs in scalar code; the valid plans are gathered into full packs and
// the continuous model, step_terms_of<T>, runs on them with T = simd::pack: the same template
// try_estimate_step instantiates with T = double. A batch's last valid plans that do not fill a
// pack run with T = double. Results therefore equal try_estimate_step's bit for bit, including
// each refused plan's reason, when both are compiled without FMA contraction
// (-ffp-contract=off, flopcast::strict_fp).
#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>

#include "flopcast/estimate/step_time.hpp"
#include "flopcast/sweep/pack.hpp"

namespace flopcast {

namespace detail {
template <class S>
constexpr std::size_t member_count() {
  S x{};
  std::size_t n = 0;
  for_each_member(x, [&](double&) { ++n; });
  return n;
}

// The plans gathered for one pack: their step_plan values, memory and positions in the batch.
template <std::size_t W>
struct pending_lanes {
  std::array<step_plan<double>, W> plan{};
  std::array<memory_breakdown<double>, W> memory{};
  std::array<std::size_t, W> index{};
  std::size_t size = 0;
};

// Finishes one plan straight into its output slot (a breakdown is 30 doubles: no copies).
inline std::size_t record(const step_values<double>& v, const memory_breakdown<double>& memory,
                          std::size_t i, std::span<step_breakdown> out,
                          std::span<const reason*> status) {
  status[i] = finish_step(v, memory, out[i]);
  if (status[i] == nullptr) return 0;
  out[i] = step_breakdown{};
  return 1;
}

// prepare_step with every call it makes inlined (FLOPCAST_FLATTEN): the batch path's scalar
// half, about half its time.
FLOPCAST_FLATTEN inline const reason* prepare_lane(const step_setup& u, const parallel_plan& p,
                                                   step_plan<double>& x,
                                                   memory_breakdown<double>& memory,
                                                   shape_memo& memo) {
  return prepare_step(u, p, x, memory, &memo);
}

// Runs step_terms_of<P> on a full pack of lanes and hands each lane's values to
// lane(index, values, memory).
template <class P, std::size_t W, class Lane>
FLOPCAST_FLATTEN void run_pack(const step_setup& u, const pending_lanes<W>& lanes, Lane& lane) {
  using traits = number_traits<P>;
  constexpr std::size_t inputs = member_count<step_plan<double>>();
  constexpr std::size_t outputs = member_count<step_values<double>>();
  alignas(64) double in[inputs][W];
  for (std::size_t j = 0; j < W; ++j) {
    std::size_t k = 0;
    step_plan<double> x = lanes.plan[j];
    for_each_member(x, [&](double& v) { in[k++][j] = v; });
  }
  step_plan<P> packed;
  std::size_t k = 0;
  for_each_member(packed, [&](P& v) { v = traits::load(in[k++]); });

  step_values<P> values = step_terms_of<P>(u, packed);
  alignas(64) double res[outputs][W];
  k = 0;
  for_each_member(values, [&](P& v) { traits::store(v, res[k++]); });
  for (std::size_t j = 0; j < W; ++j) {
    step_values<double> v;
    k = 0;
    for_each_member(v, [&](double& x) { x = res[k++][j]; });
    lane(lanes.index[j], v, lanes.memory[j]);
  }
}
}  // namespace detail

// The batch as a visit: refused(i, reason) for each plan prepare_step refuses, and
// lane(i, values, memory) for every other, with step_terms_of's values before finish_step (so
// lane may refuse them too). Callers that need only some of the breakdown (the search ranks by
// the step time and the memory total) then write only that: a whole breakdown is 30 doubles.
// Lanes come in pack order, not plan order.
template <class P = simd::pack, class Lane, class Refused>
void visit_steps(const step_setup& u, std::span<const parallel_plan> plans, Lane&& lane,
                 Refused&& refused) {
  constexpr std::size_t w = static_cast<std::size_t>(number_traits<P>::width);
  detail::pending_lanes<w> lanes;
  shape_memo memo;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const std::size_t j = lanes.size;
    if (const reason* why =
            detail::prepare_lane(u, plans[i], lanes.plan[j], lanes.memory[j], memo)) {
      refused(i, why);
      continue;
    }
    lanes.index[j] = i;
    if (++lanes.size == w) {
      detail::run_pack<P>(u, lanes, lane);
      lanes.size = 0;
    }
  }
  // The tail: the same template at T = double.
  for (std::size_t j = 0; j < lanes.size; ++j) {
    lane(lanes.index[j], step_terms_of<double>(u, lanes.plan[j]), lanes.memory[j]);
  }
}

// Times every plan: out[i] is try_estimate_step(m, c, chips, plans[i], o)'s breakdown and
// status[i] nullptr, or out[i] an empty breakdown and status[i] the reason that call gives. Returns
// the number of refused plans, so that a refusal is never silent. Spans must have one length.
// With a setup made by make_step_setup (it refers to the model, cluster and options, which must
// outlive it): callers that time many batches of one model on one cluster (the search) make it
// once.
template <class P = simd::pack>
std::size_t estimate_steps(const step_setup& u, std::span<const parallel_plan> plans,
                           std::span<step_breakdown> out, std::span<const reason*> status) {
  if (out.size() != plans.size() || status.size() != plans.size()) {
    throw std::invalid_argument("flopcast::estimate_steps: spans differ in length");
  }
  std::size_t invalid = 0;
  visit_steps<P>(
      u, plans,
      [&](std::size_t i, const step_values<double>& v, const memory_breakdown<double>& memory) {
        invalid += detail::record(v, memory, i, out, status);
      },
      [&](std::size_t i, const reason* why) {
        out[i] = step_breakdown{};
        status[i] = why;
        ++invalid;
      });
  return invalid;
}
template <class P = simd::pack>
std::size_t estimate_steps(const transformer& m, const cluster_spec& c, int chips,
                           std::span<const parallel_plan> plans, const step_options& o,
                           std::span<step_breakdown> out, std::span<const reason*> status) {
  return estimate_steps<P>(make_step_setup(m, c, chips, o), plans, out, status);
}

}  // namespace flopcast
