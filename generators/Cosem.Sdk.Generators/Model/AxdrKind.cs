namespace Cosem.Sdk.Generators.Model;

/// <summary>The kinds a schema type reference can name (schema/README.md, "Type references").</summary>
internal enum AxdrKind
{
    NullData,
    Boolean,
    Integer,
    Long,
    DoubleLong,
    Long64,
    Unsigned,
    LongUnsigned,
    DoubleLongUnsigned,
    Long64Unsigned,
    Enum,
    Float32,
    Float64,
    OctetString,
    VisibleString,
    Utf8String,
    BitString,
    Bcd,
    DateTime,
    Date,
    Time,
    Obis,
    Data,
    Array,

    /// <summary>A named structure, enum or flags type declared in some schema file.</summary>
    Named,
}
