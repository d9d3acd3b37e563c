// Throughput of the step model: try_estimate_step plan by plan vs estimate_steps (the batched
// path, sweep/step_batch.hpp) on the plans a search enumerates, one thread, one run. Also checks
// that the two agree bit for bit on every plan timed.
// Build: cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFLOPCAST_BUILD_BENCHMARKS=ON
//        cmake --build build-bench --target bench_step_batch_bench
//        build-bench/tests/benchmarks/bench_step_batch_bench
// The pack width follows the target: baseline x86-64 (SSE2) gives 2 doubles; add
// -DCMAKE_CXX_FLAGS=-march=native for AVX2 (4) or AVX-512 (8).
#include "best_seconds.hpp"
#include <flopcast/flopcast.hpp>
#include <flopcast/sweep/search.hpp>
#include <flopcast/sweep/step_batch.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace flopcast;

namespace {

using flopcast_bench::best_seconds;

void run(const char* name, const search_request& r) {
  std::vector<parallel_plan> plans;
  detail::for_each_plan(r, [&](const parallel_plan& p) { plans.push_back(p); });
  const std::size_t n = plans.size();
  std::vector<step_breakdown> scalar_out(n), batch_out(n);
  std::vector<const reason*> scalar_status(n), batch_status(n);

  const double scalar = best_seconds(
      [&] {
        for (std::size_t i = 0; i < n; ++i) {
          const result<step_breakdown> s =
              try_estimate_step(r.model, r.cluster, r.chips, plans[i], r.options);
          scalar_status[i] = s ? nullptr : s.error();
          scalar_out[i] = s ? s.value() : step_breakdown{};
        }
      },
      3);
  std::size_t invalid = 0;
  const double batched = best_seconds(
      [&] {
        invalid = estimate_steps(r.model, r.cluster, r.chips, plans, r.options, batch_out,
                                 batch_status);
      },
      3);
  std::size_t differ = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double a = scalar_out[i].step.base_value(), b = batch_out[i].step.base_value();
    if (scalar_status[i] != batch_status[i] || std::memcmp(&a, &b, sizeof a) != 0 ||
        scalar_out[i].mfu != batch_out[i].mfu) {
      ++differ;
    }
  }
  std::printf("%s: %zu plans (%zu valid), %zu differ\n", name, n, n - invalid, differ);
  std::printf("  scalar try_estimate_step  %8.2f M plans/s  (%.3f us/plan)\n", n / scalar / 1e6,
              scalar / n * 1e6);
  std::printf("  batched estimate_steps    %8.2f M plans/s  (%.3f us/plan, %.2fx scalar)\n",
              n / batched / 1e6, batched / n * 1e6, scalar / batched);
}

}  // namespace

int main() {
  std::printf("flopcast step batch benchmark: backend %s (width %d), one thread\n",
              simd::backend_name, number_traits<simd::pack>::width);
  search_request dense;
  dense.model = models::llama3_70b.shape;
  dense.cluster = clusters::hgx_h100_ndr.with_count(1024);
  dense.chips = 1024;
  dense.global_batch = 1024;
  dense.limits.precisions = {precision::bf16, precision::fp8};
  run("Llama 3 70B on 1,024 H100 (search space)", dense);

  search_request moe;
  moe.model = models::mixtral_8x7b.shape;
  moe.cluster = clusters::gb200_nvl72.with_count(576);
  moe.chips = 576;
  moe.global_batch = 1152;
  run("Mixtral 8x7B on 576 GB200 NVL72 (search space)", moe);
  return 0;
}
