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
// from a chip, one header per command, and run_cli() (cli/main.hpp), which this calls.
#include <iostream>
#include <string>
#include <vector>

#include "cli/main.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  return flopcast_cli::run_cli(args, std::cout, std::cerr, std::cin);
}
