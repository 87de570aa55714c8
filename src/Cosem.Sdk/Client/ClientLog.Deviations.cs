using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

// Warnings for what a non-conformant meter sent and the client accepted (CompatibilityOptions), and for answers
// that matched no request. Each names the deviation so a field engineer can tell the meter's maker what is wrong.
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "Meter deviation accepted: {Deviation}")]
    public static partial void Deviation(ILogger logger, string deviation);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Ignored {What}")]
    public static partial void Unmatched(ILogger logger, string what);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "The meter refused the release or did not finish it: {Reason}")]
    public static partial void ReleaseRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning, Message = "The meter refused a GET-Request-With-List of {Count} attributes ({Reason}); reading them one by one")]
    public static partial void WithListFallback(ILogger logger, int count, string reason);
}
