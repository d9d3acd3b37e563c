// Regression tests for the hostile inputs of issue 8: each case was a hang, a crash, undefined
// behaviour or a non-finite "success" before the library checked every input's range.
#include <flopcast/estimate/fit.hpp>
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/estimate/training_time.hpp>
#include <flopcast/sweep/batch.hpp>
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/workload/catalog.hpp>
#include <flopcast/workload/lookup.hpp>
#include <limits>
#include <string>
#include <vector>

#include "catch_any.hpp"

using namespace flopcast;

namespace {
const transformer& llama8b = models::llama3_8b.shape;
const cluster_spec h100 = clusters::hgx_h100_ndr.with_count(64);
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

parallel_plan plan8b() { return {.tp = 2, .zero_stage = 1, .global_batch = 64}; }

template <class T>
std::string code(const result<T>& r) {
  return r ? "ok" : r.error()->code;
}
}  // namespace

TEST_CASE("a tiny measured step ends the fit with a reason instead of hanging", "[hardening]") {
  // Was: the predicted/measured ratio overflowed to infinity and ln()'s range reduction looped
  // forever (flopcast calibrate hung the same way).
  for (double tiny : {3e-308, 5e-324, 1e-300, 1e-7}) {
    const step_measurement m{llama8b, h100, 64, plan8b(), {}, tiny * seconds};
    CHECK(code(fit_calibration(std::span(&m, 1))) == "fit_measurement_not_positive");
  }
  for (double huge : {1e300, inf, not_a_number, -1.0}) {
    const step_measurement m{llama8b, h100, 64, plan8b(), {}, huge * seconds};
    CHECK(code(fit_calibration(std::span(&m, 1))) == "fit_measurement_not_positive");
  }
  // A calibration to start from is checked too.
  const step_measurement ok{llama8b, h100, 64, plan8b(), {}, 10.0 * seconds};
  chip_calibration start;
  start.memory_efficiency = not_a_number;
  CHECK(code(fit_calibration(std::span(&ok, 1), {}, start)) == "calibration_out_of_range");
  CHECK(fit_calibration(std::span(&ok, 1)).ok());
}

TEST_CASE("calibration efficiencies outside [0.01, 1] are refused", "[hardening]") {
  // Was: a successful estimate with an infinite or NaN step time.
  for (double e : {0.0, not_a_number, 1e-300, -0.5, 1.5, inf, 0.009}) {
    for (double chip_calibration::*field :
         {&chip_calibration::gemm_efficiency, &chip_calibration::fp8_gemm_efficiency,
          &chip_calibration::memory_efficiency}) {
      step_options o;
      chip_calibration c;
      c.*field = e;
      o.calibration = c;
      CHECK(code(try_estimate_step(llama8b, h100, 64, plan8b(), o)) == "calibration_out_of_range");
    }
  }
  step_options o;
  o.calibration = chip_calibration{.gemm_efficiency = 0.01, .memory_efficiency = 1.0};
  CHECK(try_estimate_step(llama8b, h100, 64, plan8b(), o).ok());
}

TEST_CASE("model sizes whose int arithmetic would overflow are refused", "[hardening]") {
  // Was: 4 * hidden (the default FFN width) and the latent head sizes overflowed int (UB).
  transformer m = llama8b;
  m.ffn = 0;
  m.hidden = 1 << 30;
  m.heads = 1 << 10;
  m.kv_heads = 0;
  CHECK(code(try_checked(m)) == "model_size_too_large");
  m.hidden = limits::max_width;  // 4 x 2^24 = 2^26: fine
  CHECK(try_checked(m).ok());
  CHECK(total_parameters(m) > 0.0);

  transformer mla = models::deepseek_v3.shape;
  mla.mla.qk_nope_head_dim = std::numeric_limits<int>::max();
  mla.mla.qk_rope_head_dim = std::numeric_limits<int>::max();
  CHECK(code(try_checked(mla)) == "model_size_too_large");

  transformer e = llama8b;
  e.attention = static_cast<attention_kind>(7);
  CHECK(code(try_checked(e)) == "model_kind_unknown");
}

