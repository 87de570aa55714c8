using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Any APDU protected with a global key, tag 219 (IEC 62056-5-3 §9.5, General-Glo-Ciphering ::= SEQUENCE
/// { system-title OCTET STRING, ciphered-content OCTET STRING }). Carried as received; opening it is the job of the
/// security layer.
/// </summary>
public sealed class GeneralGloCiphering : Apdu
{
    public GeneralGloCiphering(ReadOnlyMemory<byte> systemTitle, SecurityControl securityControl, uint invocationCounter, ReadOnlyMemory<byte> cipheredText)
    {
        SystemTitle = systemTitle;
        SecurityControl = securityControl;
        InvocationCounter = invocationCounter;
        CipheredText = cipheredText;
    }

    public override ApduTag Tag => ApduTag.GeneralGloCiphering;

    /// <summary>The system title of the sender (8 bytes), part of the nonce.</summary>
    public ReadOnlyMemory<byte> SystemTitle { get; init; }

    public SecurityControl SecurityControl { get; init; }

    public uint InvocationCounter { get; init; }

    /// <summary>The protected APDU followed by the authentication tag if any.</summary>
    public ReadOnlyMemory<byte> CipheredText { get; init; }

    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        ApduFields.WriteOctetString(ref writer, SystemTitle.Span);
        SecuredContent.Write(ref writer, SecurityControl, InvocationCounter, CipheredText.Span);
    }

    internal static GeneralGloCiphering Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.GeneralGloCiphering);
        var systemTitle = ApduFields.ReadOctetString(source, ref reader, "system-title");
        SecuredContent.Read(source, ref reader, "ciphered-content", out var control, out uint counter, out var text);
        return new GeneralGloCiphering(systemTitle, control, counter, text);
    }
}
