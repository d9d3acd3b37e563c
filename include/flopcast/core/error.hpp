#pragma once
#include "flopcast/core/config.hpp"
// Errors as values, with readable compile-time failures.
//
// Each kind of invalid input is a `reason`: a code, a sentence, and a named function that throws.
// The function is deliberately not constexpr, so a constant expression that reaches it stops
// compiling and the compiler prints its name, e.g.
//   GCC 12:   call to non-'constexpr' function 'void flopcast::errors::chip_count_must_be_positive()'
//   Clang 14: non-constexpr function 'chip_count_must_be_positive' cannot be used in a constant expression
// At run time the same reason either travels in a `result<T>` or is thrown as `invalid_input`.
// (This is {fmt}'s trick of letting a function's name be the message.)
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace flopcast {

// Thrown by value() on a failed result, and by the throwing entry points.
class invalid_input : public std::invalid_argument {
 public:
  invalid_input(const char* code, const char* message)
      : std::invalid_argument(message), code_(code) {}
  invalid_input(const char* code, const std::string& message)
      : std::invalid_argument(message), code_(code) {}
  const char* code() const noexcept { return code_; }

 private:
  const char* code_;
};

// Names longer than this get no "did you mean" suggestions from the chip and model catalogs: no
// catalog name or alias is longer than 33 characters, and the edit distances would cost time in
// proportion to the length (a fuzzer's 4 KiB name took seconds).
inline constexpr std::size_t max_suggestible_name = 64;

// Text as an error message may echo it: printable ASCII as is, a backslash doubled, every other
// byte as \xNN, cut to at most `most` characters (then "..."), so a hostile or binary name can
// neither flood a message nor put raw bytes on a terminal, and `\x01` typed is told from byte 1.
inline std::string excerpt(std::string_view text, std::size_t most = 60) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    char one[4] = {static_cast<char>(c), 0, 0, 0};
    std::size_t n = 1;
    if (c == '\\') {
      one[1] = '\\', n = 2;
    } else if (c < 0x20 || c >= 0x7f) {
      one[0] = '\\', one[1] = 'x', one[2] = hex[c >> 4], one[3] = hex[c & 0xf], n = 4;
    }
    if (out.size() + n > most) return out.append("...");
    out.append(one, n);
  }
  return out;
}

struct reason {
  const char* code;      // the error function's name, stable for programs to match on
  const char* message;   // a sentence for people
  void (*raise)();       // throws invalid_input; not constexpr (see above)
};

// Defines flopcast::errors::NAME() and flopcast::reasons::NAME. Use at global scope.
#define FLOPCAST_DEFINE_REASON(NAME, MESSAGE)                                       \
  namespace flopcast::errors {                                                     \
  [[noreturn]] inline void NAME() { throw ::flopcast::invalid_input(#NAME, MESSAGE); } \
  }                                                                                \
  namespace flopcast::reasons {                                                    \
  inline constexpr ::flopcast::reason NAME{#NAME, MESSAGE, &::flopcast::errors::NAME}; \
  }

// Fails (at compile time in a constant expression, by throwing at run time) unless ok.
constexpr void require(bool ok, const reason& why) {
  if (!ok) why.raise();
}

// The value of a computation, or the reason there is none. value() on a failure raises the
// reason, so `constexpr auto x = f(...).value();` does not compile for invalid input.
template <class T>
class result {
 public:
  constexpr result(T v) : value_(v) {}                 // NOLINT: implicit by design
  constexpr result(const reason& why) : why_(&why) {}  // NOLINT: implicit by design

  constexpr bool ok() const { return why_ == nullptr; }
  constexpr explicit operator bool() const { return ok(); }

  constexpr const T& value() const {
    if (why_ != nullptr) why_->raise();
    return value_;
  }
  constexpr const T* operator->() const { return &value(); }
  constexpr const T& operator*() const { return value(); }

  // The failure, or nullptr on success.
  constexpr const reason* error() const { return why_; }
  constexpr const char* message() const { return why_ ? why_->message : ""; }

 private:
  T value_{};
  const reason* why_ = nullptr;
};

}  // namespace flopcast
