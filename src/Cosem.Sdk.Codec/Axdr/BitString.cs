using System.Text;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// A COSEM bit-string (IEC 62056-6-2 §4.1.5): <see cref="Length"/> bits packed most significant bit first, bit 0
/// being the MSB of the first byte. Padding bits of the last byte are kept as received, so re-encoding is
/// byte-identical; equality compares the length and every byte.
/// </summary>
public readonly struct BitString : IEquatable<BitString>
{
    private readonly byte[]? _bytes;
    private readonly int _length;

    /// <summary>Copies <paramref name="bytes"/>, which must hold exactly ⌈<paramref name="length"/>/8⌉ bytes.</summary>
    public BitString(ReadOnlySpan<byte> bytes, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (bytes.Length != ByteCount(length))
        {
            throw new ArgumentException($"{length} bits take {ByteCount(length)} byte(s); got {bytes.Length}.", nameof(bytes));
        }
        _bytes = bytes.Length == 0 ? null : bytes.ToArray();
        _length = length;
    }

    private BitString(byte[]? bytes, int length)
    {
        _bytes = bytes;
        _length = length;
    }

    /// <summary>The bit-string of no bits.</summary>
    public static BitString Empty => default;

    /// <summary>Number of bits.</summary>
    public int Length => _length;

    /// <summary>The packed bytes, MSB first.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Bit <paramref name="bit"/>, counting from the first (most significant) bit.</summary>
    public bool this[int bit]
    {
        get
        {
            if ((uint)bit >= (uint)_length)
            {
                throw new ArgumentOutOfRangeException(nameof(bit), bit, $"The bit-string has {_length} bit(s).");
            }
            return (_bytes![bit >> 3] & (0x80 >> (bit & 7))) != 0;
        }
    }

    /// <summary>Packs <paramref name="bits"/>, the first becoming bit 0.</summary>
    public static BitString From(ReadOnlySpan<bool> bits)
    {
        if (bits.IsEmpty)
        {
            return Empty;
        }
        var bytes = new byte[ByteCount(bits.Length)];
        for (int i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                bytes[i >> 3] |= (byte)(0x80 >> (i & 7));
            }
        }
        return new BitString(bytes, bits.Length);
    }

    /// <summary>Packs <paramref name="bits"/>, the first becoming bit 0.</summary>
    public static BitString From(bool[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        return From(bits.AsSpan());
    }

    /// <summary>
    /// <paramref name="length"/> bits where bit n is set when <c>1 &lt;&lt; n</c> is set in <paramref name="flags"/>:
    /// how a named flags type maps onto a bit-string.
    /// </summary>
    public static BitString FromFlags(ulong flags, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        if (length < 64 && flags >> length != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(flags), flags, $"Flags do not fit in {length} bit(s).");
        }
        var bits = new bool[length];
        for (int i = 0; i < length; i++)
        {
            bits[i] = (flags & (1UL << i)) != 0;
        }
        return From(bits);
    }

    /// <summary>The inverse of <see cref="FromFlags"/>: bit n of the result is bit n of the string. Bits past 63 must be clear.</summary>
    public ulong ToFlags()
    {
        ulong flags = 0;
        for (int i = 0; i < _length; i++)
        {
            if (this[i])
            {
                if (i >= 64)
                {
                    throw new CosemEncodingException($"Bit {i} is set; flags hold only 64 bits.", -1, "bit-string");
                }
                flags |= 1UL << i;
            }
        }
        return flags;
    }

    /// <summary>Parses "0101…": one character per bit.</summary>
    public static BitString Parse(ReadOnlySpan<char> text)
    {
        var bits = new bool[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            bits[i] = text[i] switch
            {
                '0' => false,
                '1' => true,
                _ => throw new FormatException($"Character '{text[i]}' at {i} is not a bit."),
            };
        }
        return From(bits);
    }

    /// <summary>The bits as booleans.</summary>
    public bool[] ToArray()
    {
        var bits = new bool[_length];
        for (int i = 0; i < _length; i++)
        {
            bits[i] = this[i];
        }
        return bits;
    }

    /// <summary>Number of bytes that hold <paramref name="bitCount"/> bits.</summary>
    public static int ByteCount(int bitCount) => (int)(((uint)bitCount + 7) / 8);

    // Takes ownership of bytes, already checked: used by the reader to avoid a second copy.
    internal static BitString Wrap(byte[] bytes, int length) => new(bytes.Length == 0 ? null : bytes, length);

    /// <summary>"0101…", one character per bit.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(_length);
        for (int i = 0; i < _length; i++)
        {
            text.Append(this[i] ? '1' : '0');
        }
        return text.ToString();
    }

    /// <summary>Equal when both have the same bit length and the same bytes.</summary>
    public bool Equals(BitString other) => _length == other._length && Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BitString other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_length);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>True when both bit strings are equal by <see cref="Equals(BitString)"/>.</summary>
    public static bool operator ==(BitString left, BitString right) => left.Equals(right);

    /// <summary>True when the bit strings differ by <see cref="Equals(BitString)"/>.</summary>
    public static bool operator !=(BitString left, BitString right) => !left.Equals(right);
}
