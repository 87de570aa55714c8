using System.Net.Sockets;
using Cosem.HeadEnd.Reading;
using Cosem.Sdk;
using Microsoft.Extensions.Logging;

namespace Cosem.HeadEnd.Meters;

// One read attempt and what follows it: the store write, the failure state, the back-off retry.
internal sealed partial class MeterGrain
{
    private async Task AttemptAsync(CancellationToken cancellationToken)
    {
        if (_settings is not { } settings)
        {
            LogNotConfigured(logger, MeterId);
            return;
        }
        MeterReadResult result;
        int stored;
        try
        {
            await runtime.EnsureStoreAsync();
            var resume = await ResumePointsAsync(settings, cancellationToken);
            using (await runtime.Limiter.AcquireAsync(settings.GatewayKey, cancellationToken))
            {
                result = await runtime.Reader.ReadAsync(settings, resume, InvocationCounters, cancellationToken);
            }
            stored = await runtime.Store.WriteAsync(result.Readings, cancellationToken);
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            await FailedAsync(e);
            return;
        }
        var s = state.State;
        foreach (var (profile, newest) in result.ProfileResume)
        {
            s.ProfileResume[profile] = newest;
        }
        s.LastSuccess = s.LastAttempt = DateTimeOffset.UtcNow;
        s.ConsecutiveFailures = 0;
        s.LastError = null;
        s.SuccessfulReads++;
        s.ReadingsStored += stored;
        s.LastReadings = [.. result.Snapshot];
        _attemptsThisCycle = 0;
        runtime.Counters.Completed(result.Readings.Count, stored);
        await SaveAsync();
    }

    // The counters this activation sends, continuing from the persisted ones (saved with the state after each attempt).
    private GrainInvocationCounterStore InvocationCounters => _invocationCounters ??= new GrainInvocationCounterStore(state.State.InvocationCounters);

    // Where each profile resumes: the grain's own record, else the store's newest row (state lost with a silo).
    private async Task<Dictionary<string, DateTimeOffset>> ResumePointsAsync(MeterSettings settings, CancellationToken cancellationToken)
    {
        var resume = new Dictionary<string, DateTimeOffset>(state.State.ProfileResume, StringComparer.Ordinal);
        foreach (var profile in new[] { settings.Plan.LoadProfile, settings.Plan.EventLog })
        {
            if (profile is not null && !resume.ContainsKey(profile)
                && await runtime.Store.GetLatestCaptureTimeAsync(settings.MeterId, profile, cancellationToken) is { } latest)
            {
                resume[profile] = latest;
                state.State.ProfileResume[profile] = latest;
            }
        }
        return resume;
    }

    private async Task FailedAsync(Exception error)
    {
        var s = state.State;
        s.LastAttempt = DateTimeOffset.UtcNow;
        s.ConsecutiveFailures++;
        s.FailedAttempts++;
        s.LastError = $"{error.GetType().Name}: {error.Message}";
        runtime.Counters.Failed();
        _attemptsThisCycle++;
        if (_attemptsThisCycle < runtime.Options.MaxAttemptsPerCycle)
        {
            var delay = runtime.Retry.DelayAfter(s.ConsecutiveFailures, Random.Shared.NextDouble());
            _retry?.Dispose();
            _retry = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
            _nextRetry = DateTimeOffset.UtcNow + delay;
            LogRetry(logger, MeterId, s.ConsecutiveFailures, delay.TotalSeconds, s.LastError);
        }
        else
        {
            _attemptsThisCycle = 0;
            LogGaveUp(logger, MeterId, s.ConsecutiveFailures, s.LastError);
        }
        await SaveAsync();
    }

    // What a meter, its network or the store can do to a read; programming errors still surface.
    private static bool IsReadFailure(Exception e) => e is CosemException or IOException or SocketException or TimeoutException
        or OperationCanceledException or System.Data.Common.DbException or InvalidOperationException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {MeterId} is not configured and not in the catalog: nothing to read.")]
    private static partial void LogNotConfigured(ILogger logger, string meterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter {MeterId}: attempt failed ({Failures} in a row), retrying in {DelaySeconds:F1} s: {Error}")]
    private static partial void LogRetry(ILogger logger, string meterId, int failures, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {MeterId}: {Failures} failed attempts in a row, waiting for the next scheduled read: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string meterId, int failures, string error);
}
