using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Transport.BlockTransfer;

/// <summary>What became of one received GBT data block.</summary>
internal enum GbtAcceptance
{
    /// <summary>The next block in sequence: appended.</summary>
    Appended,

    /// <summary>The last block, in sequence: the APDU is whole.</summary>
    Complete,

    /// <summary>A block already received (a resend): dropped.</summary>
    Duplicate,

    /// <summary>A block after a missing one: dropped; the sender must resend from the last block in sequence.</summary>
    Gap,

    /// <summary>Block numbering that cannot go on (a non-last block at the highest block-number).</summary>
    Violation,

    /// <summary>The joined APDU would grow beyond the receiver's byte bound: the transfer cannot go on.</summary>
    TooLarge,
}

/// <summary>
/// One APDU being received in general block transfer blocks (procedure: <see cref="GbtBlock"/>): blocks are kept in
/// sequence only, and the reassembled size is bounded.
/// </summary>
internal sealed class GbtIncoming
{
    private readonly int _maxBytes;
    private ushort _base = 1;
    // The joined bytes, in an array rented from ArrayPool<byte>.Shared that TakeApdu hands to the message it returns
    // (no copy of the whole APDU); the next APDU rents one of the size of the last, so it seldom grows.
    private byte[]? _data;
    private int _length;
    private int _sizeHint = 1024;

    /// <param name="maxBytes">The longest APDU this receiver joins from blocks.</param>
    public GbtIncoming(int maxBytes)
    {
        _maxBytes = maxBytes;
    }

    /// <summary>The last block received in sequence (0 before any): what an acknowledgement carries.</summary>
    public ushort LastInSequence { get; private set; }

    /// <summary>Whether the last block has arrived in sequence.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>
    /// Set when the peer's first data block carried a number other than 1 and was taken as the start (a peer that
    /// numbers its acknowledgements too); the caller logs the deviation.
    /// </summary>
    public bool Renumbered { get; private set; }

    /// <summary>Whether no block of this APDU has been kept yet.</summary>
    public bool IsEmpty => LastInSequence == 0;

    /// <summary>The bytes joined so far.</summary>
    public int Length => _length;

    /// <summary>The reassembled APDU so far.</summary>
    public ReadOnlyMemory<byte> Data => _data.AsMemory(0, _length);

    /// <summary>
    /// Hands the joined APDU to a message without copying it (the message returns the array to the pool when
    /// disposed) and starts over for the next APDU.
    /// </summary>
    public ApduMessage TakeApdu(int sourceAddress, int destinationAddress)
    {
        var message = _data is null
            ? ApduMessage.Create([], sourceAddress, destinationAddress)
            : ApduMessage.FromRented(_data, _length, sourceAddress, destinationAddress);
        _sizeHint = Math.Max(_length, 1024);
        _data = null;
        Reset();
        return message;
    }

    /// <summary>Starts over for the next APDU.</summary>
    public void Reset()
    {
        _length = 0;
        _base = 1;
        LastInSequence = 0;
        IsComplete = false;
        Renumbered = false;
    }

    /// <summary>Takes one data block (not an acknowledgement); <paramref name="violation"/> says why on <see cref="GbtAcceptance.Violation"/>.</summary>
    public GbtAcceptance Accept(in GeneralBlockTransferFields block, out string? violation)
    {
        violation = null;
        var number = block.BlockNumber;
        if (IsComplete)
        {
            return GbtAcceptance.Duplicate;
        }
        if (LastInSequence == 0 && number != _base && number != 0 && !block.Streaming)
        {
            // Tolerated: a first block sent alone (not streamed) cannot follow a lost one, since the sender waits for
            // an acknowledgement after each such block; the peer counts its blocks from elsewhere.
            _base = number;
            Renumbered = true;
        }
        var expected = LastInSequence == 0 ? _base : LastInSequence + 1;
        if (number < expected)
        {
            return GbtAcceptance.Duplicate;
        }
        if (number > expected)
        {
            return GbtAcceptance.Gap;
        }
        if (_length + block.BlockData.Length > _maxBytes)
        {
            violation = $"the APDU in blocks grows beyond {_maxBytes} bytes";
            return GbtAcceptance.TooLarge;
        }
        if (!block.LastBlock && number == ushort.MaxValue)
        {
            violation = $"block {number} is not the last, and block-number cannot go further";
            return GbtAcceptance.Violation;
        }
        Append(block.BlockData.Span);
        LastInSequence = number;
        IsComplete = block.LastBlock;
        return IsComplete ? GbtAcceptance.Complete : GbtAcceptance.Appended;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_data is null || _length + data.Length > _data.Length)
        {
            // Doubling, from the size of the last APDU: a transfer as long as the one before needs no growth.
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_length + data.Length, Math.Max(_sizeHint, (_data?.Length ?? 0) * 2)));
            if (_data is not null)
            {
                _data.AsSpan(0, _length).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_data);
            }
            _data = grown;
        }
        data.CopyTo(_data.AsSpan(_length));
        _length += data.Length;
    }
}
