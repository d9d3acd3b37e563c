#pragma once
#include "flopcast/core/config.hpp"
// Text for machines: the length of a valid UTF-8 sequence, and strings as JSON string literals.
// One implementation for every writer (the grid's JSON, the command line's, the SVG charts'
// escaping), so a name with any bytes in it still gives valid output.
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

namespace flopcast {

// The length of the valid UTF-8 sequence starting at s[i] (2-4 bytes; shortest form, no
// surrogates, at most U+10FFFF, and not U+FFFE or U+FFFF, which XML forbids), or 0 when the
// bytes there are not one. ASCII bytes are not sequences here: the caller handles them.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const unsigned c = at(0);
  const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return at(k) >= lo && at(k) <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const bool second = c == 0xE0 ? cont(1, 0xA0) : c == 0xED ? cont(1, 0x80, 0x9F) : cont(1);
    if (!second || !cont(2)) return 0;
    return c == 0xEF && at(1) == 0xBF && at(2) >= 0xBE ? 0 : 3;  // U+FFFE and U+FFFF
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const bool second = c == 0xF0 ? cont(1, 0x90) : c == 0xF4 ? cont(1, 0x80, 0x8F) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// `s` as a JSON string literal, quotes included: " and \ escaped, control characters as \n, \r,
// \t or \u00XX, and bytes that are not valid UTF-8 replaced by U+FFFD (RFC 8259 text is UTF-8).
inline std::string json_string(std::string_view s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  constexpr const char* hex = "0123456789abcdef";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (const std::size_t n = utf8_sequence_length(s, i); n != 0) {
        out.append(s.substr(i, n));
        i += n;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xf];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out + "\"";
}

// `v` as a JSON number: the shortest decimal that reads back as the same double (std::to_chars),
// or null when it is not finite (JSON has no NaN or infinity).
inline std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace flopcast
