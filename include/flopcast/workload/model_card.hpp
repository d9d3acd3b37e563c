#pragma once
#include "flopcast/core/config.hpp"
// model_card: one catalog entry. A transformer shape plus what its authors published about it
// (parameters, tokens, training FLOPs) and where, so tests and examples can compare the model's
// counts with the published ones. Names match loosely: case and the separators - _ . / and space
// are ignored, so "Llama-3.1 405B", "llama3.1-405b" and "LLAMA31405B" are the same name. A
// checkpoint's name finds its model too (models::find): "nvidia/Llama-3.3-70B-Instruct-FP8"
// answers to Llama 3.3 70B's card (detail::model_of_release).
#include <array>
#include <optional>
#include <string_view>

#include "flopcast/core/units.hpp"
#include "flopcast/workload/transformer.hpp"

namespace flopcast {

enum class provenance : unsigned char {
  published,  // shape from the authors' paper, model card or released configuration
  estimate,   // a third party's estimate (e.g. Epoch AI)
  rumour,     // leaked or inferred, not confirmed by the authors
};

constexpr std::string_view name(provenance p) {
  switch (p) {
    case provenance::published:
      return "published";
    case provenance::estimate:
      return "estimate";
    case provenance::rumour:
      return "rumour";
  }
  return "?";
}

struct model_card {
  std::string_view key{};  // catalog name, e.g. "llama3-405b"
  // Other names; unused slots stay nullptr. (const char*, not string_view: GCC 12 rejects reading
  // class-type array elements left to value-initialisation in a constexpr designated initialiser,
  // "modification of '...' is not a constant expression".)
  std::array<const char*, 8> aliases{};
  transformer shape{};                              // shape.name is the display name
  provenance status = provenance::published;        // of the shape
  std::optional<double> published_params{};         // headline total, as the source prints it
  std::optional<double> checkpoint_params{};        // exact count of the released weights
  std::optional<double> published_active_params{};  // per token, for mixtures of experts
  std::optional<double> training_tokens{};          // pre-training tokens
  std::optional<flop_count<>> published_training_flops{};
  std::string_view source{};  // papers and model cards, " ; "-separated
  std::string_view notes{};   // conventions, derivations, caveats
};

namespace detail {
constexpr bool name_separator(char c) {
  return c == '-' || c == '_' || c == ' ' || c == '.' || c == '/';
}
constexpr char fold_case(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Equal after dropping separators and folding case; an empty name matches nothing.
constexpr bool same_model_name(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  bool any = false;
  while (true) {
    while (i < a.size() && name_separator(a[i])) ++i;
    while (j < b.size() && name_separator(b[j])) ++j;
    if (i == a.size() || j == b.size()) return any && i == a.size() && j == b.size();
    if (fold_case(a[i]) != fold_case(b[j])) return false;
    any = true;
    ++i;
    ++j;
  }
}

// Words a checkpoint's name adds to its model's without changing the shape: tuning ("Instruct",
// "chat", "it", "base"), format ("hf", "FP8", "NVFP4", "AWQ", "GPTQ", "W8A8", "KV", "dynamic")
// and a release date of four digits ("2507", "0528").
constexpr bool release_word(std::string_view w) {
  constexpr std::array<std::string_view, 22> words = {
      "instruct", "chat",  "it",    "base",  "hf",   "fp8",  "fp4",  "nvfp4",
      "mxfp4",    "int4",  "int8",  "awq",   "gptq", "w8a8", "w4a16", "w8a16",
      "kv",       "dynamic", "quantized", "bf16", "fp16", "gguf"};
  const auto folded_equal = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (fold_case(a[i]) != b[i]) return false;
    }
    return true;
  };
  for (std::string_view x : words) {
    if (folded_equal(w, x)) return true;
  }
  bool digits = w.size() == 4;
  for (char c : w) digits = digits && c >= '0' && c <= '9';
  return digits;
}

// A checkpoint's name reduced to its model's: the organisation before the last '/' dropped, then
// release words (above) dropped from the end, one at a time. "nvidia/Llama-3.3-70B-Instruct-FP8"
// becomes "Llama-3.3-70B"; a name left empty is returned whole.
constexpr std::string_view model_of_release(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  std::string_view rest = slash == std::string_view::npos ? name : name.substr(slash + 1);
  while (true) {
    const std::size_t cut = rest.find_last_of("-_ ");
    if (cut == std::string_view::npos || !release_word(rest.substr(cut + 1))) break;
    rest = rest.substr(0, cut);
  }
  return rest.empty() ? name : rest;
}
}  // namespace detail

// Whether `name` is the card's key, display name or one of its aliases.
constexpr bool answers_to(const model_card& c, std::string_view name) {
  if (detail::same_model_name(name, c.key) || detail::same_model_name(name, c.shape.name)) {
    return true;
  }
  for (const char* alias : c.aliases) {
    if (alias != nullptr && detail::same_model_name(name, alias)) return true;
  }
  return false;
}

}  // namespace flopcast
