using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Reads an object_list into <see cref="ObjectListElement"/>s, accepting every Association LN version: version 0
/// writes a method's access_mode as a boolean (read here as 0 or 1), later versions as an enum; access_selectors
/// may be null-data or an array.
/// </summary>
internal static class ObjectListDecoding
{
    public static IReadOnlyList<ObjectListElement> DecodeList(ref AxdrReader reader)
    {
        var count = reader.ReadArrayHeader();
        var elements = new ObjectListElement[count];
        for (var i = 0; i < count; i++)
        {
            elements[i] = Decode(ref reader);
        }
        return elements;
    }

    private static ObjectListElement Decode(ref AxdrReader reader)
    {
        reader.ReadStructureHeader(4, "object_list_element");
        var classId = reader.ReadUInt16();
        var version = reader.ReadUInt8();
        var logicalName = reader.ReadObisCode();
        var at = reader.AbsolutePosition;
        var rights = CosemData.Decode(ref reader);
        if (rights.Type != DataType.Structure || rights.Count < 2 || rights[0].Type != DataType.Array || rights[1].Type != DataType.Array)
        {
            throw new CosemEncodingException("access_rights is not a structure of attribute and method access arrays.", at, "access_rights");
        }
        var attributes = new AttributeAccessItem[rights[0].Count];
        for (var i = 0; i < attributes.Length; i++)
        {
            var item = Item(rights[0][i], 3, at);
            attributes[i] = new AttributeAccessItem((sbyte)item[0].AsInt64(), Mode(item[1]), item[2]);
        }
        var methods = new MethodAccessItem[rights[1].Count];
        for (var i = 0; i < methods.Length; i++)
        {
            var item = Item(rights[1][i], 2, at);
            methods[i] = new MethodAccessItem((sbyte)item[0].AsInt64(), Mode(item[1]));
        }
        return new ObjectListElement(classId, version, logicalName, new AccessRights(attributes, methods));
    }

    private static CosemData Item(CosemData item, int fields, int at) =>
        item.Type == DataType.Structure && item.Count >= fields
            ? item
            : throw new CosemEncodingException($"An access item is not a structure of {fields} elements.", at, "access_rights");

    // Version 0 of Association LN writes method access as a boolean; later versions as an enum.
    private static byte Mode(CosemData mode) => mode.Type == DataType.Boolean ? (byte)(mode.AsBoolean() ? 1 : 0) : (byte)mode.AsInt64();
}
