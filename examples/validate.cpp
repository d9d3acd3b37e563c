// Predicted vs reported for every published run in flopcast's validation set: the table the
// README quotes. Build and run: cmake --build build --target validate && build/examples/validate
#include <flopcast/catalog/calibration_evidence.hpp>
#include <flopcast/catalog/published_runs.hpp>
#include <flopcast/flopcast.hpp>

#include <cmath>
#include <cstdio>

using namespace flopcast;

int main() {
  std::printf("| run | source | reported | predicted | error | note |\n");
  std::printf("|---|---|---:|---:|---:|---|\n");
  double sum_all = 0.0, sum_fit = 0.0;
  int n_all = 0, n_fit = 0;
  for (const published_run& r : runs::validation) {
    const result<step_breakdown> s = try_estimate_step(r.model, r.cluster, r.chips, r.plan, r.options);
    if (!s) {
      std::printf("| %.*s | %.*s | invalid: %s |\n", static_cast<int>(r.id.size()), r.id.data(),
                  static_cast<int>(r.source.size()), r.source.data(), s.message());
      continue;
    }
    const double p = predicted(r, s.value());
    const double err = 100.0 * (p / r.reported - 1.0);
    const char* unit = r.metric == run_metric::mfu ? "MFU" : r.metric == run_metric::step_time_s ? "s/step" : "TFLOP/s";
    const double scale = r.metric == run_metric::mfu ? 100.0 : 1.0;
    std::printf("| %.*s | %.*s | %.4g %s | %.4g | %+.1f%% | %s |\n", static_cast<int>(r.id.size()),
                r.id.data(), static_cast<int>(r.source.size()), r.source.data(), r.reported * scale,
                r.metric == run_metric::mfu ? "%" : unit, p * scale, err,
                r.known_gap.empty() ? "" : "known gap");
    sum_all += std::fabs(err);
    ++n_all;
    if (r.known_gap.empty()) sum_fit += std::fabs(err), ++n_fit;
  }
  std::printf("\nMean absolute error: %.1f%% over all %d rows; %.1f%% over the %d rows that are not "
              "known gaps.\n", sum_all / n_all, n_all, sum_fit / n_fit, n_fit);
  std::printf("\nKnown gaps:\n");
  for (const published_run& r : runs::validation) {
    if (!r.known_gap.empty()) {
      std::printf("- %.*s: %.*s\n", static_cast<int>(r.id.size()), r.id.data(),
                  static_cast<int>(r.known_gap.size()), r.known_gap.data());
    }
  }

  // The fitted GEMM efficiencies (catalog/calibration_evidence.hpp): the rows each was fitted
  // to, and rows of the same sources it was not.
  const auto rows_table = [](const char* title, const auto& rows) {
    std::printf("\n%s\n\n| run | source | measured s/step | predicted | error |\n|---|---|---:|---:|---:|\n",
                title);
    double sum = 0.0;
    for (const evidence::throughput_row& r : rows) {
      const step_measurement& m = r.measurement;
      const result<step_breakdown> s = try_estimate_step(m.model, m.cluster, m.chips, m.plan, m.options);
      if (!s) {
        std::printf("| %.*s | invalid: %s |\n", static_cast<int>(r.id.size()), r.id.data(), s.message());
        continue;
      }
      const double err = 100.0 * (s.value().step / m.measured - 1.0);
      sum += std::fabs(err);
      std::printf("| %.*s | %.*s | %.4g | %.4g | %+.1f%% |\n", static_cast<int>(r.id.size()),
                  r.id.data(), static_cast<int>(r.source.size()), r.source.data(),
                  m.measured.in(seconds), s.value().step.in(seconds), err);
    }
    std::printf("\nMean absolute error: %.1f%% over %zu rows.\n",
                sum / static_cast<double>(rows.size()), rows.size());
  };
  char title[200];
  std::snprintf(title, sizeof title, "Hopper BF16 GEMM efficiency %.3f, fitted to:",
                calibrations::hopper.gemm_efficiency);
  rows_table(title, evidence::hopper_bf16);
  std::snprintf(title, sizeof title, "Hopper FP8 GEMM efficiency %.3f, fitted to:",
                calibrations::hopper.fp8_gemm_efficiency);
  rows_table(title, evidence::hopper_fp8);
  rows_table("Hopper rows held out of both fits:", evidence::hopper_held_out);
  std::snprintf(title, sizeof title,
                "NeMo 25.11 FP8 rows, held out (Blackwell's figures, %.3f / %.3f, are assumed):",
                calibrations::blackwell.gemm_efficiency, calibrations::blackwell.fp8_gemm_efficiency);
  rows_table(title, evidence::recent_held_out);
  std::snprintf(title, sizeof title, "Ampere BF16 GEMM efficiency %.3f, fitted to:",
                calibrations::ampere.gemm_efficiency);
  rows_table(title, evidence::ampere_bf16);
  rows_table("Ampere rows held out of the fit:", evidence::ampere_held_out);
  return 0;
}
