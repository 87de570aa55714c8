using Cosem.Sdk.Hosting;
using Cosem.Sdk.Objects;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cosem.Samples.HostedMeter;

/// <summary>Once the host has started: reports the server's health, then reads the meter's clock through the named client.</summary>
internal sealed partial class ReadClockAtStartup(
    IHostApplicationLifetime lifetime,
    ICosemClientFactory clients,
    HealthCheckService health,
    ILogger<ReadClockAtStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var report = await health.CheckHealthAsync(stoppingToken);
        LogHealth(logger, report.Status, string.Join(", ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description}")));
        try
        {
            await using var client = await clients.ConnectAsync("local", stoppingToken);
            var now = await new ReferenceMeter(client).Clock.GetTimeAsync(stoppingToken);
            LogClock(logger, now.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReadFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health: {Status} ({Entries})")]
    private static partial void LogHealth(ILogger logger, HealthStatus status, string entries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter clock read through the named client 'local': {Time}")]
    private static partial void LogClock(ILogger logger, string time);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the meter clock failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
