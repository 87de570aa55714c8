using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Reading;
using Cosem.HeadEnd.Scheduling;
using Cosem.HeadEnd.Security;
using Cosem.HeadEnd.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cosem.HeadEnd.Hosting;

/// <summary>The silo-wide services the meter grains share: the connection limiter, the session reader, the store
/// (initialised once), the optional meter catalog, the retry policy and the counters.</summary>
internal sealed class HeadEndRuntime
{
    private readonly Lazy<Task> _storeReady;

    public HeadEndRuntime(IOptions<HeadEndOptions> options, IReadingStore store, IMeterKeyStore keys, HeadEndCounters counters, IServiceProvider services)
    {
        var value = options.Value;
        value.Validate();
        Options = value;
        Store = store;
        Counters = counters;
        Catalog = services.GetService<IMeterCatalog>();
        Limiter = new ConnectionLimiter(value.MaxConnectionsPerSilo, value.MaxSessionsPerGateway);
        Reader = new MeterSessionReader(keys, value.RequestTimeout);
        Retry = new RetryPolicy(value.RetryBaseDelay, value.MaxRetryDelay, value.RetryJitter);
        _storeReady = new Lazy<Task>(() => store.InitializeAsync());
    }

    public HeadEndOptions Options { get; }

    public IReadingStore Store { get; }

    public HeadEndCounters Counters { get; }

    public IMeterCatalog? Catalog { get; }

    public ConnectionLimiter Limiter { get; }

    public MeterSessionReader Reader { get; }

    public RetryPolicy Retry { get; }

    public Task EnsureStoreAsync() => _storeReady.Value;
}
