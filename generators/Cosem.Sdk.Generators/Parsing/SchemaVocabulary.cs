using System.Collections.Generic;
using System;
using Cosem.Sdk.Generators.Model;

namespace Cosem.Sdk.Generators.Parsing;

/// <summary>The fixed words of the schema language: built-in type names, access modes, and names the generated code reserves.</summary>
internal static class SchemaVocabulary
{
    /// <summary>Members of CosemObject and the generated class that an attribute or method must not be named after.</summary>
    internal static readonly string[] ReservedMembers =
    [
        "LogicalName", "ClassId", "Version", "Attributes", "Methods", "ClassInfo", "Proxy",
        "ReadAttributeAsync", "WriteAttributeAsync", "InvokeMethodAsync",
        "ReadAttributeCoreAsync", "WriteAttributeCoreAsync", "InvokeMethodCoreAsync",
        "Equals", "GetHashCode", "ToString", "GetType", "Session",
    ];

    /// <summary>Members of the generated device facade that an object must not be named after.</summary>
    internal static readonly HashSet<string> DeviceMembers = new(StringComparer.Ordinal) { "Session", "Objects", "CreateObjects" };

    /// <summary>access="..." on &lt;attribute&gt;; read when absent.</summary>
    internal static readonly Dictionary<string, AttributeAccessKind> AttributeAccess = new(StringComparer.Ordinal)
    {
        ["none"] = AttributeAccessKind.None,
        ["read"] = AttributeAccessKind.Read,
        ["write"] = AttributeAccessKind.Write,
        ["read-write"] = AttributeAccessKind.ReadWrite,
        ["authenticated-read"] = AttributeAccessKind.AuthenticatedRead,
        ["authenticated-write"] = AttributeAccessKind.AuthenticatedWrite,
        ["authenticated-read-write"] = AttributeAccessKind.AuthenticatedReadWrite,
    };

    /// <summary>access="..." on &lt;method&gt;; execute when absent.</summary>
    internal static readonly Dictionary<string, MethodAccessKind> MethodAccess = new(StringComparer.Ordinal)
    {
        ["none"] = MethodAccessKind.None,
        ["execute"] = MethodAccessKind.Execute,
        ["authenticated-execute"] = MethodAccessKind.AuthenticatedExecute,
    };

    /// <summary>replaces="..." on &lt;interface-class&gt;: true when the class knowingly takes the place of a referenced (Blue Book) class.</summary>
    internal static readonly Dictionary<string, bool> Replaces = new(StringComparer.Ordinal)
    {
        ["blue-book"] = true,
    };

    /// <summary>kind="..." on &lt;attribute&gt;: true for static (configuration), false for dynamic (measured) values.</summary>
    internal static readonly Dictionary<string, bool> AttributeKinds = new(StringComparer.Ordinal)
    {
        ["static"] = true,
        ["dynamic"] = false,
    };

    /// <summary>The built-in type names of type="..." and their A-XDR kinds; the emitter also reads it back for doc text.</summary>
    internal static readonly Dictionary<string, AxdrKind> BuiltIns = new(StringComparer.Ordinal)
    {
        ["null-data"] = AxdrKind.NullData,
        ["boolean"] = AxdrKind.Boolean,
        ["integer"] = AxdrKind.Integer,
        ["long"] = AxdrKind.Long,
        ["double-long"] = AxdrKind.DoubleLong,
        ["long64"] = AxdrKind.Long64,
        ["unsigned"] = AxdrKind.Unsigned,
        ["long-unsigned"] = AxdrKind.LongUnsigned,
        ["double-long-unsigned"] = AxdrKind.DoubleLongUnsigned,
        ["long64-unsigned"] = AxdrKind.Long64Unsigned,
        ["enum"] = AxdrKind.Enum,
        ["float32"] = AxdrKind.Float32,
        ["float64"] = AxdrKind.Float64,
        ["octet-string"] = AxdrKind.OctetString,
        ["visible-string"] = AxdrKind.VisibleString,
        ["utf8-string"] = AxdrKind.Utf8String,
        ["bit-string"] = AxdrKind.BitString,
        ["bcd"] = AxdrKind.Bcd,
        ["date-time"] = AxdrKind.DateTime,
        ["date"] = AxdrKind.Date,
        ["time"] = AxdrKind.Time,
        ["obis"] = AxdrKind.Obis,
        ["data"] = AxdrKind.Data,
    };
}
