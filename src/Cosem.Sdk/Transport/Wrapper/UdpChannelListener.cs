using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Wrapper;

/// <summary>
/// The server side of the UDP wrapper: one socket, one <see cref="UdpWrapperChannel"/> per remote endpoint,
/// yielded by <see cref="AcceptAsync"/> when that endpoint's first valid datagram arrives. Invalid datagrams are
/// dropped (logged at Debug level) and never reach any channel.
/// </summary>
public sealed class UdpChannelListener : IApduChannelListener
{
    private const string Name = "udp-wrapper";
    private readonly Socket _socket;
    private readonly WrapperOptions _options;
    private readonly ConcurrentDictionary<EndPoint, Channel<ApduMessage>> _peers = new();
    private readonly Channel<IApduChannel> _accepted = Channel.CreateUnbounded<IApduChannel>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private int _disposed;

    private UdpChannelListener(IPEndPoint endPoint, WrapperOptions options)
    {
        _options = options;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(endPoint);
        }
        catch (SocketException ex)
        {
            _socket.Dispose();
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot listen on {endPoint}: {ex.Message}", ex);
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The bound address; with port 0 requested, the port the system chose.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Frames dropped because they were not valid wrapper frames.</summary>
    public long DiscardedDatagrams => Interlocked.Read(ref _discarded);

    private long _discarded;

    /// <summary>Starts listening on <paramref name="endPoint"/>.</summary>
    public static UdpChannelListener Start(IPEndPoint endPoint, WrapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new UdpChannelListener(endPoint, options ?? new WrapperOptions());
    }

    /// <inheritdoc/>
    public async ValueTask<IApduChannel> AcceptAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            return await _accepted.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new OperationCanceledException("The UDP listener was closed.");
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WrapperHeader.Size + WrapperFrame.MaxApduLength);
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    continue; // e.g. ICMP port unreachable reported for an earlier send: concerns one peer only
                }
                var datagram = buffer.AsSpan(0, result.ReceivedBytes);
                TransportLog.FrameReceived(_options.Logger, Name, datagram);
                ApduMessage message;
                try
                {
                    message = UdpWrapperChannel.Parse(datagram, _options.MaxApduLength);
                }
                catch (CosemTransportException ex)
                {
                    Interlocked.Increment(ref _discarded);
                    TransportLog.FrameDropped(_options.Logger, Name, ex.Message, datagram[..Math.Min(datagram.Length, 64)]);
                    continue;
                }
                var remote = result.RemoteEndPoint;
                var isNew = false;
                var inbox = _peers.GetOrAdd(remote, _ =>
                {
                    isNew = true;
                    return Channel.CreateBounded<ApduMessage>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite });
                });
                if (isNew)
                {
                    var channel = UdpWrapperChannel.ForListener(_socket, remote, _options, inbox.Reader, c =>
                    {
                        if (_peers.TryRemove(c.RemoteEndPoint, out var removed))
                        {
                            removed.Writer.TryComplete();
                            while (removed.Reader.TryRead(out var pending))
                            {
                                pending.Dispose();
                            }
                        }
                    });
                    _accepted.Writer.TryWrite(channel);
                }
                if (!inbox.Writer.TryWrite(message))
                {
                    message.Dispose(); // a peer that does not read its answers loses datagrams, as UDP would
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Listener stopped.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _accepted.Writer.TryComplete();
            foreach (var peer in _peers.Values)
            {
                peer.Writer.TryComplete();
            }
        }
    }

    /// <summary>Stops the receive loop and closes the socket, which ends pending <see cref="AcceptAsync"/> calls; safe
    /// to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        _stop.Dispose();
        if (_options.Logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.LinkEvent(_options.Logger, Name, $"listener on {LocalEndPoint} stopped");
        }
    }
}
