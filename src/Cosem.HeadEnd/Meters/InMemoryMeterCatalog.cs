using System.Collections.Concurrent;

namespace Cosem.HeadEnd.Meters;

/// <summary>A meter catalog held in memory (the simulator's meters, tests, or a host that loads it at start).</summary>
public sealed class InMemoryMeterCatalog : IMeterCatalog
{
    private readonly ConcurrentDictionary<string, MeterSettings> _meters = new(StringComparer.Ordinal);

    /// <summary>Every meter, in no particular order.</summary>
    public IReadOnlyCollection<MeterSettings> Meters => [.. _meters.Values];

    /// <summary>Adds or replaces meters by id.</summary>
    public InMemoryMeterCatalog AddRange(IEnumerable<MeterSettings> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        foreach (var meter in meters)
        {
            _meters[meter.MeterId] = meter;
        }
        return this;
    }

    /// <inheritdoc/>
    public ValueTask<MeterSettings?> FindAsync(string meterId, CancellationToken cancellationToken = default) =>
        new(_meters.GetValueOrDefault(meterId));
}
