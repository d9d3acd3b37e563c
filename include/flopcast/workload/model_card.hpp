#pragma once
#include "flopcast/core/config.hpp"
// model_card: one catalog entry. A transformer shape plus what its authors published about it
// (parameters, tokens, training FLOPs) and where, so tests and examples can compare the model's
// counts with the published ones. Names match loosely: case and the separators - _ . / and space
// are ignored, so "Llama-3.1 405B", "llama3.1-405b" and "LLAMA31405B" are the same name.
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
