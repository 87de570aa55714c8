using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

/// <summary>
/// One element of an Association LN object_list (Blue Book §4.4.3, attribute 2): which object the association
/// sees and what it may do with each attribute and method.
/// </summary>
public sealed record CosemObjectListEntry(
    ushort ClassId,
    byte Version,
    ObisCode LogicalName,
    IReadOnlyList<(sbyte Index, AttributeAccess Access)> AttributeAccess,
    IReadOnlyList<(sbyte Index, MethodAccess Access)> MethodAccess)
{
    /// <summary>The logical name of the current association (Blue Book §4.4.3: 0.0.40.0.0.255).</summary>
    public static readonly ObisCode CurrentAssociation = new(0, 0, 40, 0, 0, 255);

    /// <summary>Class id of Association LN.</summary>
    public const ushort AssociationLnClassId = 15;

    /// <summary>Whether the association may read attribute <paramref name="index"/>.</summary>
    public bool CanRead(sbyte index)
    {
        foreach (var (i, access) in AttributeAccess)
        {
            if (i == index)
            {
                return access is ObjectModel.AttributeAccess.Read or ObjectModel.AttributeAccess.ReadWrite
                    or ObjectModel.AttributeAccess.AuthenticatedRead or ObjectModel.AttributeAccess.AuthenticatedReadWrite;
            }
        }
        return false;
    }

    /// <summary>Decodes a whole object_list (array of object_list_element).</summary>
    public static IReadOnlyList<CosemObjectListEntry> DecodeList(ref AxdrReader reader)
    {
        var count = reader.ReadArrayHeader();
        var entries = new CosemObjectListEntry[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = Decode(ref reader);
        }
        return entries;
    }

    /// <summary>Decodes one object_list_element: class_id, version, logical_name, access_rights.</summary>
    public static CosemObjectListEntry Decode(ref AxdrReader reader)
    {
        reader.ReadStructureHeader(4, "object_list_element");
        var classId = reader.ReadUInt16();
        var version = reader.ReadUInt8();
        var logicalName = reader.ReadObisCode();
        var at = reader.AbsolutePosition;
        var rights = CosemData.Decode(ref reader);
        if (rights.Type != DataType.Structure || rights.Count < 2)
        {
            throw new CosemEncodingException("access_rights is not a structure of attribute and method access.", at, "access_rights");
        }
        var attributes = new List<(sbyte, AttributeAccess)>(rights[0].Count);
        foreach (var item in rights[0].Items)
        {
            attributes.Add(((sbyte)item[0].AsInt64(), (AttributeAccess)(byte)AccessValue(item[1])));
        }
        var methods = new List<(sbyte, MethodAccess)>(rights[1].Count);
        foreach (var item in rights[1].Items)
        {
            methods.Add(((sbyte)item[0].AsInt64(), (MethodAccess)(byte)AccessValue(item[1])));
        }
        return new CosemObjectListEntry(classId, version, logicalName, attributes, methods);
    }

    // Version 0 of Association LN writes method access as a boolean; later versions as an enum.
    private static long AccessValue(CosemData mode) => mode.Type == DataType.Boolean ? (mode.AsBoolean() ? 1 : 0) : mode.AsInt64();

    public override string ToString() => $"class {ClassId} v{Version} {LogicalName}";
}
