// Printing results: operator<< for the estimates, reasons and result<T>, and format_number().
// No `using namespace flopcast` here: the operators must be found by argument-dependent lookup,
// as in a user's `std::cout << estimate`.
#include <flopcast/flopcast.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "catch_any.hpp"

namespace fc = flopcast;

// A reason of the test's own, so that its sentence is fixed here.
FLOPCAST_DEFINE_REASON(print_test_reason, "the test's sentence, with (brackets) in it")

namespace {
template <class T>
std::string printed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const fc::parallel_plan gpt3_plan{.tp = 8, .sequence_parallel = true, .pp = 8, .vp = 2,
                                  .microbatch = 1, .global_batch = 1536,
                                  .recompute_mode = fc::recompute::selective};
}  // namespace

TEST_CASE("format_number is public and reads like a person writes", "[print]") {
  CHECK(fc::format_number(23748.0) == "23,748");
  CHECK(fc::format_number(1024.0) == "1024");
  CHECK(fc::format_number(2.5) == "2.5");
  CHECK(fc::format_number(3.0) == "3");
  CHECK(fc::format_number(0.0123) == "0.0123");
  CHECK(fc::format_number(0.0) == "0");
  CHECK(fc::format_number(-52.64) == "-52.6");
  CHECK(fc::format_number(2.1e25) == "2.1e25");
  CHECK(fc::format_number(6.4e-5) == "6.4e-5");
  CHECK(fc::format_number(3.14159, 5) == "3.1416");
  // Out-of-range digit counts are clamped, non-finite values named.
  CHECK(fc::format_number(3.14159, 0) == "3");
  CHECK(fc::format_number(3.14159, -4) == "3");
  CHECK_FALSE(fc::format_number(1.0 / 3.0, 1000).empty());
  CHECK(fc::format_number(1.0 / 0.0) == "inf");
  CHECK(fc::format_number(-1.0 / 0.0) == "-inf");
  CHECK(fc::format_number(0.0 / 0.0) == "nan");
  // The former name still works.
  CHECK(fc::detail::format_number(2.1e25) == "2.1e25");
}

