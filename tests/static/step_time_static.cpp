// The distributed step-time model in constant expressions: a GPT-3 175B step on 1,024 A100.
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/workload/catalog.hpp>

namespace {
using namespace flopcast;

constexpr parallel_plan plan{.tp = 8,
                             .sequence_parallel = true,
                             .pp = 8,
                             .vp = 2,
                             .microbatch = 1,
                             .global_batch = 1536,
                             .recompute_mode = recompute::selective};
constexpr step_breakdown step =
    estimate_step(models::gpt3_175b.shape, clusters::dgx_a100_superpod, 1024, plan);

static_assert(step.data_parallel == 16.0);
static_assert(step.microbatches == 96.0);
static_assert(step.mfu > 0.35 && step.mfu < 0.65, "175B on 1,024 A100: MFU in the published range");
static_assert(step.step > step.compute && step.bubble > 0.0 * seconds);
static_assert(step.memory.total() < 80.0 * gigabytes);
// Days for GPT-3's 300B tokens: Narayanan 2021 estimated 34 days at 140 TFLOP/s per GPU.
constexpr run_estimate run = try_estimate_run(models::gpt3_175b.shape, clusters::dgx_a100_superpod,
                                              1024, plan, 300e9)
                                 .value();
static_assert(run.wall_time > 15.0 * days && run.wall_time < 40.0 * days);
}  // namespace
