// Fused attention kernels (issue 9): published efficiencies per kernel and chip family, their
// dependence on keys per query and head dimension, and the step option that selects one.
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/workload/catalog.hpp>

#include "catch_any.hpp"

using namespace flopcast;

namespace {
constexpr double near(double a, double b) { return a > b ? a - b : b - a; }
}  // namespace

// The plateau at head dim 128 is the paper's 16K-token figure, up to the keys-per-query curve.
static_assert(near(attention_kernel_efficiency(attention_kernel::flash3, generation::hopper,
                                               1e12, 128.0)
                       .forward,
                   648.0 / 989.0) < 1e-6);
static_assert(near(attention_kernel_efficiency(attention_kernel::flash3, generation::hopper,
                                               1e12, 128.0)
                       .backward,
                   561.0 / 989.0 * 0.8) < 1e-6);
// FlashAttention-3 needs Hopper: on Ampere it is FlashAttention-2.
static_assert(attention_kernel_efficiency(attention_kernel::flash3, generation::ampere, 4096.0,
                                          128.0)
                  .forward == attention_kernel_efficiency(attention_kernel::flash2,
                                                          generation::ampere, 4096.0, 128.0)
                                  .forward);
// No published figure: zeros, and the step keeps the calibrated model.
static_assert(attention_kernel_efficiency(attention_kernel::flash2, generation::cdna3, 4096.0,
                                          128.0)
                  .forward == 0.0);
static_assert(attention_kernel_efficiency(attention_kernel::calibrated, generation::hopper,
                                          4096.0, 128.0)
                  .forward == 0.0);

TEST_CASE("attention kernels: slower with fewer keys and narrower heads, never above the peak",
          "[attention]") {
  for (attention_kernel k : {attention_kernel::flash2, attention_kernel::flash3,
                             attention_kernel::cudnn, attention_kernel::triton}) {
    for (generation g : {generation::ampere, generation::hopper, generation::blackwell}) {
      const attention_efficiency short_seq = attention_kernel_efficiency(k, g, 256.0, 128.0);
      const attention_efficiency long_seq = attention_kernel_efficiency(k, g, 8192.0, 128.0);
      const attention_efficiency narrow = attention_kernel_efficiency(k, g, 8192.0, 64.0);
      const attention_efficiency wide = attention_kernel_efficiency(k, g, 8192.0, 4096.0);
      CHECK(short_seq.forward < long_seq.forward);
      CHECK(short_seq.backward < long_seq.backward);
      CHECK(narrow.forward < long_seq.forward);
      CHECK(wide.forward <= 1.0);
      CHECK(wide.backward <= 1.0);
      CHECK(long_seq.backward > 0.0);
    }
  }
  // The FlashAttention-3 paper's 512-token figures (467 TFLOP/s forward, 316 backward), within
  // the fitted curve's residuals there (7.5% and 1.5%), rounded up.
  const attention_efficiency fa3_512 =
      attention_kernel_efficiency(attention_kernel::flash3, generation::hopper, 512.0, 128.0);
  CHECK(near(fa3_512.forward * 989.0, 467.0) < 0.08 * 467.0);
  CHECK(near(fa3_512.backward / 0.8 * 989.0, 316.0) < 0.02 * 316.0);
}

TEST_CASE("attention kernels: the step option", "[attention]") {
  transformer m = models::llama3_8b.shape;
  m.seq_len = 32768;
  const cluster_spec c = clusters::hgx_h100_ndr.with_count(8);
  const parallel_plan p{.tp = 8, .sequence_parallel = true, .global_batch = 8};
  const auto step = [&](attention_kernel k) {
    step_options o;
    o.attention = k;
    const result<step_breakdown> s = try_estimate_step(m, c, 8, p, o);
    REQUIRE(s);
    return s->step.in(seconds);
  };
  // The default is the calibrated model, unchanged.
  const result<step_breakdown> plain = try_estimate_step(m, c, 8, p);
  REQUIRE(plain);
  CHECK(plain->step.in(seconds) == step(attention_kernel::calibrated));
  // On Hopper: FlashAttention-3 < cuDNN < Triton, FlashAttention-2 (the paper's order).
  CHECK(step(attention_kernel::flash3) < step(attention_kernel::cudnn));
  CHECK(step(attention_kernel::cudnn) < step(attention_kernel::triton));
  CHECK(step(attention_kernel::cudnn) < step(attention_kernel::flash2));
  // Unfused attention ignores the kernel.
  parallel_plan unfused = p;
  unfused.fused_attention = false;
  unfused.microbatch = 1;
  step_options o;
  o.attention = attention_kernel::flash3;
  o.check_memory = false;
  const result<step_breakdown> a = try_estimate_step(m, c, 8, unfused, o);
  o.attention = attention_kernel::calibrated;
  const result<step_breakdown> b = try_estimate_step(m, c, 8, unfused, o);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->step.in(seconds) == b->step.in(seconds));
  // automatic: cuDNN on Hopper.
  CHECK(step(attention_kernel::automatic) == step(attention_kernel::cudnn));
  static_assert(attention_kernel_for(attention_kernel::automatic, generation::ampere) ==
                attention_kernel::flash2);
  static_assert(attention_kernel_for(attention_kernel::automatic, generation::cdna3) ==
                attention_kernel::calibrated);
  // An unnamed kernel is refused.
  o.attention = static_cast<attention_kernel>(17);
  CHECK(find_problem(o) == &reasons::step_option_unknown);
}

// Per-op selective activation checkpointing (torchtitan "op" SAC): every second matmul of a block
// recomputed. Llama 3 8B: wk 4096 x 1024, wo 4096 x 4096 and w3 4096 x 14336 of the block's
// 218,103,808 weight elements.
static_assert(near(op_sac_matmul_share(models::llama3_8b.shape),
                   (4096.0 * 1024 + 4096.0 * 4096 + 4096.0 * 14336) /
                       (2 * 4096.0 * 4096 + 2 * 4096.0 * 1024 + 3 * 4096.0 * 14336)) < 1e-12);

TEST_CASE("recompute::selective_op: FLOPs and memory between selective and full", "[attention]") {
  const transformer m = models::llama3_8b.shape;
  const step_flops<> op = flops_per_step(m, 1.0, 8192.0, recompute::selective_op);
  CHECK(op.recomputed.attention.base_value() == 0.0);
  CHECK_THAT(op.recomputed.matmul.base_value(),
             Catch::Matchers::WithinRel(op.forward.matmul.base_value() * op_sac_matmul_share(m),
                                        1e-12));
  CHECK(op.model().base_value() == flops_per_step(m, 1.0, 8192.0).model().base_value());
  const sharding<double> plan{};
  const auto bytes = [&](recompute r) {
    return activation_bytes_per_layer(m, 1.0, 8192.0, plan,
                                      {.policy = r, .fused_attention = true, .dropout = false})
        .base_value();
  };
  CHECK(bytes(recompute::selective_op) < bytes(recompute::selective));
  CHECK(bytes(recompute::selective_op) > bytes(recompute::full));
  // The step: slower than no recompute, faster than full recompute.
  const cluster_spec c = clusters::hgx_h100_ndr.with_count(8);
  const auto step = [&](recompute r) {
    const parallel_plan p{.zero_stage = 3, .global_batch = 8, .recompute_mode = r};
    step_options o;
    o.check_memory = false;
    const result<step_breakdown> s = try_estimate_step(m, c, 8, p, o);
    REQUIRE(s);
    return s->step.in(seconds);
  };
  CHECK(step(recompute::none) < step(recompute::selective_op));
  CHECK(step(recompute::selective_op) < step(recompute::full));
}
