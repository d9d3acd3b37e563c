#!/usr/bin/env bash
# What does including flopcast cost? Times the front end (-fsyntax-only) N times on two TUs,
#   baseline:  #include <iostream>            + empty main
#   flopcast:  #include <flopcast/flopcast.hpp> + empty main   (or the header given as $1)
# and prints both means and their ratio. Not part of ctest: timings depend on the machine.
#
# Usage: tests/compile_time.sh [header, relative to include/]     (default flopcast/flopcast.hpp)
# Environment: CXX (default g++), N (default 10), CXXFLAGS (default -std=c++20).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
header="${1:-flopcast/flopcast.hpp}"
cxx="${CXX:-g++}"
n="${N:-10}"
read -r -a flags <<< "${CXXFLAGS:--std=c++20}"

if [[ ! -f "$root/include/$header" ]]; then
  echo "compile_time.sh: $root/include/$header does not exist" >&2
  exit 2
fi
if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
  echo "compile_time.sh: N must be a positive integer, not '$n'" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '#include <iostream>\nint main() { return 0; }\n' > "$work/baseline.cpp"
printf '#include <%s>\nint main() { return 0; }\n' "$header" > "$work/flopcast.cpp"

# mean_ms <file>: compiles <file> n times and prints the mean wall time in milliseconds.
mean_ms() {
  local file="$1" total=0 start end
  "$cxx" "${flags[@]}" -I "$root/include" -fsyntax-only "$file"  # warm-up; fail early on errors
  for ((i = 0; i < n; ++i)); do
    start=$(date +%s%N)
    "$cxx" "${flags[@]}" -I "$root/include" -fsyntax-only "$file"
    end=$(date +%s%N)
    total=$((total + (end - start) / 1000))
  done
  awk -v us="$total" -v n="$n" 'BEGIN { printf "%.1f", us / n / 1000 }'
}

base=$(mean_ms "$work/baseline.cpp")
ours=$(mean_ms "$work/flopcast.cpp")
echo "compiler: $("$cxx" --version | head -n 1)  flags: ${flags[*]} -fsyntax-only  runs: $n"
printf '%-36s %8s ms\n' "#include <iostream>" "$base" "#include <$header>" "$ours"
awk -v a="$ours" -v b="$base" 'BEGIN { printf "ratio flopcast / iostream: %.2f\n", a / b }'
