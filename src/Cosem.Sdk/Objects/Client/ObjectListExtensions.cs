using Cosem.Sdk.Client;

namespace Cosem.Sdk.Objects;

/// <summary>Discovery: the current association's object list as typed proxies.</summary>
public static class ObjectListExtensions
{
    /// <summary>
    /// Reads the object list of the current association and returns one proxy per object: the generated proxy of
    /// its class from <paramref name="registry"/> (default <see cref="CosemClassRegistry.Default"/>), or a
    /// <see cref="CosemGenericProxy"/> for classes without one. <c>(await meter.GetObjectListAsync()).OfType&lt;Clock.Proxy&gt;()</c>
    /// picks out the clocks.
    /// </summary>
    public static async ValueTask<IReadOnlyList<CosemProxy>> GetObjectListAsync(this CosemClient client, CosemClassRegistry? registry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        registry ??= CosemClassRegistry.Default;
        var entries = await client.GetObjectListEntriesAsync(cancellationToken).ConfigureAwait(false);
        var proxies = new CosemProxy[entries.Count];
        for (var i = 0; i < proxies.Length; i++)
        {
            var entry = entries[i];
            proxies[i] = registry.CreateProxy(client, entry.ClassId, entry.Version, entry.LogicalName)
                ?? new CosemGenericProxy(client, entry.ClassId, entry.Version, entry.LogicalName);
        }
        return proxies;
    }

    /// <summary>Reads the object list with the default registry.</summary>
    public static ValueTask<IReadOnlyList<CosemProxy>> GetObjectListAsync(this CosemClient client, CancellationToken cancellationToken) =>
        client.GetObjectListAsync(null, cancellationToken);
}
