using Cosem.Sdk.Generators.Helpers;

namespace Cosem.Sdk.Generators.Model;

// What one schema file says, with the places things were declared (for diagnostics in later steps).

internal sealed record AttributeSpec(
    int Index,
    string Name,
    string Member,
    TypeRef Type,
    AttributeAccessKind Access,
    bool IsStatic,
    int ShortNameOffset,
    EquatableArray<int> Selectors,
    string? Summary,
    LocationInfo Location);

internal sealed record MethodSpec(
    int Index,
    string Name,
    string Member,
    TypeRef? Parameter,
    string? DefaultLiteral,
    TypeRef? Returns,
    MethodAccessKind Access,
    int ShortNameOffset,
    string? Summary,
    LocationInfo Location);

internal sealed record InterfaceClassSpec(
    string Name,
    int ClassId,
    int Version,
    string? Namespace,
    string? BlueBook,
    string? Summary,
    EquatableArray<AttributeSpec> Attributes,
    EquatableArray<MethodSpec> Methods,
    LocationInfo Location,
    bool ReplacesBlueBook = false);

internal enum NamedTypeKind
{
    Enum,
    Flags,
    Structure,
}

internal sealed record EnumMemberSpec(long Value, string Name, string Member, string? Summary, LocationInfo Location);

internal sealed record FieldSpec(string Name, string Member, TypeRef Type, string? Summary, LocationInfo Location);

/// <param name="Name">The type's name in the schema, which is also its C# name.</param>
/// <param name="Kind">Enum, flags or structure.</param>
/// <param name="Namespace">The namespace written in the file, or null for the compilation default.</param>
/// <param name="ClrType">An existing enum this schema type stands for (<c>clr-type="..."</c>); nothing is emitted.</param>
/// <param name="Encoding">How an enum or flags value is encoded (enum, unsigned, …, bit-string).</param>
/// <param name="Members">The values of an enum or the bits of a flags type, in schema order.</param>
/// <param name="Fields">The elements of a structure, in encoding order.</param>
/// <param name="Summary">The schema's &lt;summary&gt; text, or null.</param>
/// <param name="Location">Where the declaration is, for diagnostics.</param>
/// <param name="FirstBitHigh">Flags over a bit-string whose first bit is the value's most significant bit
/// (<c>first-bit="high"</c>), as the xDLMS conformance block is read as a 24-bit number.</param>
internal sealed record NamedTypeSpec(
    string Name,
    NamedTypeKind Kind,
    string? Namespace,
    string? ClrType,
    AxdrKind Encoding,
    EquatableArray<EnumMemberSpec> Members,
    EquatableArray<FieldSpec> Fields,
    string? Summary,
    LocationInfo Location,
    bool FirstBitHigh = false);

internal sealed record DeviceObjectSpec(string Member, string Class, int Version, string LogicalName, string? Summary, LocationInfo Location)
{
    /// <summary>The capture objects a profile declares (its row's columns, in capture order); empty for other objects.</summary>
    public EquatableArray<DeviceCaptureSpec> Captures { get; init; } = EquatableArray<DeviceCaptureSpec>.Empty;
}

/// <summary>One &lt;capture&gt; of a profile in a device file: a column of the profile's rows.</summary>
/// <param name="Member">The column's C# name.</param>
/// <param name="Object">The device member the column captures (gives class and logical name), or null.</param>
/// <param name="Class">Class name or id when <paramref name="Object"/> is not given.</param>
/// <param name="LogicalName">Logical name when <paramref name="Object"/> is not given.</param>
/// <param name="Attribute">The captured attribute index.</param>
/// <param name="DataIndex">The captured data index (0: the whole attribute).</param>
/// <param name="Type">How the column's value is encoded.</param>
/// <param name="Scaler">Declared scaler, when the column also reads as a quantity.</param>
/// <param name="Unit">Declared unit (a Unit enum name), with <paramref name="Scaler"/>.</param>
/// <param name="Summary">The schema's summary of the column, or null.</param>
/// <param name="Location">Where the &lt;capture&gt; is, for diagnostics.</param>
internal sealed record DeviceCaptureSpec(string Member, string? Object, string? Class, string? LogicalName, int Attribute, int DataIndex, TypeRef Type,
    int? Scaler, string? Unit, string? Summary, LocationInfo Location);

internal sealed record DeviceSpec(string Name, string? Namespace, string? Summary, EquatableArray<DeviceObjectSpec> Objects, LocationInfo Location);

/// <summary>Everything one schema file declares, and the errors found in it alone.</summary>
/// <param name="Path">The schema file's path, as the additional file gives it.</param>
/// <param name="IsReference">Declarations come from another assembly (the SDK's own schema): they resolve names
/// but emit nothing.</param>
/// <param name="Class">The interface class the file declares, or null.</param>
/// <param name="Types">The named types (enums, flags, structures) the file declares.</param>
/// <param name="Device">The device the file declares, or null.</param>
/// <param name="Diagnostics">Errors found in this file alone.</param>
internal sealed record SchemaFile(
    string Path,
    bool IsReference,
    InterfaceClassSpec? Class,
    EquatableArray<NamedTypeSpec> Types,
    DeviceSpec? Device,
    EquatableArray<DiagnosticInfo> Diagnostics);
