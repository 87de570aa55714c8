using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Builds object_list entries (Association LN version 3, object_list_element) from an object's class metadata and
/// the access an association grants, in the access-mode bit maps of <see cref="AttributeAccessMode"/> and
/// <see cref="MethodAccessMode"/>.
/// </summary>
internal static class ObjectListEntries
{
    public static ObjectListElement Describe(CosemObject item, AssociationAccessRights rights)
    {
        var attributes = new AttributeAccessItem[item.Attributes.Count];
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = item.Attributes[i];
            attributes[i] = new AttributeAccessItem(
                (sbyte)attribute.Index,
                (byte)AccessModes.ToAccessMode(rights.GetAttributeAccess(item, attribute.Index)),
                Selectors(attribute.AccessSelectors));
        }
        var methods = new MethodAccessItem[item.Methods.Count];
        for (var i = 0; i < methods.Length; i++)
        {
            var method = item.Methods[i];
            methods[i] = new MethodAccessItem((sbyte)method.Index, (byte)AccessModes.ToAccessMode(rights.GetMethodAccess(item, method.Index)));
        }
        return new ObjectListElement(item.ClassId, item.Version, item.LogicalName, new AccessRights(attributes, methods));
    }

    // access_selectors: null-data when the attribute supports none, else the array of selectors.
    private static CosemData Selectors(IReadOnlyList<byte> selectors)
    {
        if (selectors.Count == 0)
        {
            return CosemData.Null;
        }
        var items = new CosemData[selectors.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = CosemData.FromInt8((sbyte)selectors[i]);
        }
        return CosemData.Array(items);
    }
}
