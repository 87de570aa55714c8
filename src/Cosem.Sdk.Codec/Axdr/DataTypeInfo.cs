namespace Cosem.Sdk.Axdr;

/// <summary>Facts about <see cref="DataType"/> tags that codecs, the translator and the generator share.</summary>
public static class DataTypeInfo
{
    /// <summary>
    /// Size in bytes of a fixed-size value of <paramref name="type"/> (without its tag), or -1 when the type is
    /// variable length or constructed. date-time, date and time are fixed: 12, 5 and 4 bytes.
    /// </summary>
    public static int FixedSize(DataType type) => type switch
    {
        DataType.NullData or DataType.DontCare => 0,
        DataType.Boolean or DataType.Integer or DataType.Unsigned or DataType.Enum
            or DataType.DeltaInteger or DataType.DeltaUnsigned => 1,
        DataType.Long or DataType.LongUnsigned or DataType.DeltaLong or DataType.DeltaLongUnsigned => 2,
        DataType.DoubleLong or DataType.DoubleLongUnsigned or DataType.Float32
            or DataType.DeltaDoubleLong or DataType.DeltaDoubleLongUnsigned => 4,
        DataType.Long64 or DataType.Long64Unsigned or DataType.Float64 => 8,
        DataType.DateTime => 12,
        DataType.Date => 5,
        DataType.Time => 4,
        _ => -1,
    };

    /// <summary>True for every tag defined by IEC 62056-6-2; false for the reserved values.</summary>
    public static bool IsDefined(DataType type) => type switch
    {
        >= DataType.NullData and <= DataType.DoubleLongUnsigned => true,
        DataType.OctetString or DataType.VisibleString or DataType.Utf8String or DataType.Bcd => true,
        >= DataType.Integer and <= DataType.DeltaDoubleLongUnsigned => true,
        DataType.DontCare => true,
        _ => false,
    };

    /// <summary>The name IEC 62056-6-2 gives the type, e.g. "double-long-unsigned".</summary>
    public static string Name(DataType type) => type switch
    {
        DataType.NullData => "null-data",
        DataType.Array => "array",
        DataType.Structure => "structure",
        DataType.Boolean => "boolean",
        DataType.BitString => "bit-string",
        DataType.DoubleLong => "double-long",
        DataType.DoubleLongUnsigned => "double-long-unsigned",
        DataType.OctetString => "octet-string",
        DataType.VisibleString => "visible-string",
        DataType.Utf8String => "utf8-string",
        DataType.Bcd => "bcd",
        DataType.Integer => "integer",
        DataType.Long => "long",
        DataType.Unsigned => "unsigned",
        DataType.LongUnsigned => "long-unsigned",
        DataType.CompactArray => "compact-array",
        DataType.Long64 => "long64",
        DataType.Long64Unsigned => "long64-unsigned",
        DataType.Enum => "enum",
        DataType.Float32 => "float32",
        DataType.Float64 => "float64",
        DataType.DateTime => "date-time",
        DataType.Date => "date",
        DataType.Time => "time",
        DataType.DeltaInteger => "delta-integer",
        DataType.DeltaLong => "delta-long",
        DataType.DeltaDoubleLong => "delta-double-long",
        DataType.DeltaUnsigned => "delta-unsigned",
        DataType.DeltaLongUnsigned => "delta-long-unsigned",
        DataType.DeltaDoubleLongUnsigned => "delta-double-long-unsigned",
        DataType.DontCare => "dont-care",
        _ => $"reserved-{(byte)type}",
    };

    /// <summary>Inverse of <see cref="Name"/>; false for an unknown name.</summary>
    public static bool TryParseName(ReadOnlySpan<char> name, out DataType type)
    {
        foreach (var candidate in Enum.GetValues<DataType>())
        {
            if (name.Equals(Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
