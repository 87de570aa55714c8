namespace Cosem.Sdk.Transport;

/// <summary>
/// One operation's token cancelled by either the caller's token or the channel's closing, built from a source the
/// channel's <see cref="OperationLifetime"/> reuses. <see cref="CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, CancellationToken)"/>
/// allocated a source, its registrations and two callback nodes per send and per receive (about 1 KB of the
/// ≈ 3 KB a GET allocated, client and server together).
/// </summary>
internal readonly struct LinkedCancellation
{
    private readonly OperationLifetime? _lifetime;
    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _fromCaller;
    private readonly CancellationTokenRegistration _fromClosing;

    public LinkedCancellation(OperationLifetime lifetime, CancellationTokenSource source, CancellationTokenRegistration fromCaller,
        CancellationTokenRegistration fromClosing)
    {
        _lifetime = lifetime;
        _source = source;
        _fromCaller = fromCaller;
        _fromClosing = fromClosing;
    }

    public static void Cancel(object? source) => ((CancellationTokenSource)source!).Cancel();

    /// <summary>Unhooks the source from both tokens (waiting for a callback already running) and hands it back.</summary>
    public void Release()
    {
        if (_source is null)
        {
            return;
        }
        // Dispose, not Unregister: once it returns no callback can still cancel the source, so a reset source cannot
        // be cancelled later under another operation by this one's caller.
        _fromCaller.Dispose();
        _fromClosing.Dispose();
        _lifetime!.ReturnLinked(_source);
    }
}
