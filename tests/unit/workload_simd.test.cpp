// One formula, two paths: the workload formulas evaluated on a SIMD-like pack give, lane by lane,
// exactly the doubles of the scalar path (built with -ffp-contract=off), and the constant
// evaluator agrees with run time.
//
// The pack here is a minimal stand-in written for this test (four doubles, element-wise
// operators, a number_traits specialisation); <flopcast/sweep/batch.hpp> provides the real one.
#include <array>
#include <random>

#include "catch_any.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/kv_cache.hpp"
#include "flopcast/workload/memory.hpp"

namespace workload_simd_test {

constexpr int lanes = 4;

struct mask4 {
  std::array<bool, lanes> m{};
};

// Four doubles with element-wise operators (hidden friends), comparisons giving a mask4.
struct pack4 {
  std::array<double, lanes> v{};
  constexpr pack4() = default;
  constexpr pack4(double x) : v{x, x, x, x} {}  // NOLINT: broadcast, implicit like simd's
  constexpr double operator[](int i) const { return v[static_cast<std::size_t>(i)]; }

  template <class F>
  static constexpr pack4 map(const pack4& a, const pack4& b, F f) {
    pack4 r;
    for (std::size_t i = 0; i < lanes; ++i) r.v[i] = f(a.v[i], b.v[i]);
    return r;
  }
  template <class F>
  static constexpr mask4 compare(const pack4& a, const pack4& b, F f) {
    mask4 r;
    for (std::size_t i = 0; i < lanes; ++i) r.m[i] = f(a.v[i], b.v[i]);
    return r;
  }

  friend constexpr pack4 operator+(const pack4& a, const pack4& b) {
    return map(a, b, [](double x, double y) { return x + y; });
  }
  friend constexpr pack4 operator-(const pack4& a, const pack4& b) {
    return map(a, b, [](double x, double y) { return x - y; });
  }
  friend constexpr pack4 operator*(const pack4& a, const pack4& b) {
    return map(a, b, [](double x, double y) { return x * y; });
  }
  friend constexpr pack4 operator/(const pack4& a, const pack4& b) {
    return map(a, b, [](double x, double y) { return x / y; });
  }
  friend constexpr pack4 operator-(const pack4& a) { return pack4(0.0) - a; }
  friend constexpr mask4 operator<(const pack4& a, const pack4& b) {
    return compare(a, b, [](double x, double y) { return x < y; });
  }
  friend constexpr mask4 operator>(const pack4& a, const pack4& b) {
    return compare(a, b, [](double x, double y) { return x > y; });
  }
  friend constexpr mask4 operator<=(const pack4& a, const pack4& b) {
    return compare(a, b, [](double x, double y) { return x <= y; });
  }
  friend constexpr mask4 operator>=(const pack4& a, const pack4& b) {
    return compare(a, b, [](double x, double y) { return x >= y; });
  }
  friend constexpr mask4 operator==(const pack4& a, const pack4& b) {
    return compare(a, b, [](double x, double y) { return x == y; });
  }
  friend constexpr mask4 operator!=(const pack4& a, const pack4& b) {
    return compare(a, b, [](double x, double y) { return x != y; });
  }
};

}  // namespace workload_simd_test

using workload_simd_test::lanes;
using workload_simd_test::mask4;
using workload_simd_test::pack4;

template <>
struct flopcast::number_traits<pack4, void> {
  using mask = mask4;
  static constexpr int width = lanes;
  static constexpr pack4 select(mask4 m, pack4 a, pack4 b) {
    pack4 r;
    for (std::size_t i = 0; i < lanes; ++i) r.v[i] = m.m[i] ? a.v[i] : b.v[i];
    return r;
  }
  static constexpr pack4 max(pack4 a, pack4 b) { return select(a < b, b, a); }
  static constexpr pack4 min(pack4 a, pack4 b) { return select(b < a, b, a); }
  static constexpr bool all(mask4 m) { return m.m[0] && m.m[1] && m.m[2] && m.m[3]; }
  static constexpr bool any(mask4 m) { return m.m[0] || m.m[1] || m.m[2] || m.m[3]; }
};

using namespace flopcast;

namespace {

pack4 pick(std::mt19937& rng, std::initializer_list<double> values) {
  std::uniform_int_distribution<std::size_t> d(0, values.size() - 1);
  pack4 p;
  for (double& x : p.v) x = values.begin()[d(rng)];
  return p;
}

sharding<double> lane(const sharding<pack4>& s, int i) {
  return {.tp = s.tp[i],
          .pp = s.pp[i],
          .dp = s.dp[i],
          .cp = s.cp[i],
          .ep = s.ep[i],
          .virtual_stages = s.virtual_stages[i],
          .zero_stage = s.zero_stage,
          .sequence_parallel = s.sequence_parallel};
}

}  // namespace

