namespace Cosem.Sdk.Ber;

/// <summary>
/// A BER identifier: class, primitive/constructed and tag number (ISO/IEC 8825-1 §8.1.2). Numbers above 30 use the
/// high-tag-number form, e.g. the xDLMS Conformance block's [APPLICATION 31] is <c>5F 1F</c>.
/// </summary>
public readonly record struct BerTag
{
    /// <summary>Largest tag number accepted: four base-128 octets.</summary>
    public const int MaxNumber = (1 << 28) - 1;

    /// <summary>
    /// A tag of the given class and number; <paramref name="isConstructed"/> sets the constructed bit (bit 6 of the
    /// identifier octet).
    /// </summary>
    public BerTag(BerTagClass tagClass, int number, bool isConstructed = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        Class = tagClass;
        Number = number;
        IsConstructed = isConstructed;
    }

    /// <summary>
    /// The class bits (bits 8-7 of the identifier octet): universal, application, context-specific or private.
    /// </summary>
    public BerTagClass Class { get; }

    /// <summary>
    /// The tag number (bits 5-1 of the identifier octet, or the following base-128 octets when 31 or more).
    /// </summary>
    public int Number { get; }

    /// <summary>
    /// True for a constructed encoding (bit 6 set): the contents are further TLVs, e.g. SEQUENCE or an explicit tag.
    /// </summary>
    public bool IsConstructed { get; }

    // ---- Universal types used by ACSE (ISO/IEC 8824-1 §8.4) ----
    /// <summary>UNIVERSAL 1 BOOLEAN, primitive (0x01).</summary>
    public static BerTag Boolean => new(BerTagClass.Universal, 1);
    /// <summary>UNIVERSAL 2 INTEGER, primitive (0x02).</summary>
    public static BerTag Integer => new(BerTagClass.Universal, 2);
    /// <summary>UNIVERSAL 3 BIT STRING, primitive (0x03).</summary>
    public static BerTag BitString => new(BerTagClass.Universal, 3);
    /// <summary>UNIVERSAL 4 OCTET STRING, primitive (0x04).</summary>
    public static BerTag OctetString => new(BerTagClass.Universal, 4);
    /// <summary>UNIVERSAL 5 NULL, primitive (0x05).</summary>
    public static BerTag Null => new(BerTagClass.Universal, 5);
    /// <summary>
    /// UNIVERSAL 6 OBJECT IDENTIFIER, primitive (0x06); used for the application context and mechanism names.
    /// </summary>
    public static BerTag ObjectIdentifier => new(BerTagClass.Universal, 6);
    /// <summary>UNIVERSAL 8 EXTERNAL, constructed (0x28).</summary>
    public static BerTag External => new(BerTagClass.Universal, 8, isConstructed: true);
    /// <summary>UNIVERSAL 25 GraphicString, primitive (0x19).</summary>
    public static BerTag GraphicString => new(BerTagClass.Universal, 25);
    /// <summary>UNIVERSAL 16 SEQUENCE, constructed (0x30).</summary>
    public static BerTag Sequence => new(BerTagClass.Universal, 16, isConstructed: true);

    /// <summary>[number] context-specific.</summary>
    public static BerTag Context(int number, bool isConstructed = false) => new(BerTagClass.ContextSpecific, number, isConstructed);

    /// <summary>[APPLICATION number].</summary>
    public static BerTag Application(int number, bool isConstructed = false) => new(BerTagClass.Application, number, isConstructed);

    /// <summary>The same tag with the constructed bit set.</summary>
    public BerTag AsConstructed() => new(Class, Number, isConstructed: true);

    /// <summary>Octets the identifier takes when encoded.</summary>
    public int EncodedLength => Number < 31 ? 1 : 1 + Base128Length(Number);

    /// <summary>Writes the identifier octets into <paramref name="destination"/>; returns the count written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        byte first = (byte)(((int)Class << 6) | (IsConstructed ? 0x20 : 0));
        if (Number < 31)
        {
            destination[0] = (byte)(first | Number);
            return 1;
        }
        destination[0] = (byte)(first | 0x1F);
        int count = Base128Length(Number);
        for (int i = count; i >= 1; i--)
        {
            destination[i] = (byte)(((Number >> (7 * (count - i))) & 0x7F) | (i == count ? 0 : 0x80));
        }
        return count + 1;
    }

    internal static int Base128Length(int value) => value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : 4;

    /// <summary>
    /// The tag in ASN.1 notation with its form, e.g. "[APPLICATION 0] constructed"; for logs.
    /// </summary>
    public override string ToString()
    {
        string kind = IsConstructed ? "constructed" : "primitive";
        return Class switch
        {
            BerTagClass.Universal => $"[UNIVERSAL {Number}] {kind}",
            BerTagClass.Application => $"[APPLICATION {Number}] {kind}",
            BerTagClass.ContextSpecific => $"[{Number}] {kind}",
            _ => $"[PRIVATE {Number}] {kind}",
        };
    }
}
