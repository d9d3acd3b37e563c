// Plans considered per second by the plan search (sweep/search.hpp): two representative
// searches at the default limits, on one thread and on all of them. Best of 7 runs each.
// Build: cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFLOPCAST_BUILD_BENCHMARKS=ON
//        cmake --build build-bench --target bench_search_bench
//        build-bench/tests/benchmarks/bench_search_bench
#include <flopcast/flopcast.hpp>
#include <flopcast/sweep/search.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace flopcast;

namespace {

struct timing {
  double seconds = 1e30;
  search_result result;
};

timing best_of(const search_request& r, int repeats) {
  timing t;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    search_result found = search_plans(r);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s < t.seconds) t = {s, std::move(found)};
  }
  return t;
}

void run(const char* label, const model_card& m, const cluster_spec& c, int chips) {
  search_request r;
  r.model = m.shape;
  r.cluster = c.with_count(chips);
  r.chips = chips;
  r.global_batch = 2048;  // 16M tokens of 8K sequences, Llama 3's batch
  r.top = 10;
  const unsigned all = std::max(1u, std::thread::hardware_concurrency());
  for (unsigned threads : {1u, all}) {
    r.threads = threads;
    const timing t = best_of(r, 7);
    std::printf("  %-28s %3u thread%s  %9zu plans (%7zu valid) in %7.3f s  %8.2f M plans/s\n",
                label, threads, threads == 1 ? " " : "s", t.result.considered, t.result.valid,
                t.seconds, static_cast<double>(t.result.considered) / t.seconds / 1e6);
    if (threads == all) break;  // one thread is all there is
  }
}

}  // namespace

int main() {
  std::printf("flopcast plan search benchmark (default search_limits, time objective, top 10)\n");
  run("Llama 3 70B on 1,024 H100", models::llama3_70b, clusters::hgx_h100_ndr, 1024);
  run("Llama 3 405B on 16,384 H100", models::llama3_405b, clusters::hgx_h100_ndr, 16384);
  return 0;
}
