using Cosem.Sdk.Apdu;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

internal static partial class ClientLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Debug, Message = "General block transfer: {What}")]
    public static partial void BlockTransferRecovery(ILogger logger, string what);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning,
        Message = "Tolerated: the meter numbered its first general-block-transfer data block {Number} instead of 1")]
    public static partial void BlockTransferRenumbered(ILogger logger, int number);

    /// <summary>
    /// One GBT APDU, by its header only: block-data is a slice of an APDU whose secrets (<see cref="Apdu.ApduRedaction"/>)
    /// could straddle blocks, so the joined APDU is what the APDU traces show.
    /// </summary>
    [LoggerMessage(EventId = 122, Level = LogLevel.Trace,
        Message = "GBT {Direction} block {Number} ack {Acknowledged} window {Window} last {Last} streaming {Streaming}, {Length} bytes")]
    public static partial void Block(ILogger logger, string direction, int number, int acknowledged, int window, bool last, bool streaming, int length);

    public static void BlockSent(ILogger logger, ReadOnlySpan<byte> apdu)
    {
        if (logger.IsEnabled(LogLevel.Trace) && apdu.Length >= 6)
        {
            Block(logger, "TX", (apdu[2] << 8) | apdu[3], (apdu[4] << 8) | apdu[5], apdu[1] & 0x3F, (apdu[1] & 0x80) != 0, (apdu[1] & 0x40) != 0, apdu.Length - 6);
        }
    }

    public static void BlockReceived(ILogger logger, in GeneralBlockTransferFields block)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Block(logger, "RX", block.BlockNumber, block.BlockNumberAck, block.Window, block.LastBlock, block.Streaming, block.BlockData.Length);
        }
    }
}
