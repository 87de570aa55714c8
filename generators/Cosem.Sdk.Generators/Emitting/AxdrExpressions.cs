using System;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>The A-XDR read and write calls for a schema type, as C# text; simple kinds map to AxdrReader/AxdrWriter methods, the rest to CosemCodecs.</summary>
internal static class AxdrExpressions
{
    /// <summary>An expression that reads a value of <paramref name="type"/> from the AxdrReader variable <paramref name="reader"/>.</summary>
    internal static string Decode(TypeModel type, string reader)
    {
        string size = type.Size > 0 ? ", " + Int(type.Size) : "";
        switch (type.Kind)
        {
            case AxdrKind.Array:
                return KnownTypes.CosemCodecs + ".DecodeArray(ref " + reader + ", " + ItemDecoder(type.Element!) + ")";
            case AxdrKind.Named:
                return type.TypeName + ".Decode(ref " + reader + ")";
            case AxdrKind.BitString when type.NamedKind == NamedTypeKind.Flags:
                return type.FirstBitHigh
                    ? "(" + type.TypeName + ")" + KnownTypes.CosemCodecs + ".DecodeFlagBitsFirstHigh(ref " + reader + ", " + Int(type.FlagsBitCount) + ")"
                    : "(" + type.TypeName + ")" + KnownTypes.CosemCodecs + ".DecodeFlagBits(ref " + reader + ")";
            case AxdrKind.BitString:
                return KnownTypes.CosemCodecs + ".DecodeBitString(ref " + reader + size + ")";
            case AxdrKind.OctetString:
                return KnownTypes.CosemCodecs + ".DecodeOctetString(ref " + reader + size + ")";
            case AxdrKind.VisibleString:
                return KnownTypes.CosemCodecs + ".DecodeVisibleString(ref " + reader + size + ")";
            case AxdrKind.Utf8String:
                return KnownTypes.CosemCodecs + ".DecodeUtf8String(ref " + reader + size + ")";
            case AxdrKind.Data:
            case AxdrKind.NullData:
                return KnownTypes.AxdrNamespace + "CosemData.Decode(ref " + reader + ")";
            case AxdrKind.DateTime:
                return reader + ".ReadDateTime()";
            case AxdrKind.Date:
                return reader + ".ReadDate()";
            case AxdrKind.Time:
                return reader + ".ReadTime()";
            case AxdrKind.Obis:
                return reader + ".ReadObisCode()";
            default:
                string read = reader + "." + ReadMethod(type.Kind) + "()";
                return type.TypeName is null ? read : "(" + type.TypeName + ")" + read;
        }
    }

    /// <summary>A statement (without the semicolon) that writes <paramref name="value"/> to the AxdrWriter variable <paramref name="writer"/>.</summary>
    internal static string Encode(TypeModel type, string writer, string value)
    {
        string size = type.Size > 0 ? ", " + Int(type.Size) : "";
        switch (type.Kind)
        {
            case AxdrKind.Array:
                return KnownTypes.CosemCodecs + ".EncodeArray(ref " + writer + ", " + value + ", " + ItemEncoder(type.Element!) + ")";
            case AxdrKind.Named:
                return value + ".Encode(ref " + writer + ")";
            case AxdrKind.BitString when type.NamedKind == NamedTypeKind.Flags:
                return KnownTypes.CosemCodecs + (type.FirstBitHigh ? ".EncodeFlagBitsFirstHigh(ref " : ".EncodeFlagBits(ref ")
                    + writer + ", (ulong)" + value + ", " + Int(type.FlagsBitCount) + ")";
            case AxdrKind.BitString:
                return KnownTypes.CosemCodecs + ".EncodeBitString(ref " + writer + ", " + value + size + ")";
            case AxdrKind.OctetString:
                return KnownTypes.CosemCodecs + ".EncodeOctetString(ref " + writer + ", " + value + size + ")";
            case AxdrKind.VisibleString:
                return KnownTypes.CosemCodecs + ".EncodeVisibleString(ref " + writer + ", " + value + size + ")";
            case AxdrKind.Utf8String:
                return KnownTypes.CosemCodecs + ".EncodeUtf8String(ref " + writer + ", " + value + size + ")";
            case AxdrKind.Data:
            case AxdrKind.NullData:
                return value + ".Encode(ref " + writer + ")";
            case AxdrKind.DateTime:
                return writer + ".WriteDateTime(" + value + ")";
            case AxdrKind.Date:
                return writer + ".WriteDate(" + value + ")";
            case AxdrKind.Time:
                return writer + ".WriteTime(" + value + ")";
            case AxdrKind.Obis:
                return writer + ".WriteObisCode(" + value + ")";
            default:
                string argument = type.TypeName is null ? value : "(" + ClrTypes.PrimitiveType(type.Kind) + ")" + value;
                return writer + "." + WriteMethod(type.Kind) + "(" + argument + ")";
        }
    }

    private static string ItemDecoder(TypeModel element) => element.Kind == AxdrKind.Named
        ? element.TypeName + ".Decode"
        : "static (ref " + KnownTypes.AxdrReader + " itemReader) => " + Decode(element, "itemReader");

    private static string ItemEncoder(TypeModel element) => element.Kind == AxdrKind.Named
        ? element.TypeName + ".Encode"
        : "static (ref " + KnownTypes.AxdrWriter + " itemWriter, " + ClrTypes.CsType(element) + " item) => " + Encode(element, "itemWriter", "item");

    private static string ReadMethod(AxdrKind kind) => kind switch
    {
        AxdrKind.Boolean => "ReadBoolean",
        AxdrKind.Integer => "ReadInt8",
        AxdrKind.Long => "ReadInt16",
        AxdrKind.DoubleLong => "ReadInt32",
        AxdrKind.Long64 => "ReadInt64",
        AxdrKind.Unsigned => "ReadUInt8",
        AxdrKind.LongUnsigned => "ReadUInt16",
        AxdrKind.DoubleLongUnsigned => "ReadUInt32",
        AxdrKind.Long64Unsigned => "ReadUInt64",
        AxdrKind.Enum => "ReadEnum",
        AxdrKind.Float32 => "ReadFloat32",
        AxdrKind.Float64 => "ReadFloat64",
        AxdrKind.Bcd => "ReadBcd",
        _ => throw new InvalidOperationException("No primitive reader for " + kind),
    };

    private static string WriteMethod(AxdrKind kind) => kind switch
    {
        AxdrKind.Boolean => "WriteBoolean",
        AxdrKind.Integer => "WriteInt8",
        AxdrKind.Long => "WriteInt16",
        AxdrKind.DoubleLong => "WriteInt32",
        AxdrKind.Long64 => "WriteInt64",
        AxdrKind.Unsigned => "WriteUInt8",
        AxdrKind.LongUnsigned => "WriteUInt16",
        AxdrKind.DoubleLongUnsigned => "WriteUInt32",
        AxdrKind.Long64Unsigned => "WriteUInt64",
        AxdrKind.Enum => "WriteEnum",
        AxdrKind.Float32 => "WriteFloat32",
        AxdrKind.Float64 => "WriteFloat64",
        AxdrKind.Bcd => "WriteBcd",
        _ => throw new InvalidOperationException("No primitive writer for " + kind),
    };
}
