using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One block of a general block transfer, tag 224 (IEC 62056-5-3 §9.5, General-Block-Transfer ::= SEQUENCE
/// { block-control Unsigned8, block-number Unsigned16, block-number-ack Unsigned16, block-data OCTET STRING }).
/// Block-control: bit 7 last-block, bit 6 streaming, bits 0–5 window size (IEC 62056-5-3 §9.4.6.13).
/// </summary>
public sealed class GeneralBlockTransfer : Apdu
{
    /// <summary>Largest window size the 6-bit window field of block-control can carry (63 blocks).</summary>
    public const byte MaxWindow = 0x3F;

    /// <summary>
    /// Builds one general block transfer APDU; <paramref name="window"/> must not exceed <see cref="MaxWindow"/>.
    /// </summary>
    public GeneralBlockTransfer(bool lastBlock, bool streaming, byte window, ushort blockNumber, ushort blockNumberAck, ReadOnlyMemory<byte> blockData)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        LastBlock = lastBlock;
        Streaming = streaming;
        Window = window;
        BlockNumber = blockNumber;
        BlockNumberAck = blockNumberAck;
        BlockData = blockData;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.GeneralBlockTransfer;

    /// <summary>last-block (bit 7 of block-control): true on the final block of the APDU being transferred.</summary>
    public bool LastBlock { get; init; }

    /// <summary>True while more blocks follow without waiting for an acknowledgement.</summary>
    public bool Streaming { get; init; }

    /// <summary>The number of blocks the sender can receive in a window (0–63).</summary>
    public byte Window { get; init; }

    /// <summary>block-number: the number of this block, counted from 1 by the sender.</summary>
    public ushort BlockNumber { get; init; }

    /// <summary>
    /// block-number-ack: the number of the last block the sender received correctly from its peer (0 when none yet).
    /// </summary>
    public ushort BlockNumberAck { get; init; }

    /// <summary>A slice of the APDU being transferred.</summary>
    public ReadOnlyMemory<byte> BlockData { get; init; }

    /// <summary>The block-control byte as sent.</summary>
    public byte BlockControl => (byte)((LastBlock ? 0x80 : 0) | (Streaming ? 0x40 : 0) | (Window & MaxWindow));

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteRawByte(BlockControl);
        writer.WriteRawUInt16(BlockNumber);
        writer.WriteRawUInt16(BlockNumberAck);
        ApduFields.WriteOctetString(ref writer, BlockData.Span);
    }

    internal static GeneralBlockTransfer Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var fields = GeneralBlockTransferFields.ReadAt(source, ref reader);
        return new GeneralBlockTransfer(fields.LastBlock, fields.Streaming, fields.Window, fields.BlockNumber, fields.BlockNumberAck, fields.BlockData);
    }
}
