#pragma once
#include "flopcast/core/config.hpp"
// Dated, sourced prices: renting an accelerator by the hour and buying one, each as a low-high
// range (markets differ by provider, commitment and date; a single number would mislead).
#include <span>
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
}  // namespace prices

}  // namespace flopcast
