using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

/// <summary>Log events of SN referencing on the client.</summary>
internal static partial class ShortNameLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Debug, Message = "Short names: {Count} objects in the Association SN object list")]
    public static partial void ObjectListRead(ILogger logger, int count);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Dropped an InformationReportRequest that does not decode: {Reason}")]
    public static partial void MalformedReport(ILogger logger, string reason);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "An InformationReportReceived handler failed: {Reason}")]
    public static partial void ReportHandlerFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning, Message = "The object list names {LogicalName} twice; the first base name is kept")]
    public static partial void DuplicateName(ILogger logger, string logicalName);
}
