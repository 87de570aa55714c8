namespace Cosem.Sdk.Transport;

/// <summary>
/// One running channel operation: holds a reference on the channel's <see cref="OperationLifetime"/> and the
/// token that ends the operation when either the caller cancels or the channel is disposed.
/// </summary>
/// <remarks>
/// Channels do not use it directly: <see cref="OperationGuard"/> enters one per call, passes <see cref="Token"/> to
/// the operation and maps <see cref="ClosedUnder"/> errors to <see cref="Closed"/>, so that a call cut short by
/// disposal ends with <see cref="TransportErrorKind.ConnectionClosed"/>, whatever the pipe threw.
/// </remarks>
internal readonly struct OperationScope : IDisposable
{
    private readonly OperationLifetime _lifetime;
    private readonly LinkedCancellation _linked;
    private readonly CancellationToken _caller;

    private OperationScope(OperationLifetime lifetime, CancellationToken caller)
    {
        _lifetime = lifetime;
        _caller = caller;
        Token = lifetime.Link(caller, out _linked);
    }

    /// <summary>Cancelled by the caller or by disposal of the channel.</summary>
    public CancellationToken Token { get; }

    /// <summary>Registers an operation on <paramref name="lifetime"/>, or throws ObjectDisposedException for <paramref name="owner"/>.</summary>
    public static OperationScope Enter(OperationLifetime lifetime, object owner, CancellationToken cancellationToken)
    {
        if (!lifetime.TryEnter())
        {
            throw new ObjectDisposedException(owner.GetType().FullName);
        }
        try
        {
            return new OperationScope(lifetime, cancellationToken);
        }
        catch
        {
            lifetime.Exit();
            throw;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is the channel's disposal showing through (not the caller's cancellation, not an already typed error).</summary>
    public bool ClosedUnder(Exception exception) =>
        _lifetime.IsClosed && !_caller.IsCancellationRequested && exception is not CosemTransportException;

    /// <summary>The error a call cut short by disposal ends with.</summary>
    public static CosemTransportException Closed(Exception exception) =>
        new(TransportErrorKind.ConnectionClosed, "The channel was disposed while this operation was pending.", exception);

    public void Dispose()
    {
        _linked.Release();
        _lifetime.Exit();
    }
}
