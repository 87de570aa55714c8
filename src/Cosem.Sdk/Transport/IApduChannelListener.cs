namespace Cosem.Sdk.Transport;

/// <summary>
/// Server side: yields one <see cref="IApduChannel"/> per client connection (TCP) or per remote endpoint (UDP).
/// Each channel is independent; a failure on one never reaches the listener or the other channels.
/// </summary>
public interface IApduChannelListener : IAsyncDisposable
{
    /// <summary>Waits for the next client. Disposing the listener ends pending waits with <see cref="OperationCanceledException"/>.</summary>
    ValueTask<IApduChannel> AcceptAsync(CancellationToken cancellationToken = default);
}