TEST_CASE("plan products that overflow 64 bits are a reason, not SIGFPE", "[hardening]") {
  // Was: tp x pp x cp = 2^66 wrapped to 0 in long long and chips % 0 divided by zero.
  parallel_plan p = plan8b();
  p.tp = p.pp = p.cp = 1 << 22;
  CHECK(code(try_estimate_step(llama8b, h100, 64, p)) == "plan_chips_not_divisible");
  p.tp = 1;
  p.pp = p.vp = 1 << 22;  // pp x vp = 2^44 layers' chunks
  p.cp = 1;
  CHECK(code(try_estimate_step(llama8b, h100, 64, p)) == "plan_chips_not_divisible");
  const cluster_spec big = h100.with_count(1 << 22);
  p.pp = 1 << 22;
  CHECK(code(try_estimate_step(llama8b, big, 1 << 22, p)) == "plan_more_chunks_than_layers");
  p = plan8b();
  p.tp = std::numeric_limits<int>::max();
  CHECK(code(try_estimate_step(llama8b, h100, 64, p)) == "plan_size_too_large");
  p = plan8b();
  p.global_batch = std::numeric_limits<int>::max();
  CHECK(code(try_estimate_step(llama8b, h100, 64, p)) == "plan_size_too_large");
}

TEST_CASE("NaN and infinite link figures are refused by the cluster check", "[hardening]") {
  // Was: a NaN scale-out latency passed (only negatives were refused) and the step came back
  // as a successful NaN.
  for (double bad : {not_a_number, inf, -1e-6, 2.0}) {
    cluster_spec c = h100;
    c.scale_out.latency = bad * seconds;
    CHECK(code(try_check(c)) == "cluster_latency_negative");
    CHECK(code(try_estimate_step(llama8b, c, 64, plan8b())) == "cluster_latency_negative");
  }
  for (double bad : {not_a_number, inf, 0.0, -1.0}) {
    cluster_spec c = h100;
    c.scale_out.per_direction = bad * bytes_per_s;
    CHECK(code(try_check(c)) == "cluster_bandwidth_not_positive");
    c = h100;
    c.chip.memory_bandwidth = bad * bytes_per_s;
    CHECK(code(try_check(c)) == "chip_figure_invalid");
    c = h100;
    c.chip.peak_rates.bf16 = bad * flop_per_s;
    CHECK(code(try_check(c)) == "chip_figure_invalid");
  }
  cluster_spec c = h100;
  c.scale_out.shape = static_cast<topology>(99);
  CHECK(code(try_check(c)) == "cluster_topology_unknown");
  CHECK(code(try_check(h100.with_count(1 << 27))) == "cluster_too_large");
}

TEST_CASE("FP64 GEMMs are refused; MFU cannot exceed 1 at long context", "[hardening]") {
  // Was: accepted, with attention timed at the BF16 peak and MFU divided by the FP64 peak, so a
  // long context reported MFU above 1.
  transformer m = llama8b;
  m.seq_len = 1 << 20;
  parallel_plan p = plan8b();
  p.recompute_mode = recompute::full;
  p.cp = 4;
  p.tp = 8;
  p.global_batch = 2;
  step_options o;
  o.check_memory = false;
  for (precision f : {precision::fp64, precision::fp32, precision::tf32, precision::int8}) {
    p.compute = f;
    CHECK(code(try_estimate_step(m, h100, 64, p, o)) == "plan_precision_not_trainable");
  }
  p.compute = static_cast<precision>(200);
  CHECK(code(try_estimate_step(m, h100, 64, p, o)) == "plan_kind_unknown");
  // At the most efficient calibration and a context where attention is nearly all the work,
  // MFU counted as executed (causal: half the scores) stays at or below 1.
  o.calibration = chip_calibration{.gemm_efficiency = 1.0, .fp8_gemm_efficiency = 1.0,
                                   .memory_efficiency = 1.0};
  o.mask = attention_mask::causal_skip;
  for (precision f : {precision::bf16, precision::fp16, precision::fp8}) {
    p.compute = f;
    const auto r = try_estimate_step(m, h100, 64, p, o);
    REQUIRE(r.ok());
    CHECK(r->mfu > 0.0);
    CHECK(r->mfu <= 1.0);
  }
}

