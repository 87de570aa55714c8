#!/usr/bin/env bash
# Coverage-guided fuzzing of the SDK (fuzz/README.md): builds our libFuzzer driver, publishes the fuzz targets,
# instruments the SDK assemblies with sharpfuzz, and runs each target for SECONDS under libFuzzer.
#
#   fuzz/run.sh [SECONDS] [TARGET...]   fuzz each target (default: all) for SECONDS (default 60)
#   fuzz/run.sh seed                    rebuild fuzz/corpus from the test vectors
#
# Seeds come from fuzz/corpus/TARGET (in the repository) and fuzz/regressions/TARGET; what libFuzzer adds goes to
# fuzz/out/corpus/TARGET (not committed). A crash, a time-out (-timeout, seconds per input) or an out-of-memory
# leaves its input in fuzz/out/findings/ and makes the script exit 1. fuzz/out/summary.tsv: target, executions,
# seconds, result. FUZZ_JOBS is not supported on purpose: one target at a time.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

out=fuzz/out
publish=$out/publish
driver=$out/cosem-libfuzzer-driver

build() {
  mkdir -p "$out"
  if [ ! -x "$driver" ] || [ fuzz/driver/cosem-libfuzzer-driver.cc -nt "$driver" ]; then
    clang++ -O1 -fsanitize=fuzzer fuzz/driver/cosem-libfuzzer-driver.cc -o "$driver" || return 1
  fi
  rm -rf "$publish"
  dotnet publish fuzz/Cosem.Sdk.Fuzzing/Cosem.Sdk.Fuzzing.csproj -c Release -o "$publish" --nologo -v q >"$out/publish.log" 2>&1 \
    || { cat "$out/publish.log"; return 1; }
  dotnet tool restore >/dev/null || return 1
  for assembly in Cosem.Sdk.Codec Cosem.Sdk Cosem.Sdk.Translation Cosem.Sdk.Generators; do
    dotnet sharpfuzz "$publish/$assembly.dll" >/dev/null || { echo "sharpfuzz failed on $assembly"; return 1; }
  done
}

if [ "${1:-}" = "seed" ]; then
  python3 fuzz/seed-corpora.py || exit 1
  dotnet run --project fuzz/Cosem.Sdk.Fuzzing -c Release -- --seed-text fuzz/corpus/translator-binary fuzz/corpus/translator-text
  exit $?
fi

seconds=${1:-60}
shift || true
build || { echo "fuzzing: build failed"; exit 1; }
mapfile -t targets < <("$publish/Cosem.Sdk.Fuzzing" --list)
# A target list that failed or came out empty would fuzz nothing and pass: that is a failure.
if [ ${#targets[@]} -eq 0 ] || ! "$publish/Cosem.Sdk.Fuzzing" --list >/dev/null 2>&1; then
  echo "fuzzing: the target list could not be read (Cosem.Sdk.Fuzzing --list failed)"
  exit 1
fi
mkdir -p "$out/findings"
: >"$out/summary.tsv"
failures=0
total=0
for line in "${targets[@]}"; do
  name=${line% *}
  max_len=${line#* }
  if [ $# -gt 0 ] && [[ ! " $* " =~ " $name " ]]; then continue; fi
  mkdir -p "$out/corpus/$name" "fuzz/regressions/$name"
  log=$out/$name.log
  # The managed heap limit turns unbounded allocation into an OutOfMemoryException, which is a crash.
  DOTNET_GCHeapHardLimit=0x40000000 "$driver" --target_path="$publish/Cosem.Sdk.Fuzzing" --target_arg="$name" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$out/findings/$name-" "$out/corpus/$name" "fuzz/corpus/$name" "fuzz/regressions/$name" >"$log" 2>&1
  status=$?
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  execs=${execs:-0}
  total=$((total + execs))
  if [ "$status" -eq 0 ]; then result=ok; else result=FAILED; failures=$((failures + 1)); fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$execs" "$seconds" "$result" >>"$out/summary.tsv"
  printf 'fuzz %-18s %10s executions in %ss: %s\n' "$name" "$execs" "$seconds" "$result"
  if [ "$result" = FAILED ]; then
    grep -E 'Exception|FuzzFinding|Test unit written|SUMMARY|timeout|out-of-memory' "$log" | head -20
  fi
done
echo "fuzzing: $total executions, $failures target(s) failed"
[ "$failures" -eq 0 ] && [ "$total" -gt 0 ]
