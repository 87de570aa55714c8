namespace Cosem.HeadEnd.Hosting;

/// <summary>Per-silo limits and the retry policy of the head-end (bound by <see cref="HeadEndSiloBuilderExtensions.AddCosemHeadEnd"/>).</summary>
public sealed class HeadEndOptions
{
    /// <summary>Meter sessions open at once on one silo (sockets, buffers); reads beyond wait for a slot. Default 64.</summary>
    public int MaxConnectionsPerSilo { get; set; } = 64;

    /// <summary>Sessions at once through one HDLC-over-TCP gateway (modems carry one). Default 1.</summary>
    public int MaxSessionsPerGateway { get; set; } = 1;

    /// <summary>Attempts in one scheduled cycle before the meter waits for its next reminder. Default 4.</summary>
    public int MaxAttemptsPerCycle { get; set; } = 4;

    /// <summary>The first retry's delay; each further retry doubles it, up to <see cref="MaxRetryDelay"/>. Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest back-off delay. Default 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The share of each delay drawn at random (0 to 1), so failed meters do not retry in step. Default 0.5.</summary>
    public double RetryJitter { get; set; } = 0.5;

    /// <summary>A configured meter's first read starts at a random moment within this span (spreading a fleet
    /// configured at once). Default 10 s.</summary>
    public TimeSpan FirstReadSpread { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The request time-out of each meter session. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerSilo, 1, nameof(MaxConnectionsPerSilo));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSessionsPerGateway, 1, nameof(MaxSessionsPerGateway));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttemptsPerCycle, 1, nameof(MaxAttemptsPerCycle));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryBaseDelay, nameof(MaxRetryDelay));
        if (RetryJitter is < 0 or > 1 || double.IsNaN(RetryJitter))
        {
            throw new ArgumentOutOfRangeException(nameof(RetryJitter), RetryJitter, "The jitter is a share from 0 to 1.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstReadSpread, TimeSpan.Zero, nameof(FirstReadSpread));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
    }
}
