namespace Cosem.Sdk.Tests.Server;

/// <summary>A clock that moves only when told: timestamps for code that measures intervals, no timers.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks = 1;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
