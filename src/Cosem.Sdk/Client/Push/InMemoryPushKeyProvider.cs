using System.Collections.Concurrent;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>An <see cref="IPushKeyProvider"/> over a thread-safe dictionary, filled by the application (from its key
/// store at start-up, and as meters are installed).</summary>
public sealed class InMemoryPushKeyProvider : IPushKeyProvider
{
    private readonly ConcurrentDictionary<SystemTitle, CipheringKeys> _keys = new();
    private readonly ConcurrentDictionary<SystemTitle, EccPublicKey> _signingKeys = new();

    /// <summary>Sets (or replaces) the keys of the meter with <paramref name="systemTitle"/>; the provider does not
    /// take ownership of <paramref name="keys"/>.</summary>
    public InMemoryPushKeyProvider Add(SystemTitle systemTitle, CipheringKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys[systemTitle] = keys;
        return this;
    }

    /// <summary>Sets (or replaces) the public key general-signing pushes of the meter with
    /// <paramref name="systemTitle"/> are verified with.</summary>
    public InMemoryPushKeyProvider AddSigningKey(SystemTitle systemTitle, EccPublicKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _signingKeys[systemTitle] = signingKey;
        return this;
    }

    /// <summary>Forgets a meter; its later notifications are refused as from an unknown meter.</summary>
    public bool Remove(SystemTitle systemTitle) => _keys.TryRemove(systemTitle, out _) | _signingKeys.TryRemove(systemTitle, out _);

    /// <inheritdoc/>
    public CipheringKeys? GetKeys(SystemTitle systemTitle) => _keys.TryGetValue(systemTitle, out var keys) ? keys : null;

    /// <inheritdoc/>
    public EccPublicKey? GetSigningKey(SystemTitle systemTitle) => _signingKeys.TryGetValue(systemTitle, out var key) ? key : null;
}
