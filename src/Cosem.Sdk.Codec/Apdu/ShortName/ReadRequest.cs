using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Reads variables by short name, tag 5 (IEC 62056-5-3 §9.5, ReadRequest ::= SEQUENCE OF Variable-Access-Specification).</summary>
public sealed class ReadRequest : Apdu
{
    /// <summary>Builds a ReadRequest for the given short-name variables.</summary>
    public ReadRequest(IReadOnlyList<VariableAccessSpecification> variables)
    {
        Variables = variables ?? throw new ArgumentNullException(nameof(variables));
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.ReadRequest;

    /// <summary>
    /// variable-access-specification: the variables to read (by name, parameterized, or block access); the response has
    /// one result per entry.
    /// </summary>
    public IReadOnlyList<VariableAccessSpecification> Variables { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        VariableAccessSpecification.EncodeList(ref writer, Variables);
    }

    internal static ReadRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.ReadRequest);
        return new ReadRequest(VariableAccessSpecification.DecodeList(source, ref reader));
    }
}
