// The July 2024 article on the AI compute race, claim by claim, in flopcast terms.
//
// Claims that hold or fail on datasheet terms alone are static_asserts: if a catalog figure
// changed so that a verdict flipped, this program would stop compiling. Claims that depend on
// an assumption (the utilization a cluster reaches, what "a GB200" counts) are printed with the
// numbers behind them.
#include <flopcast/flopcast.hpp>

#include <initializer_list>
#include <iostream>
#include <string>

using namespace flopcast;

namespace {

// ---- The article's inputs, with their sources ----------------------------------------------

// GPT-4 training compute: Epoch AI's estimate (~2.1e25 FLOP); ~25,000 A100 for ~90-100 days
// (the figures the article and Epoch AI's notes repeat; OpenAI has not published them).
constexpr flop_count<> gpt4_flops = 2.1e25 * flop;
constexpr double gpt4_chips = 25'000;
constexpr duration<> gpt4_time = 90.0 * days;

// The claimed cluster and rental figures.
constexpr double gb200_count = 100'000;
constexpr duration<> rental_period = 2.0 * years;
constexpr money<> rental_total = 5.0 * billion_dollars;

// Intel 80286 (1982): 134,000 transistors (Intel).
constexpr double i80286_transistors = 134'000;

// ---- Datasheet facts, checked at compile time ------------------------------------------------

constexpr double h100_over_a100_bf16 =
    peak_ratio(chips::h100_sxm, chips::a100_sxm4_80gb, precision::bf16);
constexpr double h100_fp8_over_a100_bf16 =
    peak_ratio(chips::h100_sxm, precision::fp8, chips::a100_sxm4_80gb, precision::bf16);
constexpr double b200_over_h100_bf16 = peak_ratio(chips::b200, chips::h100_sxm, precision::bf16);
constexpr double b200_over_h100_fp8 = peak_ratio(chips::b200, chips::h100_sxm, precision::fp8);
constexpr double gb200_over_h100_bf16 = peak_ratio(chips::gb200, chips::h100_sxm, precision::bf16);
constexpr double gb200_over_h100_fp8 = peak_ratio(chips::gb200, chips::h100_sxm, precision::fp8);

// "H100 = 4x A100": not at the same precision (3.17x); only FP8 against BF16 (6.34x) exceeds 4.
static_assert(h100_over_a100_bf16 < 4.0 && h100_fp8_over_a100_bf16 > 4.0);
// "B200 = 3x H100": no same-precision datasheet ratio reaches 3 (2.27x dense at BF16 and FP8).
static_assert(b200_over_h100_bf16 < 3.0 && b200_over_h100_fp8 < 3.0);
// "GB200 = 4x H100" per GPU: 2.53x on the datasheet; per superchip (2 GPUs) 5.05x.
static_assert(gb200_over_h100_bf16 < 4.0 &&
              peak_ratio(chips::gb200_superchip, chips::h100_sxm, precision::bf16) > 4.0);

// GPT-4's implied utilization, from datasheet peak alone.
constexpr double gpt4_mfu = implied_utilization({.flops = gpt4_flops,
                                                 .chip = chips::a100_sxm4_80gb,
                                                 .chips = gpt4_chips,
                                                 .format = precision::bf16,
                                                 .wall_time = gpt4_time});
static_assert(gpt4_mfu > 0.30 && gpt4_mfu < 0.40, "a plausible MFU for A100 clusters of 2022");

constexpr training_time_estimate gpt4_on(const chip_spec& chip, precision p) {
  return estimate_training_time({.flops = gpt4_flops,
                                 .chip = chip,
                                 .chips = gb200_count,
                                 .format = p,
                                 .utilization = gpt4_mfu});
}

// ---- Printing helpers --------------------------------------------------------------------------

std::string x(double ratio) { return format_number(ratio) + "x"; }

enum class verdict_kind { holds, fails, depends };

void verdict(verdict_kind v, const std::string& why) {
  const char* word = v == verdict_kind::holds   ? "HOLDS"
                     : v == verdict_kind::fails ? "DOES NOT HOLD"
                                                : "DEPENDS";
  std::cout << "   verdict: " << word << " - " << why << "\n\n";
}

// Holds on every reading, on none, or on some.
verdict_kind judge(std::initializer_list<bool> readings) {
  bool any = false, all = true;
  for (bool r : readings) any = any || r, all = all && r;
  return all ? verdict_kind::holds : any ? verdict_kind::depends : verdict_kind::fails;
}

}  // namespace

