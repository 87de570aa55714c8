#!/usr/bin/env python3
"""Replaces the marked regions <!-- bench:NAME --> ... <!-- /bench:NAME --> of a Markdown page with the tables of a
BenchmarkDotNet run (its GitHub exporter's *-report-github.md files), stamped with the date and the machine's load.

usage: bench-tables.py RESULTS_DIR PAGE LOAD_BEFORE LOAD_AFTER [LOG_DIR]

LOG_DIR may hold NAME.load-before / NAME.load-after (uptime around that class's run); they replace the whole set's
LOAD_BEFORE / LOAD_AFTER for that table.

NAME is the benchmark class without its "Benchmarks" suffix (GetRoundTrip for GetRoundTripBenchmarks). Regions with
no fresh result are left as they are. Rows a job could not measure (Mean "NA") are dropped. Where a table has a
baseline row and percentile columns, the P50 ratio to the baseline is added under it (BenchmarkDotNet's own Ratio
column compares means). MeterLoad also gets meters per second (1,000,000 / mean in µs; the mean is per meter)."""
import datetime
import glob
import html
import os
import re
import sys

UNITS = {"ns": 1e-3, "us": 1.0, "μs": 1.0, "µs": 1.0, "ms": 1e3, "s": 1e6}
DROPPED = {"Job", "Toolchain", "InvocationCount", "IterationCount", "RunStrategy", "UnrollFactor", "WarmupCount",
           "LaunchCount", "Error", "StdDev", "RatioSD", "Gen0", "Gen1", "Gen2", "Alloc Ratio"}


def micros(cell):
    match = re.match(r"^\s*([\d,.]+)\s*(ns|us|μs|µs|ms|s)\s*$", cell.replace("**", ""))
    if not match:
        return None
    return float(match.group(1).replace(",", "")) * UNITS[match.group(2)]


def read_table(path):
    rows = [line.rstrip("\n") for line in open(path, encoding="utf-8") if line.startswith("|")]
    cells = [[html.unescape(cell.strip().replace("**", "")) for cell in row.strip("|").split("|")] for row in rows]
    header, body = cells[0], [row for row in cells[2:] if any(row)]
    mean = header.index("Mean") if "Mean" in header else None
    body = [row for row in body if mean is None or row[mean] not in ("NA", "")]
    return header, body


def render(header, body):
    keep = [i for i, name in enumerate(header) if name not in DROPPED]
    lines = ["| " + " | ".join(header[i] for i in keep) + " |", "| " + " | ".join("---" for _ in keep) + " |"]
    lines += ["| " + " | ".join(row[i] for i in keep) + " |" for row in body]
    return lines


def notes(name, header, body, log_dir):
    out = []
    if "P50" in header and "Ratio" in header:
        p50, ratio = header.index("P50"), header.index("Ratio")
        # The Ratio column is a mean of per-iteration ratios, so the baseline's own can read 1.18; its allocation
        # ratio is exactly 1.00, and BenchmarkDotNet lists it first otherwise.
        baseline = next((row for row in body if row[ratio].replace("*", "") in ("1.00", "1.0")), None)
        if baseline is None and "Alloc Ratio" in header:
            alloc = header.index("Alloc Ratio")
            baseline = next((row for row in body if row[alloc] in ("1.00", "1.0")), None)
        baseline = baseline or body[0]
        if baseline and micros(baseline[p50]):
            for row in body:
                if row is not baseline and micros(row[p50]):
                    out.append(f"P50 ratio of `{row[0]}` to `{baseline[0]}` in this run: "
                               f"{micros(row[p50]) / micros(baseline[p50]):.2f} ({row[p50]} / {baseline[p50]}).")
    if name == "MeterLoad" and "Mean" in header:
        mean = header.index("Mean")
        param = header.index("MaxConcurrent") if "MaxConcurrent" in header else None
        for row in body:
            value = micros(row[mean])
            if value:
                label = f"MaxConcurrent = {row[param]}" if param is not None else row[0]
                out.append(f"{label}: {1e6 / value:,.0f} meters/s.")
        log = os.path.join(log_dir or "", "MeterLoad.log")
        if log_dir and os.path.exists(log):
            peaks = [line.strip("/ \n") for line in open(log, encoding="utf-8") if "Peak working set" in line]
            if peaks:
                out.append(peaks[-1] + ".")
    return out


def class_load(log_dir, name):
    """The uptime lines eng/benchmarks.sh wrote around this class's own run, when it did."""
    def read(suffix):
        path = os.path.join(log_dir or "", f"{name}.load-{suffix}")
        return open(path, encoding="utf-8").read() if log_dir and os.path.exists(path) else None
    return read("before"), read("after")


def main():
    results, page, before, after = sys.argv[1:5]
    log_dir = sys.argv[5] if len(sys.argv) > 5 else None
    text = open(page, encoding="utf-8").read()
    replaced = []
    for report in sorted(glob.glob(os.path.join(results, "*-report-github.md"))):
        cls = os.path.basename(report).split("-report-github.md")[0].split(".")[-1]
        name = cls[:-len("Benchmarks")] if cls.endswith("Benchmarks") else cls
        pattern = re.compile(r"(<!-- bench:%s -->\n).*?(<!-- /bench:%s -->)" % (re.escape(name), re.escape(name)), re.S)
        if not pattern.search(text):
            print(f"no region <!-- bench:{name} --> in {page}; skipped", file=sys.stderr)
            continue
        header, body = read_table(report)
        if not body:
            print(f"{name}: no measured rows; region left as it was", file=sys.stderr)
            continue
        stamp = datetime.datetime.fromtimestamp(os.path.getmtime(report), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        own_before, own_after = class_load(log_dir, name)
        block = [f"`{cls}`, run {stamp}; load before: `{(own_before or before).strip()}`; "
                 f"after: `{(own_after or after).strip()}`.", ""]
        block += render(header, body)
        extra = notes(name, header, body, log_dir)
        if extra:
            block += [""] + extra
        text = pattern.sub(lambda m: m.group(1) + "\n".join(block) + "\n" + m.group(2), text)
        replaced.append(name)
    open(page, "w", encoding="utf-8").write(text)
    print("rewrote: " + (", ".join(replaced) if replaced else "nothing"))


if __name__ == "__main__":
    main()
