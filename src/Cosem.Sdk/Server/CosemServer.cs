using System.Collections.Concurrent;
using System.Net;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>
/// A DLMS/COSEM server: hosts one or more <see cref="LogicalDevice"/>s on any number of transports at once and
/// serves every client connection in its own session. The wrapper destination wPort or the HDLC server upper
/// address selects the logical device; its <see cref="IAssociationObject">association object</see> objects decide who may associate.
/// </summary>
/// <example><code>
/// await using var server = new CosemServer(device).Listen(ServerTransport.Tcp(4059)).Listen(ServerTransport.HdlcOverTcp(4060));
/// await server.RunAsync(cancellationToken);
/// </code></example>
/// <remarks>
/// Sessions are isolated: a malformed frame or APDU, or an exception thrown by an application object, costs at
/// most the request (answered with the matching data-access-result, action-result or exception-response) or the
/// connection it came on, never the server or another client.
/// </remarks>
public sealed partial class CosemServer : IAsyncDisposable
{
    private readonly Dictionary<CosemAddress, LogicalDevice> _devices = [];
    private readonly LogicalDevice[] _deviceList;
    private readonly List<(string Name, IApduChannelListener Listener)> _listeners = [];
    private readonly List<IApduChannel> _waitingChannels = [];
    private readonly List<ServerEndPoint> _endPoints = [];
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private readonly List<Task> _acceptLoops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private readonly RefusalLog _refusals;
    private readonly ConnectionLimiter _connections;
    private readonly Lock _lock = new();
    private long _nextSession;
    private int _active;
    private bool _started;
    private int _disposed;

    /// <summary>A server hosting <paramref name="devices"/> with default options.</summary>
    public CosemServer(params LogicalDevice[] devices)
        : this(devices, null)
    {
    }

    /// <summary>A server hosting one logical device.</summary>
    public CosemServer(LogicalDevice device, CosemServerOptions? options = null)
        : this([device], options)
    {
    }

    /// <summary>A server hosting <paramref name="devices"/>, each at its own address.</summary>
    public CosemServer(IEnumerable<LogicalDevice> devices, CosemServerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(devices);
        Options = options ?? new CosemServerOptions();
        ValidateLimits(Options);
        _logger = Options.LoggerFactory.CreateLogger("Cosem.Sdk.Server");
        _refusals = new RefusalLog(_logger, Options.RefusalLogInterval, TimeProvider.System);
        _connections = new ConnectionLimiter(Options.MaxConnections, Options.MaxConnectionsPerAddress);
        foreach (var device in devices)
        {
            ArgumentNullException.ThrowIfNull(device, nameof(devices));
            if (!_devices.TryAdd(device.Address, device))
            {
                throw new ArgumentException($"Two logical devices share address {device.Address}.", nameof(devices));
            }
        }
        if (_devices.Count == 0)
        {
            throw new ArgumentException("A server hosts at least one logical device.", nameof(devices));
        }
        _deviceList = [.. _devices.Values.OrderBy(d => d.Address)];
    }

    /// <summary>The options given at construction (defaults when none were): logging, HDLC parameters, time-outs.</summary>
    public CosemServerOptions Options { get; }

    /// <summary>The hosted logical devices, by address.</summary>
    public IReadOnlyList<LogicalDevice> Devices => _deviceList;

    /// <summary>Every transport listened on, in the order of the <see cref="Listen(ServerTransport)"/> calls.</summary>
    public IReadOnlyList<ServerEndPoint> EndPoints
    {
        get
        {
            lock (_lock)
            {
                return [.. _endPoints];
            }
        }
    }

    /// <summary>Connections being served now.</summary>
    public int ActiveSessions => Volatile.Read(ref _active);

    /// <summary>
    /// Connections closed at once because <see cref="CosemServerOptions.MaxConnections"/> or
    /// <see cref="CosemServerOptions.MaxConnectionsPerAddress"/> was reached, since the server was created.
    /// </summary>
    public long RefusedConnections =>
        _refusals.Count(RefusalReasons.ConnectionLimit) + _refusals.Count(RefusalReasons.AddressConnectionLimit);

