namespace Cosem.Sdk.Server;

/// <summary>
/// A long answer (GET data or ACTION return) being sent block by block: the encoded bytes and the number of the
/// last block sent (IEC 62056-5-3 §9.4.6.3).
/// </summary>
internal sealed class OutgoingBlocks(byte[] data)
{
    public byte[] Data { get; } = data;

    public int Offset { get; set; }

    public uint LastBlockSent { get; set; }

    public bool IsComplete => Offset >= Data.Length;

    /// <summary>Takes the next block of at most <paramref name="size"/> bytes.</summary>
    public ReadOnlyMemory<byte> Next(int size)
    {
        var length = Math.Min(size, Data.Length - Offset);
        var block = new ReadOnlyMemory<byte>(Data, Offset, length);
        Offset += length;
        LastBlockSent++;
        return block;
    }
}
