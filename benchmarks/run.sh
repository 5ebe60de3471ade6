#!/usr/bin/env bash
# Runs the analyzer benchmarks and prints the figures benchmarks/README.md reports (on demand; never part of the tests).
#   benchmarks/run.sh            in-process report (scaling, per-document) + real `dotnet build` overhead
#   benchmarks/run.sh --full     also the BenchmarkDotNet suites (compilation with/without, worst cases; ~30 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/benchmarks/DeepSynth.Analyzers.Benchmarks"

echo "# DeepSynth analyzer benchmarks"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
dotnet build "$project" -c Release -v:q -nologo > /dev/null
dotnet "$project/bin/Release/net10.0/DeepSynth.Analyzers.Benchmarks.dll" report "${RUNS:-5}"

echo "## Real builds (Csc task, median of ${RUNS:-3} full rebuilds; the SDK's and ASP.NET Core's analyzers run in both)"
echo
"$root/benchmarks/build-overhead.sh" 100 500 1000
echo

if [ "${1:-}" = "--full" ]; then
  dotnet "$project/bin/Release/net10.0/DeepSynth.Analyzers.Benchmarks.dll" --filter '*CompilationBenchmarks*' '*WorstCaseBenchmarks*' --join
fi
