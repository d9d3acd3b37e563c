// The GPT shapes of Narayanan et al. 2021 (arXiv 2104.04473) Table 1 through the general model:
// parameters (Eq. 2), FLOPs per iteration (Eq. 3, with and without recompute) and the
// Korthikanti et al. 2022 (arXiv 2205.05198) activation-memory formulas.
#include <array>

#include "catch_any.hpp"
#include "flopcast/workload/activations.hpp"
#include "flopcast/workload/flops.hpp"
#include "flopcast/workload/parameters.hpp"

using namespace flopcast;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// Narayanan 2021 (arXiv 2104.04473) Table 1, as catalog/published_runs.hpp carries it (rows
// meg21-t1-*): published parameters (billions), heads, hidden, layers, tensor- and
// pipeline-parallel sizes, GPUs, global batch (sequences). Vocabulary 51,200 and sequence
// length 2,048 for every row (Sec. 5.1).
struct table1_row {
  double params_billion;
  int heads, hidden, layers, tp, pp, gpus, batch;
};
constexpr std::array<table1_row, 10> table1{{
    {1.7, 24, 2304, 24, 1, 1, 32, 512},
    {3.6, 32, 3072, 30, 2, 1, 64, 512},
    {7.5, 32, 4096, 36, 4, 1, 128, 512},
    {18.4, 48, 6144, 40, 8, 1, 256, 1024},
    {39.1, 64, 8192, 48, 8, 2, 512, 1536},
    {76.1, 80, 10240, 60, 8, 4, 1024, 1792},
    {145.6, 96, 12288, 80, 8, 8, 1536, 2304},
    {310.1, 128, 16384, 96, 8, 16, 1920, 2160},
    {529.6, 128, 20480, 105, 8, 35, 2520, 2520},
    {1008.0, 160, 25600, 128, 8, 64, 3072, 3072},
}};
constexpr double vocab = 51200;
constexpr double seq = 2048;

constexpr transformer shape_of(const table1_row& r) {
  return checked({.layers = r.layers,
                  .hidden = r.hidden,
                  .heads = r.heads,
                  .vocab = static_cast<int>(vocab),
                  .seq_len = static_cast<int>(seq)});
}

}  // namespace

TEST_CASE("Narayanan 2021 Eq. 2 reproduces Table 1's published parameter counts to their 0.1B",
          "[workload][parameters][narayanan]") {
  for (const table1_row& r : table1) {
    INFO("Table 1 row " << r.params_billion << "B");
    const double p = narayanan_parameters<double>(r.layers, r.hidden, vocab, seq);
    CHECK_THAT(p / 1e9, WithinAbs(r.params_billion, 0.05));
  }
}

TEST_CASE("GPT parameter count equals Narayanan 2021 Eq. 2 plus the final LayerNorm (2h)",
          "[workload][parameters][narayanan]") {
  for (const table1_row& r : table1) {
    INFO("Table 1 row " << r.params_billion << "B");
    const double eq2 = narayanan_parameters<double>(r.layers, r.hidden, vocab, seq);
    CHECK_THAT(total_parameters(shape_of(r)) - 2.0 * r.hidden, WithinRel(eq2, 1e-13));
  }
}

TEST_CASE("FLOPs per iteration equal Narayanan 2021 Eq. 3 for all ten Table 1 shapes",
          "[workload][flops][narayanan]") {
  for (const table1_row& r : table1) {
    INFO("Table 1 row " << r.params_billion << "B, batch " << r.batch);
    const transformer m = shape_of(r);
    const double b = r.batch;
    // With full activation recomputation (hardware FLOPs, the basis of Table 1's TFLOP/s).
    const step_flops<> full = flops_per_step(m, b, seq, recompute::full);
    CHECK_THAT(
        full.hardware().in(flop),
        WithinRel(
            narayanan_flops_with_recompute<double>(b, seq, r.layers, r.hidden, vocab).in(flop),
            1e-13));
    // Without recomputation: the 72 form, which is also the model FLOPs of either.
    const step_flops<> none = flops_per_step(m, b, seq, recompute::none);
    const double eq3_72 =
        narayanan_flops_without_recompute<double>(b, seq, r.layers, r.hidden, vocab).in(flop);
    CHECK_THAT(none.hardware().in(flop), WithinRel(eq3_72, 1e-13));
    CHECK_THAT(full.model().in(flop), WithinRel(eq3_72, 1e-13));
  }
}

