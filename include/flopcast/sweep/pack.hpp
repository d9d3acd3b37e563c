#pragma once
#include "flopcast/core/config.hpp"
// SIMD number types for the batch path, and their number_traits.
//
// flopcast::simd::pack is std::experimental::native_simd<double> where <experimental/simd>
// exists (libstdc++ 11+), else array_pack<4>, a portable fixed-width vector written here in
// plain C++ that compilers auto-vectorise. Define FLOPCAST_SIMD_BACKEND_ARRAY to force the
// portable one. This header is deliberately not in <flopcast/flopcast.hpp>: on GCC 12,
// <experimental/simd> alone costs about four times <iostream> to parse.
#include <array>
#include <cstddef>

#include "flopcast/core/number.hpp"

#if !defined(FLOPCAST_SIMD_BACKEND_ARRAY) && __has_include(<experimental/simd>)
#include <experimental/simd>
#if defined(__cpp_lib_experimental_parallel_simd)
#define FLOPCAST_HAS_STDX_SIMD 1
#endif
#endif

namespace flopcast::simd {

// ---- Portable backend: N doubles with lane-wise operators ---------------------------------

template <std::size_t N>
struct array_mask {
  std::array<bool, N> lane{};
  friend constexpr array_mask operator&&(array_mask a, array_mask b) {
    for (std::size_t i = 0; i < N; ++i) a.lane[i] = a.lane[i] && b.lane[i];
    return a;
  }
  friend constexpr array_mask operator||(array_mask a, array_mask b) {
    for (std::size_t i = 0; i < N; ++i) a.lane[i] = a.lane[i] || b.lane[i];
    return a;
  }
  friend constexpr array_mask operator!(array_mask a) {
    for (std::size_t i = 0; i < N; ++i) a.lane[i] = !a.lane[i];
    return a;
  }
};

template <std::size_t N>
struct array_pack {
  std::array<double, N> lane{};

  static constexpr std::size_t size() { return N; }
  constexpr array_pack() = default;
  constexpr array_pack(double v) {  // NOLINT: broadcast, like native_simd
    for (auto& x : lane) x = v;
  }
  constexpr double operator[](std::size_t i) const { return lane[i]; }

  void copy_from(const double* p) {
    for (std::size_t i = 0; i < N; ++i) lane[i] = p[i];
  }
  void copy_to(double* p) const {
    for (std::size_t i = 0; i < N; ++i) p[i] = lane[i];
  }

#define FLOPCAST_PACK_OP(OP)                                                           \
  friend constexpr array_pack operator OP(array_pack a, array_pack b) {               \
    for (std::size_t i = 0; i < N; ++i) a.lane[i] = a.lane[i] OP b.lane[i];            \
    return a;                                                                          \
  }
  FLOPCAST_PACK_OP(+)
  FLOPCAST_PACK_OP(-)
  FLOPCAST_PACK_OP(*)
  FLOPCAST_PACK_OP(/)
#undef FLOPCAST_PACK_OP
  friend constexpr array_pack operator-(array_pack a) {
    for (auto& x : a.lane) x = -x;
    return a;
  }

#define FLOPCAST_PACK_CMP(OP)                                                          \
  friend constexpr array_mask<N> operator OP(array_pack a, array_pack b) {             \
    array_mask<N> m;                                                                   \
    for (std::size_t i = 0; i < N; ++i) m.lane[i] = a.lane[i] OP b.lane[i];            \
    return m;                                                                          \
  }
  FLOPCAST_PACK_CMP(<)
  FLOPCAST_PACK_CMP(>)
  FLOPCAST_PACK_CMP(<=)
  FLOPCAST_PACK_CMP(>=)
  FLOPCAST_PACK_CMP(==)
  FLOPCAST_PACK_CMP(!=)
#undef FLOPCAST_PACK_CMP
};

#if defined(FLOPCAST_HAS_STDX_SIMD)
using pack = std::experimental::native_simd<double>;
inline constexpr const char* backend_name = "std::experimental::native_simd<double>";
#else
using pack = array_pack<4>;
inline constexpr const char* backend_name = "flopcast::simd::array_pack<4> (portable)";
#endif

}  // namespace flopcast::simd

namespace flopcast {

template <std::size_t N>
struct number_traits<simd::array_pack<N>> {
  using T = simd::array_pack<N>;
  using mask = simd::array_mask<N>;
  static constexpr int width = static_cast<int>(N);
  static constexpr T select(mask m, T a, T b) {
    for (std::size_t i = 0; i < N; ++i) a.lane[i] = m.lane[i] ? a.lane[i] : b.lane[i];
    return a;
  }
  static constexpr T max(T a, T b) { return select(a < b, b, a); }
  static constexpr T min(T a, T b) { return select(b < a, b, a); }
  static constexpr bool all(mask m) {
    for (bool b : m.lane) if (!b) return false;
    return true;
  }
  static constexpr bool any(mask m) {
    for (bool b : m.lane) if (b) return true;
    return false;
  }
  static T floor(T x) {
    for (auto& v : x.lane) v = number_traits<double>::floor(v);
    return x;
  }
  static T load(const double* p) {
    T t;
    t.copy_from(p);
    return t;
  }
  static void store(T t, double* p) { t.copy_to(p); }
};

#if defined(FLOPCAST_HAS_STDX_SIMD)
template <class Abi>
struct number_traits<std::experimental::simd<double, Abi>> {
  using T = std::experimental::simd<double, Abi>;
  using mask = typename T::mask_type;
  static constexpr int width = static_cast<int>(T::size());
  static T select(mask m, T a, T b) {
#if defined(__clang__) && defined(__AVX512F__)
    // clang 14 with libstdc++ 12: where() on the AVX-512 bitmask ABI assigns nothing (every
    // lane keeps b), so the batched step model diverged from the scalar one under
    // -march=native. Reading the mask lane by lane is correct there.
    return T([&](auto i) { return m[i] ? a[i] : b[i]; });
#else
    std::experimental::where(m, b) = a;
    return b;
#endif
  }
  // Written as select so that both backends pick the same operand on ties and NaN.
  static T max(T a, T b) { return select(a < b, b, a); }
  static T min(T a, T b) { return select(b < a, b, a); }
  static bool all(mask m) { return std::experimental::all_of(m); }
  static T floor(T x) { return std::experimental::floor(x); }
  static bool any(mask m) { return std::experimental::any_of(m); }
  static T load(const double* p) { return T(p, std::experimental::element_aligned); }
  static void store(T t, double* p) { t.copy_to(p, std::experimental::element_aligned); }
};
#endif

}  // namespace flopcast
