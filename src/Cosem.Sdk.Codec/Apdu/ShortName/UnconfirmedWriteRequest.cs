using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Writes variables by short name without a response, tag 22 (IEC 62056-5-3 §9.5, UnconfirmedWriteRequest ::=
/// SEQUENCE { variable-access-specification SEQUENCE OF Variable-Access-Specification, list-of-data SEQUENCE OF Data }).
/// </summary>
public sealed class UnconfirmedWriteRequest : Apdu
{
    public UnconfirmedWriteRequest(
        IReadOnlyList<VariableAccessSpecification> variables,
        IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        Variables = variables ?? throw new ArgumentNullException(nameof(variables));
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    public override ApduTag Tag => ApduTag.UnconfirmedWriteRequest;

    public IReadOnlyList<VariableAccessSpecification> Variables { get; init; }

    /// <summary>One encoded Data value per variable.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Data { get; init; }

    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        VariableAccessSpecification.EncodeList(ref writer, Variables);
        ApduFields.WriteDataList(ref writer, Data);
    }

    internal static UnconfirmedWriteRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.UnconfirmedWriteRequest);
        var variables = VariableAccessSpecification.DecodeList(source, ref reader);
        return new UnconfirmedWriteRequest(variables, ApduFields.ReadDataList(source, ref reader, "list-of-data"));
    }
}
