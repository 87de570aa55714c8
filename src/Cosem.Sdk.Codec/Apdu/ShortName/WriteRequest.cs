using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Writes variables by short name, confirmed, tag 6 (IEC 62056-5-3 §9.5, WriteRequest).</summary>
public sealed class WriteRequest(
    IReadOnlyList<VariableAccessSpecification> variables,
    IReadOnlyList<ReadOnlyMemory<byte>> data) : ShortNameWriteApdu(variables, data)
{
    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.WriteRequest;

    internal static WriteRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var (variables, data) = DecodeBody(source, ref reader, ApduTag.WriteRequest);
        return new WriteRequest(variables, data);
    }
}