TEST_CASE("Eq. 3's terms are the per-layer forward 24Bsh^2 + 4Bs^2h and logits 2BshV",
          "[workload][flops][narayanan]") {
  const table1_row& r = table1[6];  // 145.6B
  const transformer m = shape_of(r);
  const double b = r.batch;
  const double h = r.hidden;
  const flop_split<> fwd = flops_per_step(m, b, seq).forward;
  CHECK_THAT(fwd.matmul.in(flop), WithinRel(24.0 * b * seq * h * h * r.layers, 1e-14));
  CHECK_THAT(fwd.attention.in(flop), WithinRel(4.0 * b * seq * seq * h * r.layers, 1e-14));
  CHECK_THAT(fwd.logits.in(flop), WithinRel(2.0 * b * seq * h * vocab, 1e-14));
  const step_flops<> step = flops_per_step(m, b, seq);
  CHECK(step.backward.total() == fwd.total() * 2.0);
}

TEST_CASE("activation memory per layer equals Korthikanti 2022's closed forms (Table 2)",
          "[workload][memory][korthikanti]") {
  for (const table1_row& r : table1) {
    const transformer m = shape_of(r);
    for (double t : {1.0, 2.0, 4.0, 8.0}) {
      for (double b : {1.0, 4.0}) {
        INFO("Table 1 row " << r.params_billion << "B, t = " << t << ", b = " << b);
        const auto closed = [&](korthikanti_case c) {
          return korthikanti_activation_bytes<double>(seq, b, r.hidden, r.heads, t, c).in(bytes);
        };
        const auto general = [&](bool sp, recompute policy) {
          const sharding<> plan{.tp = t, .sequence_parallel = sp};
          const activation_options o{.policy = policy};
          return activation_bytes_per_layer(m, b, seq, plan, o).in(bytes);
        };
        // No parallelism: s b h (34 + 5 a s / h).
        if (t == 1.0) {
          CHECK_THAT(general(false, recompute::none),
                     WithinRel(closed(korthikanti_case::no_parallelism), 1e-14));
        }
        // Tensor parallel: s b h (10 + 24/t + 5 a s / (h t)).
        CHECK_THAT(general(false, recompute::none),
                   WithinRel(closed(korthikanti_case::tensor_parallel), 1e-14));
        // Tensor + sequence parallel: s b h (34 + 5 a s / h) / t.
        CHECK_THAT(general(true, recompute::none),
                   WithinRel(closed(korthikanti_case::tensor_sequence_parallel), 1e-14));
        // Tensor + sequence parallel + selective recompute: 34 s b h / t.
        CHECK_THAT(general(true, recompute::selective),
                   WithinRel(closed(korthikanti_case::tensor_sequence_selective), 1e-14));
        // Full recompute keeps the layer input, 2 s b h (divided by t with SP).
        CHECK_THAT(general(false, recompute::full),
                   WithinRel(closed(korthikanti_case::full_recompute), 1e-14));
        CHECK_THAT(general(true, recompute::full),
                   WithinRel(closed(korthikanti_case::full_recompute) / t, 1e-14));
      }
    }
  }
}

TEST_CASE(
    "a fused attention kernel drops the same 5as/h term as selective recompute "
    "(Korthikanti 2022 Sec. 4.2.2)",
    "[workload][memory][korthikanti]") {
  const transformer m = shape_of(table1[9]);
  const sharding<> plan{.tp = 8.0, .sequence_parallel = true};
  const double fused =
      activation_bytes_per_layer(m, 1.0, seq, plan, {.fused_attention = true}).in(bytes);
  const double selective =
      activation_bytes_per_layer(m, 1.0, seq, plan, {.policy = recompute::selective}).in(bytes);
  CHECK(fused == selective);
}
