using System.Collections.Concurrent;

namespace Cosem.HeadEnd.Security;

/// <summary>Keys held in process memory: for tests, simulators and hosts that load keys themselves.</summary>
public sealed class InMemoryMeterKeyStore : IMeterKeyStore
{
    private readonly ConcurrentDictionary<string, MeterKeys> _keys = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces the material named <paramref name="keyName"/>.</summary>
    public InMemoryMeterKeyStore Set(string keyName, MeterKeys keys)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyName);
        ArgumentNullException.ThrowIfNull(keys);
        _keys[keyName] = keys;
        return this;
    }

    /// <inheritdoc/>
    public ValueTask<MeterKeys> GetAsync(string keyName, CancellationToken cancellationToken = default) =>
        _keys.TryGetValue(keyName, out var keys)
            ? new ValueTask<MeterKeys>(keys)
            : ValueTask.FromException<MeterKeys>(new MeterKeyNotFoundException(keyName));
}
