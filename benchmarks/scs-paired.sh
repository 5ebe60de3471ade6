#!/usr/bin/env bash
# DeepSynth's analyzer time next to Security Code Scan's (SecurityCodeScan.VS2019 5.6.7) in the same builds: both
# analyzers are loaded in every build, so machine load hits both alike and the ratio is what the budget reads.
# Usage: benchmarks/scs-paired.sh [files] [aiShare...]   (default: 1000 files at 20% and 100% AI share; RUNS=3 builds each)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-1000}"; shift || true
shares=("${@:-0.2 1.0}")
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bench="$root/benchmarks/DeepSynth.Analyzers.Benchmarks/bin/Release/net10.0/DeepSynth.Analyzers.Benchmarks.dll"

dotnet build "$root/benchmarks/DeepSynth.Analyzers.Benchmarks" -c Release -v:q -nologo > /dev/null

analyzer_ms() { # analyzer time ReportAnalyzer attributes to the assembly named $2, in ms
  grep -E "^\s+[0-9.<]+\s+[0-9<]+\s+$2, Version" "$1" | awk '{ gsub("<", "", $1); print $1 * 1000 }' | head -1
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '| Files | AI share | Security Code Scan (ms) | DeepSynth (ms) | DeepSynth / SCS (median of per-build ratios) |\n|---:|---:|---:|---:|---:|\n'
for share in ${shares[@]}; do
  project="$work/p$files-$share"
  dotnet "$bench" generate "$files" "$project" "$share" > /dev/null
  props="-p:WithDeepSynth=true -p:WithSecurityCodeScan=true"
  dotnet build "$project" -c Release $props -v:q -nologo > /dev/null   # restore, build references
  scs=(); ours=(); ratio=()
  for run in $(seq "$runs"); do
    log="$work/build-$share-$run.log"
    dotnet build "$project" -c Release --no-restore --no-incremental -p:BuildProjectReferences=false $props \
      -p:ReportAnalyzer=true -v:d -nologo > "$log"
    s=$(analyzer_ms "$log" 'SecurityCodeScan\.VS2019'); d=$(analyzer_ms "$log" 'DeepSynth\.Analyzers')
    if [ -z "$s" ] || [ -z "$d" ]; then echo "run $run: ReportAnalyzer printed no time for one of the analyzers (see $log)" >&2; exit 1; fi
    scs+=("$s"); ours+=("$d"); ratio+=("$(awk -v s="$s" -v d="$d" 'BEGIN { printf "%.3f", d / s }')")
  done
  printf '| %s | %.0f%% | %s | %s | %sx |\n' "$files" "$(awk -v s="$share" 'BEGIN { print s * 100 }')" \
    "$(printf '%s\n' "${scs[@]}" | median)" "$(printf '%s\n' "${ours[@]}" | median)" "$(printf '%s\n' "${ratio[@]}" | median)"
done