TEST_CASE("goodput, tokens and training-time inputs at the extremes are refused", "[hardening]") {
  // Was: --goodput 1e-300 and --tokens 1e300 gave infinite days.
  step_options o;
  o.goodput = 1e-300;
  CHECK(code(try_estimate_step(llama8b, h100, 64, plan8b(), o)) == "goodput_out_of_range");
  CHECK(code(try_estimate_run(llama8b, h100, 64, plan8b(), 1e300)) == "tokens_must_be_positive");
  CHECK(code(try_estimate_run(llama8b, h100, 64, plan8b(), 0.5)) == "tokens_must_be_positive");
  CHECK(try_estimate_run(llama8b, h100, 64, plan8b(), 15e12).ok());

  training_job job{.flops = 2.1e25 * flop, .chip = chips::a100_sxm4_80gb, .chips = 25000,
                   .format = precision::bf16, .utilization = 1e-300};
  CHECK(code(try_estimate_training_time(job)) == "utilization_out_of_range");
  job.utilization = 0.35;
  job.flops = 1e300 * flop;
  CHECK(code(try_estimate_training_time(job)) == "flops_must_be_positive");
  job.flops = 2.1e25 * flop;
  job.chip.peak_rates.bf16 = inf * flop_per_s;
  CHECK(code(try_estimate_training_time(job)) == "peak_must_be_positive");
  const observed_run fast{2.1e25 * flop, chips::a100_sxm4_80gb, 25000, precision::bf16,
                          1e-300 * seconds};
  CHECK(code(try_implied_utilization(fast)) == "duration_must_be_positive");
}

TEST_CASE("the batch path gives the scalar path's reason lane by lane", "[hardening][simd]") {
  const std::vector<double> flops{2.1e25, inf, 2.1e25, 2.1e25, 2.1e25, 1e40, 2.1e25};
  const std::vector<double> peak{312e12, 312e12, not_a_number, 312e12, 312e12, 5e-324, inf};
  const std::vector<double> chips{25000, 25000, 25000, 0.5, 25000, 1.0, 25000};
  const std::vector<double> mfu{0.35, 0.35, 0.35, 0.35, 1e-300, 1e-6, 0.35};
  std::vector<double> wall(flops.size());
  std::vector<const reason*> status(flops.size());
  const std::size_t bad = simd::training_wall_time(
      {.flops = flops, .peak_per_chip = peak, .chips = chips, .utilization = mfu}, wall, status);
  CHECK(bad == 6);
  CHECK(status[0] == nullptr);
  CHECK(status[1] == &reasons::flops_must_be_positive);
  CHECK(status[2] == &reasons::peak_must_be_positive);
  CHECK(status[3] == &reasons::chip_count_must_be_positive);
  CHECK(status[4] == &reasons::utilization_out_of_range);
  CHECK(status[5] == &reasons::estimate_out_of_range);  // each input in range, 1e40 / 5e-324 is not
  CHECK(status[6] == &reasons::peak_must_be_positive);
}

TEST_CASE("an unknown name of any length is refused quickly and echoed safely", "[hardening]") {
  // Found by libFuzzer: a 4 KiB unknown chip name spent seconds in the suggestions' edit
  // distances, and messages echoed the whole name with its raw bytes.
  std::string huge(1 << 20, 'h');
  huge[7] = '\x01';
  huge[9] = '\xff';
  for (const std::string& name : {huge, std::string("h1000\x01")}) {
    try {
      (void)chip_named(name);
      FAIL("no exception");
    } catch (const invalid_input& e) {
      const std::string m = e.what();
      CHECK(std::string(e.code()) == "unknown_chip");
      CHECK(m.size() < 200);
      CHECK(m.find("\\x01") != std::string::npos);
      for (char c : m) CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f));
    }
    try {
      (void)models::lookup(name);
      FAIL("no exception");
    } catch (const invalid_input& e) {
      const std::string m = e.what();
      CHECK(m.size() < 600);
      CHECK(m.find('\x01') == std::string::npos);
    }
  }
  CHECK(suggest_chips(huge).empty());
  CHECK(models::suggestions(huge).empty());
  CHECK_FALSE(suggest_chips("h1000").empty());  // a short typo still gets suggestions
}
