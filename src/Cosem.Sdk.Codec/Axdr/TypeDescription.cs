using System.Collections.Immutable;
using System.Text;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// The contents-description of a compact-array (IEC 62056-6-2 §4.1.5): the type of one element, which is a simple
/// type, an array of a fixed number of elements of one type, or a structure of types. Compact-array contents hold
/// the element values back to back, without tags, lengths only where a type has one.
/// </summary>
/// <remarks>
/// TypeDescription ::= CHOICE { array [1] SEQUENCE { number-of-elements Unsigned16, type-description TypeDescription },
/// structure [2] SEQUENCE OF TypeDescription, &lt;simple type&gt; [tag] NULL }. A compact-array cannot describe another.
/// </remarks>
public sealed class TypeDescription : IEquatable<TypeDescription>
{
    // Saturation bound for the size/value-count arithmetic: nested arrays multiply, hostile input must not overflow.
    private const long Saturated = 1L << 40;

    private TypeDescription(DataType type, int elementCount, TypeDescription? elementType, ImmutableArray<TypeDescription> fields)
    {
        Type = type;
        ElementCount = elementCount;
        ElementType = elementType;
        Fields = fields.IsDefault ? [] : fields;
        MinimumSize = ComputeMinimumSize();
        ValueCount = ComputeValueCount();
    }

    /// <summary>The type: a simple type, <see cref="DataType.Array"/> or <see cref="DataType.Structure"/>.</summary>
    public DataType Type { get; }

    /// <summary>For an array: its number-of-elements; otherwise 0.</summary>
    public int ElementCount { get; }

    /// <summary>For an array: the type of its elements; otherwise null.</summary>
    public TypeDescription? ElementType { get; }

    /// <summary>For a structure: the types of its fields; otherwise empty.</summary>
    public ImmutableArray<TypeDescription> Fields { get; }

    /// <summary>Fewest content bytes one value of this type takes (variable-length strings count their length byte only).</summary>
    internal long MinimumSize { get; }

    /// <summary>Number of <see cref="CosemData"/> nodes one value of this type decodes into (saturating).</summary>
    internal long ValueCount { get; }

    /// <summary>A simple (non-constructed) type.</summary>
    public static TypeDescription Simple(DataType type)
    {
        if (type is DataType.Array or DataType.Structure)
        {
            throw new ArgumentException("Use ArrayOf or StructureOf for constructed types.", nameof(type));
        }
        if (type == DataType.CompactArray)
        {
            throw new ArgumentException("A compact-array cannot describe a compact-array.", nameof(type));
        }
        if (!DataTypeInfo.IsDefined(type))
        {
            throw new ArgumentException($"Data type tag {(byte)type} is not defined.", nameof(type));
        }
        return new TypeDescription(type, 0, null, default);
    }

