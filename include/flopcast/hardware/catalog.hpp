#pragma once
#include "flopcast/core/config.hpp"
// The chip catalog: every vendor header, a constexpr list of all entries, and lookup by name.
//
//   constexpr const chip_spec& h100 = flopcast::chip_named("h100");  // compile time
//   const chip_spec* c = flopcast::find_chip(argv[1]);  // run time; nullptr if unknown
//   flopcast::chip_named("h1000");  // throws invalid_input, code "unknown_chip", message
//   // "unknown chip 'h1000'; did you mean: H100 SXM5 80GB, H100 PCIe 80GB, H100 NVL 94GB?"
//
// Names are matched after normalisation: case-insensitive, ignoring spaces, '-', '_', '(' and
// ')', so "H100-SXM", "h100 sxm" and "h100_SXM" are one name. A name matches a chip's display
// name or one of its aliases (chip_aliases below). Aliases that pick one variant of a family:
//   "a100"  -> A100 SXM4 80GB (the common training part; "a100 40gb" for the 40 GB one)
//   "h100"  -> H100 SXM5 80GB;  "b200" -> B200 (HGX);  "b300" -> B300 (HGX)
//   "gb200" -> the per-GPU view (B200 in GB200 NVL72), because clusters are counted in GPUs;
//              "gb200 superchip" is the 2-GPU board (accelerators = 2).
//   "gb300" -> the per-GPU view (B300 in GB300 NVL72).
//   "rtx pro 6000" -> the Server Edition (the catalog's only RTX PRO 6000; the Workstation
//              Edition has 1,792 GB/s, not 1,597).
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "flopcast/core/error.hpp"
#include "flopcast/hardware/catalog/amd.hpp"
#include "flopcast/hardware/catalog/aws.hpp"
#include "flopcast/hardware/catalog/google.hpp"
#include "flopcast/hardware/catalog/intel.hpp"
#include "flopcast/hardware/catalog/nvidia.hpp"
#include "flopcast/hardware/chip.hpp"

FLOPCAST_DEFINE_REASON(unknown_chip, "no chip in the catalog has this name or alias")

