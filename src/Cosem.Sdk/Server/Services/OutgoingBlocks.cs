using System.Buffers;

namespace Cosem.Sdk.Server;

/// <summary>
/// A long answer (GET data or ACTION return) being sent block by block: the encoded bytes and the number of the
/// last block sent (IEC 62056-5-3 §9.4.6.3).
/// </summary>
internal sealed class OutgoingBlocks
{
    /// <summary>The answer in an array of its own.</summary>
    public OutgoingBlocks(byte[] data)
    {
        Data = data;
    }

    /// <summary>
    /// The answer where it was written: <paramref name="owner"/> now belongs to this transfer (no copy of a long answer,
    /// which would land on the large-object heap per read) and is handed back by <see cref="ReleaseBuffer"/>.
    /// </summary>
    public OutgoingBlocks(ArrayBufferWriter<byte> owner)
    {
        Data = owner.WrittenMemory;
        _owner = owner;
    }

    private ArrayBufferWriter<byte>? _owner;

    public ReadOnlyMemory<byte> Data { get; }

    public int Offset { get; set; }

    public uint LastBlockSent { get; set; }

    public bool IsComplete => Offset >= Data.Length;

    /// <summary>Takes the next block of at most <paramref name="size"/> bytes.</summary>
    public ReadOnlyMemory<byte> Next(int size)
    {
        var length = Math.Min(size, Data.Length - Offset);
        var block = Data.Slice(Offset, length);
        Offset += length;
        LastBlockSent++;
        return block;
    }

    /// <summary>The buffer this transfer owned, once its last block has been copied out (null for an own array).</summary>
    public ArrayBufferWriter<byte>? ReleaseBuffer()
    {
        var owner = _owner;
        _owner = null;
        return owner;
    }
}
