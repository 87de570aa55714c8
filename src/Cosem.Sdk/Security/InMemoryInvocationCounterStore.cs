namespace Cosem.Sdk.Security;

/// <summary>
/// Invocation counters kept in memory: for tests and for clients that read the meter's counter object at every
/// connection. Thread-safe. Counters start at 1.
/// </summary>
public sealed class InMemoryInvocationCounterStore : IInvocationCounterStore
{
    private readonly Dictionary<string, ulong> _next = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public ValueTask<uint> NextAsync(string counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var next = _next.GetValueOrDefault(counterId, 1UL);
            if (next > uint.MaxValue)
            {
                throw InvocationCounters.Exhausted(counterId);
            }
            _next[counterId] = next + 1;
            return ValueTask.FromResult((uint)next);
        }
    }

    /// <inheritdoc/>
    public ValueTask AdvancePastAsync(string counterId, uint lastUsed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_next.GetValueOrDefault(counterId, 1UL) <= lastUsed)
            {
                _next[counterId] = (ulong)lastUsed + 1;
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ResetAsync(string counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _next.Remove(counterId);
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override string ToString() => $"InMemoryInvocationCounterStore({_next.Count} counters)";
}
