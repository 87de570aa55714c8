using System.Globalization;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Studio.Values;

namespace Cosem.Studio.Schema;

/// <summary>
/// The shape of an attribute, method parameter or structure field as the schema declares it, resolved through the
/// named types (structures, enumerations, flags) of the class and of the shared type files: what a typed editor is
/// built from when no value has been read (method parameters, empty arrays).
/// </summary>
/// <param name="Name">The schema's type name ("long-unsigned", "SpecialDayEntry", "array of CaptureObjectDefinition").</param>
/// <param name="Encoding">The A-XDR type; <see cref="DataType.DontCare"/> for "data" and types the schemas do not
/// define, which are edited as hex A-XDR.</param>
/// <param name="Format">How an octet-string is read: "obis", "date-time", "date" or "time"; null otherwise.</param>
/// <param name="Names">The named values of an enumeration or the named bits of a flags type.</param>
/// <param name="Fields">The fields of a structure, in order.</param>
/// <param name="Item">The item type of an array.</param>
public sealed record SchemaType(string Name, DataType Encoding, string? Format = null, NamedValues? Names = null,
    IReadOnlyList<SchemaField>? Fields = null, SchemaType? Item = null)
{
    /// <summary>Whether the schemas say nothing usable about the shape (type "data" or an undefined name).</summary>
    public bool IsOpaque => Encoding == DataType.DontCare;

    /// <summary>
    /// A value of this type to start editing from: zero, the first named enumeration value, empty strings and arrays,
    /// the all-zero logical name, fully wildcarded dates and times; <paramref name="defaultText"/> (a method's schema
    /// default) replaces the number of a simple integer type.
    /// </summary>
    public CosemData DefaultValue(string? defaultText = null)
    {
        long number = 0;
        var hasDefault = defaultText is not null && long.TryParse(defaultText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
        switch (Encoding)
        {
            case DataType.Boolean:
                return CosemData.Boolean(number != 0);
            case DataType.Enum:
                return CosemData.Enum((byte)(hasDefault ? number : Names?.Values.FirstOrDefault().Key ?? 0));
            case DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64 or DataType.Unsigned
                or DataType.LongUnsigned or DataType.DoubleLongUnsigned or DataType.Long64Unsigned or DataType.Bcd:
                return CosemData.FromInteger(Encoding, number);
            case DataType.Float32:
                return CosemData.FromFloat32(number);
            case DataType.Float64:
                return CosemData.FromFloat64(number);
            case DataType.VisibleString:
                return CosemData.VisibleString(defaultText ?? "");
            case DataType.Utf8String:
                return CosemData.Utf8String(defaultText ?? "");
            case DataType.BitString:
                var bits = Names is { Values.Count: > 0 } named ? (int)named.Values.Max(v => v.Key) + 1 : 0;
                return CosemData.BitString(BitString.FromFlags(0, bits));
            case DataType.OctetString:
                return Format switch
                {
                    "obis" => CosemData.LogicalName(new ObisCode(0, 0, 0, 0, 0, 0)),
                    "date-time" => CosemData.OctetString(new DateTimeFields().ToBytes()),
                    "date" => CosemData.OctetString(new DateTimeFields { Shape = DateTimeShape.Date }.ToBytes()),
                    "time" => CosemData.OctetString(new DateTimeFields { Shape = DateTimeShape.Time }.ToBytes()),
                    _ => CosemData.OctetString([]),
                };
            case DataType.Structure:
                return CosemData.Structure([.. Fields!.Select(f => f.Type.DefaultValue())]);
            case DataType.Array:
                return CosemData.Array();
            default:
                return CosemData.Null; // null-data, and "data" or unknown types (edited as A-XDR from null-data)
        }
    }
}

/// <summary>One field of a structure type: its schema name and type.</summary>
public sealed record SchemaField(string Name, SchemaType Type);
