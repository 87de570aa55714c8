namespace Cosem.Sdk.Apdu;

/// <summary>
/// Decodes any APDU a DLMS/COSEM peer may send: the association APDUs (BER ACSE and the xDLMS initiate
/// exchange) and every xDLMS service APDU, plain or ciphered. Malformed input is always a
/// <see cref="CosemEncodingException"/> naming the byte offset and the field.
/// </summary>
public static class ApduDecoder
{
    /// <summary>Whether an APDU starting with <paramref name="tag"/> can be decoded.</summary>
    public static bool CanDecode(ApduTag tag) => AcseApduDecoder.CanDecode(tag) || XdlmsApduDecoder.IsSupported(tag);

    /// <summary>Decodes one whole APDU. Data values inside stay as slices of <paramref name="apdu"/>.</summary>
    public static Apdu Decode(ReadOnlyMemory<byte> apdu)
    {
        if (apdu.IsEmpty)
        {
            throw new CosemEncodingException("Empty APDU.", 0, "apdu tag");
        }
        return AcseApduDecoder.CanDecode((ApduTag)apdu.Span[0])
            ? AcseApduDecoder.Decode(apdu)
            : XdlmsApduDecoder.Decode(apdu);
    }
}
