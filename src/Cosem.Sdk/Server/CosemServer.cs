using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Wrapper;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>
/// A DLMS/COSEM server: hosts one or more <see cref="LogicalDevice"/>s on any number of transports at once and
/// serves every client connection in its own session. The wrapper destination wPort or the HDLC server upper
/// address selects the logical device; its <see cref="IAssociationObject">association object</see> objects decide who may associate.
/// </summary>
/// <example><code>
/// await using var server = new CosemServer(device).ListenWrapperTcp(4059).ListenHdlcOverTcp(4060);
/// await server.RunAsync(cancellationToken);
/// </code></example>
/// <remarks>
/// Sessions are isolated: a malformed frame or APDU, or an exception thrown by an application object, costs at
/// most the request (answered with the matching data-access-result, action-result or exception-response) or the
/// connection it came on, never the server or another client.
/// </remarks>
public sealed class CosemServer : IAsyncDisposable
{
    private readonly Dictionary<int, LogicalDevice> _devices = [];
    private readonly LogicalDevice[] _deviceList;
    private readonly List<(string Name, IApduChannelListener Listener)> _listeners = [];
    private readonly List<IApduChannel> _waitingChannels = [];
    private readonly List<ServerEndPoint> _endPoints = [];
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private readonly List<Task> _acceptLoops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
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
        _logger = Options.LoggerFactory.CreateLogger("Cosem.Sdk.Server");
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

    public CosemServerOptions Options { get; }

    /// <summary>The hosted logical devices, by address.</summary>
    public IReadOnlyList<LogicalDevice> Devices => _deviceList;

    /// <summary>Every socket listened on, in the order the Listen… calls were made.</summary>
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

    /// <summary>The first endpoint of <paramref name="transport"/>; throws when there is none.</summary>
    public IPEndPoint GetEndPoint(ServerTransportKind transport) =>
        EndPoints.FirstOrDefault(e => e.Transport == transport)?.EndPoint
        ?? throw new InvalidOperationException($"The server does not listen on {transport}.");

    /// <summary>The logical device at <paramref name="address"/>, or null.</summary>
    public LogicalDevice? FindDevice(int address) => _devices.GetValueOrDefault(address);

    /// <summary>Listens for wrapper clients over TCP (IEC 62056-47; 4059 is the IANA port) on all interfaces.</summary>
    public CosemServer ListenWrapperTcp(int port) => ListenWrapperTcp(new IPEndPoint(IPAddress.Any, port));

    /// <inheritdoc cref="ListenWrapperTcp(int)"/>
    public CosemServer ListenWrapperTcp(IPEndPoint endPoint)
    {
        var listener = TcpChannelListener.StartWrapper(endPoint, WrapperOptions());
        return AddListener(ServerTransportKind.WrapperTcp, listener, listener.LocalEndPoint);
    }

    /// <summary>Listens for wrapper clients over UDP (IEC 62056-47) on all interfaces.</summary>
    public CosemServer ListenWrapperUdp(int port) => ListenWrapperUdp(new IPEndPoint(IPAddress.Any, port));

    /// <inheritdoc cref="ListenWrapperUdp(int)"/>
    public CosemServer ListenWrapperUdp(IPEndPoint endPoint)
    {
        var listener = UdpChannelListener.Start(endPoint, WrapperOptions());
        return AddListener(ServerTransportKind.WrapperUdp, listener, listener.LocalEndPoint);
    }

    /// <summary>Listens for HDLC clients over TCP (IEC 62056-46 frames on a byte stream) on all interfaces.</summary>
    public CosemServer ListenHdlcOverTcp(int port) => ListenHdlcOverTcp(new IPEndPoint(IPAddress.Any, port));

    /// <inheritdoc cref="ListenHdlcOverTcp(int)"/>
    public CosemServer ListenHdlcOverTcp(IPEndPoint endPoint)
    {
        var listener = TcpChannelListener.StartHdlc(endPoint, HdlcOptions());
        return AddListener(ServerTransportKind.HdlcTcp, listener, listener.LocalEndPoint);
    }

    /// <summary>Serves HDLC on one byte stream: a serial port, an optical probe, or an in-memory pipe.</summary>
    public CosemServer ListenHdlc(IDuplexPipe pipe)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        return Serve(new HdlcServerLink(pipe, HdlcOptions()));
    }

    /// <summary>Serves the clients of any listener.</summary>
    public CosemServer Listen(IApduChannelListener listener, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_lock)
        {
            ThrowIfDisposed();
            _listeners.Add((name, listener));
            if (_started)
            {
                _acceptLoops.Add(AcceptLoopAsync(name, listener));
            }
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

    private CosemServer AddListener(ServerTransportKind kind, IApduChannelListener listener, IPEndPoint endPoint)
    {
        lock (_lock)
        {
            _endPoints.Add(new ServerEndPoint(kind, endPoint));
        }
        ServerLog.Listening(_logger, kind.ToString(), endPoint.ToString());
        return Listen(listener, kind.ToString());
    }

    private WrapperOptions WrapperOptions() => new()
    {
        Logger = Options.LoggerFactory.CreateLogger("Cosem.Sdk.Transport.Wrapper"),
    };

    private HdlcServerOptions HdlcOptions() => new()
    {
        Parameters = Options.HdlcParameters,
        InactivityTimeout = Options.HdlcInactivityTimeout,
        // Only hosted logical devices answer SNRM (IEC 62056-46 §6.4.2.2); others stay silent.
        AcceptConnection = (server, _) => _devices.ContainsKey(server.Upper),
        Logger = Options.LoggerFactory.CreateLogger("Cosem.Sdk.Transport.Hdlc"),
    };

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
        var session = new ServerSession(this, channel, id, _logger);
        Interlocked.Increment(ref _active);
        var token = _stop.Token;
        var task = Task.Run(async () =>
        {
            try
            {
                await session.RunAsync(token).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
                _sessions.TryRemove(id, out _);
            }
        });
        _sessions.TryAdd(id, task);
        if (task.IsCompleted)
        {
            _sessions.TryRemove(id, out _);
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
