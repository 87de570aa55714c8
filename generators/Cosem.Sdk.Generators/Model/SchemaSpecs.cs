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
    LocationInfo Location);

internal enum NamedTypeKind
{
    Enum,
    Flags,
    Structure,
}

internal sealed record EnumMemberSpec(long Value, string Name, string Member, string? Summary, LocationInfo Location);

internal sealed record FieldSpec(string Name, string Member, TypeRef Type, string? Summary, LocationInfo Location);

/// <param name="Encoding">How an enum or flags value is encoded (enum, unsigned, …, bit-string).</param>
/// <param name="Namespace">The namespace written in the file, or null for the compilation default.</param>
/// <param name="ClrType">An existing enum this schema type stands for (<c>clr-type="..."</c>); nothing is emitted.</param>
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

internal sealed record DeviceObjectSpec(string Member, string Class, int Version, string LogicalName, string? Summary, LocationInfo Location);

internal sealed record DeviceSpec(string Name, string? Namespace, string? Summary, EquatableArray<DeviceObjectSpec> Objects, LocationInfo Location);

/// <summary>Everything one schema file declares, and the errors found in it alone.</summary>
/// <param name="IsReference">Declarations come from another assembly (the SDK's own schema): they resolve names
/// but emit nothing.</param>
internal sealed record SchemaFile(
    string Path,
    bool IsReference,
    InterfaceClassSpec? Class,
    EquatableArray<NamedTypeSpec> Types,
    DeviceSpec? Device,
    EquatableArray<DiagnosticInfo> Diagnostics);
