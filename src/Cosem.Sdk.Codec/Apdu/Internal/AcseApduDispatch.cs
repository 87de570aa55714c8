namespace Cosem.Sdk.Apdu;

/// <summary>
/// Behind <see cref="ApduDecoder.DecodeAcse"/>: routes an APDU of association establishment or release by its first
/// byte to its typed class's decoder. Any malformed input is a <see cref="CosemEncodingException"/>, never another
/// exception.
/// </summary>
internal static class AcseApduDispatch
{
    /// <summary>Whether <see cref="Decode"/> handles APDUs starting with <paramref name="tag"/>.</summary>
    public static bool CanDecode(ApduTag tag) => tag is ApduTag.Aarq or ApduTag.Aare or ApduTag.Rlrq or ApduTag.Rlre
        or ApduTag.InitiateRequest or ApduTag.InitiateResponse or ApduTag.ConfirmedServiceError
        || CipheredUserInformationApdu.IsCipheredUserInformationTag(tag);

    /// <summary>Decodes one whole association APDU; any other tag is an error.</summary>
    public static Apdu Decode(ReadOnlyMemory<byte> apdu)
    {
        if (apdu.IsEmpty)
        {
            throw new CosemEncodingException("Empty APDU.", 0, "tag");
        }
        var tag = (ApduTag)apdu.Span[0];
        return tag switch
        {
            ApduTag.Aarq => AarqApdu.Decode(apdu),
            ApduTag.Aare => AareApdu.Decode(apdu),
            ApduTag.Rlrq => RlrqApdu.Decode(apdu),
            ApduTag.Rlre => RlreApdu.Decode(apdu),
            ApduTag.InitiateRequest => InitiateRequest.Decode(apdu),
            ApduTag.InitiateResponse => InitiateResponse.Decode(apdu),
            ApduTag.ConfirmedServiceError => ConfirmedServiceError.Decode(apdu),
            _ when CipheredUserInformationApdu.IsCipheredUserInformationTag(tag) => CipheredUserInformationApdu.Decode(apdu),
            _ => throw new CosemEncodingException($"Tag {(byte)tag} (0x{(byte)tag:X2}) is not an association APDU.", 0, "tag"),
        };
    }
}
