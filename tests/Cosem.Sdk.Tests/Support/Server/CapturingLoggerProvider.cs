using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Tests.Server;

/// <summary>Keeps every log line at <see cref="MinimumLevel"/> or above, to count what a flood produces.</summary>
internal sealed class CapturingLoggerProvider(LogLevel minimumLevel = LogLevel.Warning) : ILoggerProvider, ILoggerFactory
{
    public LogLevel MinimumLevel { get; } = minimumLevel;

    public ConcurrentQueue<(LogLevel Level, EventId Event, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Lines.Enqueue((logLevel, eventId, formatter(state, exception)));
            }
        }
    }
}
