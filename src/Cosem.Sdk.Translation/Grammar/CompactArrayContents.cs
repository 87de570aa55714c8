using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// The array-contents of a compact-array (IEC 62056-6-2 §4.1.5): element after element, each laid out by the
/// type description without tags (and without counts for arrays and structures). Shown as untagged Data
/// elements; contents that do not follow the description are kept as Value hex instead.
/// </summary>
internal static class CompactArrayContents
{
    /// <summary>A parsed type description: the type, the element count of an array, the element types.</summary>
    private sealed record TypeShape(DataType Type, int Count, TypeShape[] Elements);

    public static void Decode(ReadOnlySpan<byte> contents, int offset, PduElement description, PduElement target, DecodeContext context)
    {
        var shape = Parse(description.Children[0], cursor: null);
        var decoded = new PduElement(target.Name);
        int count = 0;
        // Null members take no bytes, so hostile descriptions could describe billions of elements: cap them.
        int budget = 1024 + contents.Length * 4;
        try
        {
            var reader = new AxdrReader(contents, offset);
            while (!reader.IsAtEnd)
            {
                int before = reader.Position;
                DecodeElement(ref reader, shape, decoded, context, 0, ref budget);
                count++;
                if (reader.Position == before)
                {
                    throw context.Error("Compact-array elements of zero bytes cannot be counted.", reader.AbsolutePosition);
                }
            }
        }
        catch (CosemEncodingException)
        {
            // The description does not fit the bytes: still a valid compact-array on the wire, shown as bytes.
            target.Set("Value", HexText.Format(contents));
            return;
        }
        target.Set("Count", count.ToString(CultureInfo.InvariantCulture));
        foreach (var element in decoded.Children)
        {
            target.Add(element);
        }
    }

    private static void DecodeElement(ref AxdrReader reader, TypeShape shape, PduElement parent, DecodeContext context, int depth, ref int budget)
    {
        if (depth > AxdrReader.MaxNesting || --budget < 0)
        {
            throw context.Error("Compact-array contents too deeply nested or too many elements to show.", reader.AbsolutePosition);
        }
        var element = parent.Add(DataTypeNames.ElementName(shape.Type));
        switch (shape.Type)
        {
            case DataType.Array:
                element.Set("Count", shape.Count.ToString(CultureInfo.InvariantCulture));
                for (int i = 0; i < shape.Count; i++)
                {
                    DecodeElement(ref reader, shape.Elements[0], element, context, depth + 1, ref budget);
                }
                break;
            case DataType.Structure:
                foreach (var member in shape.Elements)
                {
                    DecodeElement(ref reader, member, element, context, depth + 1, ref budget);
                }
                break;
            default:
                DataNode.DecodeBody(ref reader, shape.Type, element, context, logicalNamePosition: false);
                break;
        }
    }

    /// <summary>The contents bytes: Value hex when given, else the elements encoded by the description.</summary>
    public static byte[] Encode(PduElement description, ElementCursor contents)
    {
        if (contents.Attribute("Value") is { } hex)
        {
            return contents.ParseHex("Value", hex);
        }
        var shape = Parse(description.Children[0], new ElementCursor(description, contents.Path));
        var writer = new PduWriter();
        while (contents.HasMore)
        {
            EncodeElement(contents.TakeAny("element"), shape, writer);
        }
        return writer.WrittenSpan.ToArray();
    }

    private static void EncodeElement(ElementCursor element, TypeShape shape, PduWriter writer)
    {
        string expected = DataTypeNames.ElementName(shape.Type);
        if (element.Element.Name != expected)
        {
            throw element.Error($"The type description says <{expected}> here.");
        }
        switch (shape.Type)
        {
            case DataType.Array:
                if (element.RemainingCount != shape.Count)
                {
                    throw element.Error($"The type description says {shape.Count} element(s); found {element.RemainingCount}.");
                }
                while (element.HasMore)
                {
                    EncodeElement(element.TakeAny("element"), shape.Elements[0], writer);
                }
                break;
            case DataType.Structure:
                foreach (var member in shape.Elements)
                {
                    EncodeElement(element.TakeAny("structure member"), member, writer);
                }
                break;
            default:
                DataNode.EncodeBody(element, shape.Type, writer);
                break;
        }
        element.EnsureConsumed();
    }

    /// <summary>Reads the shown type description; <paramref name="cursor"/> is null for trees the decoder built itself.</summary>
    private static TypeShape Parse(PduElement element, ElementCursor? cursor)
    {
        if (!DataTypeNames.TryParseElementName(element.Name, out var type))
        {
            throw (cursor ?? new ElementCursor(element, "")).Error($"<{element.Name}> is not a data type.");
        }
        return type switch
        {
            DataType.Array => new TypeShape(type,
                (int)new ElementCursor(element, cursor?.Path ?? "").RequiredUnsigned("NumberOfElements", ushort.MaxValue),
                [Parse(element.Children.Count == 1 ? element.Children[0] : throw new ElementCursor(element, cursor?.Path ?? "").Error("An array description has one element type."), cursor)]),
            DataType.Structure => new TypeShape(type, element.Children.Count, [.. element.Children.Select(child => Parse(child, cursor))]),
            _ => new TypeShape(type, 0, []),
        };
    }
}
