using Cosem.Sdk.Generators.Model;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>How schema types appear in C#: type names, and default values that are valid to encode.</summary>
internal static class ClrTypes
{
    /// <summary>The C# type of a schema type: integer kinds to their CLR integers, arrays to read-only lists, named types by name.</summary>
    internal static string CsType(TypeModel type)
    {
        if (type.Kind == AxdrKind.Array)
        {
            return KnownTypes.ReadOnlyList + "<" + CsType(type.Element!) + ">";
        }
        if (type.TypeName is not null)
        {
            return type.TypeName;
        }
        return type.Kind switch
        {
            AxdrKind.Boolean => "bool",
            AxdrKind.Integer => "sbyte",
            AxdrKind.Long => "short",
            AxdrKind.DoubleLong => "int",
            AxdrKind.Long64 => "long",
            AxdrKind.Unsigned or AxdrKind.Enum or AxdrKind.Bcd => "byte",
            AxdrKind.LongUnsigned => "ushort",
            AxdrKind.DoubleLongUnsigned => "uint",
            AxdrKind.Long64Unsigned => "ulong",
            AxdrKind.Float32 => "float",
            AxdrKind.Float64 => "double",
            AxdrKind.OctetString => KnownTypes.ReadOnlyBytes,
            AxdrKind.VisibleString or AxdrKind.Utf8String => "string",
            AxdrKind.BitString => KnownTypes.AxdrNamespace + "BitString",
            AxdrKind.DateTime => KnownTypes.AxdrNamespace + "CosemDateTime",
            AxdrKind.Date => KnownTypes.AxdrNamespace + "CosemDate",
            AxdrKind.Time => KnownTypes.AxdrNamespace + "CosemTime",
            AxdrKind.Obis => KnownTypes.ObisCode,
            _ => KnownTypes.AxdrNamespace + "CosemData", // data, null-data
        };
    }

    /// <summary>The primitive C# type an integer kind reads as, before any enum cast.</summary>
    internal static string PrimitiveType(AxdrKind kind) => CsType(new TypeModel(kind, null, null, null, 0, false, 0));

    // Property initializers: values that are valid to encode (no null strings or lists).
    /// <summary>The property initializer of an attribute or field (empty when <c>default</c> is valid to encode).</summary>
    internal static string DefaultValue(TypeModel type) => type.Kind switch
    {
        AxdrKind.Array => "[]",
        AxdrKind.VisibleString or AxdrKind.Utf8String => "\"\"",
        AxdrKind.DateTime => KnownTypes.AxdrNamespace + "CosemDateTime.Unspecified",
        AxdrKind.Date => KnownTypes.AxdrNamespace + "CosemDate.Unspecified",
        AxdrKind.Time => KnownTypes.AxdrNamespace + "CosemTime.Unspecified",
        AxdrKind.Named when type.IsReferenceType => "new " + type.TypeName + "()",
        _ => "",
    };

    /// <summary>Like <see cref="DefaultValue"/>, but <c>default</c> where that is empty: a constructor argument needs a value.</summary>
    internal static string DefaultArgumentValue(TypeModel type)
    {
        string value = DefaultValue(type);
        return value.Length > 0 ? value : "default";
    }
}
