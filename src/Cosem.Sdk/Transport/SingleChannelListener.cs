namespace Cosem.Sdk.Transport;

/// <summary>
/// A listener for a link that carries one client at a time and is not accepted from a socket: a serial port, an
/// optical probe, an in-memory pipe. The first <see cref="AcceptAsync"/> yields the channel (opening it if needed);
/// later calls wait until the listener is disposed.
/// </summary>
internal sealed class SingleChannelListener : IApduChannelListener
{
    private readonly Func<CancellationToken, ValueTask<IApduChannel>>? _open;
    // Not disposed: a waiting accept may still be linking to its token when the listener stops.
    private readonly CancellationTokenSource _stop = new();
    private IApduChannel? _ready;
    private bool _served;
    private int _disposed;

    /// <summary>Yields <paramref name="channel"/>, already open; disposes it if nobody took it.</summary>
    public SingleChannelListener(IApduChannel channel) => _ready = channel;

    /// <summary>Yields the channel <paramref name="open"/> makes on the first accept (after a mode E opening, say).</summary>
    public SingleChannelListener(Func<CancellationToken, ValueTask<IApduChannel>> open) => _open = open;

    public async ValueTask<IApduChannel> AcceptAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_served)
        {
            var channel = Interlocked.Exchange(ref _ready, null)
                ?? await _open!(cancellationToken).ConfigureAwait(false);
            _served = true;
            return channel;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        throw new OperationCanceledException(linked.Token); // not reached: the delay only ends by cancellation
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _ready, null) is { } unserved)
        {
            await unserved.DisposeAsync().ConfigureAwait(false);
        }
    }
}
