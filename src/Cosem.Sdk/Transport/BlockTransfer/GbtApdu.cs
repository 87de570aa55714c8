namespace Cosem.Sdk.Transport.BlockTransfer;

/// <summary>
/// One received general block transfer APDU, read in place (<see cref="GbtBlock.Read"/>): the fields of
/// <see cref="Apdu.GeneralBlockTransfer"/> without an object or a string per block, since a transfer reads hundreds of
/// them and the service-specific blocks it competes with allocate less. <see cref="BlockData"/> is a slice of the
/// received message and valid as long as it is.
/// </summary>
internal readonly struct GbtApdu(bool lastBlock, bool streaming, byte window, ushort blockNumber, ushort blockNumberAck, ReadOnlyMemory<byte> blockData)
{
    /// <summary>last-block: the final block of the APDU being transferred.</summary>
    public bool LastBlock { get; } = lastBlock;

    /// <summary>streaming: more blocks follow without waiting for an acknowledgement.</summary>
    public bool Streaming { get; } = streaming;

    /// <summary>The sender's receive window (0-63).</summary>
    public byte Window { get; } = window;

    /// <summary>block-number: this block's number, from 1.</summary>
    public ushort BlockNumber { get; } = blockNumber;

    /// <summary>block-number-ack: the last block the sender received in sequence (0 when none).</summary>
    public ushort BlockNumberAck { get; } = blockNumberAck;

    /// <summary>block-data: a slice of the APDU being transferred.</summary>
    public ReadOnlyMemory<byte> BlockData { get; } = blockData;
}
