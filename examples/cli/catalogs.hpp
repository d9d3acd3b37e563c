#pragma once
// `flopcast chips`, `flopcast models` and `flopcast compare`: the catalogs as tables, and a
// datasheet comparison of chips with ratios to the first.
#include <array>
#include <cmath>
#include <flopcast/core/error.hpp>
#include <flopcast/core/precision.hpp>
#include <flopcast/estimate/ratio.hpp>
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/workload/catalog.hpp>
#include <flopcast/workload/parameters.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "format.hpp"

namespace flopcast_cli {

inline constexpr std::string_view chips_usage = "usage: flopcast chips";
inline constexpr std::string_view models_usage = "usage: flopcast models";
inline constexpr std::string_view compare_usage = "usage: flopcast compare CHIP CHIP [CHIP...]";

// The shortest alias of a chip ("h100" for H100 SXM5 80GB), or its name where that is shorter
// ("L40S").
inline std::string_view short_name(const flopcast::chip_spec* c) {
  std::string_view best;
  for (const flopcast::chip_alias& a : flopcast::chip_aliases) {
    if (a.chip == c && (best.empty() || a.alias.size() < best.size())) best = a.alias;
  }
  return !best.empty() && c->name.size() < best.size() ? c->name : best;
}

inline std::string peak_cell(const flopcast::chip_spec& c, flopcast::precision p) {
  if (!c.supports(p)) return "-";
  return fixed(c.peak(p).in(flopcast::tflop_per_s), 0);
}

// ---- chips --------------------------------------------------------------------------------------

inline void chips_help(std::ostream& out) {
  out << chips_usage << "\n\n"
      << "Lists the chip catalog: the names --chip and compare accept (display name or short\n"
         "name, case and spaces ignored), dense peak TFLOP/s, HBM, scale-up bandwidth (both\n"
         "directions, as vendors print it) and the usual scale-up domain. A GB200 superchip entry\n"
         "counts its 2 GPUs together.\n";
}

inline int chips_command(std::span<const std::string> words, std::ostream& out,
                         std::ostream& /*err*/) {
  parse(words, std::span<const option>{}, 0);
  using namespace flopcast;
  table t({false, true, true});
  t.row({"chip", "short name", "vendor", "year", "BF16", "FP8", "FP4", "HBM GB", "HBM TB/s",
         "scale-up GB/s", "domain", "NIC Gb/s"});
  for (const chip_spec* c : all_chips) {
    t.row({std::string(c->name), std::string(short_name(c)), std::string(name(c->maker)),
           std::to_string(c->year_announced), peak_cell(*c, precision::bf16),
           peak_cell(*c, precision::fp8), peak_cell(*c, precision::fp4),
           fixed(c->memory.in(gigabytes), 0),
           significant(c->memory_bandwidth.in(terabytes_per_s), 3),
           fixed(c->scale_up.bidirectional.in(gigabytes_per_s), 0),
           std::to_string(c->scale_up.domain_typical),
           c->scale_out ? fixed(c->scale_out->in(gigabits_per_s), 0) : std::string("-")});
  }
  t.print(out, "");
  out << "\nPeaks are dense TFLOP/s per catalog entry; '-' where the chip has no such format.\n";
  return 0;
}

// ---- models -------------------------------------------------------------------------------------

inline void models_help(std::ostream& out) {
  out << models_usage << "\n\n"
      << "Lists the model catalog: the names --model accepts (key, display name or alias), the\n"
         "parameter count flopcast computes from the shape, the shape, and the training tokens\n"
         "the authors published (estimate uses them when --tokens is not given).\n";
}

inline int models_command(std::span<const std::string> words, std::ostream& out,
                          std::ostream& /*err*/) {
  parse(words, std::span<const option>{}, 0);
  using namespace flopcast;
  table t({false, true});
  t.row({"model", "name", "params", "layers", "hidden", "heads", "KV", "ffn", "vocab", "seq",
         "experts", "tokens", "status"});
  for (const model_card* c : models::all) {
    const transformer& m = c->shape;
    t.row(
        {std::string(c->key), std::string(m.name), significant(total_parameters(m) / 1e9, 3) + " B",
         std::to_string(m.layers), std::to_string(m.hidden), std::to_string(m.heads),
         std::to_string(m.key_value_heads()), std::to_string(m.ffn_size()), std::to_string(m.vocab),
         std::to_string(m.seq_len),
         m.is_moe() ? std::to_string(m.moe.experts) + " (top " + std::to_string(m.moe.top_k) + ")"
                    : std::string("-"),
         c->training_tokens ? significant(*c->training_tokens / 1e12, 3) + " T" : std::string("-"),
         std::string(name(c->status))});
  }
  t.print(out, "");
  return 0;
}

// ---- compare ------------------------------------------------------------------------------------

inline void compare_help(std::ostream& out) {
  out << compare_usage << "\n\n"
      << "Compares chips on their datasheets: dense peak per precision, HBM capacity and\n"
         "bandwidth, scale-up bandwidth and domain, NIC rate and power, each with its ratio to "
         "the\n"
         "first chip. Figures are per catalog entry (a GB200 superchip holds 2 GPUs; use gb200\n"
         "for one GPU). See flopcast chips for the names.\n";
}

inline int compare_command(std::span<const std::string> words, std::ostream& out,
                           std::ostream& /*err*/) {
  using namespace flopcast;
  const arguments a = parse(words, std::span<const option>{}, 64);
  if (a.positional.size() < 2) throw usage_error("compare needs at least two chips");
  std::vector<const chip_spec*> list;
  for (const std::string& n : a.positional) list.push_back(&chip_or_usage_error(n));
  const chip_spec& first = *list.front();

  // "2,250 (2.27x)": a value and its ratio to the first chip's.
  const auto cell = [](const std::string& shown, std::optional<double> ratio) {
    if (!ratio || !std::isfinite(*ratio)) return shown;
    return shown + " (" + fixed(*ratio, 2) + "x)";
  };
  table t;
  std::vector<std::string> header{""};
  for (const chip_spec* c : list) header.emplace_back(c->name);
  t.row(header);

  const auto add = [&](std::string label, auto value_of, auto shown_of, bool ratios = true) {
    std::vector<std::string> row{std::move(label)};
    const std::optional<double> base = value_of(first);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::optional<double> v = value_of(*list[i]);
      if (!v) {
        row.emplace_back("-");
        continue;
      }
      std::optional<double> ratio;
      if (ratios && i > 0 && base && *base > 0.0) ratio = *v / *base;
      row.push_back(cell(shown_of(*v), ratio));
    }
    t.row(std::move(row));
  };
  const auto whole = [](double v) { return fixed(v, 0); };
  const auto three = [](double v) { return significant(v, 3); };

