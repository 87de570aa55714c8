using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Writes variables by short name without a response, tag 22 (IEC 62056-5-3 §9.5, UnconfirmedWriteRequest).</summary>
public sealed class UnconfirmedWriteRequest(
    IReadOnlyList<VariableAccessSpecification> variables,
    IReadOnlyList<ReadOnlyMemory<byte>> data) : ShortNameWriteApdu(variables, data)
{
    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.UnconfirmedWriteRequest;

    internal static UnconfirmedWriteRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var (variables, data) = DecodeBody(source, ref reader, ApduTag.UnconfirmedWriteRequest);
        return new UnconfirmedWriteRequest(variables, data);
    }
}
