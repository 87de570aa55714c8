using System.Collections.Concurrent;
using Cosem.HeadEnd.Hosting;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Storage;

namespace Cosem.HeadEnd.Tests.Support;

/// <summary>
/// What the in-process silos of one test share, as a real deployment shares databases: the reading store, the meter
/// catalog, the reminder table. Silo configurators find it by the id in their configuration.
/// </summary>
internal sealed class HeadEndEnvironment
{
    public const string ConfigurationKey = "CosemHeadEndTestEnvironment";

    private static readonly ConcurrentDictionary<string, HeadEndEnvironment> Environments = new();

    public HeadEndEnvironment(IReadingStore store, Action<HeadEndOptions>? options = null)
    {
        Store = store;
        Options = options;
        Environments[Id] = this;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public IReadingStore Store { get; }

    public InMemoryMeterCatalog Catalog { get; } = new();

    public SharedReminderTable Reminders { get; } = new();

    /// <summary>The key store of silos built by <see cref="PushListenerSiloConfigurator"/>.</summary>
    public Security.InMemoryMeterKeyStore Keys { get; } = new();

    public Action<HeadEndOptions>? Options { get; }

    public static HeadEndEnvironment Find(string id) => Environments[id];

    public void Forget() => Environments.TryRemove(Id, out _);
}
