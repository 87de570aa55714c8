using Microsoft.Extensions.Time.Testing;

namespace Cosem.Sdk.Tests.Push;

/// <summary>A fake clock (moves only when advanced) that counts the timers created on it, so a test can wait until
/// the code under test has started its delay before moving time on: no race, no wall-clock bound.</summary>
internal sealed class CountingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return _fake.CreateTimer(callback, state, dueTime, period);
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Waits (real time, generously bounded) until at least <paramref name="count"/> timers exist.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (TimersCreated < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}

/// <summary>A random source that always draws the same fraction.</summary>
internal sealed class FixedRandom(double fraction) : Random
{
    public override double NextDouble() => fraction;
}
