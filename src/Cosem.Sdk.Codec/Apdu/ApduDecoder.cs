namespace Cosem.Sdk.Apdu;

/// <summary>
/// The one place to decode APDUs. <see cref="Decode"/> takes anything a DLMS/COSEM peer may send: the association
/// APDUs (BER ACSE and the xDLMS initiate exchange) and every xDLMS service APDU, plain or ciphered.
/// <see cref="DecodeXdlms"/> and <see cref="DecodeAcse"/> accept one family only, for a caller to which the other
/// family is a protocol error. Malformed input is always a <see cref="CosemEncodingException"/> naming the byte
/// offset and the field; data values inside the result stay as slices of the input, so keep it alive and unchanged
/// while the APDU is in use.
/// </summary>
public static class ApduDecoder
{
    /// <summary>Whether <see cref="Decode"/> handles an APDU starting with <paramref name="tag"/>.</summary>
    public static bool CanDecode(ApduTag tag) => AcseApduDispatch.CanDecode(tag) || XdlmsApduDispatch.CanDecode(tag);

    /// <summary>Whether <see cref="DecodeXdlms"/> handles an APDU starting with <paramref name="tag"/>: the xDLMS
    /// service APDUs (GET … ACCESS, notifications, SN services, block transfer, every ciphered or signed form).</summary>
    public static bool CanDecodeXdlms(ApduTag tag) => XdlmsApduDispatch.CanDecode(tag);

    /// <summary>Whether <see cref="DecodeAcse"/> handles an APDU starting with <paramref name="tag"/>: AARQ, AARE,
    /// RLRQ, RLRE, the initiate request and response, confirmedServiceError and their ciphered forms.</summary>
    public static bool CanDecodeAcse(ApduTag tag) => AcseApduDispatch.CanDecode(tag);

    /// <summary>Decodes one whole APDU of either family, chosen by its first byte.</summary>
    /// <exception cref="CosemEncodingException">Empty input, unknown tag, truncated or malformed fields, or trailing bytes.</exception>
    public static Apdu Decode(ReadOnlyMemory<byte> apdu)
    {
        if (apdu.IsEmpty)
        {
            throw new CosemEncodingException("Empty APDU.", 0, "apdu tag");
        }
        return AcseApduDispatch.CanDecode((ApduTag)apdu.Span[0])
            ? AcseApduDispatch.Decode(apdu)
            : XdlmsApduDispatch.Decode(apdu);
    }

    /// <summary>Decodes one whole xDLMS service APDU; an association APDU here is an unsupported tag.</summary>
    /// <exception cref="CosemEncodingException">Tag outside <see cref="CanDecodeXdlms"/>, truncated or malformed
    /// fields, or trailing bytes.</exception>
    public static Apdu DecodeXdlms(ReadOnlyMemory<byte> apdu) => XdlmsApduDispatch.Decode(apdu);

    /// <summary>Decodes one whole association establishment or release APDU (BER ACSE or A-XDR initiate).</summary>
    /// <exception cref="CosemEncodingException">Empty input, tag outside <see cref="CanDecodeAcse"/>, or malformed
    /// fields.</exception>
    public static Apdu DecodeAcse(ReadOnlyMemory<byte> apdu) => AcseApduDispatch.Decode(apdu);
}
