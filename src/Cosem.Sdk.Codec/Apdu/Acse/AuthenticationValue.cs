using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// calling-/responding-authentication-value (ISO/IEC 8650-1 Authentication-value CHOICE): the LLS password, or the
/// HLS challenge (CtoS in the AARQ, StoC in the AARE). DLMS sends it as <see cref="AuthenticationValueKind.CharString"/>.
/// </summary>
public sealed class AuthenticationValue
{
    private AuthenticationValue(AuthenticationValueKind kind, ReadOnlyMemory<byte> value, int unusedBits)
    {
        Kind = kind;
        Value = value;
        UnusedBits = unusedBits;
    }

    /// <summary>Which Authentication-value CHOICE alternative carries the value; DLMS uses charstring [0].</summary>
    public AuthenticationValueKind Kind { get; }

    /// <summary>The octets: characters, packed bits, or the raw contents of the external/other forms.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Unused bits in the last octet of a <see cref="AuthenticationValueKind.BitString"/>; otherwise 0.</summary>
    public int UnusedBits { get; }

    /// <summary>charstring: a password or challenge as raw octets (a challenge need not be printable).</summary>
    public static AuthenticationValue CharString(ReadOnlyMemory<byte> value) => new(AuthenticationValueKind.CharString, value, 0);

    /// <summary>charstring from text; each character must fit one octet.</summary>
    public static AuthenticationValue FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var bytes = new byte[password.Length];
        for (int i = 0; i < password.Length; i++)
        {
            if (password[i] > 0xFF)
            {
                throw new ArgumentException($"Character U+{(int)password[i]:X4} does not fit a GraphicString octet.", nameof(password));
            }
            bytes[i] = (byte)password[i];
        }
        return CharString(bytes);
    }

    /// <summary>
    /// bitstring [1] form: <paramref name="bits"/> packed MSB first, with <paramref name="unusedBits"/> (0 to 7)
    /// trailing bits of the last octet unused.
    /// </summary>
    public static AuthenticationValue BitString(ReadOnlyMemory<byte> bits, int unusedBits = 0)
    {
        if ((uint)unusedBits > 7 || (bits.IsEmpty && unusedBits != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(unusedBits));
        }
        return new(AuthenticationValueKind.BitString, bits, unusedBits);
    }

    /// <summary>external [2] or other [3], from the raw contents octets of the constructed value.</summary>
    public static AuthenticationValue Raw(AuthenticationValueKind kind, ReadOnlyMemory<byte> contents)
    {
        if (kind is not (AuthenticationValueKind.External or AuthenticationValueKind.Other))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use CharString or BitString for the primitive forms.");
        }
        return new(kind, contents, 0);
    }

    /// <summary>Writes <c>[outer] { [kind] value }</c>.</summary>
    internal void Write(ref BerWriter writer, BerTag outer)
    {
        writer.StartConstructed(outer);
        switch (Kind)
        {
            case AuthenticationValueKind.CharString:
                writer.WriteGraphicString(Value.Span, BerTag.Context(0));
                break;
            case AuthenticationValueKind.BitString:
                writer.WriteBitString(Value.Span, UnusedBits, BerTag.Context(1));
                break;
            default:
                writer.WriteTag(BerTag.Context((int)Kind, isConstructed: true));
                writer.WriteLength(Value.Length);
                writer.WriteEncoded(Value.Span);
                break;
        }
        writer.EndConstructed();
    }

    internal static AuthenticationValue Read(ref BerReader reader, BerTag outer, ReadOnlyMemory<byte> source, string field)
    {
        var inner = reader.ReadConstructed(outer, field);
        int at = inner.AbsolutePosition;
        var tag = inner.PeekTag(field);
        AuthenticationValue value;
        switch (tag)
        {
            case { Class: BerTagClass.ContextSpecific, Number: 0, IsConstructed: false }:
                var chars = inner.ReadGraphicString(field, tag);
                value = CharString(AcseEncoding.Slice(source, inner, chars.Length));
                break;
            case { Class: BerTagClass.ContextSpecific, Number: 1, IsConstructed: false }:
                var bits = inner.ReadBitString(out int unused, field, tag);
                value = new(AuthenticationValueKind.BitString, AcseEncoding.Slice(source, inner, bits.Length), unused);
                break;
            case { Class: BerTagClass.ContextSpecific, Number: 2 or 3, IsConstructed: true }:
                var contents = inner.ReadValue(out _, field);
                value = new((AuthenticationValueKind)tag.Number, AcseEncoding.Slice(source, inner, contents.Length), 0);
                break;
            default:
                throw new CosemEncodingException($"Unknown Authentication-value alternative {tag}.", at, field);
        }
        inner.EnsureAtEnd(field);
        return value;
    }

    /// <summary>Short diagnostic text (form and length only, never the secret octets); for logs.</summary>
    public override string ToString() => $"{Kind} ({Value.Length} octets)";
}
