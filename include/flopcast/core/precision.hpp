#pragma once
#include "flopcast/core/config.hpp"
// Numeric formats that accelerators compute in, shared by chips (peak rate per format) and
// models (bytes per stored weight, gradient or activation).
#include <array>
#include <string_view>

#include "flopcast/core/limits.hpp"

namespace flopcast {

enum class precision : unsigned char {
  fp64,         // IEEE double; the matrix (tensor-core) rate where a chip has one
  fp64_vector,  // IEEE double on the vector units (NVIDIA and AMD quote both)
  fp32,         // IEEE single, non-tensor
  tf32,         // 19-bit tensor format stored in 32 bits
  bf16,
  fp16,
  fp8,          // E4M3/E5M2
  fp6,          // E2M3/E3M2
  fp4,          // E2M1 (including NVFP4/MXFP4 block formats)
  int8,         // counted as operations (TOPS) on the same scale as FLOPs
};

inline constexpr std::array<precision, 10> all_precisions{
    precision::fp64, precision::fp64_vector, precision::fp32, precision::tf32, precision::bf16,
    precision::fp16, precision::fp8,         precision::fp6,  precision::fp4,  precision::int8};

// p is one of the named values (a value cast from an out-of-range integer is not).
constexpr bool known(precision p) {
  return limits::named(p, precision::int8);
}

constexpr std::string_view name(precision p) {
  switch (p) {
    case precision::fp64: return "FP64";
    case precision::fp64_vector: return "FP64 (vector)";
    case precision::fp32: return "FP32";
    case precision::tf32: return "TF32";
    case precision::bf16: return "BF16";
    case precision::fp16: return "FP16";
    case precision::fp8: return "FP8";
    case precision::fp6: return "FP6";
    case precision::fp4: return "FP4";
    case precision::int8: return "INT8";
  }
  return "?";
}

// Bytes one element occupies in memory. TF32 is a compute format stored as FP32; FP6 and FP4
// pack 4 and 2 elements into 3 and 1 bytes (block scales excluded).
constexpr double bytes_per_element(precision p) {
  switch (p) {
    case precision::fp64:
    case precision::fp64_vector: return 8.0;
    case precision::fp32:
    case precision::tf32: return 4.0;
    case precision::bf16:
    case precision::fp16: return 2.0;
    case precision::fp8:
    case precision::int8: return 1.0;
    case precision::fp6: return 0.75;
    case precision::fp4: return 0.5;
  }
  return 0.0;
}

}  // namespace flopcast
