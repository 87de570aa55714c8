namespace Cosem.HeadEnd.Storage;

/// <summary>
/// Where readings land. Writes are idempotent on (meter, logical name, attribute, capture time): a reading already
/// stored is skipped, so a read repeated after a failure or a silo move never duplicates a value. Implementations are
/// shared by every grain of a silo and must be thread-safe.
/// </summary>
public interface IReadingStore
{
    /// <summary>Creates the table and index when missing; called once before the first write.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="readings"/> in one transaction and returns how many were new.</summary>
    Task<int> WriteAsync(IReadOnlyList<MeterReading> readings, CancellationToken cancellationToken = default);

    /// <summary>The latest capture time stored from <paramref name="profile"/> of <paramref name="meterId"/>
    /// (<see cref="MeterReading.Profile"/>), or null: where a profile read resumes when the grain's own state was lost.</summary>
    Task<DateTimeOffset?> GetLatestCaptureTimeAsync(string meterId, string profile, CancellationToken cancellationToken = default);

    /// <summary>How many readings are stored, all meters together.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>How many readings are stored for one meter.</summary>
    Task<long> CountAsync(string meterId, CancellationToken cancellationToken = default);
}
