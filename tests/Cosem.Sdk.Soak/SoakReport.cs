using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Soak;

/// <summary>Formats samples and judges memory growth after warm-up.</summary>
public static class SoakReport
{
    private const double MiB = 1024 * 1024;

    /// <summary>One console line for <paramref name="s"/>.</summary>
    public static string Line(SoakSample s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.At.TotalSeconds,6:0} {s.Associated,6} {s.ReadsPerSecond,9:0} {s.P50Ms,8:0.00} {s.P99Ms,8:0.00} {s.Errors,7} {s.MisbehavingConnections,9} {s.ClosedByServer,7} {s.ResetsMidBlock,7} {s.Server.WorkingSetBytes / MiB,11:0} {s.Server.HeapAfterGcBytes / MiB,13:0.0} {s.PeersWorkingSet / MiB,13:0}");

    /// <summary>
    /// Compares the start of the measured span (the median of the first three samples after warm-up) with its end
    /// (the median of the last three): the managed heap after GC and the working set may not grow beyond the allowed
    /// percentage plus slack. A run with no read answered fails too.
    /// </summary>
    public static (string Verdict, bool Passed) Judge(SoakOptions options, IReadOnlyList<SoakSample> samples)
    {
        var measured = samples.Where(s => s.At >= options.WarmUp).ToList();
        if (measured.Count < 2)
        {
            return ($"FAIL: only {measured.Count} sample(s) after the {options.WarmUp.TotalSeconds:0} s warm-up; run longer", false);
        }
        if (samples[^1].Reads == 0)
        {
            return ("FAIL: no read was answered", false);
        }
        double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
        var head = measured.Take(3).ToList();
        var tail = measured.TakeLast(3).ToList();
        var heapStart = Median(head.Select(s => s.Server.HeapAfterGcBytes / MiB));
        var heapEnd = Median(tail.Select(s => s.Server.HeapAfterGcBytes / MiB));
        var wsStart = Median(head.Select(s => s.Server.WorkingSetBytes / MiB));
        var wsEnd = Median(tail.Select(s => s.Server.WorkingSetBytes / MiB));
        var heapOk = heapEnd <= heapStart * (1 + options.MaxHeapGrowthPercent / 100) + options.GrowthSlackMiB;
        var wsOk = wsEnd <= wsStart * (1 + options.MaxWorkingSetGrowthPercent / 100) + options.GrowthSlackMiB;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"server heap after GC {heapStart:0.0} -> {heapEnd:0.0} MiB ({Percent(heapStart, heapEnd)}, allowed {options.MaxHeapGrowthPercent:0} % + {options.GrowthSlackMiB:0} MiB); " +
            $"working set {wsStart:0} -> {wsEnd:0} MiB ({Percent(wsStart, wsEnd)}, allowed {options.MaxWorkingSetGrowthPercent:0} % + {options.GrowthSlackMiB:0} MiB)");
        var passed = heapOk && wsOk;
        return ((passed ? "PASS: flat memory after warm-up: " : "FAIL: memory grew after warm-up: ") + text, passed);
    }

    private static string Percent(double from, double to) =>
        string.Create(CultureInfo.InvariantCulture, $"{(to - from) / from * 100:+0.0;-0.0;0.0} %");

    /// <summary>The whole run as a Markdown section (for docs/benchmarks.md).</summary>
    public static string Markdown(SoakResult result, string machine)
    {
        var o = result.Options;
        var last = result.Samples[^1];
        var all = new StringBuilder();
        all.AppendLine(CultureInfo.InvariantCulture, $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {o.Associations} associations, {o.Duration.TotalMinutes:0.#} min, a read every {o.ReadInterval.TotalSeconds:0.#} s, {o.MisbehavingFraction:P0} misbehaving peers; {machine}. Ramp-up {result.RampUp.TotalSeconds:0} s.");
        all.AppendLine();
        all.AppendLine("| t (s) | associations | reads/s | p50 (ms) | p99 (ms) | errors | misbehaving conns | closed by server | resets mid-block | server WS (MiB) | server heap after GC (MiB) |");
        all.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in result.Samples)
        {
            all.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.At.TotalSeconds:0} | {s.Associated} | {s.ReadsPerSecond:0} | {s.P50Ms:0.00} | {s.P99Ms:0.00} | {s.Errors} | {s.MisbehavingConnections} | {s.ClosedByServer} | {s.ResetsMidBlock} | {s.Server.WorkingSetBytes / MiB:0} | {s.Server.HeapAfterGcBytes / MiB:0.0} |"));
        }
        all.AppendLine();
        all.AppendLine(CultureInfo.InvariantCulture, $"Totals: {last.Reads} reads, {last.Errors} errors. {result.Verdict}");
        return all.ToString();
    }
}
