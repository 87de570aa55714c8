using System.Buffers;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Objects;

public partial class PushSetupServer
{
    /// <summary>The client SAP pushes go to when push_client_sap is 0 or negative: 102, a common push client.</summary>
    public const ushort DefaultPushClientSap = 102;

    /// <summary>
    /// The DataNotification of <see cref="BuildNotificationAsync"/>, protected as <see cref="PushSetupServerOptions.Protection"/>
    /// says, with the next invocation counter of the association security.
    /// </summary>
    public async ValueTask<byte[]> BuildProtectedAsync(CancellationToken cancellationToken = default)
    {
        var plain = await BuildNotificationAsync(cancellationToken).ConfigureAwait(false);
        if (Options.Protection == PushCiphering.None)
        {
            return plain;
        }
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

    private async ValueTask SendAsync(byte[] apdu, CancellationToken cancellationToken)
    {
        var destination = SendDestinationAndMethod;
        if (Options.Send is { } send)
        {
            await send(destination, apdu, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (destination.Message != PushMessageType.AXdrEncodedXdlmsApdu)
        {
            throw new CosemException($"Message type {destination.Message} is not sent; only A-XDR encoded APDUs are.");
        }
        var (host, port) = ParseDestination(destination.Destination.Span);
        var ports = new WrapperOptions
        {
            ClientWPort = _device.Address.Value,
            ServerWPort = PushClientSap > 0 ? (ushort)PushClientSap : DefaultPushClientSap,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.ConnectTimeout);
        try
        {
            switch (destination.TransportService)
            {
                case PushTransportService.Tcp:
                {
                    await using var channel = await WrapperChannel.ConnectTcpAsync(host, port, ports, timeout.Token).ConfigureAwait(false);
                    await channel.SendAsync(apdu, timeout.Token).ConfigureAwait(false);
                    break;
                }
                case PushTransportService.Udp:
                {
                    var address = IPAddress.TryParse(host, out var parsed) ? parsed
                        : (await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false)).FirstOrDefault()
                          ?? throw new CosemTransportException(TransportErrorKind.OpeningFailed, $"{host} has no address.");
                    await using var channel = await UdpWrapperChannel.ConnectAsync(new IPEndPoint(address, port), ports, timeout.Token).ConfigureAwait(false);
                    await channel.SendAsync(apdu, timeout.Token).ConfigureAwait(false);
                    break;
                }
                default:
                    throw new CosemException($"Transport service {destination.TransportService} is not supported; pushes go over tcp or udp.");
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The destination did not accept the push within {Options.ConnectTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    /// <summary>Reads "host:port" (IPv6 as "[address]:port") from the destination octet-string.</summary>
    internal static (string Host, int Port) ParseDestination(ReadOnlySpan<byte> destination)
    {
        var text = Encoding.ASCII.GetString(destination);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            throw new CosemException($"The push destination '{text}' is not host:port.");
        }
        return (text[..colon].Trim('[', ']'), port);
    }

    /// <summary>The destination octet-string for <paramref name="host"/>:<paramref name="port"/>, as
    /// send_destination_and_method carries it.</summary>
    public static ReadOnlyMemory<byte> Destination(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var text = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        return Encoding.ASCII.GetBytes(text);
    }
}
