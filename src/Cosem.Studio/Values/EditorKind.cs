namespace Cosem.Studio.Values;

/// <summary>Which editor the page shows for a value.</summary>
public enum EditorKind
{
    /// <summary>null-data: nothing to edit.</summary>
    Null,

    /// <summary>A true/false choice.</summary>
    Boolean,

    /// <summary>An integer of the template's width and sign, or a float.</summary>
    Number,

    /// <summary>An enumeration: a choice among the schema's named values (any number 0–255 otherwise).</summary>
    Enum,

    /// <summary>A COSEM date-time with wildcards and deviation (<see cref="DateTimeFields"/>).</summary>
    DateTime,

    /// <summary>A logical name (OBIS code) in an octet-string.</summary>
    Obis,

    /// <summary>An octet-string as hex.</summary>
    Hex,

    /// <summary>A visible-string or utf8-string.</summary>
    Text,

    /// <summary>A bit-string: a check box per named flag, or 0/1 text.</summary>
    Bits,

    /// <summary>A structure: one nested editor per field.</summary>
    Structure,

    /// <summary>An array: nested editors, items added like the first (or the class's default) item and removed.</summary>
    Array,
}
