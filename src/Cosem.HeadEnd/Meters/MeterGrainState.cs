using Cosem.HeadEnd.Storage;

namespace Cosem.HeadEnd.Meters;

/// <summary>
/// What a meter grain persists: settings (with a key reference only), where each profile read resumes, the last
/// values and the failure state. Lost state is rebuilt from the meter catalog and the reading store.
/// </summary>
[GenerateSerializer, Alias("Cosem.HeadEnd.MeterGrainState")]
public sealed class MeterGrainState
{
    /// <summary>The settings given to <see cref="IMeterGrain.ConfigureAsync"/>; null until configured.</summary>
    [Id(0)]
    public MeterSettings? Settings { get; set; }

    /// <summary>The last capture time stored per profile logical name.</summary>
    [Id(1)]
    public Dictionary<string, DateTimeOffset> ProfileResume { get; set; } = [];

    /// <summary>When the last read completed.</summary>
    [Id(2)]
    public DateTimeOffset? LastSuccess { get; set; }

    /// <summary>When the last attempt ended.</summary>
    [Id(3)]
    public DateTimeOffset? LastAttempt { get; set; }

    /// <summary>Failed attempts since the last success.</summary>
    [Id(4)]
    public int ConsecutiveFailures { get; set; }

    /// <summary>The last failure's message.</summary>
    [Id(5)]
    public string? LastError { get; set; }

    /// <summary>Reads that completed.</summary>
    [Id(6)]
    public long SuccessfulReads { get; set; }

    /// <summary>Attempts that failed.</summary>
    [Id(7)]
    public long FailedAttempts { get; set; }

    /// <summary>New readings written.</summary>
    [Id(8)]
    public long ReadingsStored { get; set; }

    /// <summary>Pushes received.</summary>
    [Id(9)]
    public long PushesReceived { get; set; }

    /// <summary>Pushed values written as new readings (a repeated push adds none).</summary>
    [Id(11)]
    public long PushReadingsStored { get; set; }

    /// <summary>The clock and register values of the last successful read.</summary>
    [Id(10)]
    public MeterReading[] LastReadings { get; set; } = [];

    /// <summary>The last invocation counter the head-end sent, per counter id (meter and client system title): not
    /// a secret, kept so a reactivated grain goes on counting upwards (it continues a gap past these).</summary>
    [Id(12)]
    public Dictionary<string, uint> InvocationCounters { get; set; } = [];
}
