namespace Cosem.Sdk.Security;

/// <summary>
/// Where a client keeps the invocation counters it sends, one per counter id (for example its system title with
/// the meter's, and the key set). IEC 62056-5-3 §9.2.3.3.8: an IV must never repeat under one key, so every value
/// handed out must be greater than every value handed out before, across restarts.
/// </summary>
public interface IInvocationCounterStore
{
    /// <summary>
    /// The next counter for <paramref name="counterId"/>, strictly greater than any returned before; durable
    /// before it is returned. Throws <see cref="CosemSecurityException"/> with
    /// <see cref="SecurityFailure.InvocationCounterExhausted"/> once 0xFFFFFFFF has been used.
    /// </summary>
    ValueTask<uint> NextAsync(string counterId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes sure the next counter is greater than <paramref name="lastUsed"/>, e.g. after reading the meter's
    /// expected counter from its invocation counter object. Never lowers the counter.
    /// </summary>
    ValueTask AdvancePastAsync(string counterId, uint lastUsed, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts <paramref name="counterId"/> again (the next value is 0 or 1 as chosen by the store), allowed only after the key it
    /// protects has been replaced.
    /// </summary>
    ValueTask ResetAsync(string counterId, CancellationToken cancellationToken = default);
}
