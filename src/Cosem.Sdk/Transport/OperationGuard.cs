using System.Runtime.CompilerServices;
namespace Cosem.Sdk.Transport;

/// <summary>
/// The enter/try/exit every channel operation runs in: refuses it after disposal (and, for a half-duplex channel,
/// while another one is pending), gives it an <see cref="OperationScope"/> on the channel's
/// <see cref="OperationLifetime"/>, and turns whatever the pipe threw when disposal cut it short into
/// <see cref="TransportErrorKind.ConnectionClosed"/>.
/// </summary>
/// <remarks>
/// Operations are passed as a static lambda and a state value (a tuple of the channel and the call's arguments),
/// so a call allocates nothing beyond what its own awaits need.
/// </remarks>
internal sealed class OperationGuard
{
    private readonly object _owner;
    private readonly bool _halfDuplex;
    private readonly OperationLifetime _lifetime;
    private int _busy;
    private int _disposed;

    /// <param name="owner">The channel, named in <see cref="ObjectDisposedException"/>.</param>
    /// <param name="release">Frees what operations use; runs once, after disposal and the last operation.</param>
    /// <param name="halfDuplex">Whether a second operation while one is pending is refused (HDLC) rather than run alongside (wrapper).</param>
    public OperationGuard(object owner, Action release, bool halfDuplex)
    {
        _owner = owner;
        _halfDuplex = halfDuplex;
        _lifetime = new OperationLifetime(release);
    }

    /// <summary>Whether <see cref="TryBeginDispose"/> has been called.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the channel once disposal has begun.</summary>
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, _owner);

    /// <summary>Runs <paramref name="operation"/> with a token cancelled by the caller or by disposal.</summary>
    /// <param name="state">The value passed to <paramref name="operation"/>, usually the channel and the call's
    /// arguments.</param>
    /// <param name="operation">A static lambda doing the work; gets the state and the combined token.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="onTransportError">
    /// Sees a <see cref="CosemTransportException"/> the operation ends with before it propagates (a cached
    /// delegate: the HDLC client marks its link lost).
    /// </param>
    public ValueTask RunAsync<TState>(TState state, Func<TState, CancellationToken, ValueTask> operation,
        CancellationToken cancellationToken, Action<CosemTransportException>? onTransportError = null)
    {
        var scope = Enter(cancellationToken);
        ValueTask pending;
        try
        {
            pending = operation(state, scope.Token);
        }
        catch (Exception ex)
        {
            var failure = Failure(ex, scope, onTransportError);
            Exit(scope);
            return ValueTask.FromException(failure);
        }
        if (pending.IsCompletedSuccessfully)
        {
            pending.GetAwaiter().GetResult(); // consumes it, so a pooled source goes back to its pool
            Exit(scope);
            return default;
        }
        return AwaitAsync(pending, scope, onTransportError);
    }

    /// <inheritdoc cref="RunAsync{TState}(TState, Func{TState, CancellationToken, ValueTask}, CancellationToken, Action{CosemTransportException}?)"/>
    public ValueTask<TResult> RunAsync<TState, TResult>(TState state, Func<TState, CancellationToken, ValueTask<TResult>> operation,
        CancellationToken cancellationToken, Action<CosemTransportException>? onTransportError = null)
    {
        var scope = Enter(cancellationToken);
        ValueTask<TResult> pending;
        try
        {
            pending = operation(state, scope.Token);
        }
        catch (Exception ex)
        {
            var failure = Failure(ex, scope, onTransportError);
            Exit(scope);
            return ValueTask.FromException<TResult>(failure);
        }
        if (pending.IsCompletedSuccessfully)
        {
            Exit(scope);
            return pending;
        }
        return AwaitAsync(pending, scope, onTransportError);
    }

    // Only a pending operation reaches these: the state (often a tuple of the call's arguments) is not kept in the
    // async state machine, which keeps the per-call allocation at what the operation's own awaits need.
    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AwaitAsync(ValueTask pending, OperationScope scope, Action<CosemTransportException>? onTransportError)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (CosemTransportException ex) when (onTransportError is not null)
        {
            onTransportError(ex);
            throw;
        }
        catch (Exception ex) when (scope.ClosedUnder(ex))
        {
            throw OperationScope.Closed(ex);
        }
        finally
        {
            Exit(scope);
        }
    }

    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResult> AwaitAsync<TResult>(ValueTask<TResult> pending, OperationScope scope,
        Action<CosemTransportException>? onTransportError)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (CosemTransportException ex) when (onTransportError is not null)
        {
            onTransportError(ex);
            throw;
        }
        catch (Exception ex) when (scope.ClosedUnder(ex))
        {
            throw OperationScope.Closed(ex);
        }
        finally
        {
            Exit(scope);
        }
    }

    // What an operation that threw before returning its task ends with: the same as when its task fails.
    private static Exception Failure(Exception ex, in OperationScope scope, Action<CosemTransportException>? onTransportError)
    {
        if (ex is CosemTransportException transport && onTransportError is not null)
        {
            onTransportError(transport);
            return ex;
        }
        return scope.ClosedUnder(ex) ? OperationScope.Closed(ex) : ex;
    }

    private OperationScope Enter(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (!_halfDuplex)
        {
            return OperationScope.Enter(_lifetime, _owner, cancellationToken);
        }
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            ThrowIfDisposed();
            throw new InvalidOperationException("The channel is half-duplex: wait for the pending operation to finish.");
        }
        try
        {
            return OperationScope.Enter(_lifetime, _owner, cancellationToken);
        }
        catch
        {
            Volatile.Write(ref _busy, 0);
            throw;
        }
    }

    private void Exit(in OperationScope scope)
    {
        if (_halfDuplex)
        {
            Volatile.Write(ref _busy, 0);
        }
        scope.Dispose();
    }

    /// <summary>Marks the channel disposed; true for the first caller only, who then runs the disposal.</summary>
    public bool TryBeginDispose() => Interlocked.Exchange(ref _disposed, 1) == 0;

    /// <summary>
    /// During disposal of an idle channel: takes the turn for good (no operation runs after) and a reference on the
    /// lifetime, so a last exchange (HDLC DISC) can use the buffers. False when an operation is pending. End with
    /// <see cref="EndFinalExchange"/>.
    /// </summary>
    public bool TryBeginFinalExchange() => Interlocked.Exchange(ref _busy, 1) == 0 && _lifetime.TryEnter();

    /// <summary>Ends what <see cref="TryBeginFinalExchange"/> began (its turn stays taken).</summary>
    public void EndFinalExchange() => _lifetime.Exit();

    /// <summary>Cancels pending operations and waits for them (a grace period at most); false when one outlived it.</summary>
    public ValueTask<bool> CloseAsync() => _lifetime.CloseAsync(OperationLifetime.Grace);

    /// <summary>Drops the channel's own reference once its pipe is closed: releases now or when the last straggler exits.</summary>
    public void ReleaseOwner() => _lifetime.ReleaseOwner();
}
