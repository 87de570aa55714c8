using Cosem.Sdk.Generators.Helpers;

namespace Cosem.Sdk.Generators.Model;

// What the emitter needs, with every name resolved and no source locations, so moving text around in a schema
// file (new comments, reformatting) leaves these equal and nothing is re-emitted.

/// <summary>A resolved type.</summary>
/// <param name="Kind">How the value is encoded. Structures are <see cref="AxdrKind.Named"/>; a named enum or flags
/// keeps its encoding kind and carries <paramref name="TypeName"/>.</param>
/// <param name="TypeName">Fully qualified C# name (<c>global::Ns.ScalerUnit</c>) of a named type, else null.</param>
/// <param name="NamedKind">What <paramref name="TypeName"/> is.</param>
/// <param name="Element">Element type of an array.</param>
/// <param name="Size">Fixed size of a string or bit-string, or 0.</param>
/// <param name="IsReferenceType">The C# type is a class (a structure emitted as a sealed record).</param>
/// <param name="FlagsBitCount">For flags encoded as bit-string: the number of bits written.</param>
/// <param name="FirstBitHigh">For flags encoded as bit-string: the first bit is the value's most significant one.</param>
internal sealed record TypeModel(
    AxdrKind Kind,
    string? TypeName,
    NamedTypeKind? NamedKind,
    TypeModel? Element,
    int Size,
    bool IsReferenceType,
    int FlagsBitCount,
    bool FirstBitHigh = false);

internal sealed record EnumMemberModel(long Value, string Name, string Member, string? Summary);

internal sealed record FieldModel(string Name, string Member, TypeModel Type, string? Summary);

/// <summary>A named type of the schema (enum, flags or structure), resolved for emission.</summary>
/// <param name="Namespace">The C# namespace the type is emitted in.</param>
/// <param name="Name">The type's name in the schema and in C#.</param>
/// <param name="Kind">Enum, flags or structure.</param>
/// <param name="ClrType">An existing type the schema type maps to; then nothing is emitted for it.</param>
/// <param name="Encoding">How an enum or flags value is encoded (enum, unsigned, …, bit-string); structure for a structure.</param>
/// <param name="Members">The values of an enum or the bits of a flags type, in schema order.</param>
/// <param name="Fields">The elements of a structure, in encoding order.</param>
/// <param name="IsReferenceType">The structure is emitted as a sealed record class rather than a record struct.</param>
/// <param name="BitCount">For flags encoded as bit-string: the number of bits written.</param>
/// <param name="Summary">The schema's &lt;summary&gt; text, or null.</param>
/// <param name="IsReference">Declared by a referenced assembly's schema: resolves names but is not emitted.</param>
/// <param name="FirstBitHigh">Flags over a bit-string numbered from the most significant bit.</param>
internal sealed record NamedTypeModel(
    string Namespace,
    string Name,
    NamedTypeKind Kind,
    string? ClrType,
    AxdrKind Encoding,
    EquatableArray<EnumMemberModel> Members,
    EquatableArray<FieldModel> Fields,
    bool IsReferenceType,
    int BitCount,
    string? Summary,
    bool IsReference,
    bool FirstBitHigh = false)
{
    public string FullName => "global::" + (ClrType ?? Namespace + "." + Name);
}

internal sealed record AttributeModel(
    int Index,
    string Name,
    string Member,
    TypeModel Type,
    AttributeAccessKind Access,
    bool IsStatic,
    int ShortNameOffset,
    EquatableArray<int> Selectors,
    string? Summary);

internal sealed record MethodModel(
    int Index,
    string Name,
    string Member,
    TypeModel? Parameter,
    string? DefaultLiteral,
    TypeModel? Returns,
    MethodAccessKind Access,
    int ShortNameOffset,
    string? Summary);

internal sealed record ClassModel(
    string Namespace,
    string Name,
    int ClassId,
    int Version,
    string? Summary,
    string? BlueBook,
    EquatableArray<AttributeModel> Attributes,
    EquatableArray<MethodModel> Methods)
{
    public string FullName => "global::" + Namespace + "." + Name;
}

/// <summary>A class any schema file of the compilation declares (emitted here or referenced).</summary>
internal sealed record ClassSummary(string Name, string FullName, int ClassId, int Version, bool IsReference);

/// <summary>The named types and classes of the whole compilation, for resolving names across files.</summary>
internal sealed record SchemaCatalog(string DefaultNamespace, EquatableArray<NamedTypeModel> Types, EquatableArray<ClassSummary> Classes);

internal sealed record DeviceObjectModel(string Member, string ClassName, string ClassFullName, int ClassId, int Version, string LogicalName, string? Summary)
{
    /// <summary>The columns of a profile's rows, when the device file declares its capture objects; else empty.</summary>
    public EquatableArray<DeviceColumnModel> Columns { get; init; } = EquatableArray<DeviceColumnModel>.Empty;
}

/// <summary>A resolved column of a typed profile row.</summary>
/// <param name="Member">The column's C# name.</param>
/// <param name="ClassId">Class id of the captured object.</param>
/// <param name="LogicalName">Logical name of the captured object, dotted.</param>
/// <param name="Attribute">The captured attribute index.</param>
/// <param name="DataIndex">The captured data index (0: the whole attribute).</param>
/// <param name="Type">How the column's value is encoded.</param>
/// <param name="Summary">The schema's summary of the column, or null.</param>
/// <param name="ScalerUnit">A C# expression for the declared scaler and unit, or null when none is declared.</param>
internal sealed record DeviceColumnModel(string Member, int ClassId, string LogicalName, int Attribute, int DataIndex, TypeModel Type,
    string? ScalerUnit, string? Summary);

internal sealed record DeviceModel(string Namespace, string Name, string? Summary, EquatableArray<DeviceObjectModel> Objects);

/// <summary>The classes this compilation emits, for the generated registration.</summary>
internal sealed record RegistryModel(string Namespace, EquatableArray<string> ClassFullNames);

/// <summary>A step result that carries a model (null when errors prevent emission) and diagnostics apart, so
/// they can feed separate outputs.</summary>
internal sealed record ModelResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;

internal sealed record GeneratorOptions(string DefaultNamespace);
