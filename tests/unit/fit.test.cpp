// Calibration by users: fitting a chip's constants to measured steps.
#include <flopcast/estimate/fit.hpp>
#include <flopcast/workload/catalog.hpp>

#include <string>
#include <vector>

#include "catch_any.hpp"

using namespace flopcast;

namespace {
// Steps "measured" on a machine whose true constants we pick: the fit must find them again.
std::vector<step_measurement> synthetic(const chip_calibration& truth) {
  std::vector<step_measurement> data;
  const cluster_spec& c = clusters::dgx_a100_superpod;
  const parallel_plan plans[] = {
      {.tp = 8, .sequence_parallel = true, .pp = 8, .microbatch = 1, .global_batch = 1536,
       .recompute_mode = recompute::selective},
      {.tp = 4, .sequence_parallel = true, .pp = 16, .microbatch = 2, .global_batch = 1024,
       .recompute_mode = recompute::full},
      {.tp = 8, .pp = 8, .zero_stage = 1, .microbatch = 1, .global_batch = 512,
       .recompute_mode = recompute::full,
       .fused_attention = false},
  };
  for (const parallel_plan& p : plans) {
    step_options o;
    o.calibration = truth;
    const duration<> t = estimate_step(models::gpt3_175b.shape, c, 1024, p, o).step;
    data.push_back({.model = models::gpt3_175b.shape, .cluster = c, .chips = 1024, .plan = p,
                    .measured = t});
  }
  return data;
}
}  // namespace

TEST_CASE("fit_calibration recovers the constants that produced the measurements", "[fit]") {
  const chip_calibration truth{.family = "test", .gemm_efficiency = 0.62, .memory_efficiency = 0.71};
  const auto data = synthetic(truth);
  const result<calibration_fit> f = fit_calibration(data);
  REQUIRE(f.ok());
  REQUIRE_THAT(f->calibration.gemm_efficiency, Catch::Matchers::WithinRel(0.62, 0.01));
  REQUIRE_THAT(f->calibration.memory_efficiency, Catch::Matchers::WithinRel(0.71, 0.03));
  CHECK(f->rms_log_error < 1e-3);
  CHECK(f->rms_log_error_before > f->rms_log_error);
  CHECK(f->max_relative_error < 0.01);
}

TEST_CASE("fitted constants then estimate other plans", "[fit]") {
  const chip_calibration truth{.family = "test", .gemm_efficiency = 0.55, .memory_efficiency = 0.8};
  const result<calibration_fit> f = fit_calibration(synthetic(truth));
  REQUIRE(f.ok());
  const parallel_plan other{.tp = 8, .sequence_parallel = true, .pp = 12, .microbatch = 1,
                            .global_batch = 1536, .recompute_mode = recompute::selective};
  step_options with_truth, with_fit;
  with_truth.calibration = truth;
  with_fit.calibration = f->calibration;
  const auto& c = clusters::dgx_a100_superpod;
  const double a = estimate_step(models::gpt3_175b.shape, c, 768, other, with_truth).step.in(seconds);
  const double b = estimate_step(models::gpt3_175b.shape, c, 768, other, with_fit).step.in(seconds);
  REQUIRE_THAT(b, Catch::Matchers::WithinRel(a, 0.01));
}

TEST_CASE("fit_calibration rejects unusable input with a reason", "[fit][errors]") {
  std::vector<step_measurement> none;
  CHECK(std::string(fit_calibration(none).error()->code) == "fit_needs_measurements");
  auto data = synthetic(calibrations::ampere);
  data[1].measured = 0.0 * seconds;
  CHECK(std::string(fit_calibration(data).error()->code) == "fit_measurement_not_positive");
  data = synthetic(calibrations::ampere);
  data[2].cluster = clusters::hgx_h100_ndr;
  CHECK(std::string(fit_calibration(data).error()->code) == "fit_mixes_chips");
}
