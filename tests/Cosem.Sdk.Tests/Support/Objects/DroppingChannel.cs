using Cosem.Sdk.Client;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// A test-only channel that loses its connection: once <see cref="DropAfterSends"/> APDUs have gone out it closes
/// the real TCP connection and fails every further send, as a cut line or a modem hanging up does mid-transfer.
/// </summary>
internal sealed class DroppingChannel(IApduChannel inner) : IApduChannel
{
    private bool _dropped;

    /// <summary>Sends after which the connection is cut; null never.</summary>
    public int? DropAfterSends { get; set; }

    public int Sends { get; private set; }

    public static ClientTransport Wrap(ClientTransport transport, Action<DroppingChannel> created) =>
        ClientTransport.Custom($"dropping {transport}", async (options, ct) =>
        {
            var channel = new DroppingChannel(await transport.OpenAsync(options, NullLoggerFactory.Instance, ct));
            created(channel);
            return channel;
        });

    public async ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default)
    {
        if (!_dropped && Sends == DropAfterSends)
        {
            _dropped = true;
            await inner.DisposeAsync();
        }
        if (_dropped)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The test cut the connection.");
        }
        Sends++;
        await inner.SendAsync(apdu, cancellationToken);
    }

    public ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default) => inner.ReceiveAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dropped ? default : inner.DisposeAsync();
}
