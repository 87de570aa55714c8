using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Transport;

/// <summary>
/// Accepts TCP connections and turns each into an <see cref="IApduChannel"/> (wrapper or HDLC server link).
/// The link handshake (HDLC SNRM/UA) happens in the channel, so a slow or hostile client never blocks accepting.
/// </summary>
public sealed class TcpChannelListener : IApduChannelListener
{
    private readonly Socket _socket;
    private readonly Func<IDuplexPipe, IApduChannel> _createChannel;
    private readonly long _maxBufferedBytes;
    // The server's wrapper sessions only: their reader never blocks on the pipe, so it may resume on the pump's
    // thread. Other channels keep the thread-pool hand-off.
    private readonly bool _inlineReads;
    // Not disposed: a pending accept may still be linking to or reading its token when the listener stops.
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopToken;
    private int _disposed;

    private TcpChannelListener(IPEndPoint endPoint, Func<IDuplexPipe, IApduChannel> createChannel, int backlog, long maxBufferedBytes,
        bool inlineReads = false)
    {
        _createChannel = createChannel;
        _inlineReads = inlineReads;
        _maxBufferedBytes = maxBufferedBytes;
        _stopToken = _stop.Token;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(endPoint);
            _socket.Listen(backlog);
        }
        catch (SocketException ex)
        {
            _socket.Dispose();
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot listen on {endPoint}: {ex.Message}", ex);
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The bound address; with port 0 requested, the port the system chose.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// Listens for wrapper clients; every connection becomes a server <see cref="WrapperChannel"/> reading through a
    /// pipe that buffers at most <paramref name="maxBufferedBytes"/> unread bytes (more than one whole frame).
    /// </summary>
    public static TcpChannelListener StartWrapper(IPEndPoint endPoint, WrapperOptions? options = null, int backlog = 512,
        long maxBufferedBytes = StreamDuplexPipe.DefaultMaxBufferedBytes) =>
        StartWrapper(endPoint, options, backlog, maxBufferedBytes, inlineReads: false);

    /// <summary><see cref="StartWrapper(IPEndPoint, WrapperOptions?, int, long)"/>; with <paramref name="inlineReads"/>
    /// (the server's sessions, which never wait synchronously on their channel) a received frame resumes its reader on
    /// the socket pump's thread.</summary>
    internal static TcpChannelListener StartWrapper(IPEndPoint endPoint, WrapperOptions? options, int backlog, long maxBufferedBytes,
        bool inlineReads) =>
        new(endPoint, pipe => WrapperChannel.CreateServer(pipe, options), backlog, maxBufferedBytes, inlineReads);

    /// <summary>
    /// Listens for HDLC-over-TCP clients; every connection becomes an <see cref="HdlcServerLink"/> reading through a
    /// pipe that buffers at most <paramref name="maxBufferedBytes"/> unread bytes.
    /// </summary>
    public static TcpChannelListener StartHdlc(IPEndPoint endPoint, HdlcServerOptions? options = null, int backlog = 512,
        long maxBufferedBytes = StreamDuplexPipe.DefaultMaxBufferedBytes) =>
        new(endPoint, pipe => new HdlcServerLink(pipe, options), backlog, maxBufferedBytes);

    /// <summary>Listens with a custom channel factory; each connection's pipe buffers at most <paramref name="maxBufferedBytes"/> unread bytes.</summary>
    public static TcpChannelListener Start(IPEndPoint endPoint, Func<IDuplexPipe, IApduChannel> createChannel, int backlog = 512,
        long maxBufferedBytes = StreamDuplexPipe.DefaultMaxBufferedBytes)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(createChannel);
        return new TcpChannelListener(endPoint, createChannel, backlog, maxBufferedBytes);
    }

    /// <inheritdoc/>
    public async ValueTask<IApduChannel> AcceptAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        // No token linked with the listener's own per accept: stopping the listener closes its socket, which ends a
        // pending accept (mapped to cancellation below) without a source and two registrations per connection.
        while (true)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                continue; // a client that gave up before being accepted concerns nobody else
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException && _stopToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The listener was stopped.", ex, _stopToken);
            }
            return _createChannel(StreamDuplexPipe.OverSocket(client, _maxBufferedBytes, _inlineReads));
        }
    }

    /// <summary>Stops listening and ends pending <see cref="AcceptAsync"/> calls; channels already accepted stay
    /// open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}