    /// <summary>An array of exactly <paramref name="count"/> elements of <paramref name="elementType"/>.</summary>
    public static TypeDescription ArrayOf(int count, TypeDescription elementType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ushort.MaxValue);
        ArgumentNullException.ThrowIfNull(elementType);
        return new TypeDescription(DataType.Array, count, elementType, default);
    }

    /// <summary>A structure of the given field types.</summary>
    public static TypeDescription StructureOf(params ReadOnlySpan<TypeDescription> fields)
    {
        foreach (var field in fields)
        {
            ArgumentNullException.ThrowIfNull(field);
        }
        return new TypeDescription(DataType.Structure, 0, null, [.. fields]);
    }

    /// <summary>The description that fits <paramref name="value"/> (arrays take the type of their first element).</summary>
    public static TypeDescription Describe(CosemData value) => Describe(value, 0);

    private static TypeDescription Describe(CosemData value, int depth)
    {
        if (depth > AxdrReader.MaxNesting)
        {
            throw new ArgumentException($"Value nested deeper than {AxdrReader.MaxNesting} levels.", nameof(value));
        }
        switch (value.Type)
        {
            case DataType.Array:
                var items = value.Items;
                if (items.IsEmpty)
                {
                    throw new ArgumentException("An empty array gives no element type to describe.", nameof(value));
                }
                return ArrayOf(items.Length, Describe(items[0], depth + 1));
            case DataType.Structure:
                var fields = new TypeDescription[value.Items.Length];
                for (int i = 0; i < fields.Length; i++)
                {
                    fields[i] = Describe(value.Items[i], depth + 1);
                }
                return new TypeDescription(DataType.Structure, 0, null, [.. fields]);
            default:
                return Simple(value.Type);
        }
    }

    /// <summary>Reads an encoded description.</summary>
    public static TypeDescription Decode(ref AxdrReader reader) => Decode(ref reader, 0);

    private static TypeDescription Decode(ref AxdrReader reader, int depth)
    {
        int at = reader.AbsolutePosition;
        if (depth > AxdrReader.MaxNesting)
        {
            throw new CosemEncodingException($"Type description nested deeper than {AxdrReader.MaxNesting} levels.", at, "type-description");
        }
        var type = (DataType)reader.ReadRawByte("type-description");
        switch (type)
        {
            case DataType.Array:
                int count = reader.ReadRawUInt16("number-of-elements");
                return new TypeDescription(DataType.Array, count, Decode(ref reader, depth + 1), default);
            case DataType.Structure:
                int fieldCount = reader.ReadBoundedLength("structure description length");
                var fields = new TypeDescription[fieldCount];
                for (int i = 0; i < fieldCount; i++)
                {
                    fields[i] = Decode(ref reader, depth + 1);
                }
                return new TypeDescription(DataType.Structure, 0, null, [.. fields]);
            case DataType.CompactArray:
                throw new CosemEncodingException("A compact-array cannot describe a compact-array.", at, "type-description");
            default:
                if (!DataTypeInfo.IsDefined(type))
                {
                    throw new CosemEncodingException($"Unknown data type tag {(byte)type} in type description.", at, "type-description");
                }
                return new TypeDescription(type, 0, null, default);
        }
    }

    /// <summary>Writes the description (structure counts in the shortest length form).</summary>
    public void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Type);
        switch (Type)
        {
            case DataType.Array:
                writer.WriteRawUInt16((ushort)ElementCount);
                ElementType!.Encode(ref writer);
                break;
            case DataType.Structure:
                writer.WriteLength(Fields.Length);
                foreach (var field in Fields)
                {
                    field.Encode(ref writer);
                }
                break;
        }
    }

    /// <summary>True when <paramref name="value"/> has exactly this shape.</summary>
    public bool Matches(CosemData value)
    {
        if (value.Type != Type)
        {
            return false;
        }
        switch (Type)
        {
            case DataType.Array:
                var items = value.Items;
                if (items.Length != ElementCount)
                {
                    return false;
                }
                foreach (var item in items)
                {
                    if (!ElementType!.Matches(item))
                    {
                        return false;
                    }
                }
                return true;
            case DataType.Structure:
                var fields = value.Items;
                if (fields.Length != Fields.Length)
                {
                    return false;
                }
                for (int i = 0; i < fields.Length; i++)
                {
                    if (!Fields[i].Matches(fields[i]))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    private long ComputeMinimumSize()
    {
        switch (Type)
        {
            case DataType.Array:
                return Math.Min(Saturated, ElementCount * ElementType!.MinimumSize);
            case DataType.Structure:
                long sum = 0;
                foreach (var field in Fields)
                {
                    sum = Math.Min(Saturated, sum + field.MinimumSize);
                }
                return sum;
            case DataType.Bcd:
                return 1;
            default:
                int fixedSize = DataTypeInfo.FixedSize(Type);
                return fixedSize >= 0 ? fixedSize : 1; // strings and bit-strings: at least their length byte
        }
    }

    private long ComputeValueCount()
    {
        switch (Type)
        {
            case DataType.Array:
                return Math.Min(Saturated, 1 + ElementCount * ElementType!.ValueCount);
            case DataType.Structure:
                long sum = 1;
                foreach (var field in Fields)
                {
                    sum = Math.Min(Saturated, sum + field.ValueCount);
                }
                return sum;
            default:
                return 1;
        }
    }

    /// <summary>E.g. "structure { date-time, array[4] of double-long-unsigned }".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    private void AppendTo(StringBuilder text)
    {
        switch (Type)
        {
            case DataType.Array:
                text.Append("array[").Append(ElementCount).Append("] of ");
                ElementType!.AppendTo(text);
                break;
            case DataType.Structure:
                text.Append("structure {");
                for (int i = 0; i < Fields.Length; i++)
                {
                    text.Append(i == 0 ? " " : ", ");
                    Fields[i].AppendTo(text);
                }
                text.Append(" }");
                break;
            default:
                text.Append(DataTypeInfo.Name(Type));
                break;
        }
    }

    /// <summary>Equal when type, element count, fields and element type are equal, recursively.</summary>
    public bool Equals(TypeDescription? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || Type != other.Type || ElementCount != other.ElementCount || Fields.Length != other.Fields.Length)
        {
            return false;
        }
        if (ElementType is not null && !ElementType.Equals(other.ElementType))
        {
            return false;
        }
        for (int i = 0; i < Fields.Length; i++)
        {
            if (!Fields[i].Equals(other.Fields[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TypeDescription other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, ElementCount, Fields.Length, ElementType?.GetHashCode() ?? 0);
}
