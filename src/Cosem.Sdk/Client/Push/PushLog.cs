using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

internal static partial class PushLog
{
    [LoggerMessage(EventId = 140, Level = LogLevel.Warning, Message = "Refused a pushed notification: {Rejection} (further refusals for this reason are logged at Debug level for a minute)")]
    public static partial void Rejected(ILogger logger, PushRejection rejection);

    [LoggerMessage(EventId = 141, Level = LogLevel.Debug, Message = "Refused a pushed notification: {Rejection}")]
    public static partial void RejectedQuietly(ILogger logger, PushRejection rejection);

    [LoggerMessage(EventId = 142, Level = LogLevel.Debug, Message = "Push connection {Event}: {RemoteEndPoint}")]
    public static partial void Connection(ILogger logger, string @event, string remoteEndPoint);

    [LoggerMessage(EventId = 143, Level = LogLevel.Warning, Message = "A push connection from {RemoteEndPoint} ended with an error: {Reason}")]
    public static partial void ConnectionFailed(ILogger logger, string remoteEndPoint, string reason);

    [LoggerMessage(EventId = 144, Level = LogLevel.Warning, Message = "A NotificationReceived handler failed: {Reason}")]
    public static partial void HandlerFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 145, Level = LogLevel.Warning, Message = "Dropped an unsolicited notification that does not decode: {Reason}")]
    public static partial void MalformedUnsolicited(ILogger logger, string reason);

    [LoggerMessage(EventId = 146, Level = LogLevel.Debug, Message = "Confirmed a DataNotification (invoke-id {InvokeId}) to {RemoteEndPoint}")]
    public static partial void Confirmed(ILogger logger, uint invokeId, string remoteEndPoint);
}
