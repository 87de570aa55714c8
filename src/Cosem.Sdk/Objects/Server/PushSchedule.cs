using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>The timing rules of Push setup (Blue Book §4.4.8): communication windows and repetition delays.</summary>
internal static class PushSchedule
{
    /// <summary>
    /// Whether <paramref name="now"/> falls in a window. An empty list never restricts pushing. A window whose start
    /// and end are complete date-times is that interval; one with wildcards in its dates repeats daily between its
    /// times of day (unspecified hour/minute/second fields take the widest value), and may span midnight.
    /// </summary>
    public static bool IsOpen(IReadOnlyList<CommunicationWindow> windows, DateTimeOffset now)
    {
        if (windows.Count == 0)
        {
            return true;
        }
        foreach (var window in windows)
        {
            if (window.StartTime.TryToDateTimeOffset(out var start) && window.EndTime.TryToDateTimeOffset(out var end))
            {
                if (now >= start && now <= end)
                {
                    return true;
                }
                continue;
            }
            var from = TimeOfDay(window.StartTime, earliest: true);
            var to = TimeOfDay(window.EndTime, earliest: false);
            var at = now.TimeOfDay;
            if (from <= to ? at >= from && at <= to : at >= from || at <= to)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// When the first window after <paramref name="now"/> opens: the earliest start of a complete window still ahead,
    /// or the next time of day a daily window starts; null when every window lies in the past (or there is none).
    /// </summary>
    public static DateTimeOffset? NextOpening(IReadOnlyList<CommunicationWindow> windows, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var window in windows)
        {
            DateTimeOffset opening;
            if (window.StartTime.TryToDateTimeOffset(out var start) && window.EndTime.TryToDateTimeOffset(out _))
            {
                if (start <= now)
                {
                    continue;
                }
                opening = start;
            }
            else
            {
                var today = new DateTimeOffset(now.Date, now.Offset) + TimeOfDay(window.StartTime, earliest: true);
                opening = today > now ? today : today.AddDays(1);
            }
            if (next is null || opening < next)
            {
                next = opening;
            }
        }
        return next;
    }

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (1 for the first retry): repetition_delay_min ×
    /// (repetition_delay_exponent / 100)^(retry − 1) seconds, at most repetition_delay_max (0: no limit).
    /// </summary>
    public static TimeSpan RetryDelay(RepetitionDelay delay, int retry)
    {
        var seconds = delay.RepetitionDelayMin * Math.Pow(delay.RepetitionDelayExponent / 100.0, retry - 1);
        if (delay.RepetitionDelayMax != 0)
        {
            seconds = Math.Min(seconds, delay.RepetitionDelayMax);
        }
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, TimeSpan.FromDays(1).TotalSeconds));
    }

    private static TimeSpan TimeOfDay(CosemDateTime value, bool earliest) => new(
        value.Hour ?? (earliest ? 0 : 23),
        value.Minute ?? (earliest ? 0 : 59),
        value.Second ?? (earliest ? 0 : 59));
}
