using System.Buffers;

namespace Cosem.Sdk.Server;

/// <summary>
/// A WriteRequest arriving in write-data-block-access blocks (IEC 62056-5-3 §9.5): the raw bytes of the request
/// after its tag (its variable-access-specification list and list-of-data) joined in block order.
/// </summary>
internal sealed class ShortNameWriteBlocks
{
    private readonly ArrayBufferWriter<byte> _data = new(512);

    /// <summary>The number of the last block joined.</summary>
    public ushort LastBlockNumber { get; private set; }

    /// <summary>The bytes joined so far.</summary>
    public int Length => _data.WrittenCount;

    /// <summary>The joined request body.</summary>
    public ReadOnlyMemory<byte> Data => _data.WrittenMemory;

    /// <summary>Appends block <paramref name="blockNumber"/>.</summary>
    public void Append(ushort blockNumber, ReadOnlySpan<byte> raw)
    {
        _data.Write(raw);
        LastBlockNumber = blockNumber;
    }
}
