#pragma once
#include "flopcast/core/config.hpp"
// Dated, sourced prices: renting an accelerator by the hour and buying one, each as a low-high
// range (markets differ by provider, commitment and date; a single number would mislead).
#include <array>
#include <string_view>

#include "flopcast/core/units.hpp"
#include "flopcast/hardware/catalog.hpp"

namespace flopcast {

struct chip_price {
  const chip_spec* chip = nullptr;  // the catalog entry (per accelerator)
  // On-demand or committed rental per accelerator-hour, low and high of the sources.
  price_rate<> rental_low{}, rental_high{};
  // Purchase per accelerator, including its share of the server or rack it is sold in (a DGX's
  // price over its 8 GPUs), low and high. Zero where no price is published (TPUs).
  money<> capex_low{}, capex_high{};
  std::string_view published{};  // "YYYY-MM" of the newest source
  std::string_view source{};
  std::string_view notes{};
};

namespace prices {
// Ranges span the sources found; "published" is the newest source's month. Per-GPU rental from an
// 8-GPU instance is the instance's hourly price over 8. Prices move monthly: these are dated
// defaults, not quotes. Source quality differs and each entry's notes say which figures come
// from the provider's own page and which from a report of it.
//
// Left out: A100 80GB (no provider page or reputable report with an 80 GB price was found; the
// AWS figure below is for the 40 GB part), the purchase price of GB200 (the ~$3M-per-rack figure
// appears only as unsourced estimates) and of H200 (none published), and TPU v6e (the $2.70
// list price was not in the stored sources).

inline constexpr chip_price a100_40gb = {
    .chip = &chips::a100_sxm4_40gb,
    .rental_low = 1.844 * dollars_per_hour,
    .rental_high = 1.844 * dollars_per_hour,
    .published = "2024-12",
    .source = "https://aws.amazon.com/ec2/capacityblocks/pricing/",
    .notes = "AWS EC2 Capacity Blocks, p4d.24xlarge (8 x A100 40GB) in US East (Ohio) and US "
             "West (Oregon): $14.75 per instance-hour, $1.844 per accelerator-hour, rates "
             "current until 2025-01-01 (read from a copy of the AWS page). One source only; "
             "on-demand p4d prices were not verified. No purchase price.",
};

inline constexpr chip_price h100_sxm = {
    .chip = &chips::h100_sxm,
    .rental_low = 2.99 * dollars_per_hour,
    .rental_high = 12.29 * dollars_per_hour,
    .capex_low = 25'000.0 * dollars,
    .capex_high = 40'000.0 * dollars,
    .published = "2026-05",
    .source = "https://aws.amazon.com/ec2/pricing/on-demand/ ; "
              "https://computespec.pages.dev/learn/pricing/cloud-gpu-pricing-explained ; "
              "https://disintermediate.global/insights/gpu-cloud-pricing-models ; "
              "https://aws.amazon.com/ec2/capacityblocks/pricing/ ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/ ; "
              "https://www.cliffcenter.com/research/amd-inference-economics ; "
              "https://www.techspot.com/news/99839-nvidia-garners-reported-1000-profit-each-h100-"
              "gpu.html ; https://github.com/epoch-research/training-cost-trends ; "
              "https://aiwiki.ai/wiki/nvidia_h100",
    .notes = "Rental: $2.99 Lambda on-demand (as reported 2026-05); $4.916 AWS Capacity Block "
             "(p5.48xlarge $39.33/h over 8, to 2025-01); $10.8 Google Cloud on-demand list "
             "(Feb 2025, scaling-book); $12.29 AWS p5.48xlarge on-demand ($98.32/h over 8, as "
             "reported by two secondary pages in 2026; AWS's own page was not read). Purchase: "
             "$25-30k per GPU (Raymond James via Barron's, 2023-08), "
             "$25-40k market range (secondary); a DGX H100 at an estimated ~$270k "
             "(SemiAnalysis via Epoch) is ~$34k per GPU including the server share.",
};

inline constexpr chip_price h200_sxm = {
    .chip = &chips::h200_sxm,
    .rental_low = 5.408 * dollars_per_hour,
    .rental_high = 10.0 * dollars_per_hour,
    .published = "2025-02",
    .source = "https://aws.amazon.com/ec2/capacityblocks/pricing/ ; "
              "https://jax-ml.github.io/scaling-book/gpus/",
    .notes = "Rental: $5.408 AWS Capacity Block (8 x H200 at $43.26/h, US East Ohio, to "
             "2025-01); about $10 Google Cloud sticker price (scaling-book, 2025; approximate). "
             "No purchase price published.",
};

inline constexpr chip_price b200 = {
    .chip = &chips::b200,
    .rental_low = 3.75 * dollars_per_hour,
    .rental_high = 14.24 * dollars_per_hour,
    .capex_low = 30'000.0 * dollars,
    .capex_high = 40'000.0 * dollars,
    .published = "2026-06",
    .source = "https://packet.ai/blog/gpu-pricing-models-compared ; "
              "https://briefbriefing.com/2024/10/03/nvidia-ceo-jensen-huang-says-demand-for-next-"
              "generation-blackwell-ai-chip-is-insane",
    .notes = "Rental: $3.75 packet.ai's own on-demand B200 SXM list price (2026-06); up to $14.24 "
             "for AWS H200/B200 rates as reported on the same page (secondary). Purchase: "
             "'expected to cost between $30,000 and $40,000 per unit' (CNBC, 2024-10, via a "
             "copy). Weakly sourced: replace with a provider's own page when one is found.",
};

inline constexpr chip_price mi300x = {
    .chip = &chips::mi300x,
    .rental_low = 1.50 * dollars_per_hour,
    .rental_high = 6.00 * dollars_per_hour,
    .capex_low = 10'000.0 * dollars,
    .capex_high = 15'000.0 * dollars,
    .published = "2026-05",
    .source = "https://www.cliffcenter.com/research/amd-inference-economics ; "
              "https://www.svethardware.cz/ai-akceleratory-nvidia-h100-pry-stoji-2krat-mozna-az-"
              "6krat-vice-nez-amd-mi300/60384",
    .notes = "Rental per GPU-hour as tabulated in one research note (2026-05): $1.50 TensorWave, "
             "$1.85 Vultr, $6 Azure and Oracle. Single secondary source. Purchase: $10-15k "
             "average per GPU, the low end for Microsoft (Citigroup's Christopher Danely, "
             "2024-02, as reported in the Czech press); the GPU alone, without its server share, "
             "so capex and TCO are low. AMD publishes no price.",
};

inline constexpr chip_price tpu_v5p = {
    .chip = &chips::tpu_v5p,
    .rental_low = 4.2 * dollars_per_hour,
    .rental_high = 4.2 * dollars_per_hour,
    .published = "2025-02",
    .source = "https://cloud.google.com/tpu/pricing ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/",
    .notes = "Google Cloud on-demand list price per chip-hour, Feb 2025, as tabulated by the "
             "scaling-book authors. Committed-use discounts not included. TPUs are not sold.",
};

inline constexpr chip_price tpu_v5e = {
    .chip = &chips::tpu_v5e,
    .rental_low = 1.2 * dollars_per_hour,
    .rental_high = 1.2 * dollars_per_hour,
    .published = "2025-02",
    .source = "https://cloud.google.com/tpu/pricing ; "
              "https://jax-ml.github.io/scaling-book/applied-inference/",
    .notes = "Google Cloud on-demand list price per chip-hour, Feb 2025, as tabulated by the "
             "scaling-book authors (the same table as v5p). TPUs are not sold.",
};

inline constexpr chip_price gb200 = {
    .chip = &chips::gb200,
    .rental_low = 4.54 * dollars_per_hour,
    .rental_high = 4.54 * dollars_per_hour,
    .published = "2026-03",
    .source = "https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200",
    .notes = "$9.08 per GB200 superchip-hour (1 Grace + 2 B200) on Spheron's on-demand list, "
             "2026-03: $4.54 per GPU-hour. One small provider only; the large clouds sell GB200 "
             "by the rack and their prices were not found. No purchase price: the ~$3M per "
             "NVL72 rack in circulation has no named source.",
};

// Every entry above, for lookups and tests.
inline constexpr std::array<const chip_price*, 8> all_prices{
    &a100_40gb, &h100_sxm, &h200_sxm, &b200, &gb200, &mi300x, &tpu_v5e, &tpu_v5p,
};

}  // namespace prices

// The price entry for catalog entry c (or a copy of it), or nullptr.
constexpr const chip_price* price_for(const chip_spec& c) {
  return detail::entry_for_chip(prices::all_prices, c,
                                [](const chip_price& p) { return p.chip; });
}

}  // namespace flopcast
