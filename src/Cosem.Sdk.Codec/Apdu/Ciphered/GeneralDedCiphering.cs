using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Any APDU protected with the dedicated key, tag 220 (IEC 62056-5-3 §9.5, General-Ded-Ciphering).</summary>
public sealed class GeneralDedCiphering(
    ReadOnlyMemory<byte> systemTitle, SecurityControl securityControl, uint invocationCounter, ReadOnlyMemory<byte> cipheredText)
    : SystemTitleCipheredApdu(systemTitle, securityControl, invocationCounter, cipheredText)
{
    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.GeneralDedCiphering;

    internal static GeneralDedCiphering Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var (systemTitle, control, counter, text) = DecodeBody(source, ref reader, ApduTag.GeneralDedCiphering);
        return new GeneralDedCiphering(systemTitle, control, counter, text);
    }
}