  t.heading("\nDense peak, TFLOP/s");
  for (precision p : all_precisions) {
    if (p == precision::fp64_vector) continue;
    bool any = false;
    for (const chip_spec* c : list) any = any || c->supports(p);
    if (!any) continue;
    add(
        std::string(name(p)),
        [p](const chip_spec& c) -> std::optional<double> {
          if (!c.supports(p)) return std::nullopt;
          return c.peak(p).in(tflop_per_s);
        },
        whole);
  }
  {
    std::vector<std::string> row{"FP8 vs first's BF16"};
    for (std::size_t i = 0; i < list.size(); ++i) {
      const double r = compare(*list[i], first).fp8_over_bf16;
      row.push_back(r > 0.0 ? fixed(r, 2) + "x" : std::string("-"));
    }
    t.row(std::move(row));
  }

  t.heading("\nMemory");
  add(
      "HBM GB", [](const chip_spec& c) -> std::optional<double> { return c.memory.in(gigabytes); },
      whole);
  add(
      "HBM TB/s",
      [](const chip_spec& c) -> std::optional<double> {
        return c.memory_bandwidth.in(terabytes_per_s);
      },
      three);
  add(
      "BF16 FLOP per HBM byte",
      [](const chip_spec& c) -> std::optional<double> {
        if (!c.supports(precision::bf16)) return std::nullopt;
        return ridge_point(c, precision::bf16).in(flop_per_byte);
      },
      whole);

  t.heading("\nScale-up and scale-out");
  add(
      "scale-up GB/s (both directions)",
      [](const chip_spec& c) -> std::optional<double> {
        return c.scale_up.bidirectional.in(gigabytes_per_s);
      },
      whole);
  add(
      "scale-up domain (usual)",
      [](const chip_spec& c) -> std::optional<double> {
        return static_cast<double>(c.scale_up.domain_typical);
      },
      whole);
  add(
      "scale-up domain (largest)",
      [](const chip_spec& c) -> std::optional<double> {
        return static_cast<double>(c.scale_up.domain_max);
      },
      whole);
  add(
      "NIC Gb/s",
      [](const chip_spec& c) -> std::optional<double> {
        if (!c.scale_out) return std::nullopt;
        return c.scale_out->in(gigabits_per_s);
      },
      whole);

  t.heading("\nOther");
  add(
      "accelerators per entry",
      [](const chip_spec& c) -> std::optional<double> {
        return static_cast<double>(c.accelerators);
      },
      whole, false);
  add(
      "TDP W",
      [](const chip_spec& c) -> std::optional<double> {
        if (!c.tdp) return std::nullopt;
        return c.tdp->in(watts);
      },
      whole);
  add(
      "year announced",
      [](const chip_spec& c) -> std::optional<double> {
        return static_cast<double>(c.year_announced);
      },
      [](double v) { return std::to_string(static_cast<int>(v)); }, false);
  t.print(out);
  out << "\nRatios (in brackets) are to " << first.name << ", per catalog entry.\n";
  return 0;
}

}  // namespace flopcast_cli
