using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Decodes any xDLMS APDU (IEC 62056-5-3 §9.5) by its first byte into its typed class. Encoded Data values inside
/// the result are slices of the input, so keep the input alive and unchanged while the APDU is in use.
/// </summary>
/// <remarks>
/// The ACSE APDUs (AARQ … RLRE), InitiateRequest/Response and ConfirmedServiceError are decoded elsewhere.
/// Every malformed input, whatever it is, ends in a <see cref="CosemEncodingException"/>.
/// </remarks>
public static class XdlmsApduDecoder
{
    /// <summary>Decodes one complete APDU; trailing bytes are an error.</summary>
    /// <exception cref="CosemEncodingException">Unknown tag, truncated or malformed fields, or trailing bytes.</exception>
    public static Apdu Decode(ReadOnlyMemory<byte> apdu)
    {
        var reader = new AxdrReader(apdu.Span);
        var result = DecodeTagged(apdu, ref reader);
        reader.EnsureAtEnd("end of apdu");
        return result;
    }

    /// <summary>True when <see cref="Decode"/> handles APDUs starting with <paramref name="tag"/>.</summary>
    public static bool IsSupported(ApduTag tag) => tag switch
    {
        ApduTag.GetRequest or ApduTag.GetResponse or
        ApduTag.SetRequest or ApduTag.SetResponse or
        ApduTag.ActionRequest or ApduTag.ActionResponse => true,
        _ => false,
    };

    private static Apdu DecodeTagged(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var tag = (ApduTag)reader.PeekRawByte("apdu tag");
        return tag switch
        {
            ApduTag.GetRequest => GetRequest.Decode(source, ref reader),
            ApduTag.GetResponse => GetResponse.Decode(source, ref reader),
            ApduTag.SetRequest => SetRequest.Decode(source, ref reader),
            ApduTag.SetResponse => SetResponse.Decode(source, ref reader),
            ApduTag.ActionRequest => ActionRequest.Decode(source, ref reader),
            ApduTag.ActionResponse => ActionResponse.Decode(source, ref reader),
            _ => throw new CosemEncodingException($"Unknown or unsupported apdu tag {(byte)tag}.", reader.AbsolutePosition, "apdu tag"),
        };
    }
}
