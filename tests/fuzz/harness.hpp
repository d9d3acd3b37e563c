#pragma once
// The fuzz harness shared by flopcast's fuzz targets (tests/fuzz/fuzz_*.cpp).
//
// A target is one function `void one_input(flopcast_fuzz::entropy& in)` that builds a hostile
// input from `in`, calls the API under test and checks properties with FUZZ_CHECK. The same
// function runs in two ways:
//   - the deterministic driver (every compiler): `fuzz_x --runs N --seed S` draws input i from a
//     PRNG seeded with (S, i), so a run is reproducible on any machine, and `--only i` replays
//     one input. A watchdog aborts an input that runs longer than --time-limit seconds (a hang).
//     This is the CTest test.
//   - libFuzzer (Clang, FLOPCAST_LIBFUZZER=ON): the same function reads its choices from the
//     fuzzer's bytes, so coverage guidance mutates the choices themselves.
// A failed check prints what failed and where, and aborts: libFuzzer saves the input, the driver
// prints the seed and index that replay it.
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <thread>

namespace flopcast_fuzz {

// Where a fuzz input's choices come from: a PRNG (driver) or the fuzzer's bytes (libFuzzer).
class entropy {
 public:
  explicit entropy(std::uint64_t seed) : state_(seed) {}
  // The fuzzer's bytes give the first choices; when they run out, a PRNG seeded with a hash of
  // all of them gives the rest, so a short input still reaches a whole configuration (zeros would
  // always choose the first option) and every input stays deterministic.
  entropy(const std::uint8_t* data, std::size_t size) : data_(data), size_(size), bytes_(true) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
    for (std::size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 0x100000001b3ull;
    state_ = h;
  }

  std::uint64_t bits() {
    if (bytes_ && at_ + 8 <= size_) {
      std::uint64_t v = 0;
      for (int i = 0; i < 8; ++i) v = (v << 8) | data_[at_++];
      return v;
    }
    // splitmix64 (Steele, Lea and Flood 2014): a full-period 64-bit generator.
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) (n > 0).
  std::uint64_t below(std::uint64_t n) { return bits() % n; }
  int pick(int n) { return static_cast<int>(below(static_cast<std::uint64_t>(n))); }
  bool coin(int one_in = 2) { return below(static_cast<std::uint64_t>(one_in)) == 0; }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
  // Log-uniform in [lo, hi] (lo > 0).
  double log_uniform(double lo, double hi) {
    return lo * std::exp(unit() * std::log(hi / lo));
  }
  template <class T, std::size_t N>
  const T& one_of(const T (&items)[N]) {
    return items[below(N)];
  }

  // A size as an attacker would give it: mostly plausible, often at an edge.
  int size_like(int typical_max) {
    switch (pick(12)) {
      case 0: return 0;
      case 1: return -1 - pick(3);
      case 2: return std::numeric_limits<int>::max() - pick(2);
      case 3: return std::numeric_limits<int>::min() + pick(2);
      case 4: return 1 << pick(31);
      case 5: return static_cast<int>(bits());
      default: return 1 + pick(typical_max > 0 ? typical_max : 1);
    }
  }
  // A positive size from a small set of "round" values (divisibility matters to plans).
  int round_size(int most = 1 << 14) {
    const int v = 1 << pick(15);
    return v <= most ? v : 1;
  }
  // A real number as an attacker would give it: mostly in [lo, hi], often at an edge.
  double real_like(double lo, double hi) {
    switch (pick(16)) {
      case 0: return 0.0;
      case 1: return -0.0;
      case 2: return std::numeric_limits<double>::quiet_NaN();
      case 3: return std::numeric_limits<double>::infinity();
      case 4: return -std::numeric_limits<double>::infinity();
      case 5: return std::numeric_limits<double>::denorm_min();
      case 6: return std::numeric_limits<double>::max();
      case 7: return 3e-308;
      case 8: return 1e-300;
      case 9: return 1e300;
      case 10: return -unit() * hi;
      default: return lo + unit() * (hi - lo);
    }
  }
  // Text from a hostile alphabet: empty, very long, control bytes, non-ASCII, numbers.
  std::string text(std::size_t most = 64) {
    static constexpr std::string_view words[] = {
        "",      "-",    "--",    "nan",  "inf",   "-inf", "1e999", "0x1p3", "1e300",  "-1",
        "0",     "1",    "8",     "1.5",  "h100",  "gb200", "a100", "llama3-8b", "\xc3\xa9",
        "\xff",  "\x01", " ",     "\"",   "=",     "1e-300", "4294967296", "2147483648"};
    std::string s;
    const int pieces = pick(4);
    for (int i = 0; i < pieces; ++i) {
      if (coin(3)) {
        s += words[below(std::size(words))];
      } else {
        const std::size_t n = below(most + 1);
        for (std::size_t k = 0; k < n; ++k) s += static_cast<char>(bits() & 0xff);
      }
    }
    return s;
  }

