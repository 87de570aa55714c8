#!/usr/bin/env python3
"""Times the cosem CLI's start-up against a running `cosem simulate`, per build (JIT, ReadyToRun, native AOT).

usage: eng/measure-cli-startup.py [--runs N] NAME=PATH/TO/cosem [NAME=PATH ...]

For each build, after three warm-up runs (file cache), N runs of each of:
  * `cosem --version`: the runtime's and the CLI's own start-up, no meter;
  * `cosem read --obis 0.0.1.0.0.255 --attribute 2 --format json` against the simulator: the time from process start
    to the first byte of the answer on stdout (connect, associate, GET, release, print), to process exit, and the
    CPU time the process used (user + system: the figure least disturbed by other work on the machine).
Prints a Markdown table of medians and 90th percentiles in milliseconds. The simulator is the first build's
`cosem simulate` on 127.0.0.1, ports 14159 (wrapper) and 14160 (HDLC), and is stopped at the end.
"""
import resource
import socket
import statistics
import subprocess
import sys
import time

WRAPPER_PORT, HDLC_PORT = 14159, 14160


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the simulator did not listen on {port} within {seconds} s")


def run(argv):
    """(ms to the first stdout byte, ms to exit, CPU ms) for one process; fails on a non-zero exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.read(1)
    answered = time.perf_counter()
    rest, error = process.communicate()
    ended = time.perf_counter()
    if process.returncode != 0 or not first:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {error.decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return (answered - started) * 1000, (ended - started) * 1000, cpu


def summary(values):
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return f"{statistics.median(ordered):.0f} ({p90:.0f})"


def main(argv):
    runs = 20
    if argv[:1] == ["--runs"]:
        runs, argv = int(argv[1]), argv[2:]
    builds = [a.split("=", 1) for a in argv]
    if not builds or any(len(b) != 2 for b in builds):
        raise SystemExit(__doc__)
    simulator = subprocess.Popen([builds[0][1], "simulate", "--wrapper-port", str(WRAPPER_PORT), "--hdlc-port", str(HDLC_PORT)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        wait_for_port(WRAPPER_PORT)
        read = ["read", "--host", "127.0.0.1", "--port", str(WRAPPER_PORT), "--obis", "0.0.1.0.0.255", "--attribute", "2", "--format", "json"]
        print(f"{runs} runs each; median (90th percentile), ms")
        print()
        print("| build | `cosem --version` | `cosem read`: start to value printed | `cosem read`: whole process | `cosem read`: CPU time |")
        print("| --- | --- | --- | --- | --- |")
        for name, path in builds:
            for _ in range(3):
                run([path, "--version"])
                run([path, *read])
            version = [run([path, "--version"])[1] for _ in range(runs)]
            reads = [run([path, *read]) for _ in range(runs)]
            print(f"| {name} | {summary(version)} | {summary([r[0] for r in reads])} | {summary([r[1] for r in reads])} | {summary([r[2] for r in reads])} |")
    finally:
        simulator.terminate()
        simulator.wait(10)


if __name__ == "__main__":
    main(sys.argv[1:])
