using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Transport.BlockTransfer;

/// <summary>
/// Writing single general block transfer APDUs (IEC 62056-5-3 §9.4.6.13; they are read in place by the codec's
/// <see cref="GeneralBlockTransferFields.Read"/>), shared by the client and the server. Our reading of the procedure,
/// which both sides follow:
/// <list type="bullet">
/// <item>Any APDU longer than the peer's max receive PDU size — or any APDU of an exchange the peer started in GBT —
/// travels as GBT blocks; the protected (ciphered) APDU is what is split, so it is opened only once reassembled.</item>
/// <item>block-number counts the blocks carrying one APDU, from 1. A block resent to recover a loss keeps its number.
/// An acknowledgement is a GBT with empty block-data and last-block 0; it repeats the number of the sender's last
/// data block (0 before any) and does not take a new one, so data blocks always run 1, 2, 3… and a receiver can
/// tell a lost first block from a peer that numbers differently.</item>
/// <item>block-number-ack is the last block received in sequence from the peer (0 when none).</item>
/// <item>The window field announces the sender's own receive window: how many blocks it takes before it
/// acknowledges. A window of 0 announces that it can take none: a protocol error.</item>
/// <item>The sender streams up to the peer's window: streaming 1 on every block of the window but its last; the
/// block with streaming 0 (or last-block 1) asks for an acknowledgement.</item>
/// <item>The receiver keeps blocks in sequence only (go-back-N): a block after a gap is dropped, and at the end of
/// the window it acknowledges the last block in sequence, which asks the sender to resend everything after it. A
/// receiver that hears nothing may re-request the same way (an empty GBT with its last good block as
/// block-number-ack).</item>
/// </list>
/// The same reading is documented by dlms-cosem-kit (docs.rs, xdlms/gbt.rs) for the window and streaming fields;
/// Gurux numbers acknowledgements too, which a receiver here tolerates (see <see cref="GbtIncoming"/>).
/// </summary>
internal static class GbtBlock
{
    /// <summary>Tag, block-control, block-number, block-number-ack: the fixed part before block-data's length.</summary>
    public const int FixedOverhead = 6;

    /// <summary>The most blocks one APDU may take: block-number is an Unsigned16.</summary>
    public const int MaxBlocks = ushort.MaxValue;

    /// <summary>The largest block-data that keeps a GBT APDU within <paramref name="maxPdu"/> octets.</summary>
    public static int DataSize(int maxPdu)
    {
        var size = maxPdu - FixedOverhead - 1;
        while (size > 0 && FixedOverhead + AxdrWriter.GetLengthSize(size) + size > maxPdu)
        {
            size--;
        }
        return Math.Max(size, 1);
    }

    /// <summary>Writes one GBT APDU.</summary>
    public static void Write(IBufferWriter<byte> output, bool last, bool streaming, byte window, ushort number, ushort ack, ReadOnlySpan<byte> data)
    {
        var length = AxdrWriter.GetLengthSize(data.Length);
        var span = output.GetSpan(FixedOverhead + length + data.Length);
        span[0] = (byte)ApduTag.GeneralBlockTransfer;
        span[1] = (byte)((last ? 0x80 : 0) | (streaming ? 0x40 : 0) | (window & GeneralBlockTransfer.MaxWindow));
        span[2] = (byte)(number >> 8);
        span[3] = (byte)number;
        span[4] = (byte)(ack >> 8);
        span[5] = (byte)ack;
        WriteLength(span[FixedOverhead..], data.Length);
        data.CopyTo(span[(FixedOverhead + length)..]);
        output.Advance(FixedOverhead + length + data.Length);
    }

    /// <summary>Writes an acknowledgement (or re-request): empty block-data, last-block 0, streaming 0.</summary>
    public static void WriteAck(IBufferWriter<byte> output, byte window, ushort number, ushort ack) =>
        Write(output, last: false, streaming: false, window, number, ack, []);

    /// <summary>Whether <paramref name="apdu"/> is a GBT APDU (tag 224).</summary>
    public static bool Is(ReadOnlySpan<byte> apdu) => !apdu.IsEmpty && apdu[0] == (byte)ApduTag.GeneralBlockTransfer;

    /// <summary>An acknowledgement carries no data and is not a last block.</summary>
    public static bool IsAck(in GeneralBlockTransferFields block) => block.BlockData.IsEmpty && !block.LastBlock;

    // A-XDR length (IEC 62056-6-2 §4.1.2): one octet below 128, else 0x8n and n octets.
    private static void WriteLength(Span<byte> span, int length)
    {
        if (length < 0x80)
        {
            span[0] = (byte)length;
        }
        else if (length <= 0xFF)
        {
            span[0] = 0x81;
            span[1] = (byte)length;
        }
        else
        {
            // Blocks never exceed a PDU size (an Unsigned16), so three octets always suffice.
            ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 0xFFFF);
            span[0] = 0x82;
            span[1] = (byte)(length >> 8);
            span[2] = (byte)length;
        }
    }
}
