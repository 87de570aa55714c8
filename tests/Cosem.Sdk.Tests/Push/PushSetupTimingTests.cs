using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// When a Push setup sends (Blue Book Ed.15 §4.4.8), on a fake clock: a push triggered outside the communication
/// windows waits for the next window, then a random time up to randomisation_start_interval; failed attempts are
/// retried number_of_retries times after repetition_delay — fixed seconds in versions 0 and 1, growing in version 2.
/// </summary>
public sealed class PushSetupTimingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly ObisCode PushName = new(0, 0, 25, 9, 0, 255);

    private sealed class Recorder(CountingTimeProvider time, int failures = 0)
    {
        private int _calls;

        public List<DateTimeOffset> Attempts { get; } = [];

        public ValueTask Send(SendDestinationAndMethod destination, ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
        {
            lock (Attempts)
            {
                Attempts.Add(time.GetUtcNow());
            }
            return Interlocked.Increment(ref _calls) <= failures
                ? ValueTask.FromException(new IOException("destination unreachable"))
                : default;
        }
    }

    private static PushSetupServerOptions Options(CountingTimeProvider time, Recorder recorder, double random = 0.5) => new()
    {
        Time = time,
        Send = recorder.Send,
        Random = new FixedRandom(random),
    };

    private static LogicalDevice Device() => new();

    private static CosemDateTime At(TimeSpan after) => CosemDateTime.From(Start + after);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_push_triggered_before_its_window_is_sent_when_the_window_opens(int version)
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        var windows = new[] { new CommunicationWindow(At(TimeSpan.FromMinutes(30)), At(TimeSpan.FromMinutes(60))) };
        Func<CancellationToken, Task<PushResult>> push = version switch
        {
            0 => new PushSetupV0Server(PushName, Device(), Options(time, recorder)) { CommunicationWindow = windows }.PushNowAsync,
            1 => new PushSetupV1Server(PushName, Device(), Options(time, recorder)) { CommunicationWindow = windows }.PushNowAsync,
            _ => new PushSetupServer(PushName, Device(), Options(time, recorder)) { CommunicationWindow = windows }.PushNowAsync,
        };

        var pending = push(default);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromMinutes(29));
        var earlyAttempts = recorder.Attempts.Count;
        time.Advance(TimeSpan.FromMinutes(1));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, earlyAttempts);
        Assert.Equal(new PushResult(true, 1, null), result);
        Assert.Equal([Start.AddMinutes(30)], recorder.Attempts);
    }

    [Fact]
    public async Task A_daily_window_with_wildcard_dates_postpones_to_its_next_start()
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        var from = new CosemDateTime(CosemDate.Unspecified, new CosemTime(9, 0, 0, 0), CosemDateTime.DeviationNotSpecified, CosemDateTime.ClockStatusNotSpecified);
        var to = new CosemDateTime(CosemDate.Unspecified, new CosemTime(9, 30, 0, 0), CosemDateTime.DeviationNotSpecified, CosemDateTime.ClockStatusNotSpecified);
        var push = new PushSetupV0Server(PushName, Device(), Options(time, recorder)) { CommunicationWindow = [new CommunicationWindow(from, to)] };

        var pending = push.PushNowAsync();
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromHours(23));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Sent);
        Assert.Equal([Start.AddHours(23)], recorder.Attempts);
    }

    [Fact]
    public async Task Without_postponement_a_push_outside_its_windows_is_dropped()
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        var dropping = new PushSetupV1Server(PushName, Device(), new PushSetupServerOptions { Time = time, Send = recorder.Send, PostponeToNextWindow = false })
        {
            CommunicationWindow = [new CommunicationWindow(At(TimeSpan.FromMinutes(30)), At(TimeSpan.FromMinutes(60)))],
        };

        var result = await dropping.PushNowAsync();

        Assert.Equal(new PushResult(false, 0, "Outside every communication window."), result);
        Assert.Empty(recorder.Attempts);
        Assert.Equal(1, dropping.FailedCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_start_is_delayed_by_the_drawn_fraction_of_the_randomisation_interval(int version)
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        Func<CancellationToken, Task<PushResult>> push = version switch
        {
            0 => new PushSetupV0Server(PushName, Device(), Options(time, recorder, 0.25)) { RandomisationStartInterval = 100 }.PushNowAsync,
            1 => new PushSetupV1Server(PushName, Device(), Options(time, recorder, 0.25)) { RandomisationStartInterval = 100 }.PushNowAsync,
            _ => new PushSetupServer(PushName, Device(), Options(time, recorder, 0.25)) { RandomisationStartInterval = 100 }.PushNowAsync,
        };

        var pending = push(default);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(24));
        var early = recorder.Attempts.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, early);
        Assert.True(result.Sent);
        Assert.Equal([Start.AddSeconds(25)], recorder.Attempts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Versions_0_and_1_retry_after_a_fixed_repetition_delay(int version)
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time, failures: 2);
        Func<CancellationToken, Task<PushResult>> push = version == 0
            ? new PushSetupV0Server(PushName, Device(), Options(time, recorder)) { NumberOfRetries = 3, RepetitionDelay = 60 }.PushNowAsync
            : new PushSetupV1Server(PushName, Device(), Options(time, recorder)) { NumberOfRetries = 3, RepetitionDelay = 60 }.PushNowAsync;

        var pending = push(default);
        for (var retry = 1; retry <= 2; retry++)
        {
            await time.WaitForTimersAsync(retry);
            time.Advance(TimeSpan.FromSeconds(60));
        }
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new PushResult(true, 3, null), result);
        Assert.Equal([Start, Start.AddSeconds(60), Start.AddSeconds(120)], recorder.Attempts);
    }

    [Fact]
    public async Task Version_2_retries_after_a_growing_delay_and_gives_up_after_the_last_retry()
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time, failures: int.MaxValue);
        var push = new PushSetupServer(PushName, Device(), Options(time, recorder))
        {
            NumberOfRetries = 2,
            RepetitionDelay = new RepetitionDelay(10, 300, 0),
        };

        var pending = push.PushNowAsync();
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(10));
        await time.WaitForTimersAsync(2);
        time.Advance(TimeSpan.FromSeconds(30));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.Sent);
        Assert.Equal(3, result.Attempts);
        Assert.Equal("destination unreachable", result.Error);
        Assert.Equal([Start, Start.AddSeconds(10), Start.AddSeconds(40)], recorder.Attempts);
    }
}
