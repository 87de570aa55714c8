using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Objects;

internal sealed partial class PushEngine
{
    public async ValueTask<byte[]> BuildProtectedAsync(IReadOnlyList<CaptureObjectDefinition> list, CancellationToken cancellationToken)
    {
        var apdu = await BuildNotificationAsync(list, cancellationToken).ConfigureAwait(false);
        if (Options.Protection != PushCiphering.None)
        {
            apdu = await CipherAsync(apdu, cancellationToken).ConfigureAwait(false);
        }
        return Options.Signed ? Sign(apdu) : apdu;
    }

    private async ValueTask<byte[]> CipherAsync(byte[] plain, CancellationToken cancellationToken)
    {
        var security = Options.Security!;
        var keys = security.Keys ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, "The association security has no keys to cipher the push with.");
        var counter = await security.NextServerInvocationCounterAsync(cancellationToken).ConfigureAwait(false);
        var control = SecurityControlByte.Create(keys.Suite, authenticated: true, encrypted: true);
        if (Options.Protection == PushCiphering.GeneralGlobal)
        {
            using var cipher = keys.CreateCipher();
            var output = new ArrayBufferWriter<byte>(plain.Length + 32);
            ApduEnvelope.Write(cipher, ApduTag.GeneralGloCiphering, control, security.SystemTitle, counter, plain, output);
            return output.WrittenSpan.ToArray();
        }
        using var keyring = new GeneralCipheringKeyring(keys.Suite) { SystemTitle = security.SystemTitle, Keys = keys };
        var header = new GeneralProtectionHeader(security.SystemTitle, Options.Recipient, RandomNumberGenerator.GetBytes(8));
        return GeneralCipheringProtection.Protect(header, GeneralCipheringKeyMode.GlobalUnicastKey, keyring, control, counter, plain).ToArray();
    }

    // general-signing around the (possibly ciphered) APDU: originator, recipient, a fresh transaction id and the
    // date-time of signing are all covered by the signature (Green Book §9.2.7.2.5).
    private byte[] Sign(byte[] content)
    {
        var security = Options.Security!;
        var now = new byte[Axdr.CosemDateTime.Length];
        Axdr.CosemDateTime.From(Options.Time.GetLocalNow()).CopyTo(now);
        var header = new GeneralProtectionHeader(security.SystemTitle, Options.Recipient, RandomNumberGenerator.GetBytes(8)) { DateTime = now };
        return GeneralSigningProtection.Sign(header, security.SigningKey!, content).ToArray();
    }

    private async ValueTask SendAsync(PushSettings settings, byte[] apdu, CancellationToken cancellationToken)
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
}