int main() {
  std::cout << "flopcast: the July 2024 compute-race article, claim by claim\n"
            << "(dense peaks from the datasheets; every ratio below is also a static_assert)\n\n";

  // 1. GPT-4
  std::cout << "1. GPT-4: " << gpt4_flops << " (Epoch AI) on " << format_number(gpt4_chips)
            << " A100 for "
            << gpt4_time << "\n"
            << "   cluster peak at BF16: " << chips::a100_sxm4_80gb.peak(precision::bf16) * gpt4_chips
            << "; implied MFU " << format_number(100.0 * gpt4_mfu) << "%\n";
  verdict(gpt4_mfu > 0.2 && gpt4_mfu < 0.6 ? verdict_kind::holds : verdict_kind::fails,
          "the figures are consistent: a " + format_number(100.0 * gpt4_mfu) +
                               "% MFU is typical of large A100 runs (Megatron reported 52% HFU on "
                               "3,072 A100 in 2021; PaLM 46% MFU on TPU v4)");

  // 2-4. The generation multipliers.
  std::cout << "2. \"H100 = 4x A100\": datasheet BF16 " << x(h100_over_a100_bf16)
            << ", H100 FP8 over A100 BF16 " << x(h100_fp8_over_a100_bf16) << ", HBM bandwidth "
            << x(memory_bandwidth_ratio(chips::h100_sxm, chips::a100_sxm4_80gb)) << "\n"
            << "   NVIDIA's own 4x (" << claims::h100_vs_a100_training_4x.workload
            << ") compares " << claims::h100_vs_a100_training_4x.basis << ", H100 FP8 vs A100 16-bit\n";
  verdict(judge({h100_over_a100_bf16 >= 4.0, h100_fp8_over_a100_bf16 >= 4.0}),
          "at equal precision an H100 has " + x(h100_over_a100_bf16) +
              " the peak of an A100; 4x needs FP8 on the H100 side (and then less than its 2x "
              "FP8 gain is realised)");

  std::cout << "3. \"B200 = 3x H100\": datasheet (HGX B200, 1000 W) BF16 " << x(b200_over_h100_bf16)
            << ", FP8 " << x(b200_over_h100_fp8) << ", HBM bandwidth "
            << x(memory_bandwidth_ratio(chips::b200, chips::h100_sxm)) << ", capacity "
            << x(memory_capacity_ratio(chips::b200, chips::h100_sxm)) << "\n"
            << "   NVIDIA's 3x: " << claims::b200_vs_h100_training_3x.workload << ", "
            << claims::b200_vs_h100_training_3x.cluster_scale << "\n";
  verdict(judge({b200_over_h100_bf16 >= 3.0, b200_over_h100_fp8 >= 3.0}),
          "per-chip peak gives " + x(b200_over_h100_fp8) +
              "; the rest of NVIDIA's 3x is a projection for one MoE workload that credits "
              "memory and NVLink 5");

  std::cout << "4. \"GB200 training = 4x H100\": per GPU BF16 " << x(gb200_over_h100_bf16) << ", FP8 "
            << x(gb200_over_h100_fp8) << "; per superchip (2 GPUs) "
            << x(peak_ratio(chips::gb200_superchip, chips::h100_sxm, precision::bf16))
            << "; NVLink domain " << x(compare(chips::gb200, chips::h100_sxm).scale_up_domain)
            << " larger\n";
  verdict(judge({gb200_over_h100_fp8 >= 4.0,
                 peak_ratio(chips::gb200_superchip, chips::h100_sxm, precision::bf16) >= 4.0}),
          "per GPU the datasheet gives " + x(gb200_over_h100_fp8) +
              "; NVIDIA's 4x is per GPU at 32,768 GPUs on GPT-MoE-1.8T and credits the 72-GPU "
              "NVLink domain. Per superchip (2 GPUs) it holds");

  // 5. 100,000 GB200 train GPT-4 in under two days?
  const auto gpus_bf16 = gpt4_on(chips::gb200, precision::bf16);
  const auto gpus_fp8 = gpt4_on(chips::gb200, precision::fp8);
  const auto boards_bf16 = gpt4_on(chips::gb200_superchip, precision::bf16);
  const auto boards_fp8 = gpt4_on(chips::gb200_superchip, precision::fp8);
  std::cout << "5. \"100,000 GB200 could train GPT-4 in under 2 days\", at GPT-4's implied "
            << format_number(100.0 * gpt4_mfu) << "% MFU:\n"
            << "   as 100,000 GPUs:        BF16 " << to_string(gpus_bf16.wall_time, days) << ", FP8 "
            << to_string(gpus_fp8.wall_time, days) << "\n"
            << "   as 100,000 superchips:  BF16 " << to_string(boards_bf16.wall_time, days) << ", FP8 "
            << to_string(boards_fp8.wall_time, days) << "\n"
            << "   the article's own chain 90 days x 25,000 / (100,000 x 4 x 3) = "
            << to_string(90.0 * days * (gpt4_chips / (gb200_count * 4.0 * 3.0)), days)
            << " uses 12x per GPU; the "
            << "datasheet gives GB200/A100 BF16 "
            << x(peak_ratio(chips::gb200, chips::a100_sxm4_80gb, precision::bf16)) << "\n";
  const auto two_days = 2.0 * days;
  verdict(judge({gpus_bf16.wall_time < two_days, gpus_fp8.wall_time < two_days,
                 boards_bf16.wall_time < two_days, boards_fp8.wall_time < two_days}),
          "under 2 days only if the run is FP8 or \"GB200\" means superchips; 100,000 GPUs at "
          "BF16 take " + to_string(gpus_bf16.wall_time, days));

  // 6. Rental cost.
  const double gpu_hours = gb200_count * rental_period.in(hours);
  const price_rate<> per_gpu_hour = implied_price(rental_total, gb200_count, rental_period);
  std::cout << "6. \"100,000 GB200 for two years cost about $5B\": " << format_number(gpu_hours)
            << " GB200-hours -> $" << format_number(per_gpu_hour.in(dollars_per_hour))
            << " per GB200-hour ($" << format_number(per_gpu_hour.in(dollars_per_hour) / 2.0)
            << " per GPU-hour if they are superchips)\n"
            << "   for scale: Google Cloud's on-demand H100 list price, Feb 2025: "
            << *chips::h100_sxm.price << " per GPU\n";
  const money<> at_list_price = *chips::h100_sxm.price * gb200_count * rental_period;
  verdict(verdict_kind::depends,
          "the arithmetic implies " + to_string(per_gpu_hour) +
              " per GB200, a long-term reserved price, not a list price; at the H100's on-demand list price the "
              "same GPU-hours would cost " + to_string(at_list_price));

  // 7. The 80286.
  std::cout << "7. \"100,000 GB200 is about the transistor count of the 80286\" (134,000): "
            << x(gb200_count / i80286_transistors) << " as chips, "
            << x(accelerators_in(gb200_count, chips::gb200_superchip) / i80286_transistors)
            << " counting the superchips' 200,000 GPUs\n"
            << "   (the cluster itself holds "
            << format_number(accelerators_in(gb200_count, chips::gb200_superchip) *
                                     *chips::gb200.transistors_billion * 1e9)
            << " GPU transistors)\n";
  const double as_chips = gb200_count / i80286_transistors;
  verdict(judge({as_chips > 0.5 && as_chips < 2.0}),
          "as a count of chips it is " + x(as_chips) + " of the 80286's transistors: about right");

  // 8. xAI.
  std::cout << "8. xAI clusters, aggregate dense peak:\n";
  for (const double n : {24'000.0, 100'000.0}) {
    std::cout << "   " << format_number(n) << " H100: BF16 "
              << to_string(chips::h100_sxm.peak(precision::bf16) * n, pflop_per_s) << ", FP8 "
              << to_string(chips::h100_sxm.peak(precision::fp8) * n, pflop_per_s) << "\n";
  }
  std::cout << "\n";

  // The vendor claims behind the multipliers, next to the datasheet ratio on their basis.
  std::cout << "Vendor claims (catalog/vendor_claims.hpp) vs datasheet peak on the same basis:\n";
  for (const vendor_claim* c : all_vendor_claims) {
    std::cout << "   " << c->id << ": claimed " << x(c->claimed_ratio);
    if (c->has_datasheet_basis()) {
      std::cout << ", datasheet " << x(c->datasheet_ratio()) << " (" << c->new_chip->name << " "
                << name(c->new_format) << " / " << c->baseline_chip->name << " "
                << name(c->baseline_format) << ")";
    }
    std::cout << " [" << name(c->status) << "]\n";
  }
  return 0;
}
