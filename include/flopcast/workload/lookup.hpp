#pragma once
#include "flopcast/core/config.hpp"
// Run-time lookup of catalog models by name, with "did you mean" suggestions:
//
//   const auto& m = flopcast::models::lookup(argv[1]);
//   // unknown model 'lama3'; did you mean 'llama3-8b', 'llama3-70b' or 'llama3-405b'?
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flopcast/workload/catalog.hpp"

namespace flopcast::models {

namespace detail {
inline std::string normalised(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!flopcast::detail::name_separator(c)) out.push_back(flopcast::detail::fold_case(c));
  }
  return out;
}

inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      const std::size_t insert_or_delete = above < row[j - 1] ? above + 1 : row[j - 1] + 1;
      row[j] = substitute < insert_or_delete ? substitute : insert_or_delete;
      diagonal = above;
    }
  }
  return row[b.size()];
}

// How far `query` is from the card: 0 when the query is a fragment of one of its names (after
// normalising), else the smallest edit distance to one of them.
inline std::size_t distance(std::string_view query, const model_card& c) {
  const std::string q = normalised(query);
  std::size_t best = static_cast<std::size_t>(-1);
  const auto consider = [&](std::string_view name) {
    if (name.empty()) return;
    const std::string n = normalised(name);
    const std::size_t d = n.find(q) != std::string::npos ? 0 : edit_distance(q, n);
    best = d < best ? d : best;
  };
  consider(c.key);
  consider(c.shape.name);
  for (const char* alias : c.aliases) {
    if (alias != nullptr) consider(alias);
  }
  return best;
}
}  // namespace detail

// Catalog keys close to `name`, best first: names that contain it, then those within an edit
// distance of about a third of its length.
inline std::vector<std::string_view> suggestions(std::string_view name, std::size_t most = 3) {
  // A name far longer than any catalog name is close to none; the edit distances would cost time
  // in proportion to its length.
  if (name.size() > max_suggestible_name) return {};
  const std::size_t length = detail::normalised(name).size();
  if (length == 0) return {};
  const std::size_t limit = length / 3 > 2 ? length / 3 : 2;
  // (distance, catalog position): ties keep catalog order.
  std::vector<std::pair<std::size_t, std::size_t>> ranked;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::size_t d = detail::distance(name, *all[i]);
    if (d <= limit) ranked.emplace_back(d, i);
  }
  // Insertion sort: a dozen entries, and <algorithm> is costly to parse for every includer.
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    for (std::size_t j = i; j > 0 && ranked[j] < ranked[j - 1]; --j) {
      const auto t = ranked[j];
      ranked[j] = ranked[j - 1];
      ranked[j - 1] = t;
    }
  }
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < ranked.size() && i < most; ++i) {
    out.push_back(all[ranked[i].second]->key);
  }
  return out;
}

// "unknown model 'lama3'; did you mean 'llama3-8b', 'llama3-70b' or 'llama3-405b'?"
// Built by appending: GCC 12 at -O3 reports a false-positive -Wrestrict (a memcpy of 2^63
// bytes that "may overlap") inside operator+(const char*, std::string&&) when it is inlined
// here, so the message avoids that overload.
inline std::string unknown_model_message(std::string_view name) {
  std::string text = "unknown model '";
  text.append(::flopcast::excerpt(name)).append("'");
  const std::vector<std::string_view> close = suggestions(name);
  if (close.empty()) {
    // The catalog's keys, up to a bound: the message is one line, and a line of every key would
    // grow with the catalog (25 keys are 330 characters) past what a terminal line holds.
    constexpr std::size_t most_listed = 240;
    text += "; known models:";
    std::size_t listed = 0;
    std::size_t shown = 0;
    for (const model_card* c : all) {
      if (listed + 1 + c->key.size() > most_listed) break;
      text.append(" ").append(c->key);
      listed += 1 + c->key.size();
      ++shown;
    }
    if (shown < all.size()) {
      text.append(" and ").append(std::to_string(all.size() - shown)).append(" more");
    }
    return text;
  }
  text += "; did you mean ";
  for (std::size_t i = 0; i < close.size(); ++i) {
    if (i > 0) text += i + 1 == close.size() ? " or " : ", ";
    text.append("'").append(close[i]).append("'");
  }
  return text + "?";
}

// The card that answers to `name`; throws invalid_input (code "unknown_model") with suggestions.
inline const model_card& lookup(std::string_view name) {
  if (const model_card* c = find(name)) return *c;
  throw invalid_input(reasons::unknown_model.code, unknown_model_message(name));
}

}  // namespace flopcast::models
