// The calibration constants that are fitted rather than measured are reproduced here from their
// published evidence (catalog/calibration_evidence.hpp), so a change to the model that moves the
// fit also fails until the constant and its comment are updated together.
#include <flopcast/catalog/calibration_evidence.hpp>

#include <cmath>
#include <iostream>
#include <string>

#include "catch_any.hpp"

using namespace flopcast;

TEST_CASE("Hopper's FP8 GEMM efficiency is the fit to NeMo's DGX H100 FP8 throughput",
          "[calibration][evidence]") {
  const auto data = evidence::measurements(evidence::hopper_fp8);
  const result<calibration_fit> f =
      fit_calibration(data, {.gemm = false, .fp8_gemm = true, .memory = false});
  REQUIRE(f.ok());
  // The constant is the fit, rounded to three places.
  CHECK_THAT(f->calibration.fp8_gemm_efficiency,
             Catch::Matchers::WithinAbs(calibrations::hopper.fp8_gemm_efficiency, 0.0005));
  // The 16-bit and memory figures were held.
  CHECK(f->calibration.gemm_efficiency == calibrations::hopper.gemm_efficiency);
  CHECK(f->calibration.memory_efficiency == calibrations::hopper.memory_efficiency);
  // One constant explains all three rows to within a few percent.
  CHECK(f->rms_log_error < 0.03);
  CHECK(f->max_relative_error < 0.05);
}

TEST_CASE("the evidence rows are valid plans whose step time is the published throughput",
          "[calibration][evidence]") {
  for (const evidence::throughput_row& r : evidence::hopper_fp8) {
    INFO(std::string(r.id));
    const step_measurement& m = r.measurement;
    const result<step_breakdown> s = try_estimate_step(m.model, m.cluster, m.chips, m.plan, m.options);
    REQUIRE(s.ok());
    // The measured step reproduces the published tokens/s per GPU.
    const double tokens = static_cast<double>(m.plan.global_batch) * m.model.seq_len;
    CHECK_THAT(tokens / m.measured.in(seconds) / m.chips,
               Catch::Matchers::WithinRel(r.tokens_per_s_per_chip, 1e-12));
    CHECK(m.plan.compute == precision::fp8);
    CHECK(m.cluster.chip.arch == generation::hopper);
    // With the shipped constants each row is within 5%.
    CHECK_THAT(s->step.in(seconds), Catch::Matchers::WithinRel(m.measured.in(seconds), 0.05));
  }
}

TEST_CASE("the fitted FP8 figure predicts the NeMo rows it was not fitted to within 15%",
          "[calibration][evidence]") {
  double sum = 0.0;
  for (const evidence::throughput_row& r : evidence::hopper_fp8_held_out) {
    const step_measurement& m = r.measurement;
    const result<step_breakdown> s = try_estimate_step(m.model, m.cluster, m.chips, m.plan, m.options);
    INFO(std::string(r.id) + ": " + s.message());
    REQUIRE(s.ok());
    const double err = s->step / m.measured - 1.0;
    std::cout << r.id << "  measured " << m.measured.in(seconds) << " s  predicted "
              << s->step.in(seconds) << " s  error " << 100.0 * err << "%\n";
    CHECK(std::fabs(err) <= 0.15);
    sum += std::fabs(err);
  }
  CHECK(sum / evidence::hopper_fp8_held_out.size() <= 0.10);
}

TEST_CASE("FP8 plans use the FP8 GEMM figure, 16-bit plans the MAMF one", "[calibration]") {
  const chip_calibration c{.gemm_efficiency = 0.8, .fp8_gemm_efficiency = 0.4};
  CHECK(gemm_efficiency_at(c, precision::bf16) == 0.8);
  CHECK(gemm_efficiency_at(c, precision::fp16) == 0.8);
  CHECK(gemm_efficiency_at(c, precision::fp8) == 0.4);
  CHECK(gemm_efficiency_at(c, precision::fp4) == 0.4);
  // Families without FP8 evidence keep Hopper's ratio of the two.
  CHECK_THAT(calibrations::blackwell.fp8_gemm_efficiency / calibrations::blackwell.gemm_efficiency,
             Catch::Matchers::WithinRel(calibrations::hopper.fp8_gemm_efficiency /
                                            calibrations::hopper.gemm_efficiency,
                                        1e-12));
}

TEST_CASE("a fit to FP8 measurements moves the FP8 figure, not the 16-bit one", "[fit]") {
  const auto data = evidence::measurements(evidence::hopper_fp8);
  const result<calibration_fit> f = fit_calibration(data);
  REQUIRE(f.ok());
  CHECK(f->calibration.gemm_efficiency == calibrations::hopper.gemm_efficiency);
  CHECK(f->rms_log_error <= f->rms_log_error_before);
}