    /// <summary>
    /// Everything refused since the server was created, per <see cref="RefusalReasons">reason</see> (connections,
    /// associations, requests by service-error, time-outs): a snapshot, for metrics. Each refusal is counted even
    /// when its log line was suppressed by the rate limit.
    /// </summary>
    public IReadOnlyDictionary<string, long> GetRefusalCounts() => _refusals.Snapshot();

    internal RefusalLog Refusals => _refusals;

    /// <summary>
    /// The address <paramref name="transport"/> is bound to (with port 0 requested, the port the system chose).
    /// Throws when the server does not listen on that transport instance, or when it has no address (a pipe).
    /// </summary>
    public IPEndPoint GetEndPoint(ServerTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return EndPoints.FirstOrDefault(e => ReferenceEquals(e.Transport, transport))?.EndPoint
            ?? throw new InvalidOperationException($"The server does not listen on an IP address with {transport}.");
    }

    /// <summary>The logical device at <paramref name="address"/>, or null.</summary>
    public LogicalDevice? FindDevice(CosemAddress address) => _devices.GetValueOrDefault(address);

    /// <summary>
    /// Starts listening on <paramref name="transport"/> now (a socket is bound at once, so a port in use fails
    /// here); clients are served once the server is started. Chainable.
    /// </summary>
    /// <example><c>server.Listen(ServerTransport.Tcp(4059)).Listen(ServerTransport.HdlcOverTcp(4060))</c></example>
    public CosemServer Listen(ServerTransport transport) => Listen(transport, out _);

    /// <summary>
    /// <see cref="Listen(ServerTransport)"/>, and tells where: <paramref name="endPoint"/> holds the bound address, e.g.
    /// the port chosen for port 0.
    /// </summary>
    public CosemServer Listen(ServerTransport transport, out ServerEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ThrowIfDisposed();
        var (listener, address) = transport.Start(new ServerTransportContext(this));
        endPoint = new ServerEndPoint(transport, address);
        lock (_lock)
        {
            if (_disposed == 0)
            {
                _endPoints.Add(endPoint);
                _listeners.Add((transport.Description, listener));
                if (_started)
                {
                    _acceptLoops.Add(AcceptLoopAsync(transport.Description, listener));
                }
                listener = null;
            }
        }
        if (listener is not null)
        {
            // Disposed meanwhile: nobody would ever close the socket just bound.
            listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
            ThrowIfDisposed();
        }
        if (address is not null)
        {
            ServerLog.Listening(_logger, transport.Description, address.ToString());
        }
        return this;
    }

