// One formula, two paths: the batch (SIMD) evaluation must equal the scalar one bit for bit.
// Requires -ffp-contract=off (the test build sets it), or the compiler may fuse a*b+c
// differently in the two paths.
#include <flopcast/sweep/batch.hpp>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "catch_any.hpp"

using namespace flopcast;

namespace {

struct inputs {
  std::vector<double> flops, peak, chips, mfu;
};

inputs random_inputs(std::size_t n, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  inputs in;
  for (std::size_t i = 0; i < n; ++i) {
    // Log-uniform over the ranges people ask about: 1e18..1e27 FLOP, 10 TFLOP/s..20 PFLOP/s,
    // 1..1e6 chips, MFU 1%..100%.
    in.flops.push_back(std::pow(10.0, 18.0 + 9.0 * unit(gen)));
    in.peak.push_back(std::pow(10.0, 13.0 + 3.3 * unit(gen)));
    in.chips.push_back(std::floor(std::pow(10.0, 6.0 * unit(gen))));
    in.mfu.push_back(0.01 + 0.99 * unit(gen));
  }
  return in;
}

double scalar_time(double f, double p, double c, double u) {
  return training_wall_time<double>(flop_count<>::from_base(f), flop_rate<>::from_base(p), c, u)
      .base_value();
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

template <class P>
std::size_t mismatches(const inputs& in) {
  const std::size_t n = in.flops.size();
  std::vector<double> out(n);
  std::vector<const reason*> status(n);
  const std::size_t invalid =
      simd::training_wall_time<P>({in.flops, in.peak, in.chips, in.mfu}, out, status);
  REQUIRE(invalid == 0);
  std::size_t bad = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!same_bits(out[i], scalar_time(in.flops[i], in.peak[i], in.chips[i], in.mfu[i]))) ++bad;
  }
  return bad;
}

}  // namespace

TEST_CASE("batch training time equals the scalar formula on 100,000 random inputs", "[simd]") {
  const inputs in = random_inputs(100'000, 20240701);
  CHECK(mismatches<simd::pack>(in) == 0);
  CHECK(mismatches<simd::array_pack<4>>(in) == 0);
  CHECK(mismatches<simd::array_pack<8>>(in) == 0);
}

TEST_CASE("batch results are right for every tail length", "[simd]") {
  constexpr int w = number_traits<simd::pack>::width;
  for (std::size_t n = 0; n <= 3 * w + 1; ++n) {
    const inputs in = random_inputs(n, static_cast<unsigned>(n));
    CHECK(mismatches<simd::pack>(in) == 0);
  }
}

TEST_CASE("constant evaluation and the batch path agree", "[simd]") {
  constexpr double f = 2.1e25, p = 312e12, c = 25000, u = 0.35;
  constexpr double at_compile_time =
      training_wall_time<double>(flop_count<>::from_base(f), flop_rate<>::from_base(p), c, u).base_value();
  const std::vector<double> fs(9, f), ps(9, p), cs(9, c), us(9, u);
  std::vector<double> out(9);
  std::vector<const reason*> status(9);
  simd::training_wall_time({fs, ps, cs, us}, out, status);
  for (double v : out) CHECK(same_bits(v, at_compile_time));
}

TEST_CASE("invalid lanes are flagged with their reason, never silently", "[simd][errors]") {
  std::vector<double> f{1e24, 1e24, 1e24, -1.0, 1e24}, p(5, 1e15), c{8, 0, 8, 8, 8}, u{0.4, 0.4, 1.5, 0.4, 0.4};
  std::vector<double> out(5);
  std::vector<const reason*> status(5);
  CHECK(simd::training_wall_time({f, p, c, u}, out, status) == 3);
  CHECK(status[0] == nullptr);
  CHECK(status[1] == &reasons::chip_count_must_be_positive);
  CHECK(status[2] == &reasons::utilization_out_of_range);
  CHECK(status[3] == &reasons::flops_must_be_positive);
  CHECK(status[4] == nullptr);
  CHECK(std::isnan(out[1]));
  CHECK(out[4] > 0.0);
  std::vector<double> short_out(4);
  std::vector<const reason*> short_status(4);
  CHECK_THROWS_AS(simd::training_wall_time({f, p, c, u}, short_out, short_status), std::invalid_argument);
}
