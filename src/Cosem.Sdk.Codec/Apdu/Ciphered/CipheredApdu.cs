using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A service-specific ciphered APDU: glo-… (global key) and ded-… (dedicated key) variants of the SN and LN services
/// (IEC 62056-5-3 §9.5, e.g. glo-get-request [200] IMPLICIT OCTET STRING). The content is carried as received;
/// opening it is the job of the security layer.
/// </summary>
public sealed class CipheredApdu : Apdu
{
    private readonly ApduTag _tag;

    /// <summary>
    /// Builds a service-specific ciphered APDU (glo-/ded- tags) from the tag, security header and ciphered payload.
    /// </summary>
    public CipheredApdu(ApduTag tag, SecurityControl securityControl, uint invocationCounter, ReadOnlyMemory<byte> cipheredText)
    {
        if (!IsCipheredServiceTag(tag))
        {
            throw new ArgumentOutOfRangeException(nameof(tag), tag, "Not a glo- or ded- ciphered service tag.");
        }
        _tag = tag;
        SecurityControl = securityControl;
        InvocationCounter = invocationCounter;
        CipheredText = cipheredText;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => _tag;

    /// <summary>
    /// security-control byte of the security header: security suite, authentication, encryption, key set and
    /// compression bits.
    /// </summary>
    public SecurityControl SecurityControl { get; init; }

    /// <summary>
    /// invocation-counter (Unsigned32) of the security header; with the system title it forms the AES-GCM
    /// initialization vector and must increase with every APDU.
    /// </summary>
    public uint InvocationCounter { get; init; }

    /// <summary>The ciphered (or, for authentication only, plain) APDU followed by the authentication tag if any.</summary>
    public ReadOnlyMemory<byte> CipheredText { get; init; }

    /// <summary>True when the dedicated key protects the content, false for the global key.</summary>
    public bool IsDedicated => _tag is >= ApduTag.DedReadRequest and <= ApduTag.DedInformationReportRequest
        or >= ApduTag.DedGetRequest and <= ApduTag.DedActionResponse;

    /// <summary>True for the glo-/ded- tags of IEC 62056-5-3 §9.5 that this type carries.</summary>
    public static bool IsCipheredServiceTag(ApduTag tag) => tag switch
    {
        ApduTag.GloReadRequest or ApduTag.GloWriteRequest or ApduTag.GloReadResponse or ApduTag.GloWriteResponse or
        ApduTag.GloConfirmedServiceError or ApduTag.GloUnconfirmedWriteRequest or ApduTag.GloInformationReportRequest or
        ApduTag.DedReadRequest or ApduTag.DedWriteRequest or ApduTag.DedReadResponse or ApduTag.DedWriteResponse or
        ApduTag.DedConfirmedServiceError or ApduTag.DedUnconfirmedWriteRequest or ApduTag.DedInformationReportRequest or
        ApduTag.GloGetRequest or ApduTag.GloSetRequest or ApduTag.GloEventNotificationRequest or ApduTag.GloActionRequest or
        ApduTag.GloGetResponse or ApduTag.GloSetResponse or ApduTag.GloActionResponse or
        ApduTag.DedGetRequest or ApduTag.DedSetRequest or ApduTag.DedEventNotificationRequest or ApduTag.DedActionRequest or
        ApduTag.DedGetResponse or ApduTag.DedSetResponse or ApduTag.DedActionResponse => true,
        _ => false,
    };

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)_tag);
        SecuredContent.Write(ref writer, SecurityControl, InvocationCounter, CipheredText.Span);
    }

    internal static CipheredApdu Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var tag = (ApduTag)reader.ReadRawByte("apdu tag");
        if (!IsCipheredServiceTag(tag))
        {
            throw new CosemEncodingException($"Apdu tag {(byte)tag} is not a ciphered service tag.", at, "apdu tag");
        }
        SecuredContent.Read(source, ref reader, "ciphered-content", out var control, out uint counter, out var text);
        return new CipheredApdu(tag, control, counter, text);
    }
}
