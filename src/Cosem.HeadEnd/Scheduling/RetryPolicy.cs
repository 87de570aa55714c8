namespace Cosem.HeadEnd.Scheduling;

/// <summary>
/// Exponential back-off with jitter: the delay after the n-th consecutive failure is base · 2^(n−1), capped, of
/// which a random share (<c>jitter</c>) is drawn uniformly, so a fleet that failed together does not retry together.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>A policy; see <see cref="Hosting.HeadEndOptions"/> for the meaning of each value.</summary>
    public RetryPolicy(TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        if (jitter is < 0 or > 1 || double.IsNaN(jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "The jitter is a share from 0 to 1.");
        }
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
        Jitter = jitter;
    }

    /// <summary>The delay after the first failure (before jitter).</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The cap.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The random share of each delay, 0 to 1.</summary>
    public double Jitter { get; }

    /// <summary>The delay before retrying after <paramref name="failures"/> consecutive failures (1 or more), with
    /// <paramref name="random"/> drawing the jitter (0 ≤ value &lt; 1).</summary>
    public TimeSpan DelayAfter(int failures, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var ceiling = Math.Min(BaseDelay.Ticks * Math.Pow(2, exponent), MaxDelay.Ticks);
        var fixedPart = ceiling * (1 - Jitter);
        return TimeSpan.FromTicks((long)(fixedPart + ceiling * Jitter * Math.Clamp(random, 0, 1)));
    }
}
