using System.Diagnostics;
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
    public async Task The_tree_of_a_meter_with_over_fifty_objects_appears_within_a_second_of_connecting()
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

        // The first connection of the process pays for JIT and the schema catalog; the bound is for a running studio.
        await using (var warmUp = await MeterSession.OpenAsync("w", settings, new ConnectionSecrets(), default))
        {
            _ = MeterSession.Views(await warmUp.ReadObjectListAsync(default), catalog);
        }

        var watch = Stopwatch.StartNew();
        await using var session = await MeterSession.OpenAsync("b", settings, new ConnectionSecrets(), default);
        var views = MeterSession.Views(await session.ReadObjectListAsync(default), catalog);
        var groups = MeterSession.GroupByClass(views);
        watch.Stop();

        Assert.True(views.Count >= 50, $"only {views.Count} objects");
        Assert.True(groups.Count >= 50, $"only {groups.Count} class groups");
        Assert.True(watch.ElapsedMilliseconds < 1000, $"connect and object tree took {watch.ElapsedMilliseconds} ms");
    }
}