TEST_CASE("FLOP formulas on a pack equal the scalar formulas lane by lane",
          "[workload][simd][flops]") {
  std::mt19937 rng(20240601);
  const recompute policy = GENERATE(recompute::none, recompute::selective, recompute::full);
  const attention_mask mask = GENERATE(attention_mask::dense, attention_mask::causal_skip);
  for (const model_card* card : models::all) {
    const transformer& m = card->shape;
    for (int trial = 0; trial < 8; ++trial) {
      const pack4 batch = pick(rng, {1.0, 7.0, 512.0, 1536.0, 3072.0});
      const pack4 seq = pick(rng, {128.0, 2048.0, 4096.0, 8192.0, 131072.0});
      const pack4 tokens = pick(rng, {1e9, 3e11, 1.56e13});
      const step_flops<pack4> step = flops_per_step(m, batch, seq, policy, mask);
      const flop_count<pack4> trained = training_flops(m, tokens, mask);
      const flop_count<pack4> hfu = hardware_flops_per_token(m, seq, policy, mask);
      const flop_count<pack4> six = six_n_d(m, tokens);
      const flop_count<pack4> eq3 = narayanan_flops_with_recompute<pack4>(
          batch, seq, pack4(96.0), pack4(12288.0), pack4(51200.0));
      for (int i = 0; i < lanes; ++i) {
        INFO(m.name << " lane " << i);
        const step_flops<double> s = flops_per_step(m, batch[i], seq[i], policy, mask);
        CHECK(step.forward.matmul.base_value()[i] == s.forward.matmul.base_value());
        CHECK(step.forward.attention.base_value()[i] == s.forward.attention.base_value());
        CHECK(step.forward.logits.base_value()[i] == s.forward.logits.base_value());
        CHECK(step.model().base_value()[i] == s.model().base_value());
        CHECK(step.hardware().base_value()[i] == s.hardware().base_value());
        CHECK(trained.base_value()[i] == training_flops(m, tokens[i], mask).base_value());
        CHECK(hfu.base_value()[i] ==
              hardware_flops_per_token(m, seq[i], policy, mask).base_value());
        CHECK(six.base_value()[i] == six_n_d(m, tokens[i]).base_value());
        CHECK(eq3.base_value()[i] ==
              narayanan_flops_with_recompute<double>(batch[i], seq[i], 96.0, 12288.0, 51200.0)
                  .base_value());
      }
    }
  }
}

TEST_CASE("memory formulas on a pack equal the scalar formulas lane by lane",
          "[workload][simd][memory]") {
  std::mt19937 rng(7);
  const int zero = GENERATE(0, 1, 2, 3);
  const bool sp = GENERATE(false, true);
  const recompute policy = GENERATE(recompute::none, recompute::selective, recompute::full);
  const activation_options o{.policy = policy, .fused_attention = zero % 2 == 1, .dropout = sp};
  for (const model_card* card : models::all) {
    const transformer& m = card->shape;
    for (int trial = 0; trial < 4; ++trial) {
      // pp and virtual_stages include 1 so that the pp == 1 and interleaving selects see both
      // sides.
      const sharding<pack4> plan{.tp = pick(rng, {1.0, 2.0, 8.0}),
                                 .pp = pick(rng, {1.0, 4.0, 16.0}),
                                 .dp = pick(rng, {8.0, 64.0, 1024.0}),
                                 .cp = pick(rng, {1.0, 2.0}),
                                 .ep = pick(rng, {1.0, 8.0}),
                                 .virtual_stages = pick(rng, {1.0, 3.0}),
                                 .zero_stage = zero,
                                 .sequence_parallel = sp};
      const pack4 micro = pick(rng, {1.0, 2.0, 4.0});
      const pack4 seq = pick(rng, {2048.0, 8192.0});
      const memory_breakdown<pack4> mem =
          memory_per_chip(m, recipes::bf16_fp32_master, optimizer::adam, plan, micro, o);
      const data_size<pack4> layer =
          activation_bytes_per_layer(m, micro, seq, plan, o, layer_mlp::experts);
      const data_size<pack4> kv = kv_cache_bytes_per_chip(m, seq, micro, plan.tp);
      for (int i = 0; i < lanes; ++i) {
        INFO(m.name << " lane " << i);
        const sharding<double> p = lane(plan, i);
        const memory_breakdown<double> ref =
            memory_per_chip(m, recipes::bf16_fp32_master, optimizer::adam, p, micro[i], o);
        CHECK(mem.weights.base_value()[i] == ref.weights.base_value());
        CHECK(mem.gradients.base_value()[i] == ref.gradients.base_value());
        CHECK(mem.master_weights.base_value()[i] == ref.master_weights.base_value());
        CHECK(mem.optimizer_state.base_value()[i] == ref.optimizer_state.base_value());
        CHECK(mem.activations.base_value()[i] == ref.activations.base_value());
        CHECK(
            layer.base_value()[i] ==
            activation_bytes_per_layer(m, micro[i], seq[i], p, o, layer_mlp::experts).base_value());
        CHECK(kv.base_value()[i] ==
              kv_cache_bytes_per_chip(m, seq[i], micro[i], p.tp).base_value());
      }
    }
  }
}

TEST_CASE("constant evaluation and run time give the same doubles", "[workload][simd]") {
  constexpr const transformer& m = models::llama3_405b.shape;
  constexpr double at_compile_time =
      flops_per_step(m, 2048.0, 8192.0, recompute::selective).hardware().base_value();
  constexpr double memory_at_compile_time =
      memory_per_chip(m, recipes::bf16_fp32_master, optimizer::adam,
                      sharding<>{.tp = 8.0, .pp = 16.0, .dp = 64.0, .zero_stage = 1}, 1.0)
          .total()
          .base_value();
  volatile double batch = 2048.0;  // keeps the run-time path from being folded
  volatile double micro = 1.0;
  const double at_run_time =
      flops_per_step(m, static_cast<double>(batch), 8192.0, recompute::selective)
          .hardware()
          .base_value();
  const double memory_at_run_time =
      memory_per_chip(m, recipes::bf16_fp32_master, optimizer::adam,
                      sharding<>{.tp = 8.0, .pp = 16.0, .dp = 64.0, .zero_stage = 1},
                      static_cast<double>(micro))
          .total()
          .base_value();
  CHECK(at_compile_time == at_run_time);
  CHECK(memory_at_compile_time == memory_at_run_time);
}
