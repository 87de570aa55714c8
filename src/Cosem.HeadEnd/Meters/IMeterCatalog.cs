namespace Cosem.HeadEnd.Meters;

/// <summary>
/// The operator's meter master data, outside Orleans: a grain that lost its state (a silo stopped before it was
/// written to durable storage) takes its settings from here when it is activated again.
/// </summary>
public interface IMeterCatalog
{
    /// <summary>The settings of <paramref name="meterId"/>, or null when the catalog does not know it.</summary>
    ValueTask<MeterSettings?> FindAsync(string meterId, CancellationToken cancellationToken = default);
}
