using Cosem.HeadEnd.Hosting;
using Cosem.HeadEnd.Push;
using Microsoft.Extensions.Logging;

namespace Cosem.HeadEnd.Meters;

/// <summary>
/// The meter grain: settings and failure state in persistent state (storage <see cref="HeadEndStorage.Name"/>), a
/// durable reminder per meter for the schedule, a one-shot grain timer for each back-off retry. Reads run as grain
/// turns, so one meter never has two sessions at once; the silo's <see cref="Scheduling.ConnectionLimiter"/> bounds
/// them across meters.
/// </summary>
internal sealed partial class MeterGrain(
    [PersistentState("meter", HeadEndStorage.Name)] IPersistentState<MeterGrainState> state,
    HeadEndRuntime runtime,
    ILogger<MeterGrain> logger) : Grain, IMeterGrain, IRemindable
{
    internal const string ReminderName = "cosem-read";

    private MeterSettings? _settings;
    private IGrainTimer? _retry;
    private DateTimeOffset? _nextRetry;
    private int _attemptsThisCycle;
    private GrainInvocationCounterStore? _invocationCounters;

    private string MeterId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _settings = state.State.Settings;
        if (_settings is null && runtime.Catalog is { } catalog)
        {
            _settings = await catalog.FindAsync(MeterId, cancellationToken);
        }
    }

    public async Task ConfigureAsync(MeterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MeterId != MeterId)
        {
            throw new ArgumentException($"Settings for meter '{settings.MeterId}' were given to the grain of '{MeterId}'.", nameof(settings));
        }
        _settings = settings;
        state.State.Settings = settings;
        await SaveAsync();
        if (settings.SystemTitle is { } title)
        {
            await GrainFactory.GetGrain<ISystemTitleGrain>(title.ToUpperInvariant()).AssignAsync(MeterId);
        }
        await ScheduleAsync(settings);
    }

    public async Task<bool> StartAsync()
    {
        if (_settings is not { } settings)
        {
            return false;
        }
        await ScheduleAsync(settings);
        return true;
    }

    public async Task<MeterStatus> ReadNowAsync()
    {
        await AttemptAsync(CancellationToken.None);
        return Status();
    }

    public Task<MeterStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task ReceivePushAsync(PushNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        state.State.PushesReceived++;
        LogPush(logger, MeterId, notification.Body.Length);
        if (_settings is { PushObjects.Length: > 0 } pushing)
        {
            await StorePushAsync(pushing, notification);
        }
        await SaveAsync();
        if (_settings is { ReadOnPush: true })
        {
            // Read now (replacing a pending first read or back-off), in a turn of its own, so the listener's call
            // returns at once.
            _retry?.Dispose();
            _retry = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    public async Task StopAsync()
    {
        CancelRetry();
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName || _retry is not null)
        {
            return;   // a back-off retry is pending: it, not the schedule, makes the next attempt
        }
        _attemptsThisCycle = 0;
        await AttemptAsync(CancellationToken.None);
    }

    // The reminder is the durable schedule (first tick one interval from now); the first read comes sooner from a
    // one-shot grain timer, spread at random so a fleet configured at once does not connect at once. Should the
    // grain lose its silo before the timer fires, the reminder still reads the meter on the next silo.
    private async Task ScheduleAsync(MeterSettings settings)
    {
        await this.RegisterOrUpdateReminder(ReminderName, settings.ReadInterval, settings.ReadInterval);
        if (_retry is null)
        {
            var spread = runtime.Options.FirstReadSpread;
            var due = TimeSpan.FromTicks((long)(spread.Ticks * Random.Shared.NextDouble()));
            _retry = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
    }

    // The one-shot timer is disposed only after the attempt: disposing it cancels the token it hands its callback.
    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var timer = _retry;
        _retry = null;
        _nextRetry = null;
        try
        {
            await AttemptAsync(CancellationToken.None);
        }
        finally
        {
            timer?.Dispose();
        }
    }

    private void CancelRetry()
    {
        _retry?.Dispose();
        _retry = null;
        _nextRetry = null;
    }

    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The state is a cache of the catalog and the store: a failed write costs a re-read, never a reading.
            LogStateNotSaved(logger, MeterId, e.GetType().Name, e.Message);
        }
    }

    private MeterStatus Status() => new()
    {
        MeterId = MeterId,
        Configured = _settings is not null,
        LastSuccess = state.State.LastSuccess,
        LastAttempt = state.State.LastAttempt,
        ConsecutiveFailures = state.State.ConsecutiveFailures,
        LastError = state.State.LastError,
        NextRetry = _nextRetry,
        SuccessfulReads = state.State.SuccessfulReads,
        FailedAttempts = state.State.FailedAttempts,
        ReadingsStored = state.State.ReadingsStored,
        PushesReceived = state.State.PushesReceived,
        PushReadingsStored = state.State.PushReadingsStored,
        LastReadings = state.State.LastReadings,
        Silo = RuntimeIdentity,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter {MeterId} pushed a notification of {Length} bytes.")]
    private static partial void LogPush(ILogger logger, string meterId, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {MeterId}: grain state not saved ({Error}: {Message}); it is rebuilt from the catalog and the store when needed.")]
    private static partial void LogStateNotSaved(ILogger logger, string meterId, string error, string message);
}