TEST_CASE("quantities print with a readable unit", "[print]") {
  CHECK(printed(fc::chips::h100_sxm.peak(fc::precision::bf16) * 100'000.0) == "99 EFLOP/s");
  CHECK(printed(90.0 * fc::days) == "90 days");
  CHECK(printed(0.695 * fc::seconds) == "695 ms");
}

TEST_CASE("a reason and a failed result print the sentence and the code", "[print]") {
  CHECK(printed(fc::reasons::print_test_reason) ==
        "the test's sentence, with (brackets) in it [print_test_reason]");
  const fc::result<double> bad = fc::reasons::print_test_reason;
  CHECK(printed(bad) == "error: the test's sentence, with (brackets) in it [print_test_reason]");
  const fc::result<double> good = 2.5;
  CHECK(printed(good) == "2.5");
  const fc::result<fc::duration<>> time = 90.0 * fc::days;
  CHECK(printed(time) == "90 days");

  const auto fp8_on_a100 = fc::try_estimate_training_time(
      {.flops = 1e24 * fc::flop, .chip = fc::chips::a100_sxm4_80gb, .chips = 1024,
       .format = fc::precision::fp8, .utilization = 0.4});
  REQUIRE_FALSE(fp8_on_a100.ok());
  CHECK(printed(fp8_on_a100) == "error: " + std::string(fp8_on_a100.message()) + " [" +
                                    fp8_on_a100.error()->code + "]");
  CHECK(contains(printed(fp8_on_a100), "[precision_not_supported_by_chip]"));
}

TEST_CASE("a training-time estimate prints on one line", "[print]") {
  constexpr auto e = fc::estimate_training_time({.flops = fc::training_flops(405e9, 15.6e12),
                                                 .chip = fc::chips::h100_sxm,
                                                 .chips = 16'384,
                                                 .format = fc::precision::bf16,
                                                 .utilization = 0.40});
  CHECK(printed(e) ==
        "67.7 days, 2.66e7 chip-hours: 3.79e25 FLOP on 16,384 chips at 40% of 990 TFLOP/s each");
  const fc::result<fc::training_time_estimate> r = e;
  CHECK(printed(r) == printed(e));
}

TEST_CASE("a step breakdown prints its summary, non-zero terms and memory", "[print]") {
  fc::step_breakdown s;
  s.compute = 16.8 * fc::seconds;
  s.tp_comm = 1.95 * fc::seconds;
  s.bubble = 0.695 * fc::seconds;
  s.dp_comm = 0.321 * fc::seconds;
  s.step = s.compute + s.tp_comm + s.bubble + s.dp_comm;
  s.mfu = 0.526;
  s.hfu = 0.531;
  s.tokens_per_s = 156243.0;
  s.model_flops_per_chip = 164e12 * fc::flop_per_s;
  s.memory.weights = 5.6 * fc::gigabytes;
  s.memory.activations = 13.9 * fc::gigabytes;
  CHECK(printed(s) ==
        "step 19.8 s: MFU 52.6%, HFU 53.1%, 156,243 tokens/s, 164 TFLOP/s per chip\n"
        "  = compute 16.8 s + TP comm 1.95 s + bubble 695 ms + DP comm 321 ms\n"
        "  memory per chip 19.5 GB: weights 5.6 GB, activations 13.9 GB");
}

TEST_CASE("long lists wrap before column 100", "[print]") {
  fc::step_breakdown s;
  s.compute = 16.8 * fc::seconds;
  s.memory_bound = 0.238 * fc::seconds;
  s.tp_comm = 1.95 * fc::seconds;
  s.cp_comm = 0.5 * fc::seconds;
  s.ep_comm = 0.25 * fc::seconds;
  s.pp_comm = 0.106 * fc::seconds;
  s.bubble = 0.695 * fc::seconds;
  s.dp_comm = 0.321 * fc::seconds;
  s.optimizer = 0.0484 * fc::seconds;
  s.step = 20.9 * fc::seconds;
  s.memory = {.weights = 5.6 * fc::gigabytes, .gradients = 5.6 * fc::gigabytes,
              .master_weights = 11.2 * fc::gigabytes, .optimizer_state = 22.4 * fc::gigabytes,
              .activations = 13.9 * fc::gigabytes};
  CHECK(printed(s) ==
        "step 20.9 s: MFU 0%, HFU 0%, 0 tokens/s, 0 FLOP/s per chip\n"
        "  = compute 16.8 s + memory-bound 238 ms + TP comm 1.95 s + CP comm 500 ms"
        " + EP comm 250 ms\n"
        "    + PP comm 106 ms + bubble 695 ms + DP comm 321 ms + optimizer 48.4 ms\n"
        "  memory per chip 58.7 GB: weights 5.6 GB, gradients 5.6 GB, master weights 11.2 GB,\n"
        "    optimizer state 22.4 GB, activations 13.9 GB");
  for (const std::string& line : lines_of(printed(s))) CHECK(line.size() <= 100);
  // Printed alone, the memory breakdown starts at column 0.
  CHECK(printed(s.memory) ==
        "58.7 GB: weights 5.6 GB, gradients 5.6 GB, master weights 11.2 GB, "
        "optimizer state 22.4 GB,\n    activations 13.9 GB");
}

TEST_CASE("the model's own step and run print consistently with their numbers", "[print]") {
  const fc::step_breakdown s = fc::estimate_step(fc::models::gpt3_175b.shape,
                                                 fc::clusters::dgx_a100_superpod, 1024, gpt3_plan);
  const std::string text = printed(s);
  const auto lines = lines_of(text);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0] == "step " + fc::to_string(s.step) + ": MFU " +
                        fc::format_number(100 * s.mfu) + "%, HFU " +
                        fc::format_number(100 * s.hfu) + "%, " +
                        fc::format_number(s.tokens_per_s) + " tokens/s, " +
                        fc::to_string(s.model_flops_per_chip) + " per chip");
  CHECK(lines[1].rfind("  = compute " + fc::to_string(s.compute), 0) == 0);
  CHECK(contains(text, "TP comm " + fc::to_string(s.tp_comm)));
  CHECK(contains(text, "bubble " + fc::to_string(s.bubble)));
  CHECK_FALSE(contains(text, "CP comm"));  // zero terms are left out
  CHECK_FALSE(contains(text, "EP comm"));
  CHECK(contains(text, "\n  memory per chip " + fc::to_string(s.memory.total()) + ": weights "));
  for (const std::string& line : lines) CHECK(line.size() <= 100);
  CHECK(text.back() != '\n');

  const auto run = fc::try_estimate_run(fc::models::gpt3_175b.shape,
                                        fc::clusters::dgx_a100_superpod, 1024, gpt3_plan, 300e9);
  REQUIRE(run.ok());
  CHECK(printed(run) == fc::format_number(run->steps) + " steps: " +
                            fc::to_string(run->wall_time) + ", " +
                            fc::format_number(run->chip_time.in(fc::hours)) + " chip-hours\n" +
                            text);
  const auto no_tokens = fc::try_estimate_run(fc::models::gpt3_175b.shape,
                                              fc::clusters::dgx_a100_superpod, 1024, gpt3_plan,
                                              -1.0);
  REQUIRE_FALSE(no_tokens.ok());
  CHECK(printed(no_tokens) == "error: " + std::string(no_tokens.message()) + " [" +
                                  no_tokens.error()->code + "]");
}

TEST_CASE("a calibration and a fit print their constants", "[print]") {
  const fc::chip_calibration c{.family = "test chip", .gemm_efficiency = 0.62,
                               .fp8_gemm_efficiency = 0.46, .memory_efficiency = 0.85};
  CHECK(printed(c) == "test chip: GEMM 62%, FP8 GEMM 46%, HBM 85%");
  fc::calibration_fit f;
  f.calibration = c;
  f.calibration.evidence = "three measured steps";
  f.rms_log_error = 0.0268;
  f.rms_log_error_before = 0.081;
  f.max_relative_error = 0.041;
  CHECK(printed(f) ==
        "test chip: GEMM 62%, FP8 GEMM 46%, HBM 85%\n"
        "  evidence: three measured steps\n"
        "  fit: RMS log error 0.0268 (0.081 before), largest step error 4.1%");
}
