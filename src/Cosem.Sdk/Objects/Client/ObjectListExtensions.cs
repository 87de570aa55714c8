using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Objects;

/// <summary>Discovery: the current association's object list, as generated elements or as typed proxies.</summary>
public static class ObjectListExtensions
{
    private static readonly CosemAttributeDescriptor s_currentObjectList = new(15, new ObisCode(0, 0, 40, 0, 0, 255), 2);

    /// <summary>
    /// Reads the object list of the current association (0.0.40.0.0.255, attribute 2): every object this client may
    /// see, with its access rights read for the association's version.
    /// </summary>
    public static async ValueTask<AssociationObjectList> ReadObjectListAsync(this CosemClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.IsShortName)
        {
            return await ShortNameObjectLists.ReadAsync(client, cancellationToken).ConfigureAwait(false);
        }
        var elements = await client.GetAsync(s_currentObjectList, static (ref AxdrReader reader) => ObjectListDecoding.DecodeList(ref reader),
            cancellationToken).ConfigureAwait(false);
        return AssociationObjectList.From(elements);
    }

    /// <summary>
    /// Reads the object list of the current association and returns one proxy per object: the generated proxy of
    /// its class from <paramref name="registry"/> (default <see cref="CosemClassRegistry.Default"/>; an unknown class
    /// version gets the nearest known version's proxy and a warning in the client's log), or a
    /// <see cref="CosemGenericProxy"/> for classes of which no version is registered. <c>(await meter.GetObjectListAsync()).OfType&lt;Clock.Proxy&gt;()</c>
    /// picks out the clocks.
    /// </summary>
    public static async ValueTask<IReadOnlyList<CosemProxy>> GetObjectListAsync(this CosemClient client, CosemClassRegistry? registry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        registry ??= CosemClassRegistry.Default;
        var entries = (await client.ReadObjectListAsync(cancellationToken).ConfigureAwait(false)).Objects;
        var proxies = new CosemProxy[entries.Count];
        for (var i = 0; i < proxies.Length; i++)
        {
            var entry = entries[i];
            proxies[i] = registry.CreateProxy(client, entry.ClassId, entry.Version, entry.LogicalName, client.Logger)
                ?? new CosemGenericProxy(client, entry.ClassId, entry.Version, entry.LogicalName);
        }
        return proxies;
    }

    /// <summary>Reads the object list with the default registry.</summary>
    public static ValueTask<IReadOnlyList<CosemProxy>> GetObjectListAsync(this CosemClient client, CancellationToken cancellationToken) =>
        client.GetObjectListAsync(null, cancellationToken);
}
