using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A client channel whose every send waits <paramref name="delay"/> first: one link delay per round trip, since the
/// client sends once per round trip (a request, a GET-Request-Next, a GBT acknowledgement) while the server's
/// streamed blocks pass undelayed. Models a link slower than loopback without sleeping on the server side.
/// </summary>
internal sealed class DelayedChannel(IApduChannel inner, TimeSpan delay) : IApduChannel
{
    public async ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        await inner.SendAsync(apdu, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default) => inner.ReceiveAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
