#!/usr/bin/env bash
# What DeepSynth adds to a real `dotnet build`: generates a web project of each size, then builds it (full rebuilds,
# references prebuilt) alternately without and with the DeepSynth analyzers, and compares the Csc task's time.
# The .NET SDK's and ASP.NET Core's own analyzers run in both builds, as in every real project.
# Usage: benchmarks/build-overhead.sh [sizes...]   (default: 100 500 1000; 3 builds of each kind per size)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes=("${@:-100 500 1000}")
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/benchmarks/DeepSynth.Analyzers.Benchmarks" -c Release -v:q -nologo > /dev/null

csc_ms() { # the Csc task's time from the performance summary, in ms
  grep -E '^\s+[0-9]+ ms\s+Csc\s' "$1" | awk '{ s += $1 } END { print s + 0 }'
}

deepsynth_ms() { # analyzer time ReportAnalyzer attributes to the DeepSynth.Analyzers assembly, in ms
  grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+DeepSynth\.Analyzers, Version' "$1" | awk '{ gsub("<", "", $1); print $1 * 1000 }' | head -1
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '| Files | Csc without DeepSynth (ms) | Csc with DeepSynth (ms) | Added | DeepSynth analyzer time (ReportAnalyzer, ms) |\n|---:|---:|---:|---:|---:|\n'
for files in ${sizes[@]}; do
  project="$work/p$files"
  dotnet "$root/benchmarks/DeepSynth.Analyzers.Benchmarks/bin/Release/net10.0/DeepSynth.Analyzers.Benchmarks.dll" generate "$files" "$project" > /dev/null
  dotnet build "$project" -c Release -p:WithDeepSynth=true -v:q -nologo > /dev/null   # restore, build references
  without=(); with=(); analyzer=()
  for run in $(seq "$runs"); do
    for mode in false true; do
      log="$work/build-$files-$mode-$run.log"
      # Full rebuild of this project only (its references are built); -v:d is where ReportAnalyzer's table is printed.
      dotnet build "$project" -c Release --no-restore --no-incremental -p:BuildProjectReferences=false -p:WithDeepSynth=$mode \
        -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -nologo > "$log"
      if [ "$mode" = false ]; then without+=("$(csc_ms "$log")"); else with+=("$(csc_ms "$log")"); analyzer+=("$(deepsynth_ms "$log")"); fi
    done
  done
  a=$(printf '%s\n' "${without[@]}" | median); b=$(printf '%s\n' "${with[@]}" | median); c=$(printf '%s\n' "${analyzer[@]}" | median)
  printf '| %s | %s | %s | %s | %s |\n' "$files" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%+.1f%%", (b - a) * 100 / a }')" "$c"
done
