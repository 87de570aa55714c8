using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Objects;

internal static partial class PushSetupLog
{
    [LoggerMessage(EventId = 150, Level = LogLevel.Information, Message = "Push {LogicalName}: attempt {Attempt} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string logicalName, int attempt, string reason);

    [LoggerMessage(EventId = 151, Level = LogLevel.Warning, Message = "Push {LogicalName} not sent: {Reason}")]
    public static partial void Abandoned(ILogger logger, string logicalName, string reason);

    [LoggerMessage(EventId = 152, Level = LogLevel.Information, Message = "Push {LogicalName} triggered outside its communication windows: postponed to {Opening}")]
    public static partial void Postponed(ILogger logger, string logicalName, DateTimeOffset opening);

    [LoggerMessage(EventId = 153, Level = LogLevel.Warning, Message = "Push {LogicalName}: a reply was not taken as a confirmation: {Reason}")]
    public static partial void ConfirmationIgnored(ILogger logger, string logicalName, string reason);

    [LoggerMessage(EventId = 154, Level = LogLevel.Information, Message = "Push {LogicalName} confirmed by the destination (invoke-id {InvokeId})")]
    public static partial void Confirmed(ILogger logger, string logicalName, uint invokeId);

    [LoggerMessage(EventId = 155, Level = LogLevel.Warning, Message = "Push {LogicalName} refused, not sent in the clear: {Reason}")]
    public static partial void ProtectionRefused(ILogger logger, string logicalName, string reason);
}
