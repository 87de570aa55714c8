using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>What the server logs: sessions and associations at Information/Debug, refused things at Warning (rate-limited
/// per remote address by <see cref="RefusalLog"/>), user object failures at Error, APDUs at Trace.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Listening for {Transport} on {EndPoint}")]
    public static partial void Listening(ILogger logger, string transport, string endPoint);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Session {Session} opened")]
    public static partial void SessionOpened(ILogger logger, long session);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Session {Session} closed: {Reason}")]
    public static partial void SessionClosed(ILogger logger, long session, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Session {Session}: client {Client} associated with logical device {Server} ({Mechanism}, conformance {Conformance}, client max PDU {MaxPdu})")]
    public static partial void Associated(ILogger logger, long session, int client, int server, string mechanism, string conformance, int maxPdu);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Session {Session}: client {Client} released its association with logical device {Server}")]
    public static partial void Released(ILogger logger, long session, int client, int server);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Session {Session} (remote {Remote}): refused, {Reason}: {Detail}")]
    public static partial void Refused(ILogger logger, long session, string remote, string reason, string detail);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "Session {Session}: {Target} threw while serving the request; answered {Result}")]
    public static partial void ObjectFailed(ILogger logger, Exception exception, long session, string target, string result);

    [LoggerMessage(EventId = 108, Level = LogLevel.Debug, Message = "Session {Session}: APDU for unknown logical device {Server} from client {Client} discarded")]
    public static partial void UnknownDevice(ILogger logger, long session, int server, int client);

    [LoggerMessage(EventId = 109, Level = LogLevel.Trace, Message = "Session {Session} RX {Apdu}")]
    public static partial void Received(ILogger logger, long session, string apdu);

    [LoggerMessage(EventId = 110, Level = LogLevel.Trace, Message = "Session {Session} TX {Apdu}")]
    public static partial void Sent(ILogger logger, long session, string apdu);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "Session {Session} failed")]
    public static partial void SessionFailed(ILogger logger, Exception exception, long session);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Accepting {Transport} connections failed; retrying")]
    public static partial void AcceptFailed(ILogger logger, Exception exception, string transport);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "The management logical device has no SAP assignment object (class 17, usually 0.0.41.0.0.255): clients cannot discover the logical devices")]
    public static partial void NoSapAssignment(ILogger logger);

    [LoggerMessage(EventId = 114, Level = LogLevel.Warning, Message = "Remote {Remote}: {Summary} refused in the last {Seconds} s")]
    public static partial void RefusalsSummarised(ILogger logger, string remote, string summary, double seconds);
}
