using System.Collections.Concurrent;
using System.Text;
using Cosem.Sdk.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>
/// Counts everything the server refuses, per reason, and logs it without letting a peer flood the log: per remote
/// address, the first refusal of a quiet period is logged with its detail, the rest of the interval only counted,
/// and the counts summarised in one line when the next interval begins (or the session ends). Costs nothing until
/// something is refused.
/// </summary>
/// <remarks>
/// At most <see cref="MaxTrackedAddresses"/> addresses are tracked; beyond that, stale entries are swept and, if the
/// table is still full (an attacker rotating addresses), the rest share one entry, so memory stays bounded.
/// </remarks>
internal sealed class RefusalLog(ILogger logger, TimeSpan interval, TimeProvider time)
{
    public const int MaxTrackedAddresses = 1024;
    public const string OtherAddresses = "(other addresses)";

    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>Refusals so far, per <see cref="RefusalReasons">reason</see>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_totals, StringComparer.Ordinal);

    /// <summary>Refusals so far with <paramref name="reason"/>.</summary>
    public long Count(string reason) => _totals.GetValueOrDefault(reason);

    /// <summary>Addresses with an entry now; never above <see cref="MaxTrackedAddresses"/> + 1 (the shared entry).</summary>
    public int TrackedAddresses => _windows.Count;

    /// <summary>Counts one refusal without logging it (what the caller logs otherwise, e.g. a time-out's session close).</summary>
    public void Increment(string reason)
    {
        _totals.AddOrUpdate(reason, 1, static (_, n) => n + 1);
        CosemTelemetry.ServerRefusals.Add(1, new KeyValuePair<string, object?>(CosemTelemetry.ReasonTag, reason));
    }

    /// <summary>Counts one refusal and logs it if <paramref name="remote"/> has been quiet for an interval.</summary>
    public void Record(string remote, long session, string reason, string detail)
    {
        Increment(reason);
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }
        var now = time.GetTimestamp();
        var window = GetWindow(remote, now);
        string? summary = null;
        var logDetail = false;
        lock (window)
        {
            if (!window.IsOpen || time.GetElapsedTime(window.Start, now) >= interval)
            {
                if (window.Suppressed.Count > 0)
                {
                    window.Add(reason);
                    summary = window.TakeSummary();
                }
                else
                {
                    logDetail = true;
                }
                window.Start = now;
                window.IsOpen = true;
            }
            else
            {
                window.Add(reason);
            }
        }
        if (logDetail)
        {
            ServerLog.Refused(logger, session, remote, reason, detail);
        }
        else if (summary is not null)
        {
            ServerLog.RefusalsSummarised(logger, remote, summary, interval.TotalSeconds);
        }
    }

    /// <summary>Logs what was counted but not yet logged for <paramref name="remote"/> (a session is ending).</summary>
    public void Flush(string remote)
    {
        if (!_windows.TryGetValue(remote, out var window))
        {
            return;
        }
        string? summary = null;
        lock (window)
        {
            if (window.Suppressed.Count > 0)
            {
                summary = window.TakeSummary();
            }
        }
        if (summary is not null)
        {
            ServerLog.RefusalsSummarised(logger, remote, summary, interval.TotalSeconds);
        }
    }

    private Window GetWindow(string remote, long now)
    {
        if (_windows.TryGetValue(remote, out var window))
        {
            return window;
        }
        if (_windows.Count >= MaxTrackedAddresses)
        {
            Sweep(now);
            if (_windows.Count >= MaxTrackedAddresses)
            {
                return _windows.GetOrAdd(OtherAddresses, static _ => new Window());
            }
        }
        return _windows.GetOrAdd(remote, static _ => new Window());
    }

    // Drops addresses quiet for a whole interval whose counts were logged; at most once per interval.
    private void Sweep(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (last != 0 && time.GetElapsedTime(last, now) < interval || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }
        foreach (var (key, window) in _windows)
        {
            lock (window)
            {
                if (window.Suppressed.Count == 0 && time.GetElapsedTime(window.Start, now) >= interval)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Window
    {
        public long Start;
        public bool IsOpen;
        public readonly Dictionary<string, long> Suppressed = new(StringComparer.Ordinal);

        public void Add(string reason) => Suppressed[reason] = Suppressed.GetValueOrDefault(reason) + 1;

        /// <summary>"1,234 (service-not-supported 1,200, deciphering-error 34)", then forgets the counts.</summary>
        public string TakeSummary()
        {
            var total = Suppressed.Values.Sum();
            var text = new StringBuilder().Append(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Append(" (");
            var first = true;
            foreach (var (reason, count) in Suppressed.OrderByDescending(p => p.Value))
            {
                text.Append(first ? "" : ", ").Append(reason).Append(' ').Append(count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                first = false;
            }
            Suppressed.Clear();
            return text.Append(')').ToString();
        }
    }
}
