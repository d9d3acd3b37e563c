// flopcast: the command-line front end of the library.
//
//   flopcast estimate --model llama3-70b --chip h100 --chips 1024 --tp 8 --pp 4 --global-batch 1024
//   flopcast compare h100 b200 mi300x
//   flopcast chips | flopcast models
//   flopcast calibrate measured.txt
//
// Exit status: 0 success; 1 the estimate has no answer (invalid plan, model or cluster: the
// reason is printed); 2 bad arguments (the message and the usage line are printed).
// The pieces live in examples/cli/: the argument parser, output formatting, the cluster built
// from a chip, and one header per command.
#include <exception>
#include <flopcast/version.hpp>
#include <iostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.hpp"
#include "cli/calibrate.hpp"
#include "cli/catalogs.hpp"
#include "cli/estimate.hpp"

namespace {

using namespace flopcast_cli;

constexpr std::string_view program_usage = "usage: flopcast <command> [options]  (flopcast --help)";

struct command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
  void (*help)(std::ostream&);
  int (*run)(std::span<const std::string>, std::ostream&, std::ostream&);
};

const command commands[] = {
    {"estimate", "step time, throughput, MFU, memory and training days for a model, chips and plan",
     estimate_usage, estimate_help, estimate_command},
    {"compare", "datasheet comparison of chips, with ratios to the first", compare_usage,
     compare_help, compare_command},
    {"chips", "list the chip catalog", chips_usage, chips_help, chips_command},
    {"models", "list the model catalog", models_usage, models_help, models_command},
    {"calibrate", "fit a chip's efficiency constants to measured step times", calibrate_usage,
     calibrate_help, calibrate_command},
};

void program_help(std::ostream& out) {
  out << "usage: flopcast <command> [options]\n"
         "       flopcast <command> --help\n\n"
         "Predicts how fast a transformer trains on a cluster of catalog chips under a parallel\n"
         "plan, and where the time goes.\n\ncommands:\n";
  for (const command& c : commands) {
    out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << '\n';
  }
  out << "\noptions:\n"
         "  -h, --help    this text\n"
         "  --version     the library version\n\n"
         "Exit status: 0 success; 1 the plan, model or cluster is invalid (the reason is\n"
         "printed); 2 bad arguments.\n";
}

int usage_failure(std::string_view who, std::string_view message, std::string_view usage) {
  std::cerr << who << ": error: " << message << '\n' << usage << '\n';
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  if (args.empty()) return usage_failure("flopcast", "missing command", program_usage);
  const std::string& first = args.front();
  if (first == "-h" || first == "--help" || first == "help") {
    program_help(std::cout);
    return 0;
  }
  if (first == "--version") {
    std::cout << "flopcast " << FLOPCAST_VERSION_MAJOR << '.' << FLOPCAST_VERSION_MINOR << '.'
              << FLOPCAST_VERSION_PATCH << '\n';
    return 0;
  }
  for (const command& c : commands) {
    if (c.name != first) continue;
    const std::string who = "flopcast " + std::string(c.name);
    const std::span<const std::string> rest(args.begin() + 1, args.end());
    if (wants_help(rest)) {
      c.help(std::cout);
      return 0;
    }
    try {
      const int status = c.run(rest, std::cout, std::cerr);
      std::cout.flush();
      return status;
    } catch (const usage_error& e) {
      return usage_failure(who, e.what(), c.usage);
    } catch (const std::exception& e) {
      // Not expected: every invalid input has a reason or a usage error. Say so plainly.
      std::cerr << who << ": internal error: " << e.what() << '\n';
      return 3;
    }
  }
  std::string message = "unknown command '" + first + "'";
  if (first.starts_with("-")) message = "unknown option '" + first + "' (give a command first)";
  message += "; commands:";
  for (const command& c : commands) message += " " + std::string(c.name);
  return usage_failure("flopcast", message, program_usage);
}
