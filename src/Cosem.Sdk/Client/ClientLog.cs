using Cosem.Sdk.Apdu;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

/// <summary>Association events (Debug) and every APDU sent and received (Trace). Hex is built only when enabled.</summary>
internal static partial class ClientLog
{
    public static void ApduSent(ILogger logger, ReadOnlySpan<byte> apdu)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Sent(logger, ApduRedaction.ToHex(apdu));
        }
    }

    public static void ApduReceived(ILogger logger, ReadOnlySpan<byte> apdu)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Received(logger, ApduRedaction.ToHex(apdu));
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Trace, Message = "APDU TX {Apdu}")]
    private static partial void Sent(ILogger logger, string apdu);

    [LoggerMessage(EventId = 102, Level = LogLevel.Trace, Message = "APDU RX {Apdu}")]
    private static partial void Received(ILogger logger, string apdu);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Connected: {Transport}")]
    public static partial void Connected(ILogger logger, string transport);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Associating client {Client} with logical device {Server}, authentication {Authentication}")]
    public static partial void Associating(ILogger logger, int client, int server, string authentication);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Associated: conformance {Conformance}, server max receive PDU {MaxPdu}")]
    public static partial void Associated(ILogger logger, string conformance, int maxPdu);

    [LoggerMessage(EventId = 106, Level = LogLevel.Debug, Message = "Released: {Response}")]
    public static partial void Released(ILogger logger, string response);

    [LoggerMessage(EventId = 107, Level = LogLevel.Debug, Message = "Release or disconnect failed: {Reason}")]
    public static partial void ReleaseFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 108, Level = LogLevel.Debug, Message = "Skipped {What}")]
    public static partial void Skipped(ILogger logger, string what);
}
