using System.Net;
using Cosem.HeadEnd.Security;
using Cosem.Sdk.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cosem.HeadEnd.Push;

/// <summary>
/// Hosts the SDK's <see cref="CosemPushListener"/> in a silo: it opens each push with the sender's keys from the
/// head-end's key store (found by system title through the meter's grain) and routes every notification it accepts
/// to the meter grain through <see cref="IPushRouter"/>, which stores the values when the meter has
/// <see cref="Meters.MeterSettings.PushObjects"/>. Refused pushes (wrong key, replay, unknown sender, in the clear
/// when protection is required) are counted in <see cref="Statistics"/> and never reach a grain.
/// </summary>
public sealed partial class PushListenerService : IHostedService, IAsyncDisposable
{
    private readonly HeadEndPushListenerOptions _options;
    private readonly IPushRouter _router;
    private readonly ILogger<PushListenerService> _logger;
    private readonly HeadEndPushKeyProvider _keys;
    private readonly CancellationTokenSource _stop = new();
    private CosemPushListener? _listener;
    private Task? _routing;
    private long _routed;
    private long _unrouted;
    private int _stopped;

    /// <summary>A service listening as <paramref name="options"/> say; keys from <paramref name="keyStore"/> via the
    /// grains of <paramref name="grains"/>.</summary>
    public PushListenerService(IOptions<HeadEndPushListenerOptions> options, IGrainFactory grains, IMeterKeyStore keyStore,
        IPushRouter router, ILogger<PushListenerService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(keyStore);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _router = router;
        _logger = logger;
        _keys = new HeadEndPushKeyProvider(grains, keyStore, _options, logger);
    }

    /// <summary>The address and port the listener is bound to (the free port taken for port 0); null before
    /// <see cref="StartAsync"/>.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint;

    /// <summary>The listener's counts: received, delivered, refused by reason; null before <see cref="StartAsync"/>.</summary>
    public PushListenerStatistics? Statistics => _listener?.Statistics;

    /// <summary>Accepted notifications handed to a meter grain.</summary>
    public long Routed => Interlocked.Read(ref _routed);

    /// <summary>Accepted notifications no meter grain took: no system title, no meter with it, or the grain call
    /// failed (logged).</summary>
    public long Unrouted => Interlocked.Read(ref _unrouted);

    /// <summary>Binds the listener (a port in use fails the host's start) and starts routing.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var endPoint = new IPEndPoint(_options.Address, _options.Port);
        var listenerOptions = new PushListenerOptions
        {
            Keys = _keys,
            RequireProtection = _options.RequireProtection,
            MaxConnections = _options.MaxConnections,
            Logger = _logger,
        };
        _listener = _options.Udp ? CosemPushListener.StartUdp(endPoint, listenerOptions) : CosemPushListener.StartTcp(endPoint, listenerOptions);
        LogListening(_logger, _options.Udp ? "UDP" : "TCP", _listener.LocalEndPoint?.ToString() ?? endPoint.ToString());
        _routing = Task.Run(() => RouteAllAsync(_listener, _stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting pushes and waits for the routing of those already accepted to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Idempotent: the host stops the service, then the container disposes it (once per registration).
        if (_listener is null || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        if (_routing is { } routing)
        {
            await routing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        LogStopped(_logger, _listener.Statistics.ToString(), Routed, Unrouted);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        // The token source is not disposed: a second disposal (the service is registered twice) must not touch it,
        // and it holds no timer or handle.
    }

    private async Task RouteAllAsync(CosemPushListener listener, CancellationToken stop)
    {
        try
        {
            await foreach (var notification in listener.ReadAllAsync(stop).ConfigureAwait(false))
            {
                if (await RouteAsync(notification, stop).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _routed);
                }
                else
                {
                    Interlocked.Increment(ref _unrouted);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> RouteAsync(Sdk.Client.PushNotification notification, CancellationToken stop)
    {
        if (notification.SystemTitle is not { } title)
        {
            LogNoSystemTitle(_logger, notification.RemoteEndPoint?.ToString() ?? "?");
            return false;
        }
        try
        {
            // The plain APDU: the grain decodes it with the meter's push_object_list.
            var routed = await _router.RouteAsync(new PushNotification(title.ToArray(), notification.Apdu.ToArray(), notification.ReceivedAt), stop)
                .ConfigureAwait(false);
            if (!routed)
            {
                LogUnknownMeter(_logger, title.ToString());
            }
            return routed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            LogRoutingFailed(_logger, title.ToString(), ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for pushes over {Transport} at {EndPoint}")]
    private static partial void LogListening(ILogger logger, string transport, string endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push listener stopped: {Statistics}; {Routed} routed, {Unrouted} not routed")]
    private static partial void LogStopped(ILogger logger, string statistics, long routed, long unrouted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push from {RemoteEndPoint} has no system title; it cannot be routed to a meter")]
    private static partial void LogNoSystemTitle(ILogger logger, string remoteEndPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push from system title {SystemTitle} matches no configured meter")]
    private static partial void LogUnknownMeter(ILogger logger, string systemTitle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push from system title {SystemTitle} could not be routed: {Error}")]
    private static partial void LogRoutingFailed(ILogger logger, string systemTitle, string error);
}
