using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The fields of one general-block-transfer APDU read in place (<see cref="Read"/>): what <see cref="GeneralBlockTransfer"/>
/// holds, without an object per block, for the block transfer loops that read hundreds of them per transfer.
/// <see cref="BlockData"/> is a slice of the bytes read and valid as long as they are.
/// </summary>
public readonly struct GeneralBlockTransferFields
{
    private GeneralBlockTransferFields(byte blockControl, ushort blockNumber, ushort blockNumberAck, ReadOnlyMemory<byte> blockData)
    {
        BlockControl = blockControl;
        BlockNumber = blockNumber;
        BlockNumberAck = blockNumberAck;
        BlockData = blockData;
    }

    /// <summary>The block-control byte as received: last-block, streaming and window in one octet.</summary>
    public byte BlockControl { get; }

    /// <summary>last-block (bit 7 of block-control): the final block of the APDU being transferred.</summary>
    public bool LastBlock => (BlockControl & 0x80) != 0;

    /// <summary>streaming (bit 6 of block-control): more blocks follow without waiting for an acknowledgement.</summary>
    public bool Streaming => (BlockControl & 0x40) != 0;

    /// <summary>The sender's receive window (bits 0–5 of block-control, 0–63).</summary>
    public byte Window => (byte)(BlockControl & GeneralBlockTransfer.MaxWindow);

    /// <summary>block-number: this block's number, counted from 1 by the sender.</summary>
    public ushort BlockNumber { get; }

    /// <summary>block-number-ack: the last block the sender received in sequence from its peer (0 when none).</summary>
    public ushort BlockNumberAck { get; }

    /// <summary>block-data: a slice of the APDU being transferred (empty in an acknowledgement).</summary>
    public ReadOnlyMemory<byte> BlockData { get; }

    /// <summary>
    /// Reads a whole general-block-transfer APDU: its tag, fields and block-data, and nothing after it. Malformed
    /// bytes throw <see cref="CosemEncodingException"/> naming the field; nothing is allocated on success.
    /// </summary>
    public static GeneralBlockTransferFields Read(ReadOnlyMemory<byte> apdu)
    {
        var reader = new AxdrReader(apdu.Span);
        var fields = ReadAt(apdu, ref reader);
        reader.EnsureAtEnd("end of apdu");
        return fields;
    }

    /// <summary>Reads the APDU at the reader's position; <paramref name="source"/> is the memory the reader reads.</summary>
    internal static GeneralBlockTransferFields ReadAt(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.GeneralBlockTransfer);
        var control = reader.ReadRawByte("block-control");
        var number = reader.ReadRawUInt16("block-number");
        var ack = reader.ReadRawUInt16("block-number-ack");
        return new GeneralBlockTransferFields(control, number, ack, ApduFields.ReadOctetString(source, ref reader, "block-data"));
    }
}
