using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Acknowledges the last block of a long SET-with-list with one result per attribute (IEC 62056-5-3 §9.5, Set-Response-Last-Datablock-With-List): C5 04 ….</summary>
public sealed class SetResponseLastDataBlockWithList : SetResponse
{
    /// <summary>
    /// Builds a set-response-last-datablock-with-list: the results of a list SET whose values were sent in blocks.
    /// </summary>
    public SetResponseLastDataBlockWithList(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<DataAccessResult> results,
        uint blockNumber)
        : base(invokeIdAndPriority)
    {
        Results = results ?? throw new ArgumentNullException(nameof(results));
        BlockNumber = blockNumber;
    }

    /// <summary>result: one data-access-result per attribute, in request order.</summary>
    public IReadOnlyList<DataAccessResult> Results { get; init; }

    /// <summary>block-number of the last block received.</summary>
    public uint BlockNumber { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, LastDataBlockWithListChoice, InvokeIdAndPriority);
        ApduFields.WriteDataAccessResults(ref writer, Results);
        writer.WriteRawUInt32(BlockNumber);
    }

    internal static new SetResponseLastDataBlockWithList Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetResponse, LastDataBlockWithListChoice, ChoiceField);
        var results = ApduFields.ReadDataAccessResults(ref reader, "result");
        var blockNumber = reader.ReadRawUInt32("block-number");
        return new SetResponseLastDataBlockWithList(invokeId, results, blockNumber);
    }
}
