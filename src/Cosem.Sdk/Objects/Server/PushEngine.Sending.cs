using System.Buffers;
using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Objects;

internal sealed partial class PushEngine
{
    private async ValueTask SendAsync(PushSettings settings, byte[] apdu, PendingConfirmation? pending, CancellationToken cancellationToken)
    {
        var destination = settings.Destination;
        if (Options.Send is { } send)
        {
            await send(destination, apdu, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (destination.Message != PushMessageType.AXdrEncodedXdlmsApdu)
        {
            throw new CosemException($"Message type {destination.Message} is not sent; only A-XDR encoded APDUs are.");
        }
        var ports = new WrapperOptions { ClientWPort = _device.Address.Value, ServerWPort = settings.ClientSap };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.ConnectTimeout);
        try
        {
            switch (destination.TransportService)
            {
                case PushTransportService.Tcp:
                {
                    var (host, port) = PushSetupServer.ParseDestination(destination.Destination.Span);
                    await using var channel = await WrapperChannel.ConnectTcpAsync(host, port, ports, timeout.Token).ConfigureAwait(false);
                    await channel.SendAsync(apdu, timeout.Token).ConfigureAwait(false);
                    await ReceiveConfirmationAsync(channel, pending, cancellationToken).ConfigureAwait(false);
                    break;
                }
                case PushTransportService.Udp:
                {
                    var (host, port) = PushSetupServer.ParseDestination(destination.Destination.Span);
                    var address = IPAddress.TryParse(host, out var parsed) ? parsed
                        : (await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false)).FirstOrDefault()
                          ?? throw new CosemTransportException(TransportErrorKind.OpeningFailed, $"{host} has no address.");
                    await using var channel = await UdpWrapperChannel.ConnectAsync(new IPEndPoint(address, port), ports, timeout.Token).ConfigureAwait(false);
                    await channel.SendAsync(apdu, timeout.Token).ConfigureAwait(false);
                    await ReceiveConfirmationAsync(channel, pending, cancellationToken).ConfigureAwait(false);
                    break;
                }
                case PushTransportService.Hdlc when Options.HdlcLink is { } link:
                    // Unconfirmed, so one UI frame (Green Book: unsolicited services over HDLC): no sequence numbers,
                    // allowed whether or not a client has connected the link. The destination bytes are not used.
                    await link.SendUnnumberedInformationAsync(apdu, timeout.Token).ConfigureAwait(false);
                    break;
                default:
                    throw new CosemException($"Transport service {destination.TransportService} is not supported; pushes go over tcp, udp, or hdlc with PushSetupServerOptions.HdlcLink.");
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The destination did not accept the push within {Options.ConnectTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    // A confirmed push over the wrapper: the confirmation comes back on the same connection (UDP: from the same
    // peer). Reads until it arrives or ConfirmationTimeout passes on the options' clock; other APDUs are ignored.
    private async ValueTask ReceiveConfirmationAsync(IApduChannel channel, PendingConfirmation? pending, CancellationToken cancellationToken)
    {
        if (pending is null)
        {
            return;
        }
        using var deadline = new CancellationTokenSource(Options.ConfirmationTimeout, Options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            while (!pending.Confirmed.Task.IsCompleted)
            {
                using var message = await channel.ReceiveAsync(linked.Token).ConfigureAwait(false);
                AcceptConfirmation(message.Memory.ToArray());
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No data-notification-confirm within {Options.ConfirmationTimeout.TotalSeconds:0.#} s.", ex);
        }
    }
}
