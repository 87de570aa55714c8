using Cosem.Samples.MeterSimulator;
using Cosem.Samples.MeterSimulator.BlueBook;
using Cosem.Studio.Connections;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;

namespace Cosem.Studio.Tests.Unit;

/// <summary>
/// The object tree of a large meter: the Blue Book profile (one object of every class and version, well over 50)
/// served by the simulator, connected to and shown as the studio's grouped tree.
/// </summary>
public sealed class LargeMeterTreeTests
{
    [Fact]
    public async Task The_tree_of_a_meter_with_over_fifty_objects_groups_every_object_by_class()
    {
        await using var meter = await BlueBookSimulator.StartAsync(new MeterSimulatorOptions { WrapperPort = 0, HdlcPort = 0 });
        var settings = new ConnectionSettings
        {
            Name = "blue-book",
            Host = "127.0.0.1",
            Port = meter.WrapperEndPoint!.Port,
            ClientAddress = 16,
            ServerAddress = 1,
            Authentication = "none",
            TimeoutSeconds = 5,
        };
        var catalog = SchemaCatalog.Load(null);

        // The one-second bound on this tree is a benchmark figure (StudioTreeBenchmarks), not a timed unit test.
        await using var session = await MeterSession.OpenAsync("b", settings, new ConnectionSecrets(), default);
        var views = MeterSession.Views(await session.ReadObjectListAsync(default), catalog);
        var groups = MeterSession.GroupByClass(views);

        Assert.True(views.Count >= 50, $"only {views.Count} objects");
        Assert.True(groups.Count >= 50, $"only {groups.Count} class groups");
        Assert.All(views, view => Assert.True(view.Schema is not null, $"{view.Entry.LogicalName} (class {view.Entry.ClassId}) has no schema names"));
    }
}