namespace flopcast {

// Every catalog entry, by vendor and then by year.
inline constexpr std::array<const chip_spec*, 29> all_chips{
    // NVIDIA
    &chips::v100_sxm2_32gb,
    &chips::a100_sxm4_40gb,
    &chips::a100_sxm4_80gb,
    &chips::a100_pcie_80gb,
    &chips::l40s,
    &chips::h100_sxm,
    &chips::h100_pcie,
    &chips::h100_nvl,
    &chips::h800_sxm,
    &chips::h200_sxm,
    &chips::b100,
    &chips::b200,
    &chips::gb200,
    &chips::gb200_superchip,
    &chips::b300,
    &chips::gb300,
    &chips::rtx_pro_6000_server,
    // AMD
    &chips::mi250x,
    &chips::mi300x,
    &chips::mi325x,
    &chips::mi355x,
    // Google
    &chips::tpu_v4,
    &chips::tpu_v5e,
    &chips::tpu_v5p,
    &chips::tpu_v6e,
    &chips::tpu7x,
    // Intel
    &chips::gaudi2,
    &chips::gaudi3,
    // AWS
    &chips::trainium2,
};

struct chip_alias {
  std::string_view alias;
  const chip_spec* chip;
};

// Other names people use for catalog chips. Each normalises to a different string, and none
// equals another chip's display name (tests/static/catalog_static.cpp checks both).
inline constexpr std::array chip_aliases{
    chip_alias{"v100", &chips::v100_sxm2_32gb},
    chip_alias{"v100 sxm2", &chips::v100_sxm2_32gb},
    chip_alias{"v100 32gb", &chips::v100_sxm2_32gb},
    chip_alias{"tesla v100", &chips::v100_sxm2_32gb},

    chip_alias{"a100 40gb", &chips::a100_sxm4_40gb},
    chip_alias{"a100 sxm 40gb", &chips::a100_sxm4_40gb},

    chip_alias{"a100", &chips::a100_sxm4_80gb},
    chip_alias{"a100 80gb", &chips::a100_sxm4_80gb},
    chip_alias{"a100 sxm", &chips::a100_sxm4_80gb},
    chip_alias{"a100 sxm4", &chips::a100_sxm4_80gb},
    chip_alias{"a100 sxm 80gb", &chips::a100_sxm4_80gb},

    chip_alias{"a100 pcie", &chips::a100_pcie_80gb},

    chip_alias{"h100", &chips::h100_sxm},
    chip_alias{"h100 sxm", &chips::h100_sxm},
    chip_alias{"h100 sxm5", &chips::h100_sxm},
    chip_alias{"h100 80gb", &chips::h100_sxm},

    chip_alias{"h100 pcie", &chips::h100_pcie},

    chip_alias{"h100 nvl", &chips::h100_nvl},

    chip_alias{"h800", &chips::h800_sxm},
    chip_alias{"h800 sxm", &chips::h800_sxm},
    chip_alias{"h800 sxm5", &chips::h800_sxm},

    chip_alias{"h200", &chips::h200_sxm},
    chip_alias{"h200 sxm", &chips::h200_sxm},
    chip_alias{"h200 141gb", &chips::h200_sxm},

    chip_alias{"b100", &chips::b100},
    chip_alias{"hgx b100", &chips::b100},

    chip_alias{"b200", &chips::b200},
    chip_alias{"hgx b200", &chips::b200},

    chip_alias{"gb200", &chips::gb200},
    chip_alias{"gb200 gpu", &chips::gb200},
    chip_alias{"gb200 nvl72", &chips::gb200},
    chip_alias{"b200 nvl72", &chips::gb200},

    chip_alias{"gb200 superchip", &chips::gb200_superchip},
    chip_alias{"grace blackwell superchip", &chips::gb200_superchip},

    chip_alias{"b300", &chips::b300},
    chip_alias{"hgx b300", &chips::b300},

    chip_alias{"gb300", &chips::gb300},
    chip_alias{"gb300 gpu", &chips::gb300},
    chip_alias{"gb300 nvl72", &chips::gb300},
    chip_alias{"b300 nvl72", &chips::gb300},

    chip_alias{"rtx pro 6000", &chips::rtx_pro_6000_server},
    chip_alias{"rtx pro 6000 server", &chips::rtx_pro_6000_server},
    chip_alias{"rtx 6000 pro blackwell server edition", &chips::rtx_pro_6000_server},
    chip_alias{"rtx pro 6000 blackwell", &chips::rtx_pro_6000_server},

    chip_alias{"mi250x", &chips::mi250x},
    chip_alias{"mi300x", &chips::mi300x},
    chip_alias{"mi325x", &chips::mi325x},
    chip_alias{"mi355x", &chips::mi355x},

    chip_alias{"amd mi250x", &chips::mi250x},
    chip_alias{"amd mi300x", &chips::mi300x},
    chip_alias{"amd mi325x", &chips::mi325x},
    chip_alias{"amd mi355x", &chips::mi355x},

    chip_alias{"v4", &chips::tpu_v4},
    chip_alias{"tpu v4 pod", &chips::tpu_v4},

    chip_alias{"v5e", &chips::tpu_v5e},
    chip_alias{"v5 lite", &chips::tpu_v5e},
    chip_alias{"tpu v5 lite", &chips::tpu_v5e},
    chip_alias{"v5litepod", &chips::tpu_v5e},

    chip_alias{"v5p", &chips::tpu_v5p},

    chip_alias{"v6e", &chips::tpu_v6e},
    chip_alias{"tpu v6e", &chips::tpu_v6e},
    chip_alias{"tpu v6", &chips::tpu_v6e},
    chip_alias{"trillium", &chips::tpu_v6e},
    chip_alias{"tpu trillium", &chips::tpu_v6e},

    chip_alias{"tpu7x", &chips::tpu7x},
    chip_alias{"tpu v7", &chips::tpu7x},
    chip_alias{"tpu v7x", &chips::tpu7x},
    chip_alias{"v7", &chips::tpu7x},
    chip_alias{"v7x", &chips::tpu7x},
    chip_alias{"ironwood", &chips::tpu7x},
    chip_alias{"tpu ironwood", &chips::tpu7x},

    chip_alias{"gaudi2", &chips::gaudi2},
    chip_alias{"hl-225", &chips::gaudi2},
    chip_alias{"intel gaudi2", &chips::gaudi2},

    chip_alias{"gaudi3", &chips::gaudi3},
    chip_alias{"hl-325l", &chips::gaudi3},
    chip_alias{"intel gaudi3", &chips::gaudi3},

    chip_alias{"nvidia l40s", &chips::l40s},

    chip_alias{"trn2", &chips::trainium2},
    chip_alias{"aws trainium2", &chips::trainium2},
};

namespace detail {

constexpr bool ignored_in_chip_name(char c) {
  return c == ' ' || c == '-' || c == '_' || c == '(' || c == ')';
}

constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when a and b are the same name after normalisation (no allocation: usable at compile time).
constexpr bool same_chip_name(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  for (;;) {
    while (i < a.size() && ignored_in_chip_name(a[i])) ++i;
    while (j < b.size() && ignored_in_chip_name(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (ascii_lower(a[i]) != ascii_lower(b[j])) return false;
    ++i;
    ++j;
  }
}

// The normalised form of a name: lower case, without spaces, '-', '_', '(' and ')'.
inline std::string normalised_chip_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (!ignored_in_chip_name(c)) out.push_back(ascii_lower(c));
  }
  return out;
}

// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
// adjacent characters each cost 1.
inline std::size_t chip_name_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = prev[j] + 1;                            // deletion
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;          // insertion
      if (prev[j - 1] + cost < best) best = prev[j - 1] + cost;  // substitution
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          prev2[j - 2] + 1 < best) {
        best = prev2[j - 2] + 1;  // transposition
      }
      cur[j] = best;
    }
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

