using Cosem.Sdk.Security;

namespace Cosem.HeadEnd.Meters;

/// <summary>
/// The invocation counters a meter grain sends, kept as "last used" per counter id in the grain's persisted state
/// (a counter is not a secret), so a grain reactivated on another silo goes on counting upwards instead of starting
/// at 1 and being refused as a replay. The grain writes its state after each attempt; should a silo die between a
/// session and that write, the counters in use were not recorded, so an activation continues
/// <see cref="ReactivationGap"/> past each stored value (a meter accepts any higher counter).
/// </summary>
internal sealed class GrainInvocationCounterStore : IInvocationCounterStore
{
    /// <summary>How far past the stored value an activation continues: more than the counters of any sessions that
    /// could run between the last state write and a crash.</summary>
    internal const uint ReactivationGap = 10_000;

    private readonly Dictionary<string, uint> _lastUsed;
    private readonly Lock _gate = new();

    /// <summary>Counts on from <paramref name="lastUsed"/> (the grain state's dictionary, updated in place), each
    /// entry first moved <see cref="ReactivationGap"/> ahead.</summary>
    public GrainInvocationCounterStore(Dictionary<string, uint> lastUsed)
    {
        _lastUsed = lastUsed;
        foreach (var id in lastUsed.Keys.ToArray())
        {
            lastUsed[id] = (uint)Math.Min((ulong)lastUsed[id] + ReactivationGap, uint.MaxValue);
        }
    }

    public ValueTask<uint> NextAsync(string counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var last = _lastUsed.GetValueOrDefault(counterId);
            if (last == uint.MaxValue)
            {
                throw new CosemSecurityException(SecurityFailure.InvocationCounterExhausted, $"The invocation counter of {counterId} is exhausted; the key must be replaced.");
            }
            _lastUsed[counterId] = last + 1;
            return ValueTask.FromResult(last + 1);
        }
    }

    public ValueTask AdvancePastAsync(string counterId, uint lastUsed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_lastUsed.GetValueOrDefault(counterId) < lastUsed)
            {
                _lastUsed[counterId] = lastUsed;
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetAsync(string counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _lastUsed.Remove(counterId);
        }
        return ValueTask.CompletedTask;
    }
}
