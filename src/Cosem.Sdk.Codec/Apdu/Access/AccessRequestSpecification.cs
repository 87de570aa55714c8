using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One request inside an ACCESS request (IEC 62056-5-3 §9.5, Access-Request-Specification ::= CHOICE
/// { access-request-get [1], access-request-set [2], access-request-action [3],
/// access-request-get-with-selection [4], access-request-set-with-selection [5] }).
/// </summary>
public readonly record struct AccessRequestSpecification
{
    // A choice byte and a nine-byte descriptor.
    internal const int MinimumEncodedLength = 1 + CosemAttributeDescriptor.EncodedLength;

    private AccessRequestSpecification(
        AccessRequestKind kind,
        CosemAttributeDescriptor attributeDescriptor,
        CosemMethodDescriptor methodDescriptor,
        SelectiveAccessDescriptor? accessSelection)
    {
        Kind = kind;
        AttributeDescriptor = attributeDescriptor;
        MethodDescriptor = methodDescriptor;
        AccessSelection = accessSelection;
    }

    /// <summary>Which CHOICE this is, and so which descriptor is meaningful.</summary>
    public AccessRequestKind Kind { get; }

    /// <summary>The attribute, for every kind but <see cref="AccessRequestKind.Action"/>.</summary>
    public CosemAttributeDescriptor AttributeDescriptor { get; }

    /// <summary>The method, for <see cref="AccessRequestKind.Action"/>.</summary>
    public CosemMethodDescriptor MethodDescriptor { get; }

    /// <summary>The selection, for the -with-selection kinds.</summary>
    public SelectiveAccessDescriptor? AccessSelection { get; }

    /// <summary>access-request-get [1]: reads the attribute.</summary>
    public static AccessRequestSpecification Get(CosemAttributeDescriptor attribute) => new(AccessRequestKind.Get, attribute, default, null);

    /// <summary>access-request-set [2]: writes the attribute with the matching Data of the request.</summary>
    public static AccessRequestSpecification Set(CosemAttributeDescriptor attribute) => new(AccessRequestKind.Set, attribute, default, null);

    /// <summary>access-request-action [3]: invokes the method with the matching Data of the request as parameters.</summary>
    public static AccessRequestSpecification Action(CosemMethodDescriptor method) => new(AccessRequestKind.Action, default, method, null);

    /// <summary>access-request-get-with-selection [4]: reads part of the attribute (selective access).</summary>
    public static AccessRequestSpecification GetWithSelection(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor selection) =>
        new(AccessRequestKind.GetWithSelection, attribute, default, selection);

    /// <summary>access-request-set-with-selection [5]: writes part of the attribute (selective access).</summary>
    public static AccessRequestSpecification SetWithSelection(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor selection) =>
        new(AccessRequestKind.SetWithSelection, attribute, default, selection);

    internal static AccessRequestSpecification Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var kind = (AccessRequestKind)reader.ReadRawByte("access-request-specification");
        return kind switch
        {
            AccessRequestKind.Get => Get(CosemAttributeDescriptor.Decode(ref reader)),
            AccessRequestKind.Set => Set(CosemAttributeDescriptor.Decode(ref reader)),
            AccessRequestKind.Action => Action(CosemMethodDescriptor.Decode(ref reader)),
            AccessRequestKind.GetWithSelection or AccessRequestKind.SetWithSelection => new(
                kind, CosemAttributeDescriptor.Decode(ref reader), default, SelectiveAccessDescriptor.Decode(source, ref reader)),
            _ => throw ApduFields.UnknownChoice(at, (byte)kind, "access-request-specification"),
        };
    }

    internal void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Kind);
        if (Kind == AccessRequestKind.Action)
        {
            MethodDescriptor.Encode(ref writer);
            return;
        }
        AttributeDescriptor.Encode(ref writer);
        if (Kind is AccessRequestKind.GetWithSelection or AccessRequestKind.SetWithSelection)
        {
            AccessSelection.GetValueOrDefault().Encode(ref writer);
        }
    }

    internal static AccessRequestSpecification[] DecodeList(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int count = ApduFields.ReadCount(ref reader, "access-request-specification", MinimumEncodedLength);
        var list = new AccessRequestSpecification[count];
        for (int i = 0; i < count; i++)
        {
            list[i] = Decode(source, ref reader);
        }
        return list;
    }

    internal static void EncodeList(ref AxdrWriter writer, IReadOnlyList<AccessRequestSpecification> list)
    {
        writer.WriteLength(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            list[i].Encode(ref writer);
        }
    }
}
