using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The layout WriteRequest and UnconfirmedWriteRequest share (IEC 62056-5-3 §9.5: SEQUENCE
/// { variable-access-specification SEQUENCE OF Variable-Access-Specification, list-of-data SEQUENCE OF Data }).
/// </summary>
public abstract class ShortNameWriteApdu : Apdu
{
    private protected ShortNameWriteApdu(
        IReadOnlyList<VariableAccessSpecification> variables,
        IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        Variables = variables ?? throw new ArgumentNullException(nameof(variables));
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    /// <summary>
    /// variable-access-specification: the variables to write; the list-of-data has one value per entry.
    /// </summary>
    public IReadOnlyList<VariableAccessSpecification> Variables { get; init; }

    /// <summary>One encoded Data value per variable.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Data { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        VariableAccessSpecification.EncodeList(ref writer, Variables);
        ApduFields.WriteDataList(ref writer, Data);
    }

    private protected static (IReadOnlyList<VariableAccessSpecification> Variables, IReadOnlyList<ReadOnlyMemory<byte>> Data) DecodeBody(
        ReadOnlyMemory<byte> source, ref AxdrReader reader, ApduTag tag)
    {
        ApduFields.ExpectTag(ref reader, tag);
        var variables = VariableAccessSpecification.DecodeList(source, ref reader);
        return (variables, ApduFields.ReadDataList(source, ref reader, "list-of-data"));
    }
}
