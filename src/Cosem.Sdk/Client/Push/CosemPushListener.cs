using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Client;

/// <summary>
/// Receives what meters push — DataNotification, EVENT-NOTIFICATION-Request, InformationReport-Request, in the clear
/// or ciphered (general-ciphering, general-glo-ciphering, glo-) — from many meters at once over the TCP or UDP
/// wrapper (or any <see cref="IApduChannelListener"/>), and yields them opened, checked and decoded from
/// <see cref="ReadAllAsync"/>.
/// </summary>
/// <remarks>
/// Each connection (TCP connection, UDP peer) runs on its own; a bad notification is refused with a
/// <see cref="PushRejection"/> (counted in <see cref="Statistics"/>, raised as <see cref="Rejected"/>) and the
/// connection carries on, so one meter never disturbs another. A connection that breaks the framing is closed; one
/// silent for <see cref="PushListenerOptions.IdleTimeout"/> is closed; connections beyond
/// <see cref="PushListenerOptions.MaxConnections"/> are closed unread; at most
/// <see cref="PushListenerOptions.QueueCapacity"/> decoded notifications wait for the reader. A DataNotification sent
/// confirmed (Push setup push_operation_method 2) is answered, once queued, with a data-notification-confirm on its
/// connection (<see cref="PushListenerOptions.ConfirmDataNotifications"/>).
/// </remarks>
public sealed class CosemPushListener : IAsyncDisposable
{
    private readonly IApduChannelListener _listener;
    private readonly PushListenerOptions _options;
    private readonly PushNotificationDecoder _decoder;
    private readonly Channel<PushNotification> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly Task _acceptLoop;
    private int _open;
    private int _disposed;

