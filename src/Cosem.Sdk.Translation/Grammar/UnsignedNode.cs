using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// Fixed-size unsigned integer (Unsigned8/16/32/64, and ENUMERATED, which A-XDR writes as one byte). Shows
/// Value (decimal, or hex for identifiers people write in hex) and, for enumerations, the Name of the value.
/// Encoding takes Value, or the Name when Value is absent.
/// </summary>
internal sealed class UnsignedNode : GrammarNode
{
    /// <summary>The width in bytes.</summary>
    internal int Size => _size;
    /// <summary>Whether the value is shown in hexadecimal.</summary>
    internal bool IsHex => _hex;
    /// <summary>Names of the values, for an enumerated field.</summary>
    internal IReadOnlyDictionary<ulong, string>? Names => _names;

    private readonly int _size;
    private readonly bool _hex;
    private readonly IReadOnlyDictionary<ulong, string>? _names;

    public UnsignedNode(int size, IReadOnlyDictionary<ulong, string>? names = null, bool hex = false)
    {
        _size = size;
        _names = names;
        _hex = hex;
    }

    private ulong Max => _size == 8 ? ulong.MaxValue : (1UL << (8 * _size)) - 1;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        ulong value = _size switch
        {
            1 => reader.ReadRawByte(context.Path),
            2 => reader.ReadRawUInt16(context.Path),
            4 => reader.ReadRawUInt32(context.Path),
            _ => reader.ReadRawUInt64(context.Path),
        };
        target.Set("Value", _hex ? "0x" + value.ToString("X" + (_size * 2), CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture));
        if (_names is not null)
        {
            target.Set("Name", _names.TryGetValue(value, out var name) ? name : "reserved");
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        ulong value = Read(cursor);
        switch (_size)
        {
            case 1: writer.WriteByte((byte)value); break;
            case 2: writer.WriteUInt16((ushort)value); break;
            case 4: writer.WriteUInt32((uint)value); break;
            default: writer.WriteUInt64(value); break;
        }
    }

    private ulong Read(ElementCursor cursor)
    {
        if (cursor.Attribute("Value") is { } text)
        {
            return cursor.ParseUnsigned("Value", text, Max);
        }
        if (_names is not null && cursor.Attribute("Name") is { } name)
        {
            foreach (var pair in _names)
            {
                if (string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Key;
                }
            }
            throw cursor.Error($"Name=\"{name}\" is not one of: {string.Join(", ", _names.Values)}.");
        }
        throw cursor.Error("Missing attribute Value.");
    }
}
