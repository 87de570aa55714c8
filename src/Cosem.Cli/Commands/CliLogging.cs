using Microsoft.Extensions.Logging;

namespace Cosem.Cli.Commands;

/// <summary>
/// The loggers every meter command hands the SDK: warnings (a meter deviation the client accepted, an answer that
/// matched nothing) always reach stderr, so a field engineer sees what was wrong; <c>--verbose</c> adds every frame
/// and APDU trace.
/// </summary>
internal static class CliLogging
{
    public static ILoggerFactory Create(TextWriter error, bool verbose) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(verbose ? LogLevel.Trace : LogLevel.Warning)
        .AddProvider(new TextWriterLoggerProvider(error)));
}
