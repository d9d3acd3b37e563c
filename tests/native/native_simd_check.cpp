// The batched step model built for the machine it runs on (-march=native: AVX-512 or AVX2 packs,
// 8 or 4 double lanes) against the scalar path, bit for bit. The unit tests build for baseline
// x86-64 (2 lanes); this program catches what only the wider packs do. It did: with Clang 14 and
// libstdc++ 12 on AVX-512, experimental::where(mask, x) = y assigned nothing, and every select
// kept its second operand (sweep/pack.hpp now selects lane by lane there).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "flopcast/sweep/step_batch.hpp"
#include "random_plans.hpp"

int main() {
  using namespace flopcast;
  // select on one pack: the mask's lanes pick the first operand.
  using traits = number_traits<simd::pack>;
  constexpr int width = traits::width;
  double a[width], b[width], out[width];
  for (int i = 0; i < width; ++i) a[i] = i + 1.0, b[i] = -(i + 1.0);
  const simd::pack pa = traits::load(a), pb = traits::load(b);
  traits::store(flopcast::select<simd::pack>(pa > simd::pack(width / 2.0), pa, pb), out);
  for (int i = 0; i < width; ++i) {
    const double want = a[i] > width / 2.0 ? a[i] : b[i];
    if (out[i] != want) {
      std::printf("FAIL select lane %d: %g, expected %g\n", i, out[i], want);
      return 1;
    }
  }
  // ceil_log2: packs take logb, doubles binary lifting; the counts must agree around every power
  // of two.
  for (int e = 0; e < 64; ++e) {
    const double p = std::ldexp(1.0, e);
    const double k[4] = {p, std::nextafter(p, 0.0), std::nextafter(p, 1e308), p * 1.5};
    for (double v : k) {
      traits::store(detail::ceil_log2<simd::pack>(simd::pack(v)), out);
      if (out[width - 1] != detail::ceil_log2<double>(v)) {
        std::printf("FAIL ceil_log2(%.17g): %g on packs, %g on doubles\n", v, out[width - 1],
                    detail::ceil_log2<double>(v));
        return 1;
      }
    }
  }
  // The step model: 20 random batches of 500 plans.
  testing::plan_generator gen(20261202);
  std::size_t compared = 0;
  for (int k = 0; k < 20; ++k) {
    const testing::random_batch batch = gen.batch(500);
    std::vector<step_breakdown> got(batch.plans.size());
    std::vector<const reason*> why(batch.plans.size());
    estimate_steps(batch.model, batch.cluster, batch.chips, batch.plans, batch.options, got, why);
    for (std::size_t i = 0; i < batch.plans.size(); ++i) {
      const result<step_breakdown> one =
          try_estimate_step(batch.model, batch.cluster, batch.chips, batch.plans[i], batch.options);
      const bool same = one ? why[i] == nullptr &&
                                  std::memcmp(&got[i].step, &one.value().step, sizeof(double)) == 0 &&
                                  got[i].mfu == one.value().mfu &&
                                  got[i].memory.total() == one.value().memory.total()
                            : why[i] == one.error();
      if (!same) {
        std::printf("FAIL batch %d plan %zu: the batched path differs from the scalar one\n", k, i);
        return 1;
      }
      ++compared;
    }
  }
  std::printf("native packs of %d lanes: select and %zu plans agree with the scalar path\n", width,
              compared);
  return 0;
}
