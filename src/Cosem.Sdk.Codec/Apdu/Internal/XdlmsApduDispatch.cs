using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Behind <see cref="ApduDecoder.DecodeXdlms"/>: routes an xDLMS service APDU (IEC 62056-5-3 §9.5) by its first
/// byte to its typed class's decoder. The ACSE APDUs and the initiate exchange are <see cref="AcseApduDispatch"/>'s.
/// </summary>
internal static class XdlmsApduDispatch
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
    public static bool CanDecode(ApduTag tag) => tag switch
    {
        ApduTag.GetRequest or ApduTag.GetResponse or
        ApduTag.SetRequest or ApduTag.SetResponse or
        ApduTag.ActionRequest or ApduTag.ActionResponse or
        ApduTag.EventNotificationRequest or ApduTag.DataNotification or ApduTag.DataNotificationConfirm or
        ApduTag.ExceptionResponse or ApduTag.AccessRequest or ApduTag.AccessResponse or
        ApduTag.GeneralBlockTransfer or
        ApduTag.ReadRequest or ApduTag.ReadResponse or ApduTag.WriteRequest or ApduTag.WriteResponse or
        ApduTag.UnconfirmedWriteRequest or ApduTag.InformationReportRequest or
        ApduTag.GeneralGloCiphering or ApduTag.GeneralDedCiphering or ApduTag.GeneralCiphering or ApduTag.GeneralSigning => true,
        _ => CipheredApdu.IsCipheredServiceTag(tag),
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
            ApduTag.EventNotificationRequest => EventNotificationRequest.Decode(source, ref reader),
            ApduTag.DataNotification => DataNotification.Decode(source, ref reader),
            ApduTag.DataNotificationConfirm => DataNotificationConfirm.Decode(source, ref reader),
            ApduTag.ExceptionResponse => ExceptionResponse.Decode(source, ref reader),
            ApduTag.AccessRequest => AccessRequest.Decode(source, ref reader),
            ApduTag.AccessResponse => AccessResponse.Decode(source, ref reader),
            ApduTag.GeneralBlockTransfer => GeneralBlockTransfer.Decode(source, ref reader),
            ApduTag.ReadRequest => ReadRequest.Decode(source, ref reader),
            ApduTag.ReadResponse => ReadResponse.Decode(source, ref reader),
            ApduTag.WriteRequest => WriteRequest.Decode(source, ref reader),
            ApduTag.WriteResponse => WriteResponse.Decode(source, ref reader),
            ApduTag.UnconfirmedWriteRequest => UnconfirmedWriteRequest.Decode(source, ref reader),
            ApduTag.InformationReportRequest => InformationReportRequest.Decode(source, ref reader),
            ApduTag.GeneralGloCiphering => GeneralGloCiphering.Decode(source, ref reader),
            ApduTag.GeneralDedCiphering => GeneralDedCiphering.Decode(source, ref reader),
            ApduTag.GeneralCiphering => GeneralCiphering.Decode(source, ref reader),
            ApduTag.GeneralSigning => GeneralSigning.Decode(source, ref reader),
            _ when CipheredApdu.IsCipheredServiceTag(tag) => CipheredApdu.Decode(source, ref reader),
            _ => throw new CosemEncodingException($"Unknown or unsupported apdu tag {(byte)tag}.", reader.AbsolutePosition, "apdu tag"),
        };
    }
}
