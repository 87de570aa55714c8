using Microsoft.Extensions.Logging;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>--verbose</c> traces as single lines on the command's error writer (stderr, or the writer a test captures),
/// so traces and error lines go to the same place in order.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => writer.Flush();

    private sealed class Logger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel.ToString().ToLowerInvariant()[..4]}: {category}: {formatter(state, exception)}";
            lock (provider._lock)
            {
                provider.WriteLine(line);
            }
        }
    }

    private void WriteLine(string line) => writer.WriteLine(line);
}
