using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Axdr;

// Readable text and value equality.
public readonly partial struct CosemData
{
    /// <summary>
    /// E.g. <c>structure { octet-string 07E8060F06142D00FF888000 (2024-06-15T20:23:45.00+02:00 Sat [DaylightSavingActive]), double-long-unsigned 123 }</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    private void AppendTo(StringBuilder text)
    {
        text.Append(DataTypeInfo.Name(_type));
        switch (_reference is EncodedItems ? ItemArray : _reference)
        {
            case CosemData[] items:
                if (_type == DataType.Array)
                {
                    text.Append('[').Append(items.Length).Append(']');
                }
                AppendItems(text, items);
                return;
            case CompactArrayValue compact:
                text.Append(" of ").Append(compact.Description.ToString()).Append(" [").Append(compact.Elements.Length).Append(']');
                AppendItems(text, compact.Elements);
                return;
        }
        switch (_type)
        {
            case DataType.NullData:
            case DataType.DontCare:
                return;
            case DataType.OctetString:
                var octets = (byte[])_reference!;
                text.Append(' ').Append(Convert.ToHexString(octets));
                if (octets.Length == CosemDateTime.Length && new CosemDateTime(octets).TryToLocalDateTime(out _))
                {
                    text.Append(" (").Append(new CosemDateTime(octets).ToString()).Append(')');
                }
                return;
            case DataType.VisibleString:
            case DataType.Utf8String:
                text.Append(" \"");
                foreach (char c in AsString())
                {
                    if (c < 0x20 || c == 0x7F || c == '"' || c == '\\')
                    {
                        text.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                }
                text.Append('"');
                return;
            case DataType.BitString:
                text.Append(' ').Append(AsBitString().ToString());
                return;
            case DataType.DateTime:
                text.Append(' ').Append(AsDateTime().ToString());
                return;
            case DataType.Date:
                text.Append(' ').Append(AsDate().ToString());
                return;
            case DataType.Time:
                text.Append(' ').Append(AsTime().ToString());
                return;
            case DataType.Boolean:
                text.Append(_bits switch { 0 => " false", 1 => " true", _ => " true (0x" + _bits.ToString("X2", CultureInfo.InvariantCulture) + ")" });
                return;
            case DataType.Bcd:
                text.Append(" 0x").Append(_bits.ToString("X2", CultureInfo.InvariantCulture));
                return;
            case DataType.Float32:
                // The float's own shortest form: a float32 5221.4 reads "5221.4", not its double expansion.
                text.Append(' ').Append(((float)AsDouble()).ToString("R", CultureInfo.InvariantCulture));
                return;
            case DataType.Float64:
                text.Append(' ').Append(AsDouble().ToString("R", CultureInfo.InvariantCulture));
                return;
            case DataType.Long64Unsigned:
                text.Append(' ').Append(_bits.ToString(CultureInfo.InvariantCulture));
                return;
            default:
                text.Append(' ').Append(((long)_bits).ToString(CultureInfo.InvariantCulture));
                return;
        }
    }

    private static void AppendItems(StringBuilder text, CosemData[] items)
    {
        text.Append(" {");
        for (int i = 0; i < items.Length; i++)
        {
            text.Append(i == 0 ? " " : ", ");
            items[i].AppendTo(text);
        }
        text.Append(items.Length == 0 ? "}" : " }");
    }

    /// <summary>
    /// Equal when the type and value are the same, items of arrays and structures compared one by one.
    /// </summary>
    public bool Equals(CosemData other)
    {
        if (_type != other._type || _bits != other._bits)
        {
            return false;
        }
        if (_reference is EncodedItems || other._reference is EncodedItems)
        {
            return ItemsEqual(other);
        }
        return (_reference, other._reference) switch
        {
            (null, null) => true,
            (byte[] left, byte[] right) => left.AsSpan().SequenceEqual(right),
            (CosemData[] left, CosemData[] right) => left.AsSpan().SequenceEqual(right),
            (CompactArrayValue left, CompactArrayValue right) => left.ContentEquals(right),
            _ => false,
        };
    }

    // Kept encoded on either side: the same bytes when both were sent with shortest lengths (the encoding is then a
    // one-to-one image of the content), else item by item.
    private bool ItemsEqual(CosemData other)
    {
        if (_reference is EncodedItems { ShortestLengths: true } left && other._reference is EncodedItems { ShortestLengths: true } right
            && left.SegmentedAlike(right))
        {
            return left.SameBytes(right);
        }
        return ItemArray is { } leftItems && other.ItemArray is { } rightItems && leftItems.AsSpan().SequenceEqual(rightItems);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CosemData other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_type);
        hash.Add(_bits);
        switch (_reference is EncodedItems ? ItemArray : _reference)
        {
            case byte[] bytes:
                hash.AddBytes(bytes);
                break;
            case CosemData[] items:
                hash.Add(items.Length);
                foreach (var item in items)
                {
                    hash.Add(item.GetHashCode());
                }
                break;
            case CompactArrayValue compact:
                hash.AddBytes(compact.Contents);
                break;
        }
        return hash.ToHashCode();
    }

    /// <summary>True when both values are equal by <see cref="Equals(CosemData)"/>.</summary>
    public static bool operator ==(CosemData left, CosemData right) => left.Equals(right);

    /// <summary>True when the values differ by <see cref="Equals(CosemData)"/>.</summary>
    public static bool operator !=(CosemData left, CosemData right) => !left.Equals(right);
}
