using Microsoft.Extensions.Logging;

namespace Cosem.Studio.Meters;

/// <summary>
/// Feeds a connection's <see cref="FrameLog"/> from the SDK's own traces: the client's "APDU TX/RX" (events 101/102)
/// and the transports' "TX/RX" frame traces (events 1/2). Those traces already mask secrets
/// (<c>ApduRedaction</c>), so nothing secret reaches the page; every other message is dropped.
/// </summary>
public sealed class FrameCaptureLoggerFactory(FrameLog log) : ILoggerFactory
{
    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new FrameCaptureLogger(log, categoryName);

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider)
    {
        // The capture is the only sink: other providers are not attached to a meter's connection.
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class FrameCaptureLogger(FrameLog log, string category) : ILogger
    {
        private readonly bool _isClient = category == "Cosem.Sdk.Client";

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Trace;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel != LogLevel.Trace || state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                return;
            }
            if (_isClient && eventId.Id is 101 or 102 && Field(fields, "Apdu") is { } apdu)
            {
                log.Add(eventId.Id == 101, "APDU", apdu);
            }
            else if (!_isClient && eventId.Id is 1 or 2 && Field(fields, "Frame") is { } frame)
            {
                log.Add(eventId.Id == 1, Field(fields, "Transport") ?? "frame", frame);
            }
        }

        private static string? Field(IReadOnlyList<KeyValuePair<string, object?>> fields, string name)
        {
            foreach (var field in fields)
            {
                if (field.Key == name)
                {
                    return field.Value as string;
                }
            }
            return null;
        }
    }
}
