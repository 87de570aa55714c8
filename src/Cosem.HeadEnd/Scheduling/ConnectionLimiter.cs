using System.Collections.Concurrent;

namespace Cosem.HeadEnd.Scheduling;

/// <summary>
/// The per-silo bound on meter sessions: at most <c>maxConnections</c> at once, and at most
/// <c>maxPerGateway</c> through one HDLC-over-TCP gateway. A waiting read holds no socket.
/// </summary>
public sealed class ConnectionLimiter
{
    private readonly SemaphoreSlim _connections;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gateways = new(StringComparer.Ordinal);
    private readonly int _maxPerGateway;
    private int _open;

    /// <summary>A limiter with the given bounds (each at least 1).</summary>
    public ConnectionLimiter(int maxConnections, int maxPerGateway)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerGateway, 1);
        _connections = new SemaphoreSlim(maxConnections, maxConnections);
        _maxPerGateway = maxPerGateway;
        MaxConnections = maxConnections;
    }

    /// <summary>The silo-wide bound.</summary>
    public int MaxConnections { get; }

    /// <summary>Sessions holding a slot now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Waits for a gateway slot (when <paramref name="gatewayKey"/> is not null) and then a silo slot;
    /// dispose the result to give both back.</summary>
    public async ValueTask<IDisposable> AcquireAsync(string? gatewayKey, CancellationToken cancellationToken = default)
    {
        SemaphoreSlim? gateway = null;
        if (gatewayKey is not null)
        {
            gateway = _gateways.GetOrAdd(gatewayKey, _ => new SemaphoreSlim(_maxPerGateway, _maxPerGateway));
            await gateway.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            await _connections.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            gateway?.Release();
            throw;
        }
        Interlocked.Increment(ref _open);
        return new Lease(this, gateway);
    }

    private sealed class Lease(ConnectionLimiter owner, SemaphoreSlim? gateway) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }
            Interlocked.Decrement(ref owner._open);
            owner._connections.Release();
            gateway?.Release();
        }
    }
}
