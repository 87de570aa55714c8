using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Studio.Schema;
using Cosem.Studio.Values;

namespace Cosem.Studio.Meters;

/// <summary>One object of the object list as the tree and the grid show it: class name and version, attributes, methods.</summary>
public sealed class ObjectView(ObjectListElement entry, ClassSchema? schema, CosemClassInfo? classInfo)
{
    /// <summary>The object list entry (class id, version, logical name, access rights).</summary>
    public ObjectListElement Entry { get; } = entry;

    /// <summary>The schema's names for the class, when known.</summary>
    public ClassSchema? Schema { get; } = schema;

    /// <summary>The SDK's generated class (nearest version), when known.</summary>
    public CosemClassInfo? ClassInfo { get; } = classInfo;

    /// <summary>The class name, e.g. "Register", or "class 9999" when unknown.</summary>
    public string ClassName => Schema?.Name ?? ClassInfo?.Name ?? $"class {Entry.ClassId}";

    /// <summary>The attribute rows, in index order.</summary>
    public List<AttributeRow> Attributes { get; } = [];

    /// <summary>The method rows, in index order.</summary>
    public List<MethodRow> Methods { get; } = [];

    /// <summary>Scaler and unit of a register-like object (attribute 3 of classes 3, 4 and 5), once read.</summary>
    public ScalerUnit? ScalerUnit { get; set; }
}

/// <summary>One attribute in the grid: its access right, last value or error, and its editor when being edited.</summary>
public sealed class AttributeRow(sbyte index, string name, AttributeAccess access, MemberSchema? member)
{
    /// <summary>The attribute index.</summary>
    public sbyte Index { get; } = index;

    /// <summary>The schema name, e.g. "scaler_unit".</summary>
    public string Name { get; } = name;

    /// <summary>What the association may do with it.</summary>
    public AttributeAccess Access { get; } = access;

    /// <summary>The schema entry (type, enum, flags names), when known.</summary>
    public MemberSchema? Member { get; } = member;

    /// <summary>The declared type, resolved through the schema's named types, when the schema gives one.</summary>
    public SchemaType? Type { get; init; }

    /// <summary>The last value read, when the last read succeeded.</summary>
    public CosemData? Value { get; set; }

    /// <summary>The value as text, with scaling and unit applied for a register's value.</summary>
    public string? Text { get; set; }

    /// <summary>Why the last read or write failed, in words (e.g. "refused: read-write denied (3)").</summary>
    public string? Error { get; set; }

    /// <summary>The open editor, or null when not editing.</summary>
    public ValueNode? Editor { get; set; }

    /// <summary>A confirmation after a write.</summary>
    public string? Notice { get; set; }

    /// <summary>Whether the association may read it.</summary>
    public bool CanRead => Access is AttributeAccess.Read or AttributeAccess.ReadWrite or AttributeAccess.AuthenticatedRead or AttributeAccess.AuthenticatedReadWrite;

    /// <summary>Whether the association may write it.</summary>
    public bool CanWrite => Access is AttributeAccess.Write or AttributeAccess.ReadWrite or AttributeAccess.AuthenticatedWrite or AttributeAccess.AuthenticatedReadWrite;

    /// <summary>The access right in words: "read-only", "read-write", "no access", …</summary>
    public string AccessText => Access switch
    {
        AttributeAccess.NoAccess => "no access",
        AttributeAccess.Read => "read",
        AttributeAccess.Write => "write",
        AttributeAccess.ReadWrite => "read-write",
        AttributeAccess.AuthenticatedRead => "authenticated read",
        AttributeAccess.AuthenticatedWrite => "authenticated write",
        _ => "authenticated read-write",
    };
}

/// <summary>One method: its access right, parameter editor and last result.</summary>
public sealed class MethodRow(sbyte index, string name, MethodAccess access, MemberSchema? member)
{
    /// <summary>The method index.</summary>
    public sbyte Index { get; } = index;

    /// <summary>The schema name, e.g. "remote_disconnect".</summary>
    public string Name { get; } = name;

    /// <summary>What the association may do.</summary>
    public MethodAccess Access { get; } = access;

    /// <summary>The schema entry (parameter type and default).</summary>
    public MemberSchema? Member { get; } = member;

    /// <summary>The parameter editor.</summary>
    public ValueNode? Parameter { get; set; }

    /// <summary>The last result in words.</summary>
    public string? Result { get; set; }

    /// <summary>Whether the last invocation failed.</summary>
    public bool Failed { get; set; }

    /// <summary>Whether the association may invoke it.</summary>
    public bool CanInvoke => Access != MethodAccess.NoAccess;
}
