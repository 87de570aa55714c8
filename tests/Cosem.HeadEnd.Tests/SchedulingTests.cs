using Cosem.HeadEnd.Scheduling;

namespace Cosem.HeadEnd.Tests;

/// <summary>Back-off and connection limits, without a cluster.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public void Back_off_doubles_per_failure_up_to_the_cap_and_jitter_draws_a_share_of_it()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), jitter: 0.5);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayAfter(1, random: 0));     // half fixed, half drawn
        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayAfter(1, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(8), policy.DelayAfter(3, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(60), policy.DelayAfter(10, random: 1));   // capped
        Assert.Equal(TimeSpan.FromSeconds(30), policy.DelayAfter(1000, random: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.DelayAfter(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 1.5));
    }

    [Fact]
    public async Task The_silo_bound_and_the_gateway_bound_hold_sessions_back_until_released()
    {
        var limiter = new ConnectionLimiter(maxConnections: 2, maxPerGateway: 1);
        var a = await limiter.AcquireAsync("modem:4060");
        var sameGateway = limiter.AcquireAsync("modem:4060").AsTask();
        var other = await limiter.AcquireAsync(null);
        var third = limiter.AcquireAsync(null).AsTask();
        await Task.Delay(50);
        Assert.False(sameGateway.IsCompleted);    // one session per modem
        Assert.False(third.IsCompleted);          // two per silo
        Assert.Equal(2, limiter.Open);
        other.Dispose();
        (await third).Dispose();
        Assert.False(sameGateway.IsCompleted);
        a.Dispose();
        a.Dispose();                              // a second dispose gives nothing back twice
        (await sameGateway).Dispose();
        Assert.Equal(0, limiter.Open);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_the_gateway_slot_back()
    {
        var limiter = new ConnectionLimiter(maxConnections: 1, maxPerGateway: 1);
        var held = await limiter.AcquireAsync(null);
        using var cancel = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await limiter.AcquireAsync("gw", cancel.Token));
        held.Dispose();
        (await limiter.AcquireAsync("gw")).Dispose();
    }
}
