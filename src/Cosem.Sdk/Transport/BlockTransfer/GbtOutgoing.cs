using System.Buffers;

namespace Cosem.Sdk.Transport.BlockTransfer;

/// <summary>
/// One APDU being sent in general block transfer blocks (see <see cref="GbtBlock"/> for the procedure): its bytes,
/// the block size, and how far the peer has acknowledged. The bytes must stay valid until the transfer ends.
/// </summary>
internal sealed class GbtOutgoing
{
    private readonly ReadOnlyMemory<byte> _apdu;
    private readonly int _blockSize;

    /// <param name="apdu">The whole (protected, when ciphered) APDU.</param>
    /// <param name="blockSize">block-data octets per block (<see cref="GbtBlock.DataSize"/> of the peer's PDU size).</param>
    public GbtOutgoing(ReadOnlyMemory<byte> apdu, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _apdu = apdu;
        _blockSize = blockSize;
        var count = Math.Max(1, (apdu.Length + blockSize - 1) / blockSize);
        if (count > GbtBlock.MaxBlocks)
        {
            throw new CosemEncodingException(
                $"An APDU of {apdu.Length} bytes needs {count} blocks of {blockSize} bytes; block-number stops at {GbtBlock.MaxBlocks}.");
        }
        BlockCount = (ushort)count;
    }

    /// <summary>How many blocks the APDU takes.</summary>
    public ushort BlockCount { get; }

    /// <summary>The highest block number sent so far (0 before any).</summary>
    public ushort LastSent { get; private set; }

    /// <summary>Whether the last block has been sent (it may still have to be resent).</summary>
    public bool AllSent => LastSent == BlockCount;

    /// <summary>
    /// The blocks to send after the peer acknowledged <paramref name="acknowledged"/>: up to
    /// <paramref name="peerWindow"/> of them. Null with a reason when the acknowledgement names a block never sent.
    /// </summary>
    public (ushort First, ushort Last)? Window(ushort acknowledged, int peerWindow, out string? violation)
    {
        violation = null;
        if (acknowledged > LastSent)
        {
            violation = $"the peer acknowledged block {acknowledged} but only {LastSent} of {BlockCount} were sent";
            return null;
        }
        var first = acknowledged + 1;
        if (first > BlockCount)
        {
            return (BlockCount, (ushort)(BlockCount - 1)); // nothing left: an empty range
        }
        var last = Math.Min(BlockCount, first + Math.Max(peerWindow, 1) - 1);
        return ((ushort)first, (ushort)last);
    }

    /// <summary>
    /// Writes block <paramref name="number"/>: streaming unless it ends the window (<paramref name="windowEnd"/>),
    /// last-block on the final one.
    /// </summary>
    public void WriteBlock(IBufferWriter<byte> output, ushort number, ushort windowEnd, byte ownWindow, ushort acknowledged)
    {
        var offset = (number - 1) * _blockSize;
        var length = Math.Min(_blockSize, _apdu.Length - offset);
        var last = number == BlockCount;
        GbtBlock.Write(output, last, streaming: !last && number < windowEnd, ownWindow, number, acknowledged,
            _apdu.Span.Slice(offset, Math.Max(length, 0)));
        if (number > LastSent)
        {
            LastSent = number;
        }
    }
}
