using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The layout general-glo-ciphering and general-ded-ciphering share (IEC 62056-5-3 §9.5: SEQUENCE
/// { system-title OCTET STRING, ciphered-content OCTET STRING }). Carried as received; opening it is the job of
/// the security layer.
/// </summary>
public abstract class SystemTitleCipheredApdu : Apdu
{
    private protected SystemTitleCipheredApdu(
        ReadOnlyMemory<byte> systemTitle, SecurityControl securityControl, uint invocationCounter, ReadOnlyMemory<byte> cipheredText)
    {
        SystemTitle = systemTitle;
        SecurityControl = securityControl;
        InvocationCounter = invocationCounter;
        CipheredText = cipheredText;
    }

    /// <summary>The system title of the sender (8 bytes), part of the nonce.</summary>
    public ReadOnlyMemory<byte> SystemTitle { get; init; }

    /// <summary>
    /// security-control byte of the security header: security suite, authentication, encryption, key set and
    /// compression bits.
    /// </summary>
    public SecurityControl SecurityControl { get; init; }

    /// <summary>
    /// invocation-counter (Unsigned32) of the security header; with the system title it forms the AES-GCM
    /// initialization vector.
    /// </summary>
    public uint InvocationCounter { get; init; }

    /// <summary>The protected APDU followed by the authentication tag if any.</summary>
    public ReadOnlyMemory<byte> CipheredText { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        ApduFields.WriteOctetString(ref writer, SystemTitle.Span);
        SecuredContent.Write(ref writer, SecurityControl, InvocationCounter, CipheredText.Span);
    }

    private protected static (ReadOnlyMemory<byte> SystemTitle, SecurityControl Control, uint Counter, ReadOnlyMemory<byte> Text) DecodeBody(
        ReadOnlyMemory<byte> source, ref AxdrReader reader, ApduTag tag)
    {
        ApduFields.ExpectTag(ref reader, tag);
        var systemTitle = ApduFields.ReadOctetString(source, ref reader, "system-title");
        SecuredContent.Read(source, ref reader, "ciphered-content", out var control, out uint counter, out var text);
        return (systemTitle, control, counter, text);
    }
}
