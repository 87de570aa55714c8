using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

/// <summary>
/// Where a meter is and how to frame APDUs to it: the wrapper over TCP or UDP (IEC 62056-47), or HDLC (IEC 62056-46)
/// over TCP, a stream or any byte pipe. Addresses (wPorts, HDLC addresses) come from the <see cref="AssociationOptions"/>.
/// </summary>
/// <remarks>Other transports (serial ports, gateways) plug in through <see cref="Hdlc(string, Func{CancellationToken, ValueTask{IDuplexPipe}})"/>
/// or <see cref="Custom"/>.</remarks>
public abstract class ClientTransport
{
    private protected ClientTransport(string description) => Description = description;

    /// <summary>What the transport reaches, e.g. <c>wrapper tcp://10.0.0.7:4059</c>.</summary>
    public string Description { get; }

    /// <summary>The <see cref="Description"/>, e.g. <c>wrapper tcp://10.0.0.7:4059</c>.</summary>
    public override string ToString() => Description;

    /// <summary>Opens the channel (TCP connect, HDLC SNRM/UA, …) for one association.</summary>
    internal abstract ValueTask<IApduChannel> OpenAsync(AssociationOptions options, ILoggerFactory loggers, CancellationToken cancellationToken);

    /// <summary>The wrapper over TCP (IEC 62056-47), the usual IP meter interface; 4059 is the registered DLMS port.</summary>
    public static ClientTransport Tcp(string host, int port = 4059)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ValidatePort(port);
        return new Delegating($"wrapper tcp://{host}:{port}", async (options, loggers, ct) =>
            await WrapperChannel.ConnectTcpAsync(host, port, WrapperOptionsFor(options, loggers), ct).ConfigureAwait(false));
    }

    /// <summary>The wrapper over UDP (IEC 62056-47): one APDU per datagram.</summary>
    public static ClientTransport Udp(string host, int port = 4059)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ValidatePort(port);
        return new Delegating($"wrapper udp://{host}:{port}", async (options, loggers, ct) =>
        {
            var endPoint = await ResolveAsync(host, port, ct).ConfigureAwait(false);
            return await UdpWrapperChannel.ConnectAsync(endPoint, WrapperOptionsFor(options, loggers), ct).ConfigureAwait(false);
        });
    }

    /// <summary>HDLC over a TCP connection, as many meters, modems and gateways expose it.</summary>
    public static ClientTransport HdlcOverTcp(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ValidatePort(port);
        return new Delegating($"hdlc tcp://{host}:{port}", async (options, loggers, ct) =>
            await HdlcClientLink.ConnectTcpAsync(host, port, HdlcOptionsFor(options, loggers), ct).ConfigureAwait(false));
    }

    /// <summary>HDLC over an open byte pipe; the client owns and disposes it.</summary>
    public static ClientTransport Hdlc(IDuplexPipe pipe)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        return Hdlc("hdlc pipe", _ => ValueTask.FromResult(pipe));
    }

    /// <summary>HDLC over an open stream (a serial port stream, a pseudo-terminal, …).</summary>
    public static ClientTransport Hdlc(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Hdlc("hdlc stream", _ => ValueTask.FromResult<IDuplexPipe>(new StreamDuplexPipe(stream, leaveOpen)));
    }

    /// <summary>
    /// HDLC over a pipe opened on demand, after any physical-layer opening (an IEC 62056-21 mode E sign-on, a modem
    /// dial): the hook transports in other packages build on.
    /// </summary>
    public static ClientTransport Hdlc(string description, Func<CancellationToken, ValueTask<IDuplexPipe>> openPipe)
    {
        ArgumentException.ThrowIfNullOrEmpty(description);
        ArgumentNullException.ThrowIfNull(openPipe);
        return new Delegating(description, async (options, loggers, ct) =>
        {
            var pipe = await openPipe(ct).ConfigureAwait(false);
            return await HdlcClientLink.ConnectAsync(pipe, HdlcOptionsFor(options, loggers), ct).ConfigureAwait(false);
        });
    }

    /// <summary>The wrapper over an open byte pipe (an in-memory pair, a tunnel); the client owns and disposes it.</summary>
    public static ClientTransport Wrapper(IDuplexPipe pipe)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        return new Delegating("wrapper pipe", (options, loggers, _) =>
            ValueTask.FromResult<IApduChannel>(WrapperChannel.CreateClient(pipe, WrapperOptionsFor(options, loggers))));
    }

    /// <summary>Any APDU channel: <paramref name="open"/> is called once per association.</summary>
    public static ClientTransport Custom(string description, Func<AssociationOptions, CancellationToken, ValueTask<IApduChannel>> open)
    {
        ArgumentException.ThrowIfNullOrEmpty(description);
        ArgumentNullException.ThrowIfNull(open);
        return new Delegating(description, (options, _, ct) => open(options, ct));
    }

    private static void ValidatePort(int port) => ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)port - 1, 65534u, nameof(port));

    private static WrapperOptions WrapperOptionsFor(AssociationOptions options, ILoggerFactory loggers) => new()
    {
        ClientWPort = options.ClientAddress.Value,
        ServerWPort = options.ServerAddress.Value,
        Logger = loggers.CreateLogger("Cosem.Sdk.Transport.Wrapper"),
    };

    private static HdlcClientOptions HdlcOptionsFor(AssociationOptions options, ILoggerFactory loggers) => options.CreateHdlcClientOptions(loggers);

    private static async ValueTask<IPEndPoint> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return new IPEndPoint(addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0], port);
        }
        catch (Exception ex) when (ex is SocketException or IndexOutOfRangeException)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot resolve {host}: {ex.Message}", ex);
        }
    }

    private sealed class Delegating(
        string description,
        Func<AssociationOptions, ILoggerFactory, CancellationToken, ValueTask<IApduChannel>> open) : ClientTransport(description)
    {
        internal override ValueTask<IApduChannel> OpenAsync(AssociationOptions options, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            open(options, loggers, cancellationToken);
    }
}