inline std::size_t common_prefix_length(std::string_view a, std::string_view b) {
  std::size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  return k;
}

struct chip_lookup {
  const chip_spec* chip;
  bool found;  // tested instead of `chip == nullptr`: GCC with -fsanitize=null does not fold
               // the comparison of an object's address with null in constant expressions
};

constexpr chip_lookup lookup_chip(std::string_view name) {
  for (const chip_spec* c : all_chips) {
    if (same_chip_name(c->name, name)) return {c, true};
  }
  for (const chip_alias& a : chip_aliases) {
    if (same_chip_name(a.alias, name)) return {a.chip, true};
  }
  return {nullptr, false};
}
}  // namespace detail

namespace detail {
// The entry of `table` whose chip, chip_of(entry), is c: the catalog entry itself or a copy of
// it (a cluster_spec holds its chip by value), matched by address, else by the catalog's unique
// name; nullptr when none. The lookup behind system_power_for (hardware/facility.hpp) and
// price_for (catalog/prices.hpp).
template <class Entry, std::size_t N, class ChipOf>
constexpr const Entry* entry_for_chip(const std::array<const Entry*, N>& table, const chip_spec& c,
                                      ChipOf chip_of) {
  for (const Entry* e : table) {
    if (chip_of(*e) == &c) return e;
  }
  for (const Entry* e : table) {
    if (chip_of(*e)->name == c.name) return e;
  }
  return nullptr;
}
}  // namespace detail

