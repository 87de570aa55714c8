using Cosem.HeadEnd.Storage;

namespace Cosem.HeadEnd.Reading;

/// <summary>What one session read: every reading (to store), the clock and register values alone (the grain's last
/// readings), and the newest capture time per profile (where the next read resumes).</summary>
public sealed record MeterReadResult(
    IReadOnlyList<MeterReading> Readings,
    IReadOnlyList<MeterReading> Snapshot,
    IReadOnlyDictionary<string, DateTimeOffset> ProfileResume);
