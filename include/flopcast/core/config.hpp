#pragma once
// The first include of every public flopcast header: stops a compile that is not C++20 with one
// clear sentence instead of thousands of lines about concepts and designated initializers.
//
// Why an #include of a file that does not exist, and not #error: GCC and Clang report #error and
// keep compiling, so the sentence drowns in the errors that follow. A missing include is a fatal
// error on GCC, Clang and MSVC: the compiler prints the file name (the sentence) and stops.
// GCC in C++20 mode before GCC 11 (and Clang's early -std=c++2a) report a __cplusplus between
// 201703L and 202002L; those pass this check, since they did ask for C++20. MSVC reports the
// language in _MSVC_LANG (__cplusplus stays 199711L without /Zc:__cplusplus).
// tests/cmake/check_cxx17_rejected.cmake checks the sentence with each public header.

#if defined(_MSVC_LANG)
#if _MSVC_LANG <= 201703L
#include "flopcast requires C++20 (-std:c++20 or newer)"
#endif
#elif __cplusplus <= 201703L
#include "flopcast requires C++20 (-std=c++20 or newer)"
#endif

// FLOPCAST_FLATTEN: inline everything a hot batch function calls (GCC and Clang). The batch
// path's packs are 64-byte values: each call left out of line passes them through memory.
#if defined(__GNUC__) || defined(__clang__)
#define FLOPCAST_FLATTEN [[gnu::flatten]]
#else
#define FLOPCAST_FLATTEN
#endif
