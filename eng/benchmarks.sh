#!/usr/bin/env bash
# Runs the benchmark set and rewrites the marked tables of docs/benchmarks.md
# (<!-- bench:NAME --> ... <!-- /bench:NAME -->) with the fresh results, the date and the machine's load.
#
#   eng/benchmarks.sh                 # every benchmark class below
#   eng/benchmarks.sh GetRoundTrip    # only the classes named (marker names, see CLASSES)
#
# Every table keeps its in-run baseline row (memcpy, raw socket echo, raw AesGcm, service-specific blocks), so read
# the ratios, not the times: the machine is often shared. Jobs run in-process (BenchmarkDotNet's own build of the
# project times out on a loaded 2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."

# marker name = benchmark class without the "Benchmarks" suffix
CLASSES=(ProfileBuffer Security GetRoundTrip ProfileRead MeterLoad PushListener BlockTransfer FirmwareTransfer Generator)
if [ "$#" -gt 0 ]; then
  CLASSES=("$@")
fi

artifacts=artifacts/benchmarks
rm -rf "$artifacts"
mkdir -p "$artifacts"
dotnet build -c Release tests/Cosem.Sdk.Benchmarks -v quiet -nologo
load_before=$(uptime)
for name in "${CLASSES[@]}"; do
  extra=(--inProcess)
  if [ "$name" = GetRoundTrip ] || [ "$name" = MeterLoad ]; then
    extra=() # their jobs pin the in-process toolchain themselves; --inProcess would add a second job
  fi
  uptime > "$artifacts/$name.load-before"
  dotnet run -c Release --no-build --project tests/Cosem.Sdk.Benchmarks -- \
    --filter "*.${name}Benchmarks.*" "${extra[@]}" --exporters GitHub JSON --artifacts "$artifacts" \
    | tee "$artifacts/$name.log" | grep -E '^\| |Peak working set' || true
  uptime > "$artifacts/$name.load-after"
done
load_after=$(uptime)
python3 eng/bench-tables.py "$artifacts/results" docs/benchmarks.md "$load_before" "$load_after" "$artifacts"
echo "docs/benchmarks.md updated from $artifacts/results"
