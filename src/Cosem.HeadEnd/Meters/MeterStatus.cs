using Cosem.HeadEnd.Storage;

namespace Cosem.HeadEnd.Meters;

/// <summary>A snapshot of one meter grain: configuration, last success, failure state and counters.</summary>
[GenerateSerializer, Immutable, Alias("Cosem.HeadEnd.MeterStatus")]
public sealed record MeterStatus
{
    /// <summary>The meter.</summary>
    [Id(0)]
    public required string MeterId { get; init; }

    /// <summary>Whether the grain has settings (configured, or found in the meter catalog).</summary>
    [Id(1)]
    public bool Configured { get; init; }

    /// <summary>When the last read that completed ended; null before the first.</summary>
    [Id(2)]
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>When the last attempt (successful or not) ended.</summary>
    [Id(3)]
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>Failed attempts since the last success; 0 when the last attempt succeeded.</summary>
    [Id(4)]
    public int ConsecutiveFailures { get; init; }

    /// <summary>The last failure's message (never key material); null after a success.</summary>
    [Id(5)]
    public string? LastError { get; init; }

    /// <summary>When the next back-off retry is due; null when none is pending.</summary>
    [Id(6)]
    public DateTimeOffset? NextRetry { get; init; }

    /// <summary>Reads that completed.</summary>
    [Id(7)]
    public long SuccessfulReads { get; init; }

    /// <summary>Attempts that failed.</summary>
    [Id(8)]
    public long FailedAttempts { get; init; }

    /// <summary>Readings this grain wrote that the store did not already hold.</summary>
    [Id(9)]
    public long ReadingsStored { get; init; }

    /// <summary>Push notifications routed to this meter.</summary>
    [Id(10)]
    public long PushesReceived { get; init; }

    /// <summary>The values of the last successful read (clock and registers; profile rows are only in the store).</summary>
    [Id(11)]
    public MeterReading[] LastReadings { get; init; } = [];

    /// <summary>The silo the grain runs on now, for operators watching a silo move.</summary>
    [Id(12)]
    public string? Silo { get; init; }

    /// <summary>Pushed values stored as new readings (part of <see cref="ReadingsStored"/>).</summary>
    [Id(13)]
    public long PushReadingsStored { get; init; }
}
