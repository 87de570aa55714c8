using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Any APDU protected with a global key, tag 219 (IEC 62056-5-3 §9.5, General-Glo-Ciphering).</summary>
public sealed class GeneralGloCiphering(
    ReadOnlyMemory<byte> systemTitle, SecurityControl securityControl, uint invocationCounter, ReadOnlyMemory<byte> cipheredText)
    : SystemTitleCipheredApdu(systemTitle, securityControl, invocationCounter, cipheredText)
{
    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.GeneralGloCiphering;

    internal static GeneralGloCiphering Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var (systemTitle, control, counter, text) = DecodeBody(source, ref reader, ApduTag.GeneralGloCiphering);
        return new GeneralGloCiphering(systemTitle, control, counter, text);
    }
}
