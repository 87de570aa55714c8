using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Wrapper;

/// <summary>
/// APDUs over UDP with the wrapper header (IEC 62056-47 §5.2): one frame per datagram, so each datagram stands
/// alone. A client channel owns a connected socket; a server channel is fed by a <see cref="UdpChannelListener"/>
/// and answers from its socket.
/// </summary>
/// <remarks>
/// A client's <see cref="ReceiveAsync"/> throws <see cref="CosemTransportException"/> for a datagram that is not a
/// valid wrapper frame; the channel stays usable and the next call reads the next datagram. Disposal cancels
/// pending calls and waits for them before closing the socket; they end with <see cref="CosemTransportException"/>
/// (<see cref="TransportErrorKind.ConnectionClosed"/>), or <see cref="OperationCanceledException"/> when their own
/// token was cancelled too.
/// </remarks>
public sealed class UdpWrapperChannel : IApduChannel
{
    private const string Name = "udp-wrapper";
    private const int MaxDatagram = WrapperHeader.Size + WrapperFrame.MaxApduLength;
    private readonly Socket _socket;
    private readonly EndPoint _remote;
    private readonly WrapperOptions _options;
    private readonly ChannelReader<ApduMessage>? _inbox;
    private readonly Action<UdpWrapperChannel>? _onDispose;
    private readonly OperationGuard _operations;
    private ushort _localWPort;
    private ushort _remoteWPort;

    private UdpWrapperChannel(Socket socket, EndPoint remote, WrapperOptions options, ChannelReader<ApduMessage>? inbox,
        Action<UdpWrapperChannel>? onDispose)
    {
        _socket = socket;
        _remote = remote;
        _options = options;
        _inbox = inbox;
        _onDispose = onDispose;
        _operations = new OperationGuard(this, static () => { }, halfDuplex: false);
        (_localWPort, _remoteWPort) = inbox is null ? (options.ClientWPort, options.ServerWPort) : (options.ServerWPort, options.ClientWPort);
    }

    /// <summary>The peer's endpoint.</summary>
    public EndPoint RemoteEndPoint => _remote;

    /// <summary>Opens a client channel to <paramref name="remote"/> over a connected UDP socket.</summary>
    public static async Task<UdpWrapperChannel> ConnectAsync(IPEndPoint remote, WrapperOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var socket = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot reach {remote}: {ex.Message}", ex);
        }
        return new UdpWrapperChannel(socket, remote, options ?? new WrapperOptions(), null, null);
    }

    internal static UdpWrapperChannel ForListener(Socket socket, EndPoint remote, WrapperOptions options,
        ChannelReader<ApduMessage> inbox, Action<UdpWrapperChannel> onDispose) =>
        new(socket, remote, options, inbox, onDispose);

    /// <summary>Sends one datagram: the APDU in one wrapper frame, to the peer's wPort.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default) =>
        _operations.RunAsync((Channel: this, Apdu: apdu), static (s, ct) => s.Channel.SendCoreAsync(s.Apdu, ct), cancellationToken);

    private async ValueTask SendCoreAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WrapperHeader.Size + apdu.Length);
        try
        {
            var length = WrapperFrame.Encode(buffer, _localWPort, _remoteWPort, apdu.Span);
            TransportLog.FrameSent(_options.Logger, Name, buffer.AsSpan(0, length));
            var datagram = buffer.AsMemory(0, length);
            if (_inbox is null)
            {
                await _socket.SendAsync(datagram, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _socket.SendToAsync(datagram, SocketFlags.None, _remote, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SocketException ex)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot send to {_remote}: {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Receives the next datagram's APDU; a server channel then answers from the wPort it was sent to.</summary>
    public ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default) =>
        _operations.RunAsync(this, static (channel, ct) => channel.ReceiveCoreAsync(ct), cancellationToken);

    private async ValueTask<ApduMessage> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        if (_inbox is not null)
        {
            try
            {
                var message = await _inbox.ReadAsync(cancellationToken).ConfigureAwait(false);
                (_localWPort, _remoteWPort) = ((ushort)message.DestinationAddress, (ushort)message.SourceAddress);
                return message;
            }
            catch (ChannelClosedException ex)
            {
                throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The UDP listener was closed.", ex);
            }
        }
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        try
        {
            int received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot receive from {_remote}: {ex.Message}", ex);
            }
            TransportLog.FrameReceived(_options.Logger, Name, buffer.AsSpan(0, received));
            return Parse(buffer.AsSpan(0, received), _options.MaxApduLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One datagram as one frame: a short datagram or trailing bytes make it invalid.</summary>
    internal static ApduMessage Parse(ReadOnlySpan<byte> datagram, int maxApduLength)
    {
        if (!WrapperFrame.TryParse(datagram, out var header, out var apdu, out var consumed, maxApduLength) || consumed != datagram.Length)
        {
            throw new CosemTransportException(TransportErrorKind.InvalidFrame,
                $"A UDP datagram of {datagram.Length} bytes is not exactly one wrapper frame.");
        }
        return ApduMessage.Create(apdu, header.SourceWPort, header.DestinationWPort);
    }

    /// <summary>Cancels pending calls, waits for them, then closes the socket (or detaches from the listener).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_operations.TryBeginDispose())
        {
            return;
        }
        // Pending calls end first, so none of them is still inside the socket when it closes.
        if (!await _operations.CloseAsync().ConfigureAwait(false))
        {
            TransportLog.LinkEvent(_options.Logger, Name, "a pending operation ignored cancellation; closing the socket under it");
        }
        if (_onDispose is null)
        {
            _socket.Dispose();
        }
        else
        {
            _onDispose(this);
        }
        _operations.ReleaseOwner();
    }
}
