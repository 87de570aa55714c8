using System.Net;
using Cosem.Sdk.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting;

/// <summary>
/// Runs the <see cref="CosemServer"/> registered by <see cref="CosemHostingServiceCollectionExtensions.AddCosemServer"/>
/// as a hosted service: builds the devices and listeners when the host starts, disposes the server when it stops.
/// Resolve it to reach the running server (its end points, sessions and refusal counts).
/// </summary>
public sealed partial class CosemServerHost : IHostedService, IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly CosemServerBuilder _builder;
    private readonly IOptions<CosemServerHostOptions> _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly List<string> _failedListeners = [];
    private readonly Lock _lock = new();
    private CosemServer? _server;

    /// <summary>Made by the service provider.</summary>
    public CosemServerHost(IServiceProvider services, CosemServerBuilder builder, IOptions<CosemServerHostOptions> options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _builder = builder;
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("Cosem.Sdk.Hosting");
    }

    /// <summary>The running server; null before the host started it and after it stopped.</summary>
    public CosemServer? Server
    {
        get
        {
            lock (_lock)
            {
                return _server;
            }
        }
    }

    /// <summary>The listeners the configuration (and <see cref="CosemServerBuilder.AddTransport"/>) asked for.</summary>
    public int ExpectedListeners { get; private set; }

    /// <summary>The listeners that could not start, with the reason (only with <see cref="CosemServerHostOptions.ContinueOnListenerFailure"/>).</summary>
    public IReadOnlyList<string> FailedListeners
    {
        get
        {
            lock (_lock)
            {
                return [.. _failedListeners];
            }
        }
    }

    /// <summary>Builds the devices, binds every listener and starts accepting clients.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        LogOptions(_logger, options);
        var secrets = options.Secrets;
        var devices = _builder.DeviceFactories.Select(factory => factory(_services, secrets)).ToList();
        if (devices.Count == 0)
        {
            throw new InvalidOperationException("AddCosemServer: no logical device was added (CosemServerBuilder.AddDevice).");
        }
        var server = new CosemServer(devices, new CosemServerOptions
        {
            LoggerFactory = _loggerFactory,
            MaxConnections = options.MaxConnections,
            MaxConnectionsPerAddress = options.MaxConnectionsPerAddress,
            MaxIncomingBlockBytes = options.MaxIncomingBlockBytes,
            IdleTimeout = NeverWhenZero(options.InactivityTimeout),
            AssociationTimeout = NeverWhenZero(options.AssociationTimeout),
            RefusalLogInterval = options.RefusalLogInterval,
        });
        var transports = options.Endpoints.Select(e => (e.ToString(), (Func<ServerTransport>)(() => CreateTransport(e))))
            .Concat(_builder.TransportFactories.Select(f => ("custom", (Func<ServerTransport>)(() => f(_services)))))
            .ToList();
        ExpectedListeners = transports.Count;
        try
        {
            foreach (var (description, create) in transports)
            {
                try
                {
                    server.Listen(create());
                }
                catch (Exception ex) when (options.ContinueOnListenerFailure && ex is not OperationCanceledException)
                {
                    LogListenerFailed(_logger, description, ex);
                    lock (_lock)
                    {
                        _failedListeners.Add($"{description}: {ex.Message}");
                    }
                }
            }
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        lock (_lock)
        {
            _server = server;
        }
        LogStarted(_logger, devices.Count, string.Join(", ", server.EndPoints));
    }

    /// <summary>Stops accepting and closes every session.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        CosemServer? server;
        lock (_lock)
        {
            server = _server;
            _server = null;
        }
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server if the host did not.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    internal static ServerTransport CreateTransport(CosemEndpointOptions endpoint)
    {
        var address = string.IsNullOrEmpty(endpoint.Address) ? IPAddress.Any : IPAddress.Parse(endpoint.Address);
        var endPoint = new IPEndPoint(address, endpoint.Port);
        return endpoint.Transport.ToLowerInvariant() switch
        {
            "tcp" => ServerTransport.Tcp(endPoint),
            "udp" => ServerTransport.Udp(endPoint),
            "hdlc-tcp" => ServerTransport.HdlcOverTcp(endPoint),
            _ => throw new InvalidOperationException($"Unknown transport '{endpoint.Transport}'."),
        };
    }

    private static TimeSpan NeverWhenZero(TimeSpan value) => value == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : value;

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Cosem server options: {Options}")]
    private static partial void LogOptions(ILogger logger, CosemServerHostOptions options);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Cosem server started: {DeviceCount} logical device(s) on {EndPoints}")]
    private static partial void LogStarted(ILogger logger, int deviceCount, string endPoints);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Cosem server listener {Listener} could not start")]
    private static partial void LogListenerFailed(ILogger logger, string listener, Exception exception);
}
