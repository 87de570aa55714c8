#!/usr/bin/env bash
# Builds `cosem` as a native AOT executable (the command docs/native-aot.md documents) and reads one attribute from a
# `cosem simulate` started with it, on 127.0.0.1. Fails when the publish warns or fails, when the read fails, or when
# the answer lacks the clock. Needs clang and zlib1g-dev (.ci/run installs them). Bounded: the publish gets 20 min.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
log="$out/publish.log"
sim_pid=""
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; rm -rf "$out"; }
trap cleanup EXIT

if ! timeout 1200 dotnet publish src/Cosem.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out/cosem" >"$log" 2>&1; then
  tail -30 "$log"; echo "aot: publish failed"; exit 1
fi
if grep -qE 'warning (IL|AOT)[0-9]+' "$log"; then
  grep -E 'warning (IL|AOT)[0-9]+' "$log" | sort -u | head -20; echo "aot: trim/AOT warnings"; exit 1
fi
cosem="$out/cosem/cosem"
port=14359
"$cosem" simulate --wrapper-port "$port" --hdlc-port $((port + 1)) >"$out/simulate.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
start=$(date +%s%N)
answer=$("$cosem" read --host 127.0.0.1 --port "$port" --obis 0.0.1.0.0.255 --attribute 2 --format json 2>&1)
status=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$answer"
if [ "$status" -ne 0 ] || ! grep -q '"0.0.1.0.0.255"' <<<"$answer"; then
  echo "aot: cosem read failed ($status)"; cat "$out/simulate.log"; exit 1
fi
echo "aot: native cosem read of one attribute: ${elapsed_ms} ms as a whole process ($(du -h "$cosem" | cut -f1) executable)"
