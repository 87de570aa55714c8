using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Unsolicited variable values from an SN server, tag 24 (IEC 62056-5-3 §9.5, InformationReportRequest ::= SEQUENCE
/// { current-time GeneralizedTime OPTIONAL, variable-access-specification SEQUENCE OF Variable-Access-Specification,
/// list-of-data SEQUENCE OF Data }).
/// </summary>
public sealed class InformationReportRequest : Apdu
{
    /// <summary>
    /// Builds an InformationReportRequest: an unsolicited report of short-name variables with their values.
    /// </summary>
    public InformationReportRequest(
        ReadOnlyMemory<byte> currentTime,
        IReadOnlyList<VariableAccessSpecification> variables,
        IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        CurrentTime = currentTime;
        Variables = variables ?? throw new ArgumentNullException(nameof(variables));
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.InformationReportRequest;

    /// <summary>When the report was made (a COSEM date-time), or empty when absent.</summary>
    public ReadOnlyMemory<byte> CurrentTime { get; init; }

    /// <summary>
    /// variable-access-specification: the variables reported; the list-of-data has one value per entry.
    /// </summary>
    public IReadOnlyList<VariableAccessSpecification> Variables { get; init; }

    /// <summary>One encoded Data value per variable.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Data { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        // Sent as a length-prefixed octet string, zero length when absent, as deployed meters do.
        ApduFields.WriteOctetString(ref writer, CurrentTime.Span);
        VariableAccessSpecification.EncodeList(ref writer, Variables);
        ApduFields.WriteDataList(ref writer, Data);
    }

    internal static InformationReportRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.InformationReportRequest);
        var currentTime = ApduFields.ReadOctetString(source, ref reader, "current-time");
        var variables = VariableAccessSpecification.DecodeList(source, ref reader);
        return new InformationReportRequest(currentTime, variables, ApduFields.ReadDataList(source, ref reader, "list-of-data"));
    }
}
