using System.Runtime.CompilerServices;
using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Diagnostics;
using Cosem.Sdk.Transport.Pipes;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Wrapper;

/// <summary>
/// APDUs over a byte stream with the wrapper header (IEC 62056-47 §5.2), normally TCP. Frames are reassembled
/// across any number of reads; a wrong version or an oversize length ends the connection with a
/// <see cref="CosemTransportException"/>, since the stream cannot be resynchronised after it.
/// </summary>
/// <remarks>
/// A client channel sends from <see cref="WrapperOptions.ClientWPort"/> to <see cref="WrapperOptions.ServerWPort"/>.
/// A server channel answers whoever spoke last: it sends from the destination wPort of the last received frame
/// to its source wPort. One send and one receive may run at the same time (the wrapper is full duplex).
/// Disposal cancels pending calls and waits for them before closing the pipe; they end with
/// <see cref="CosemTransportException"/> (<see cref="TransportErrorKind.ConnectionClosed"/>), or with
/// <see cref="OperationCanceledException"/> when their own token was cancelled too.
/// </remarks>
public sealed class WrapperChannel : IApduChannel
{
    private const string Name = "wrapper";
    private readonly IDuplexPipe _pipe;
    private readonly WrapperOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly OperationGuard _operations;
    private ushort _localWPort;
    private ushort _remoteWPort;
    private readonly bool _isServer;

    private WrapperChannel(IDuplexPipe pipe, WrapperOptions options, bool isServer)
    {
        _pipe = pipe;
        _options = options;
        _logger = options.Logger;
        _isServer = isServer;
        _operations = new OperationGuard(this, _sendLock.Dispose, halfDuplex: false);
        (_localWPort, _remoteWPort) = isServer ? (options.ServerWPort, options.ClientWPort) : (options.ClientWPort, options.ServerWPort);
    }

    /// <summary>The wPort this end sends from.</summary>
    public ushort LocalWPort => _localWPort;

    /// <summary>The wPort this end sends to.</summary>
    public ushort RemoteWPort => _remoteWPort;

    /// <summary>The TCP peer when the channel runs over a socket pipe (<see cref="StreamDuplexPipe.FromSocket"/>); else null.</summary>
    public EndPoint? RemoteEndPoint => (_pipe as StreamDuplexPipe)?.RemoteEndPoint;

    /// <summary>A client channel over <paramref name="pipe"/>; the channel owns the pipe if it is disposable.</summary>
    public static WrapperChannel CreateClient(IDuplexPipe pipe, WrapperOptions? options = null) =>
        new(pipe ?? throw new ArgumentNullException(nameof(pipe)), options ?? new WrapperOptions(), isServer: false);

    /// <summary>A server channel over <paramref name="pipe"/>, answering each frame's sender.</summary>
    public static WrapperChannel CreateServer(IDuplexPipe pipe, WrapperOptions? options = null) =>
        new(pipe ?? throw new ArgumentNullException(nameof(pipe)), options ?? new WrapperOptions(), isServer: true);

    /// <summary>Opens a TCP connection and returns a client channel over it.</summary>
    public static async Task<WrapperChannel> ConnectTcpAsync(string host, int port, WrapperOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var pipe = await TcpTransport.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        return CreateClient(pipe, options);
    }

    /// <summary>Opens a TCP connection to <paramref name="endPoint"/> and returns a client channel over it.</summary>
    public static async Task<WrapperChannel> ConnectTcpAsync(EndPoint endPoint, WrapperOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var pipe = await TcpTransport.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        return CreateClient(pipe, options);
    }

    /// <summary>Sends one frame from <see cref="LocalWPort"/> to <see cref="RemoteWPort"/>.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default) =>
        SendAsync(apdu, _localWPort, _remoteWPort, cancellationToken);

    /// <summary>Sends with explicit wPorts, e.g. a server answering for one of several logical devices.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> apdu, ushort sourceWPort, ushort destinationWPort,
        CancellationToken cancellationToken = default)
    {
        if (_operations.IsDisposed)
        {
            return ValueTask.FromException(new ObjectDisposedException(GetType().FullName));
        }
        if (apdu.Length > WrapperFrame.MaxApduLength)
        {
            return ValueTask.FromException(new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"An APDU of {apdu.Length} bytes does not fit a wrapper frame (at most {WrapperFrame.MaxApduLength})."));
        }
        return _operations.RunAsync((Channel: this, Apdu: apdu, Source: sourceWPort, Destination: destinationWPort),
            static (s, ct) => s.Channel.SendCoreAsync(s.Apdu, s.Source, s.Destination, ct), cancellationToken);
    }

    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendCoreAsync(ReadOnlyMemory<byte> apdu, ushort sourceWPort, ushort destinationWPort,
        CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var output = _pipe.Output;
            var span = output.GetSpan(WrapperHeader.Size + apdu.Length);
            var written = WrapperFrame.Encode(span, sourceWPort, destinationWPort, apdu.Span);
            TransportLog.FrameSent(_logger, Name, span[..written]);
            output.Advance(written);
            FlushResult flush;
            try
            {
                flush = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The connection closed while sending.", ex);
            }
            if (flush.IsCompleted)
            {
                throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The peer no longer reads from the connection.");
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Receives the next frame's APDU; a server channel then answers that frame's sender.</summary>
    public ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default) =>
        _operations.RunAsync(this, static (channel, ct) => channel.ReceiveCoreAsync(ct), cancellationToken);

    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApduMessage> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        var input = _pipe.Input;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
            {
                throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The connection broke while receiving.", ex);
            }
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                if (WrapperFrame.TryReadHeader(buffer, out var header, _options.MaxApduLength)
                    && buffer.Length >= WrapperHeader.Size + header.Length)
                {
                    var frame = buffer.Slice(0, WrapperHeader.Size + header.Length);
                    var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)header.Length));
                    frame.Slice(WrapperHeader.Size).CopyTo(rented);
                    consumed = examined = frame.End;
                    CosemTelemetry.RecordIo((int)frame.Length, sent: false);
                    if (_logger.IsEnabled(LogLevel.Trace))
                    {
                        TransportLog.TraceReceived(_logger, Name, frame.ToArray());
                    }
                    if (_isServer)
                    {
                        // Answer the sender: swap the addresses of the request (IEC 62056-47 §5.2).
                        _localWPort = header.DestinationWPort;
                        _remoteWPort = header.SourceWPort;
                    }
                    return ApduMessage.FromRented(rented, header.Length, header.SourceWPort, header.DestinationWPort);
                }
                if (result.IsCompleted)
                {
                    throw new CosemTransportException(TransportErrorKind.ConnectionClosed, buffer.IsEmpty
                        ? "The peer closed the connection."
                        : $"The peer closed the connection in the middle of a frame ({buffer.Length} bytes pending).");
                }
            }
            finally
            {
                input.AdvanceTo(consumed, examined);
            }
        }
    }

    /// <summary>Cancels pending calls, waits for them, then closes the pipe.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_operations.TryBeginDispose())
        {
            return;
        }
        // Pending calls end first: completing the pipe under a write or a read would hand its buffers back to
        // the pool while they are still in use.
        if (!await _operations.CloseAsync().ConfigureAwait(false))
        {
            TransportLog.LinkEvent(_logger, Name, "a pending operation ignored cancellation; closing the connection under it");
        }
        try
        {
            if (_pipe is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await _pipe.Output.CompleteAsync().ConfigureAwait(false);
                await _pipe.Input.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A connection that breaks while being closed is closed.
        }
        _operations.ReleaseOwner();
    }
}
