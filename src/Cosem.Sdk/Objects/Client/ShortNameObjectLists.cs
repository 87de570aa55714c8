using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The object list of an SN association in the LN form discovery uses: the objects and base names the client read
/// when associating (Association SN attribute 2) joined with their access rights (attribute 3, access_rights_list,
/// Blue Book §4.4.3), so <c>ReadObjectListAsync</c> and the proxies built from it work the same under SN.
/// </summary>
internal static class ShortNameObjectLists
{
    private static readonly CosemAttributeDescriptor s_accessRightsList = new(12, new ObisCode(0, 0, 40, 0, 0, 255), 3);

    public static async ValueTask<AssociationObjectList> ReadAsync(CosemClient client, CancellationToken cancellationToken)
    {
        var rights = await client.GetAsync(s_accessRightsList,
            static (ref AxdrReader reader) => CosemCodecs.DecodeArray(ref reader, SnAccessRightsElement.Decode), cancellationToken).ConfigureAwait(false);
        var byBaseName = new Dictionary<short, SnAccessRightsElement>(rights.Length);
        foreach (var item in rights)
        {
            byBaseName.TryAdd(item.BaseName, item);
        }
        var elements = new List<ObjectListElement>(client.ShortNames.Count);
        foreach (var entry in client.ShortNames.Values.OrderBy(e => e.BaseName))
        {
            var access = byBaseName.TryGetValue(unchecked((short)entry.BaseName), out var granted)
                ? new AccessRights(granted.AttributeAccess, granted.MethodAccess)
                : new AccessRights([], []); // not in access_rights_list: nothing granted
            elements.Add(new ObjectListElement(entry.ClassId, entry.Version, entry.LogicalName, access));
        }
        return AssociationObjectList.From(elements);
    }
}