    private CosemPushListener(IApduChannelListener listener, IPEndPoint? localEndPoint, PushListenerOptions options)
    {
        _listener = listener;
        _options = options;
        LocalEndPoint = localEndPoint;
        _decoder = new PushNotificationDecoder(options);
        _queue = Channel.CreateBounded<PushNotification>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The bound address (with port 0 requested, the port the system chose); null for a custom listener.</summary>
    public IPEndPoint? LocalEndPoint { get; }

    /// <summary>Notifications delivered and refused, and connections, so far.</summary>
    public PushListenerStatistics Statistics => _decoder.Statistics;

    /// <summary>Raised for every refused notification or connection (on the receiving connection's thread); a handler
    /// must be quick, and one that throws is logged and ignored.</summary>
    public event EventHandler<PushRejection>? Rejected
    {
        add => _decoder.Rejected += value;
        remove => _decoder.Rejected -= value;
    }

    /// <summary>Listens for wrapper TCP connections on <paramref name="endPoint"/>; each meter may push any number of
    /// notifications on its connection.</summary>
    public static CosemPushListener StartTcp(IPEndPoint endPoint, PushListenerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= new PushListenerOptions();
        options.Validate();
        var listener = TcpChannelListener.StartWrapper(endPoint, options.Wrapper);
        return new CosemPushListener(listener, listener.LocalEndPoint, options);
    }

    /// <summary>Listens for wrapper UDP datagrams on <paramref name="endPoint"/>, one notification per datagram; each
    /// remote endpoint counts as a connection.</summary>
    public static CosemPushListener StartUdp(IPEndPoint endPoint, PushListenerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= new PushListenerOptions();
        options.Validate();
        var listener = UdpChannelListener.Start(endPoint, options.Wrapper);
        return new CosemPushListener(listener, listener.LocalEndPoint, options);
    }

    /// <summary>Receives from the channels <paramref name="listener"/> accepts (HDLC, a custom transport); the push
    /// listener owns it and disposes it.</summary>
    public static CosemPushListener Start(IApduChannelListener listener, PushListenerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(listener);
        options ??= new PushListenerOptions();
        options.Validate();
        return new CosemPushListener(listener, null, options);
    }

    /// <summary>Every notification, as it arrives, until the listener is disposed or <paramref name="cancellationToken"/>
    /// is cancelled. Several readers share the notifications (each goes to one of them).</summary>
    public IAsyncEnumerable<PushNotification> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _queue.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Waits for the next notification; throws <see cref="OperationCanceledException"/> once the listener is
    /// disposed.</summary>
    public async ValueTask<PushNotification> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _queue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new OperationCanceledException("The push listener was stopped.", ex);
        }
    }

    private async Task AcceptLoopAsync()
    {
        var stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var channel = await _listener.AcceptAsync(stop).ConfigureAwait(false);
                if (Interlocked.Increment(ref _open) > _options.MaxConnections)
                {
                    Interlocked.Decrement(ref _open);
                    _decoder.Refuse(new PushRejection(PushRejectionReason.ConnectionLimit, channel.RemoteEndPoint, null,
                        $"{_options.MaxConnections} connections are open already."));
                    await channel.DisposeAsync().ConfigureAwait(false);
                    continue;
                }
                Statistics.ConnectionOpened();
                var connection = Task.Run(() => ReceiveLoopAsync(channel, stop), CancellationToken.None);
                _connections.TryAdd(connection, 0);
                _ = connection.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _),
                    _connections, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (ObjectDisposedException)
        {
            // The transport listener was disposed under us: stopped.
        }
    }

    private async Task ReceiveLoopAsync(IApduChannel channel, CancellationToken stop)
    {
        var remote = channel.RemoteEndPoint;
        var remoteText = remote?.ToString() ?? "?";
        PushLog.Connection(_options.Logger, "opened", remoteText);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
        SystemTitle? known = null;
        try
        {
            while (true)
            {
                if (_options.IdleTimeout != Timeout.InfiniteTimeSpan)
                {
                    idle.CancelAfter(_options.IdleTimeout);
                }
                PushNotification? notification;
                using (var message = await channel.ReceiveAsync(idle.Token).ConfigureAwait(false))
                {
                    known ??= _options.SystemTitleOf?.Invoke(remote, message.SourceAddress);
                    var origin = new PushOrigin(remote, message.SourceAddress, message.DestinationAddress, known);
                    // The notification keeps its APDU: copy it out of the pooled frame buffer.
                    if (!_decoder.TryDecode(message.Memory.ToArray(), origin, out notification, out _))
                    {
                        continue;
                    }
                }
                known = notification.SystemTitle ?? known;
                await _queue.Writer.WriteAsync(notification, stop).ConfigureAwait(false);
                await ConfirmAsync(channel, notification, remoteText, idle.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            PushLog.Connection(_options.Logger, stop.IsCancellationRequested ? "closed by the listener" : "idle, closed", remoteText);
        }
        catch (ChannelClosedException)
        {
            // The listener is stopping.
        }
        catch (CosemTransportException ex) when (ex.Kind == TransportErrorKind.ConnectionClosed)
        {
            PushLog.Connection(_options.Logger, "closed by the meter", remoteText);
        }
        catch (CosemTransportException ex)
        {
            // The framing broke (wrong version, oversize frame): the stream cannot be resynchronised.
            _decoder.Refuse(new PushRejection(PushRejectionReason.Malformed, remote, known, ex.Message));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PushLog.ConnectionFailed(_options.Logger, remoteText, ex.Message);
        }
        finally
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            Interlocked.Decrement(ref _open);
            Statistics.ConnectionClosed();
        }
    }

    // A confirmed DataNotification is answered once it is queued: data-notification-confirm [16] with its
    // long-invoke-id-and-priority and our date-time (see DataNotificationConfirm for the source of the form).
    private async ValueTask ConfirmAsync(IApduChannel channel, PushNotification notification, string remoteText, CancellationToken cancellationToken)
    {
        if (!_options.ConfirmDataNotifications || notification.Kind != PushNotificationKind.DataNotification ||
            notification.LongInvokeIdAndPriority is not { Confirmed: true } invokeId)
        {
            return;
        }
        var now = new byte[Axdr.CosemDateTime.Length];
        Axdr.CosemDateTime.From(notification.ReceivedAt).CopyTo(now);
        await channel.SendAsync(new DataNotificationConfirm(invokeId, now).ToArray(), cancellationToken).ConfigureAwait(false);
        Statistics.Confirmed();
        PushLog.Confirmed(_options.Logger, invokeId.InvokeId, remoteText);
    }

    /// <summary>Stops accepting, closes every connection, and ends <see cref="ReadAllAsync"/> once the notifications
    /// already queued are read.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
        _queue.Writer.TryComplete();
        _stop.Dispose();
    }
}