// The catalog entry whose display name or alias matches `name` after normalisation, or nullptr.
// Usable in constant expressions: `static_assert(find_chip("h100") == &chips::h100_sxm);`
constexpr const chip_spec* find_chip(std::string_view name) {
  return detail::lookup_chip(name).chip;
}

// Up to n catalog display names closest to `name`: by edit distance between normalised names
// (the best over each chip's display name and aliases; against a longer name, the distance to
// its first characters plus 1 counts too), then by the longer common prefix, then in catalog
// order. Every chip appears at most once.
inline std::vector<std::string_view> suggest_chips(std::string_view name, std::size_t n = 3) {
  // No catalog name or alias is longer than 33 characters: a longer query is close to none,
  // and the edit distances would cost time in proportion to its length (a fuzzer's 4 KiB name
  // took seconds).
  if (name.size() > max_suggestible_name) return {};
  const std::string query = detail::normalised_chip_name(name);
  struct scored {
    std::size_t distance;
    std::size_t prefix;
    std::size_t index;
  };
  std::vector<scored> scores;
  scores.reserve(all_chips.size());
  for (std::size_t i = 0; i < all_chips.size(); ++i) {
    const chip_spec* c = all_chips[i];
    scored best{static_cast<std::size_t>(-1), 0, i};
    auto consider = [&](std::string_view candidate) {
      const std::string key = detail::normalised_chip_name(candidate);
      std::size_t d = detail::chip_name_distance(query, key);
      if (key.size() > query.size()) {
        // A query that is a mangled start of a longer name ("h100p" for "h100pcie") is close.
        const std::size_t head =
            detail::chip_name_distance(query, std::string_view(key).substr(0, query.size())) + 1;
        if (head < d) d = head;
      }
      const std::size_t p = detail::common_prefix_length(query, key);
      if (d < best.distance || (d == best.distance && p > best.prefix)) {
        best.distance = d;
        best.prefix = p;
      }
    };
    consider(c->name);
    for (const chip_alias& a : chip_aliases) {
      if (a.chip == c) consider(a.alias);
    }
    scores.push_back(best);
  }
  // Insertion sort: 27 entries, and stable, so ties stay in catalog order.
  for (std::size_t i = 1; i < scores.size(); ++i) {
    const scored s = scores[i];
    std::size_t j = i;
    while (j > 0 && (s.distance < scores[j - 1].distance ||
                     (s.distance == scores[j - 1].distance && s.prefix > scores[j - 1].prefix))) {
      scores[j] = scores[j - 1];
      --j;
    }
    scores[j] = s;
  }
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < scores.size() && i < n; ++i) {
    out.push_back(all_chips[scores[i].index]->name);
  }
  return out;
}

}  // namespace flopcast

namespace flopcast::errors {
// Throws invalid_input (code "unknown_chip") naming the closest catalog chips. Not constexpr, so
// chip_named() with an unknown name in a constant expression fails to compile, naming this.
[[noreturn]] inline void unknown_chip(std::string_view name) {
  std::string message = "unknown chip '";
  message.append(::flopcast::excerpt(name));
  message.append("'");
  const std::vector<std::string_view> close = suggest_chips(name);
  if (!close.empty()) {
    message.append("; did you mean: ");
    for (std::size_t i = 0; i < close.size(); ++i) {
      if (i > 0) message.append(", ");
      message.append(close[i]);
    }
    message.append("?");
  }
  throw invalid_input(reasons::unknown_chip.code, message);
}
}  // namespace flopcast::errors

namespace flopcast {

// The catalog entry named `name` (display name or alias, normalised); throws invalid_input with
// code "unknown_chip" and suggestions otherwise. In a constant expression an unknown name does
// not compile: `constexpr const chip_spec& c = chip_named("h100");`
constexpr const chip_spec& chip_named(std::string_view name) {
  const detail::chip_lookup r = detail::lookup_chip(name);
  if (!r.found) errors::unknown_chip(name);
  return *r.chip;
}

}  // namespace flopcast
