#pragma once
#include "flopcast/core/config.hpp"
// Units: a scale in base units and a symbol. Decimal prefixes are the datasheet convention
// (GB = 1e9 B, TB/s = 1e12 B/s, as NVIDIA, AMD and Google print them); binary ones (GiB) are
// separate names so that the choice is always visible in the code.
#include "flopcast/core/quantity.hpp"

namespace flopcast {

// Operation counts. "FLOP" also counts integer operations (INT8 TOPS) where a chip quotes them.
inline constexpr unit<dims::flops> flop{1.0, "FLOP"};
inline constexpr unit<dims::flops> gflop{1e9, "GFLOP"};
inline constexpr unit<dims::flops> tflop{1e12, "TFLOP"};
inline constexpr unit<dims::flops> pflop{1e15, "PFLOP"};
inline constexpr unit<dims::flops> eflop{1e18, "EFLOP"};
inline constexpr unit<dims::flops> zflop{1e21, "ZFLOP"};
inline constexpr unit<dims::flops> yflop{1e24, "YFLOP"};

// Operation rates (what datasheets call FLOPS or TOPS).
inline constexpr unit<dims::flop_rate> flop_per_s{1.0, "FLOP/s"};
inline constexpr unit<dims::flop_rate> gflop_per_s{1e9, "GFLOP/s"};
inline constexpr unit<dims::flop_rate> tflop_per_s{1e12, "TFLOP/s"};
inline constexpr unit<dims::flop_rate> pflop_per_s{1e15, "PFLOP/s"};
inline constexpr unit<dims::flop_rate> eflop_per_s{1e18, "EFLOP/s"};
inline constexpr unit<dims::flop_rate> zflop_per_s{1e21, "ZFLOP/s"};

// Data sizes.
inline constexpr unit<dims::bytes> bytes{1.0, "B"};
inline constexpr unit<dims::bytes> kilobytes{1e3, "kB"};
inline constexpr unit<dims::bytes> megabytes{1e6, "MB"};
inline constexpr unit<dims::bytes> gigabytes{1e9, "GB"};
inline constexpr unit<dims::bytes> terabytes{1e12, "TB"};
inline constexpr unit<dims::bytes> petabytes{1e15, "PB"};
inline constexpr unit<dims::bytes> kibibytes{1024.0, "KiB"};
inline constexpr unit<dims::bytes> mebibytes{1048576.0, "MiB"};
inline constexpr unit<dims::bytes> gibibytes{1073741824.0, "GiB"};
inline constexpr unit<dims::bytes> tebibytes{1099511627776.0, "TiB"};

// Bandwidths. Network line rates are quoted in bits per second: 400 Gb/s = 50 GB/s.
inline constexpr unit<dims::byte_rate> bytes_per_s{1.0, "B/s"};
inline constexpr unit<dims::byte_rate> megabytes_per_s{1e6, "MB/s"};
inline constexpr unit<dims::byte_rate> gigabytes_per_s{1e9, "GB/s"};
inline constexpr unit<dims::byte_rate> terabytes_per_s{1e12, "TB/s"};
inline constexpr unit<dims::byte_rate> gigabits_per_s{1e9 / 8.0, "Gb/s"};
inline constexpr unit<dims::byte_rate> terabits_per_s{1e12 / 8.0, "Tb/s"};

// Time. A year is the Julian year (365.25 days), the astronomers' convention.
inline constexpr unit<dims::time> nanoseconds{1e-9, "ns"};
inline constexpr unit<dims::time> microseconds{1e-6, "us"};
inline constexpr unit<dims::time> milliseconds{1e-3, "ms"};
inline constexpr unit<dims::time> seconds{1.0, "s"};
inline constexpr unit<dims::time> minutes{60.0, "min"};
inline constexpr unit<dims::time> hours{3600.0, "hours"};
inline constexpr unit<dims::time> days{86400.0, "days"};
inline constexpr unit<dims::time> weeks{604800.0, "weeks"};
inline constexpr unit<dims::time> years{31557600.0, "years"};

// Energy and power.
inline constexpr unit<dims::energy> joules{1.0, "J"};
inline constexpr unit<dims::energy> kilojoules{1e3, "kJ"};
inline constexpr unit<dims::energy> megajoules{1e6, "MJ"};
inline constexpr unit<dims::energy> kilowatt_hours{3.6e6, "kWh"};
inline constexpr unit<dims::energy> megawatt_hours{3.6e9, "MWh"};
inline constexpr unit<dims::energy> gigawatt_hours{3.6e12, "GWh"};
inline constexpr unit<dims::energy> terawatt_hours{3.6e15, "TWh"};
inline constexpr unit<dims::power> watts{1.0, "W"};
inline constexpr unit<dims::power> kilowatts{1e3, "kW"};
inline constexpr unit<dims::power> megawatts{1e6, "MW"};
inline constexpr unit<dims::power> gigawatts{1e9, "GW"};

// Money (US dollars; no exchange rates) and prices.
inline constexpr unit<dims::money> dollars{1.0, "$"};
inline constexpr unit<dims::money> thousand_dollars{1e3, "k$"};
inline constexpr unit<dims::money> million_dollars{1e6, "M$"};
inline constexpr unit<dims::money> billion_dollars{1e9, "B$"};
inline constexpr unit<dims::price_rate> dollars_per_hour{1.0 / 3600.0, "$/hour"};
inline constexpr unit<dims::energy_price> dollars_per_kwh{1.0 / 3.6e6, "$/kWh"};

// Ratios.
inline constexpr unit<dims::intensity> flop_per_byte{1.0, "FLOP/B"};
inline constexpr unit<dims::efficiency> flop_per_joule{1.0, "FLOP/J"};
inline constexpr unit<dims::efficiency> gflop_per_joule{1e9, "GFLOP/J"};
inline constexpr unit<dims::efficiency> tflop_per_joule{1e12, "TFLOP/J"};

}  // namespace flopcast
