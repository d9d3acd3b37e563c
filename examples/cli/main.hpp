#pragma once
// The flopcast command line as a function: run_cli() takes the words after the program name and
// the streams to use, and returns the exit status. examples/flopcast.cpp calls it with std::cin,
// std::cout and std::cerr; tests and the fuzz target (tests/fuzz/fuzz_cli.cpp) call it in
// process with string streams.
//
// Exit status: 0 success; 1 the estimate has no answer (invalid plan, model or cluster, or a
// figure that is not a finite number: the reason is printed); 2 bad arguments or input (the
// message and the usage line are printed); 3 an internal error (a bug: never on any input).
#include <exception>
#include <flopcast/version.hpp>
#include <iostream>
#include <istream>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "args.hpp"
#include "calibrate.hpp"
#include "catalogs.hpp"
#include "estimate.hpp"
#include "format.hpp"
#include "power.hpp"
#include "search.hpp"
#include "serve.hpp"
#include "sweep.hpp"

namespace flopcast_cli {

namespace detail {

inline constexpr std::string_view program_usage =
    "usage: flopcast <command> [options]  (flopcast --help)";

struct command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
  void (*help)(std::ostream&);
  int (*run)(std::span<const std::string>, std::istream&, std::ostream&, std::ostream&);
};

inline constexpr command commands[] = {
    {"estimate", "step time, throughput, MFU, memory and training days for a model, chips and plan",
     estimate_usage, estimate_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return estimate_command(w, out, err);
     }},
    {"search", "the fastest parallel plans for a model on a cluster at a global batch",
     search_usage, search_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return search_command(w, out, err);
     }},
    {"sweep", "the best plan at every point of a grid of chips, chip counts, models and assumptions",
     sweep_usage, sweep_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return sweep_command(w, out, err);
     }},
    {"power", "IT and facility megawatts of a cluster and the energy of a run, with ranges",
     power_usage, power_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return power_command(w, out, err);
     }},
    {"cost", "rental, capital, electricity and ownership cost, and what a budget buys",
     cost_usage, cost_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return cost_command(w, out, err);
     }},
    {"serve", "TTFT, TPOT, throughput and KV cache of a model served under a serving plan",
     serve_usage, serve_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return serve_command(w, out, err);
     }},
    {"compare", "datasheet comparison of chips, with ratios to the first", compare_usage,
     compare_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return compare_command(w, out, err);
     }},
    {"chips", "list the chip catalog", chips_usage, chips_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return chips_command(w, out, err);
     }},
    {"models", "list the model catalog", models_usage, models_help,
     [](std::span<const std::string> w, std::istream&, std::ostream& out, std::ostream& err) {
       return models_command(w, out, err);
     }},
    {"calibrate", "fit a chip's efficiency constants to measured step times", calibrate_usage,
     calibrate_help, calibrate_command},
};

inline void program_help(std::ostream& out) {
  out << "usage: flopcast <command> [options]\n"
         "       flopcast <command> --help\n\n"
         "Predicts how fast a transformer trains and serves on a cluster of catalog chips under a\n"
         "parallel plan, where the time goes, and what it costs in megawatts and dollars.\n\n"
         "commands:\n";
  for (const command& c : commands) {
    out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << '\n';
  }
  out << "\noptions:\n"
         "  -h, --help    this text\n"
         "  --version     the library version\n\n"
         "Exit status: 0 success; 1 the plan, model or cluster is invalid (the reason is\n"
         "printed); 2 bad arguments.\n";
}

// The message of a usage error, on one line: every value in it is already shown safely (see
// shown()); this is the last guard, for a message that still holds a raw byte or runs long.
inline std::string one_line(std::string_view message) {
  for (const char c : message) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) return shown(message, 400);
  }
  if (message.size() > 400) return shown(message, 400);
  return std::string(message);
}

inline int usage_failure(std::ostream& err, std::string_view who, std::string_view message,
                         std::string_view usage) {
  err << who << ": error: " << one_line(message) << '\n' << usage << '\n';
  return 2;
}

}  // namespace detail

// Runs the command line `args` (the words after the program name): output on `out`, messages on
// `err`, standard input (calibrate -) from `in`. Returns the exit status.
inline int run_cli(std::span<const std::string> args, std::ostream& out, std::ostream& err,
                   std::istream& in = std::cin) {
  using detail::commands;
  using detail::program_usage;
  using detail::usage_failure;
  if (args.empty()) return usage_failure(err, "flopcast", "missing command", program_usage);
  const std::string& first = args.front();
  if (first == "-h" || first == "--help" || first == "help") {
    detail::program_help(out);
    return 0;
  }
  if (first == "--version") {
    out << "flopcast " << FLOPCAST_VERSION_MAJOR << '.' << FLOPCAST_VERSION_MINOR << '.'
        << FLOPCAST_VERSION_PATCH << '\n';
    return 0;
  }
  for (const detail::command& c : commands) {
    if (c.name != first) continue;
    const std::string who = "flopcast " + std::string(c.name);
    const std::span<const std::string> rest = args.subspan(1);
    if (wants_help(rest)) {
      c.help(out);
      return 0;
    }
    try {
      const int status = c.run(rest, in, out, err);
      out.flush();
      return status;
    } catch (const usage_error& e) {
      return usage_failure(err, who, e.what(), c.usage);
    } catch (const std::exception& e) {
      // Not expected: every invalid input has a reason or a usage error. Say so plainly.
      err << who << ": internal error: " << detail::one_line(e.what()) << '\n';
      return 3;
    }
  }
  std::string message = "unknown command '" + shown(first) + "'";
  if (first.starts_with("-")) {
    message = "unknown option '" + shown(first) + "' (give a command first)";
  }
  message += "; commands:";
  for (const detail::command& c : commands) message += " " + std::string(c.name);
  return usage_failure(err, "flopcast", message, program_usage);
}

}  // namespace flopcast_cli