 private:
  std::uint64_t state_ = 0;
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t at_ = 0;
  bool bytes_ = false;
};

// A fuzz run whose inputs almost never reach an answer tests only the refusals: the targets
// call this at exit with the share that got an answer, and a run of `enough` inputs or more
// below `floor` fails (exit status 1), so a generator that drifts cannot pass silently.
inline void require_answered_share(const char* name, long answered, long total, long enough,
                                   double floor) {
  if (total < enough) return;  // a replay or a short run: too few to judge
  const double share = static_cast<double>(answered) / static_cast<double>(total);
  if (share < floor) {
    std::fprintf(stderr, "%s: only %.1f%% of %ld inputs reached an answer (floor %.0f%%)\n", name,
                 100.0 * share, total, 100.0 * floor);
    std::fflush(stderr);
    std::_Exit(1);
  }
}

[[noreturn]] inline void fail(const char* file, int line, const char* what,
                              const std::string& detail) {
  std::fprintf(stderr, "\nfuzz property failed at %s:%d: %s\n  %s\n", file, line, what,
               detail.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace flopcast_fuzz

// Checks a property of the current input; `detail` (a std::string expression) says what was seen.
#define FUZZ_CHECK(cond, detail)                                                       \
  do {                                                                                 \
    if (!(cond)) ::flopcast_fuzz::fail(__FILE__, __LINE__, #cond, std::string(detail)); \
  } while (false)

namespace flopcast_fuzz {

using target = void (*)(entropy&);

// The seed of input `i` of a run with seed `seed`.
inline std::uint64_t input_seed(std::uint64_t seed, std::uint64_t i) {
  entropy e(seed ^ (0xd1b54a32d192ed03ull * (i + 1)));
  return e.bits();
}

// The deterministic driver: `name --runs N --seed S [--only I] [--time-limit SECONDS]`.
inline int drive(int argc, char** argv, const char* name, target one_input) {
  std::uint64_t runs = 100000, seed = 1, only = 0, limit_s = 60;
  bool replay = false;
  for (int i = 1; i < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (i + 1 == argc) {  // a flag without its value is a mistake, not the default
      std::fprintf(stderr, "%s: %s needs a value\n", name, argv[i]);
      return 2;
    }
    const std::uint64_t v = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--runs") {
      runs = v;
    } else if (flag == "--seed") {
      seed = v;
    } else if (flag == "--only") {
      only = v, replay = true;
    } else if (flag == "--time-limit") {
      limit_s = v;
    } else {
      std::fprintf(stderr, "usage: %s [--runs N] [--seed S] [--only I] [--time-limit S]\n", name);
      return 2;
    }
  }
  // The watchdog: one input may not run longer than the limit (a hang is a failure).
  std::atomic<std::uint64_t> current{0};
  std::atomic<std::int64_t> started_ms{0};
  std::atomic<bool> done{false};
  const auto now_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
  std::thread watchdog([&] {
    while (!done.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (!done.load() && now_ms() - started_ms.load() > static_cast<std::int64_t>(limit_s) * 1000) {
        std::fprintf(stderr, "\n%s: input %llu (seed %llu) ran longer than %llu s: a hang\n"
                             "  replay: %s --seed %llu --only %llu\n",
                     name, static_cast<unsigned long long>(current.load()),
                     static_cast<unsigned long long>(seed),
                     static_cast<unsigned long long>(limit_s), name,
                     static_cast<unsigned long long>(seed),
                     static_cast<unsigned long long>(current.load()));
        std::fflush(stderr);
        std::abort();
      }
    }
  });
  const std::uint64_t first = replay ? only : 0, last = replay ? only + 1 : runs;
  const auto t0 = now_ms();
  for (std::uint64_t i = first; i < last; ++i) {
    current.store(i);
    started_ms.store(now_ms());
    if (!replay && i % 10000 == 0) {
      std::fprintf(stderr, "%s: input %llu (replay one with --seed %llu --only %llu)\n", name,
                   static_cast<unsigned long long>(i), static_cast<unsigned long long>(seed),
                   static_cast<unsigned long long>(i));
    }
    entropy in(input_seed(seed, i));
    one_input(in);
  }
  done.store(true);
  watchdog.join();
  std::printf("%s: %llu inputs (seed %llu) in %.1f s, every property held\n", name,
              static_cast<unsigned long long>(last - first), static_cast<unsigned long long>(seed),
              static_cast<double>(now_ms() - t0) / 1000.0);
  return 0;
}

}  // namespace flopcast_fuzz

// Defines main() (driver) or LLVMFuzzerTestOneInput (libFuzzer) for a target function.
#if defined(FLOPCAST_LIBFUZZER)
#define FLOPCAST_FUZZ_TARGET(NAME, FUNCTION)                                           \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    ::flopcast_fuzz::entropy in(data, size);                                           \
    FUNCTION(in);                                                                      \
    return 0;                                                                          \
  }
#else
#define FLOPCAST_FUZZ_TARGET(NAME, FUNCTION) \
  int main(int argc, char** argv) { return ::flopcast_fuzz::drive(argc, argv, NAME, FUNCTION); }
#endif
