using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Apdu;

/// <summary>Field encodings shared by the ACSE APDUs (IEC 62056-5-3 §9, ISO/IEC 8650-1).</summary>
internal static class AcseEncoding
{
    // {joint-iso-ccitt(2) country(16) country-name(756) identified-organization(5) DLMS-UA(8) x(1|2) y}
    private const uint ApplicationContextArc = 1;
    private const uint MechanismNameArc = 2;

    /// <summary>The bytes just read by <paramref name="reader"/>, as a slice of the decoded buffer.</summary>
    public static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> source, in BerReader reader, int length) =>
        source.Slice(reader.AbsolutePosition - length, length);

    // ---- DLMS object identifiers --------------------------------------------------------------------------------

    public static void WriteApplicationContextName(ref BerWriter writer, ApplicationContextName name, BerTag tag)
    {
        // application-context-name [1] EXPLICIT OBJECT IDENTIFIER.
        writer.StartConstructed(tag);
        WriteDlmsIdentifier(ref writer, ApplicationContextArc, (int)name, BerTag.ObjectIdentifier);
        writer.EndConstructed();
    }

    public static ApplicationContextName ReadApplicationContextName(ref BerReader reader, BerTag tag)
    {
        const string field = "application-context-name";
        var inner = reader.ReadConstructed(tag, field);
        int at = inner.AbsolutePosition;
        var oid = inner.ReadObjectIdentifier(field);
        inner.EnsureAtEnd(field);
        return (ApplicationContextName)ReadDlmsIdentifier(oid, ApplicationContextArc, at, field);
    }

    /// <summary>mechanism-name [n] IMPLICIT OBJECT IDENTIFIER.</summary>
    public static void WriteMechanismName(ref BerWriter writer, MechanismName name, BerTag tag) =>
        WriteDlmsIdentifier(ref writer, MechanismNameArc, (int)name, tag);

    public static MechanismName ReadMechanismName(ref BerReader reader, BerTag tag)
    {
        const string field = "mechanism-name";
        int at = reader.AbsolutePosition;
        var oid = reader.ReadObjectIdentifier(field, tag);
        return (MechanismName)ReadDlmsIdentifier(oid, MechanismNameArc, at, field);
    }

    private static void WriteDlmsIdentifier(ref BerWriter writer, uint kind, int value, BerTag tag)
    {
        if (value < 0)
        {
            throw new CosemEncodingException($"Identifier value {value} is negative.", writer.BytesWritten, "object identifier");
        }
        Span<uint> arcs = [2, 16, 756, 5, 8, kind, (uint)value];
        writer.WriteObjectIdentifier(arcs, tag);
    }

    private static int ReadDlmsIdentifier(ReadOnlySpan<byte> oid, uint kind, int at, string field)
    {
        Span<uint> arcs = stackalloc uint[7];
        if (BerObjectIdentifier.GetArcCount(oid) != 7)
        {
            throw new CosemEncodingException($"{BerObjectIdentifier.ToString(oid)} is not a DLMS {field} (2.16.756.5.8.{kind}.x).", at, field);
        }
        BerObjectIdentifier.Decode(oid, arcs, at, field);
        if (arcs[0] != 2 || arcs[1] != 16 || arcs[2] != 756 || arcs[3] != 5 || arcs[4] != 8 || arcs[5] != kind || arcs[6] > int.MaxValue)
        {
            throw new CosemEncodingException($"{BerObjectIdentifier.ToString(oid)} is not a DLMS {field} (2.16.756.5.8.{kind}.x).", at, field);
        }
        return (int)arcs[6];
    }

    // ---- Explicitly tagged OCTET STRING and INTEGER -----------------------------------------------------------

    /// <summary>AP-title / AE-qualifier: <c>[n] EXPLICIT OCTET STRING</c> in the DLMS profile.</summary>
    /// <summary>
    /// The four optional fields that name one end of an association (AP-title, AE-qualifier, AP-invocation-identifier,
    /// AE-invocation-identifier), at context tags <paramref name="firstTag"/> to <paramref name="firstTag"/> + 3:
    /// called [2..5] and calling [6..9] in the AARQ, responding [4..7] in the AARE (ISO/IEC 8650-1).
    /// </summary>
    public static void WriteApplicationEntity(ref BerWriter writer, int firstTag, ReadOnlyMemory<byte>? apTitle,
        ReadOnlyMemory<byte>? aeQualifier, long? apInvocationId, long? aeInvocationId)
    {
        if (apTitle is { } title)
        {
            WriteExplicitOctetString(ref writer, title.Span, BerTag.Context(firstTag, true));
        }
        if (aeQualifier is { } qualifier)
        {
            WriteExplicitOctetString(ref writer, qualifier.Span, BerTag.Context(firstTag + 1, true));
        }
        if (apInvocationId is { } apId)
        {
            WriteExplicitInteger(ref writer, apId, BerTag.Context(firstTag + 2, true));
        }
        if (aeInvocationId is { } aeId)
        {
            WriteExplicitInteger(ref writer, aeId, BerTag.Context(firstTag + 3, true));
        }
    }

    public static void WriteExplicitOctetString(ref BerWriter writer, ReadOnlySpan<byte> value, BerTag tag)
    {
        writer.StartConstructed(tag);
        writer.WriteOctetString(value);
        writer.EndConstructed();
    }

    public static ReadOnlyMemory<byte> ReadExplicitOctetString(ref BerReader reader, BerTag tag, ReadOnlyMemory<byte> source, string field)
    {
        var inner = reader.ReadConstructed(tag, field);
        var bytes = inner.ReadOctetString(field);
        var slice = Slice(source, inner, bytes.Length);
        inner.EnsureAtEnd(field);
        return slice;
    }

    /// <summary>AP-/AE-invocation-identifier, result: <c>[n] EXPLICIT INTEGER</c>.</summary>
    public static void WriteExplicitInteger(ref BerWriter writer, long value, BerTag tag)
    {
        writer.StartConstructed(tag);
        writer.WriteInteger(value);
        writer.EndConstructed();
    }

    public static long ReadExplicitInteger(ref BerReader reader, BerTag tag, string field)
    {
        var inner = reader.ReadConstructed(tag, field);
        long value = inner.ReadInteger(field);
        inner.EnsureAtEnd(field);
        return value;
    }

    public static int ToInt32(long value, int at, string field) => value is >= int.MinValue and <= int.MaxValue
        ? (int)value
        : throw new CosemEncodingException($"Value {value} is out of range.", at, field);

    // ---- Named bit strings (protocol-version, ACSE-requirements) ---------------------------------------------

    /// <summary>A named-bit BIT STRING with trailing zero bits removed (X.690 §11.2.2): bit i is flag 1 &lt;&lt; i.</summary>
    public static void WriteNamedBits(ref BerWriter writer, uint flags, BerTag tag)
    {
        if (flags == 0)
        {
            writer.WriteBitString([], 0, tag);
            return;
        }
        int bitCount = 32 - System.Numerics.BitOperations.LeadingZeroCount(flags);
        int byteCount = (bitCount + 7) / 8;
        Span<byte> bytes = stackalloc byte[4];
        bytes.Clear();
        for (int i = 0; i < bitCount; i++)
        {
            if ((flags & (1u << i)) != 0)
            {
                bytes[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }
        writer.WriteBitString(bytes[..byteCount], byteCount * 8 - bitCount, tag);
    }

    /// <summary>Reads a named-bit BIT STRING; bits past 31 are ignored.</summary>
    public static uint ReadNamedBits(ref BerReader reader, BerTag tag, string field)
    {
        var bytes = reader.ReadBitString(out int unused, field, tag);
        int bitCount = Math.Min(bytes.Length * 8 - unused, 32);
        uint flags = 0;
        for (int i = 0; i < bitCount; i++)
        {
            if ((bytes[i / 8] & (0x80 >> (i % 8))) != 0)
            {
                flags |= 1u << i;
            }
        }
        return flags;
    }

    // ---- Fields seen ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Records the context tag number of <paramref name="tag"/> as seen in the <paramref name="seen"/> bit set; a
    /// repeat is an error reported at offset <paramref name="at"/> of <paramref name="apdu"/>.
    /// </summary>
    public static void MarkSeen(ref ulong seen, BerTag tag, int at, string apdu)
    {
        if (tag.Number >= 64)
        {
            return;
        }
        ulong bit = 1UL << tag.Number;
        if ((seen & bit) != 0)
        {
            throw new CosemEncodingException($"Field {tag} appears twice.", at, apdu);
        }
        seen |= bit;
    }
}
