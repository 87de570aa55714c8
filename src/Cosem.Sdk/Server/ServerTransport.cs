using System.IO.Pipelines;
using System.Net;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Server;

/// <summary>
/// How clients reach a <see cref="CosemServer"/>, the server's counterpart of <c>ClientTransport</c>: the wrapper over
/// TCP or UDP (IEC 62056-47), HDLC (IEC 62056-46) over TCP or over one byte pipe, or any listener. Pass it to
/// <see cref="CosemServer.Listen(ServerTransport)"/>.
/// </summary>
/// <remarks>
/// Other transports plug in without changing this class: <see cref="Hdlc(string, Func{CancellationToken, ValueTask{IDuplexPipe}})"/>
/// for a link opened on demand (Cosem.Sdk.Transport.Serial adds <c>ServerTransport.Serial(...)</c> this way), or
/// <see cref="Custom"/> for any <see cref="IApduChannelListener"/>.
/// </remarks>
public abstract class ServerTransport
{
    private protected ServerTransport(string description) => Description = description;

    /// <summary>What the transport is, e.g. <c>wrapper tcp</c> or <c>hdlc serial /dev/ttyUSB0</c>; logs and <see cref="ServerEndPoint"/> show it.</summary>
    public string Description { get; }

    /// <summary>The <see cref="Description"/>.</summary>
    public override string ToString() => Description;

    /// <summary>Starts listening (binds the socket, …): called once per <see cref="CosemServer.Listen(ServerTransport)"/>.</summary>
    internal abstract (IApduChannelListener Listener, IPEndPoint? EndPoint) Start(ServerTransportContext context);

    /// <summary>The wrapper over TCP (IEC 62056-47) on all interfaces; 4059 is the registered DLMS port, 0 lets the system choose.</summary>
    public static ServerTransport Tcp(int port = 4059) => Tcp(AnyAddress(port));

    /// <summary>The wrapper over TCP (IEC 62056-47) on <paramref name="endPoint"/>.</summary>
    public static ServerTransport Tcp(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new Delegating("wrapper tcp", context =>
        {
            var listener = TcpChannelListener.StartWrapper(endPoint, context.CreateWrapperOptions(), backlog: 512, context.MaxBufferedBytesPerConnection, inlineReads: true);
            return (listener, listener.LocalEndPoint);
        });
    }

    /// <summary>The wrapper over UDP (IEC 62056-47) on all interfaces: one APDU per datagram, one channel per remote endpoint.</summary>
    public static ServerTransport Udp(int port = 4059) => Udp(AnyAddress(port));

    /// <summary>The wrapper over UDP (IEC 62056-47) on <paramref name="endPoint"/>.</summary>
    public static ServerTransport Udp(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new Delegating("wrapper udp", context =>
        {
            var listener = UdpChannelListener.Start(endPoint, context.CreateWrapperOptions());
            return (listener, listener.LocalEndPoint);
        });
    }

    /// <summary>HDLC frames over TCP connections on all interfaces, as gateways and many meters offer.</summary>
    public static ServerTransport HdlcOverTcp(int port) => HdlcOverTcp(AnyAddress(port));

    /// <summary>HDLC frames over TCP connections on <paramref name="endPoint"/>.</summary>
    public static ServerTransport HdlcOverTcp(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new Delegating("hdlc tcp", context =>
        {
            var listener = TcpChannelListener.StartHdlc(endPoint, context.CreateHdlcOptions(), maxBufferedBytes: context.MaxBufferedBytesPerConnection);
            return (listener, listener.LocalEndPoint);
        });
    }

    /// <summary>HDLC on one open byte pipe (an in-memory pair, a stream already set up); the server owns and disposes it.</summary>
    public static ServerTransport Hdlc(IDuplexPipe pipe)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        return new Delegating("hdlc pipe", context =>
            (new SingleChannelListener(new HdlcServerLink(pipe, context.CreateHdlcOptions())), null));
    }

    /// <summary>
    /// HDLC on one byte pipe opened when the server starts accepting, after any physical-layer opening (answering an
    /// IEC 62056-21 mode E sign-on, say): the hook transports in other packages build on. A failed opening is
    /// logged and tried again.
    /// </summary>
    public static ServerTransport Hdlc(string description, Func<CancellationToken, ValueTask<IDuplexPipe>> openPipe)
    {
        ArgumentException.ThrowIfNullOrEmpty(description);
        ArgumentNullException.ThrowIfNull(openPipe);
        return new Delegating(description, context =>
        {
            var options = context.CreateHdlcOptions();
            return (new SingleChannelListener(async ct =>
                new HdlcServerLink(await openPipe(ct).ConfigureAwait(false), options)), null);
        });
    }

    /// <summary>
    /// Any listener: <paramref name="listen"/> starts it when the server is told to listen (use the context's options
    /// to build channels like the built-in transports do). A <see cref="TcpChannelListener"/> or
    /// <see cref="UdpChannelListener"/> reports its bound address in <see cref="ServerEndPoint.EndPoint"/>.
    /// </summary>
    public static ServerTransport Custom(string description, Func<ServerTransportContext, IApduChannelListener> listen)
    {
        ArgumentException.ThrowIfNullOrEmpty(description);
        ArgumentNullException.ThrowIfNull(listen);
        return new Delegating(description, context =>
        {
            var listener = listen(context) ?? throw new InvalidOperationException($"The transport '{description}' started no listener.");
            return (listener, listener switch
            {
                TcpChannelListener tcp => tcp.LocalEndPoint,
                UdpChannelListener udp => udp.LocalEndPoint,
                _ => null,
            });
        });
    }

    private static IPEndPoint AnyAddress(int port)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)port, 65535u, nameof(port));
        return new IPEndPoint(IPAddress.Any, port);
    }

    private sealed class Delegating(
        string description,
        Func<ServerTransportContext, (IApduChannelListener, IPEndPoint?)> start) : ServerTransport(description)
    {
        internal override (IApduChannelListener Listener, IPEndPoint? EndPoint) Start(ServerTransportContext context) => start(context);
    }
}
