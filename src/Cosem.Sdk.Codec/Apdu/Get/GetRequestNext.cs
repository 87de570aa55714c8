using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Asks for the next block of a long GET response (IEC 62056-5-3 §9.5, Get-Request-Next): C0 02 ….</summary>
public sealed class GetRequestNext : GetRequest
{
    /// <summary>
    /// Builds a get-request-next that acknowledges block <paramref name="blockNumber"/> and asks for the next block of
    /// a long GET response.
    /// </summary>
    public GetRequestNext(InvokeIdAndPriority invokeIdAndPriority, uint blockNumber)
        : base(invokeIdAndPriority)
    {
        BlockNumber = blockNumber;
    }

    /// <summary>The number of the block last received.</summary>
    public uint BlockNumber { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NextChoice, InvokeIdAndPriority);
        writer.WriteRawUInt32(BlockNumber);
    }

    internal static new GetRequestNext Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.GetRequest, NextChoice, ChoiceField);
        return new GetRequestNext(invokeId, reader.ReadRawUInt32("block-number"));
    }
}
