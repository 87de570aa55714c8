using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

internal static partial class ClientLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Debug, Message = "General block transfer: {What}")]
    public static partial void BlockTransferRecovery(ILogger logger, string what);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning,
        Message = "Tolerated: the meter numbered its first general-block-transfer data block {Number} instead of 1")]
    public static partial void BlockTransferRenumbered(ILogger logger, int number);
}