    /// <summary>Serves one already-open channel (a single connection), e.g. an in-memory channel in tests.</summary>
    public CosemServer Serve(IApduChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_started)
            {
                StartSession(channel);
            }
            else
            {
                _waitingChannels.Add(channel);
            }
        }
        return this;
    }

    /// <summary>Starts accepting clients on every listener; returns once they are accepted in the background.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_started)
            {
                return Task.CompletedTask;
            }
            _started = true;
            WarnWithoutSapAssignment();
            foreach (var (name, listener) in _listeners)
            {
                _acceptLoops.Add(AcceptLoopAsync(name, listener));
            }
            foreach (var channel in _waitingChannels)
            {
                StartSession(channel);
            }
            _waitingChannels.Clear();
        }
        return Task.CompletedTask;
    }

    // Blue Book §4.4.5: the management logical device lists the logical devices with their SAPs (class 17).
    private void WarnWithoutSapAssignment()
    {
        const ushort sapAssignmentClassId = 17;
        if (FindDevice(LogicalDevice.ManagementAddress) is { } management && !management.Objects.Any(o => o.ClassId == sapAssignmentClassId))
        {
            ServerLog.NoSapAssignment(_logger);
        }
    }

    /// <summary>Starts, serves until <paramref name="cancellationToken"/> is cancelled, then stops every session.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync(string name, IApduChannelListener listener)
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            IApduChannel channel;
            try
            {
                channel = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && token.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return; // the listener was closed
            }
            catch (Exception ex)
            {
                ServerLog.AcceptFailed(_logger, ex, name);
                try
                {
                    await Task.Delay(100, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            StartSession(channel);
        }
    }

    private void StartSession(IApduChannel channel)
    {
        var id = Interlocked.Increment(ref _nextSession);
        var endPoint = channel.RemoteEndPoint;
        var address = ConnectionLimiter.AddressOf(endPoint);
        var remote = address?.ToString() ?? endPoint?.ToString() ?? "local";
        Task task;
        if (_connections.TryEnter(address) is { } refused)
        {
            // Beyond the limits: closed at once, counted, and logged at most once per interval for this address.
            _refusals.Record(remote, id, refused, $"connection from {endPoint?.ToString() ?? remote} closed at once");
            task = CloseRefusedAsync(channel);
        }
        else
        {
            var session = new ServerSession(this, channel, id, _logger, new SessionRefusals(_refusals, id, remote));
            Interlocked.Increment(ref _active);
            task = ServeAsync(session, address, id);
        }
        _sessions.TryAdd(id, task);
        if (task.IsCompleted)
        {
            _sessions.TryRemove(id, out _);
        }
    }

    // One thread-pool hand-off, as Task.Run gave, but without its closure, task and unwrap promise per connection.
    // The hand-off stays: run inline, a client that keeps its pipe full could hold the accept loop for as long as
    // its requests complete synchronously.
    private async Task ServeAsync(ServerSession session, System.Net.IPAddress? address, long id)
    {
        try
        {
            await Task.Yield();
            await session.RunAsync(_stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _connections.Leave(address);
            Interlocked.Decrement(ref _active);
            _sessions.TryRemove(id, out _);
        }
    }

    private static async Task CloseRefusedAsync(IApduChannel channel)
    {
        try
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CosemTransportException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // A refused connection that breaks while being closed is closed.
        }
    }

    private static void ValidateLimits(CosemServerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1, nameof(options.MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnectionsPerAddress, 1, nameof(options.MaxConnectionsPerAddress));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIncomingBlockBytes, 1, nameof(options.MaxIncomingBlockBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxReassemblyBytes, 1, nameof(options.MaxReassemblyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GeneralBlockTransferWindow, 1, nameof(options.GeneralBlockTransferWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.GeneralBlockTransferWindow, Apdu.GeneralBlockTransfer.MaxWindow, nameof(options.GeneralBlockTransferWindow));
        // A whole wrapper frame must fit below the pause threshold, or the reader would wait for bytes never read.
        long largestFrame = Transport.Wrapper.WrapperHeader.Size + Math.Min(options.MaxReassemblyBytes, Transport.Wrapper.WrapperFrame.MaxApduLength);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxBufferedBytesPerConnection, largestFrame, nameof(options.MaxBufferedBytesPerConnection));
        ValidateTimeLimit(options.IdleTimeout, allowInfinite: true, nameof(options.IdleTimeout));
        ValidateTimeLimit(options.AssociationTimeout, allowInfinite: true, nameof(options.AssociationTimeout));
        ValidateTimeLimit(options.RefusalLogInterval, allowInfinite: false, nameof(options.RefusalLogInterval));
    }

    // Timers take at most int.MaxValue milliseconds (about 24.8 days).
    private static void ValidateTimeLimit(TimeSpan value, bool allowInfinite, string name)
    {
        if (allowInfinite && value == Timeout.InfiniteTimeSpan)
        {
            return;
        }
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value,
                allowInfinite ? "A time limit is positive (at most 24 days) or Timeout.InfiniteTimeSpan." : "The interval is positive (at most 24 days).");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed != 0, this);

    /// <summary>Stops listening, ends every session and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        List<(string, IApduChannelListener)> listeners;
        List<IApduChannel> waiting;
        lock (_lock)
        {
            listeners = [.. _listeners];
            waiting = [.. _waitingChannels];
            _waitingChannels.Clear();
        }
        foreach (var (_, listener) in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var channel in waiting)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        await Task.WhenAll(_sessions.Values).ConfigureAwait(false);
        _stop.Dispose();
    }
}
