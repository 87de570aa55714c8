using BenchmarkDotNet.Attributes;
using Cosem.Samples.MeterSimulator;
using Cosem.Samples.MeterSimulator.BlueBook;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Studio.Connections;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// Cosem Studio's object tree (issue 15, item 8: "the object tree of a 50-object meter appears within 1 s of
/// connecting on loopback"): connect through the studio's session, read the object list, build the views (schema
/// names, access rights, typed method-parameter editors) and group them by class, against the Blue Book simulator
/// (one object of every class and version the SDK generates, over 100). The baseline is the bare SDK doing the same
/// round trips: <see cref="CosemClient.ConnectAsync"/> and the object-list read, then release. The ratio is what the
/// studio adds on top of the protocol; the absolute mean is the figure to compare with the one-second target.
/// </summary>
[MemoryDiagnoser]
public class StudioTreeBenchmarks
{
    private BlueBookSimulator _meter = null!;
    private SchemaCatalog _catalog = null!;
    private ConnectionSettings _settings = null!;

    /// <summary>How many objects the meter lists (a check that the profile is the large one).</summary>
    public int ObjectCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _meter = BlueBookSimulator.StartAsync(new MeterSimulatorOptions { WrapperPort = 0, HdlcPort = null }).GetAwaiter().GetResult();
        // The studio loads its schema catalog once at start-up, not per connection.
        _catalog = SchemaCatalog.Load(null);
        _settings = new ConnectionSettings
        {
            Name = "blue-book",
            Host = "127.0.0.1",
            Port = _meter.WrapperEndPoint!.Port,
            ClientAddress = 16,
            ServerAddress = 1,
            Authentication = "none",
            TimeoutSeconds = 5,
        };
        ObjectCount = StudioTree().GetAwaiter().GetResult();
        if (ObjectCount < 50)
        {
            throw new InvalidOperationException($"The Blue Book profile lists only {ObjectCount} objects.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _meter.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The SDK alone: associate, read the object list, release.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> BareConnectAndObjectList()
    {
        await using var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", _settings.Port),
            new AssociationOptions { ClientAddress = 16 });
        var list = await client.ReadObjectListAsync();
        return list.Objects.Count;
    }

    /// <summary>The studio: its session (frame capture included), the object list, the views and the grouped tree.</summary>
    [Benchmark]
    public Task<int> StudioConnectAndTree() => StudioTree();

    private async Task<int> StudioTree()
    {
        await using var session = await MeterSession.OpenAsync("bench", _settings, new ConnectionSecrets(), default);
        var views = MeterSession.Views(await session.ReadObjectListAsync(default), _catalog);
        var groups = MeterSession.GroupByClass(views);
        return views.Count + groups.Count;
    }
}
