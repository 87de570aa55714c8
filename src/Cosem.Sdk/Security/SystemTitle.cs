using System.Buffers.Binary;
using System.Globalization;

namespace Cosem.Sdk.Security;

/// <summary>
/// The 8-byte system title that names a DLMS/COSEM entity and forms the fixed field of the GCM IV
/// (IEC 62056-5-3 §4.3.4): usually a 3-letter FLAG manufacturer id followed by a serial number.
/// A value type holding the 8 bytes inline, so it can key dictionaries and fill an IV without allocating.
/// </summary>
public readonly struct SystemTitle : IEquatable<SystemTitle>
{
    /// <summary>Bytes in a system title.</summary>
    public const int Length = 8;

    private readonly ulong _value;

    /// <summary>Creates a system title from its 8 bytes.</summary>
    /// <param name="bytes">Exactly <see cref="Length"/> bytes, as carried in the AP-title or general-ciphering.</param>
    /// <exception cref="CosemSecurityException">The length is not 8
    /// (<see cref="SecurityFailure.InvalidSystemTitle"/>).</exception>
    public SystemTitle(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle,
                $"A system title has {Length} bytes, got {bytes.Length}.");
        }
        _value = BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    /// <summary>Parses 16 hex digits, with optional spaces, e.g. "4D4D4D0000BC614E".</summary>
    public static SystemTitle Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var compact = hex.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length != 2 * Length ||
            !ulong.TryParse(compact, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle,
                $"A system title is {2 * Length} hex digits, got \"{hex}\".");
        }
        return FromUInt64(value);
    }

    /// <summary>The title whose bytes are <paramref name="value"/> in big-endian order.</summary>
    public static SystemTitle FromUInt64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return new SystemTitle(bytes);
    }

    /// <summary>The three FLAG manufacturer letters when the first three bytes are upper-case ASCII, else null.</summary>
    public string? ManufacturerId
    {
        get
        {
            Span<byte> bytes = stackalloc byte[Length];
            CopyTo(bytes);
            foreach (var b in bytes[..3])
            {
                if (b is < (byte)'A' or > (byte)'Z')
                {
                    return null;
                }
            }
            return string.Create(3, _value, static (chars, v) =>
            {
                chars[0] = (char)(byte)(v >> 56);
                chars[1] = (char)(byte)(v >> 48);
                chars[2] = (char)(byte)(v >> 40);
            });
        }
    }

    /// <summary>Writes the 8 bytes into the start of <paramref name="destination"/>, which must hold at least
    /// <see cref="Length"/> bytes.</summary>
    public void CopyTo(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, _value);

    /// <summary>A new 8-byte array holding the title.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The 8 bytes read as a big-endian integer; the inverse of <see cref="FromUInt64"/>.</summary>
    public ulong ToUInt64() => _value;

    /// <summary>Whether both titles have the same 8 bytes.</summary>
    public bool Equals(SystemTitle other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SystemTitle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Whether both titles have the same 8 bytes.</summary>
    public static bool operator ==(SystemTitle left, SystemTitle right) => left.Equals(right);

    /// <summary>Whether the titles differ in any byte.</summary>
    public static bool operator !=(SystemTitle left, SystemTitle right) => !left.Equals(right);

    /// <summary>The 16 upper-case hex digits, e.g. "4D4D4D0000BC614E"; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => _value.ToString("X16", CultureInfo.InvariantCulture);
}
