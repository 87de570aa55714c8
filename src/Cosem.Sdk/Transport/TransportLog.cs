using Cosem.Sdk.Apdu;
using Cosem.Sdk.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport;

/// <summary>Frame traces for every transport. Hex strings are built only when the level is enabled, with secrets
/// masked (<see cref="ApduRedaction"/>).</summary>
internal static partial class TransportLog
{
    public static void FrameSent(ILogger logger, string transport, ReadOnlySpan<byte> frame)
    {
        CosemTelemetry.RecordIo(frame.Length, sent: true);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Sent(logger, transport, ApduRedaction.ToHex(frame));
        }
    }

    public static void FrameReceived(ILogger logger, string transport, ReadOnlySpan<byte> frame)
    {
        CosemTelemetry.RecordIo(frame.Length, sent: false);
        TraceReceived(logger, transport, frame);
    }

    /// <summary>Traces a received frame whose bytes the caller has counted itself.</summary>
    public static void TraceReceived(ILogger logger, string transport, ReadOnlySpan<byte> frame)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Received(logger, transport, ApduRedaction.ToHex(frame));
        }
    }

    public static void FrameDropped(ILogger logger, string transport, string reason, ReadOnlySpan<byte> bytes)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Dropped(logger, transport, reason, ApduRedaction.ToHex(bytes));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Trace, Message = "{Transport} TX {Frame}")]
    private static partial void Sent(ILogger logger, string transport, string frame);

    [LoggerMessage(EventId = 2, Level = LogLevel.Trace, Message = "{Transport} RX {Frame}")]
    private static partial void Received(ILogger logger, string transport, string frame);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Transport} dropped ({Reason}) {Bytes}")]
    private static partial void Dropped(ILogger logger, string transport, string reason, string bytes);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{Transport} {Event}")]
    public static partial void LinkEvent(ILogger logger, string transport, string @event);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Transport} deviation accepted: {Deviation}")]
    public static partial void Deviation(ILogger logger, string transport, string deviation);
}
