using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// A byte or word whose bits carry several small fields (Invoke-Id-And-Priority, block-control, the security
/// control byte). Value holds the exact hex; the decoded fields are shown beside it for reading and are used
/// to build the value only when Value is absent.
/// </summary>
internal sealed class FlagsNode : GrammarNode
{
    /// <summary>The width in bytes.</summary>
    internal int Size => _size;
    /// <summary>The named bit fields.</summary>
    internal IReadOnlyList<BitField> Fields => _fields;

    private readonly int _size;
    private readonly BitField[] _fields;

    /// <summary>A field of <paramref name="Width"/> bits at bit <paramref name="Shift"/> (0 = least significant).</summary>
    public sealed record BitField(string Name, int Shift, int Width, string? WhenSet = null, string? WhenClear = null);

    public FlagsNode(int size, params BitField[] fields)
    {
        _size = size;
        _fields = fields;
    }

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        uint value = _size switch
        {
            1 => reader.ReadRawByte(context.Path),
            2 => reader.ReadRawUInt16(context.Path),
            _ => reader.ReadRawUInt32(context.Path),
        };
        Describe(value, target);
    }

    public void Describe(uint value, PduElement target)
    {
        target.Set("Value", value.ToString("X" + (_size * 2), CultureInfo.InvariantCulture));
        foreach (var field in _fields)
        {
            uint bits = (value >> field.Shift) & ((1u << field.Width) - 1);
            target.Set(field.Name, field.WhenSet is null
                ? bits.ToString(CultureInfo.InvariantCulture)
                : bits != 0 ? field.WhenSet : field.WhenClear!);
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        uint value = Read(cursor);
        switch (_size)
        {
            case 1: writer.WriteByte((byte)value); break;
            case 2: writer.WriteUInt16((ushort)value); break;
            default: writer.WriteUInt32(value); break;
        }
    }

    public uint Read(ElementCursor cursor)
    {
        ulong max = _size == 4 ? uint.MaxValue : (1UL << (8 * _size)) - 1;
        if (cursor.Attribute("Value") is { } text)
        {
            return (uint)cursor.ParseUnsigned("Value", "0x" + text.Trim().Replace("0x", "", StringComparison.OrdinalIgnoreCase), max);
        }
        uint value = 0;
        foreach (var field in _fields)
        {
            string fieldText = cursor.Required(field.Name);
            uint bits;
            if (field.WhenSet is null)
            {
                bits = (uint)cursor.ParseUnsigned(field.Name, fieldText, (1UL << field.Width) - 1);
            }
            else if (string.Equals(fieldText, field.WhenSet, StringComparison.OrdinalIgnoreCase))
            {
                bits = 1;
            }
            else if (string.Equals(fieldText, field.WhenClear, StringComparison.OrdinalIgnoreCase))
            {
                bits = 0;
            }
            else
            {
                throw cursor.Error($"Attribute {field.Name}=\"{fieldText}\" is neither {field.WhenSet} nor {field.WhenClear}.");
            }
            value |= bits << field.Shift;
        }
        return value;
    }
}
