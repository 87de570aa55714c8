namespace Cosem.Sdk.Transport;

/// <summary>
/// Counts the operations running on a channel so that disposal can cancel them, wait for them to end, and free
/// what they use only once nobody uses it any more.
/// </summary>
/// <remarks>
/// The owner (the channel) holds one reference from construction; every operation holds one between
/// <see cref="TryEnter"/> and <see cref="Exit"/>. <see cref="CloseAsync"/> refuses new operations, cancels
/// <see cref="Token"/> and waits, within a grace period, until only the owner is left. Whoever drops the last
/// reference (the owner in <see cref="ReleaseOwner"/>, or an operation that outlived the grace period in
/// <see cref="Exit"/>) runs the release action, exactly once. Pooled buffers freed there are therefore never
/// returned while an operation may still touch them.
/// </remarks>
internal sealed class OperationLifetime
{
    // Never disposed: it has no timer and nobody asks for its wait handle, and a pending operation may still be
    // registering on its token when the channel closes.
    /// <summary>How long disposal waits for cancelled operations to end before closing the connection under them.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action _release;
    private CancellationTokenSource? _spareLinked;
    private CancellationTokenSource? _otherSpareLinked;
    private int _references = 1;
    private int _closed;

    public OperationLifetime(Action release)
    {
        _release = release;
        Token = _closing.Token;
    }

    /// <summary>Cancelled when the channel closes.</summary>
    public CancellationToken Token { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Registers an operation; false once the channel is closing (the caller throws ObjectDisposedException).</summary>
    public bool TryEnter()
    {
        while (true)
        {
            var references = Volatile.Read(ref _references);
            if (references == 0 || IsClosed)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _references, references + 1, references) == references)
            {
                if (!IsClosed)
                {
                    return true;
                }
                // Closing began meanwhile and may not have counted us: back out rather than run under it.
                Exit();
                return false;
            }
        }
    }

    /// <summary>Ends an operation registered by <see cref="TryEnter"/>.</summary>
    public void Exit()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left == 0)
        {
            _release();
        }
        else if (left == 1 && IsClosed)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>
    /// A token for one operation: <see cref="Token"/> joined with the caller's. The caller must release
    /// <paramref name="linked"/> when the operation ends.
    /// </summary>
    public CancellationToken Link(CancellationToken cancellationToken, out LinkedCancellation linked)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            linked = default;
            return Token;
        }
        // A channel runs at most one send and one receive at a time: two spare sources cover it.
        var source = Interlocked.Exchange(ref _spareLinked, null) ?? Interlocked.Exchange(ref _otherSpareLinked, null)
            ?? new CancellationTokenSource();
        var fromCaller = cancellationToken.UnsafeRegister(LinkedCancellation.Cancel, source);
        var fromClosing = Token.UnsafeRegister(LinkedCancellation.Cancel, source);
        linked = new LinkedCancellation(this, source, fromCaller, fromClosing);
        return source.Token;
    }

    /// <summary>Keeps a source whose operation ended for the next one, unless it was cancelled.</summary>
    public void ReturnLinked(CancellationTokenSource source)
    {
        // TryReset also drops registrations the operation's awaits left behind.
        if (!source.TryReset())
        {
            source.Dispose();
            return;
        }
        if (Interlocked.CompareExchange(ref _spareLinked, source, null) is not null
            && Interlocked.CompareExchange(ref _otherSpareLinked, source, null) is not null)
        {
            source.Dispose();
        }
    }

    /// <summary>
    /// Refuses new operations, cancels the pending ones and waits up to <paramref name="grace"/> for them to end.
    /// Returns whether they all ended. Call once, then <see cref="ReleaseOwner"/>.
    /// </summary>
    public async ValueTask<bool> CloseAsync(TimeSpan grace)
    {
        Interlocked.Exchange(ref _closed, 1);
        await _closing.CancelAsync().ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref _references, 0, 0) <= 1)
        {
            return true;
        }
        try
        {
            await _drained.Task.WaitAsync(grace).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Drops the owner's reference: releases now, or when the last straggling operation exits.</summary>
    public void ReleaseOwner()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _release();
        }
    }
}
