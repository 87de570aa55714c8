using System.Diagnostics;
using Cosem.Sdk.Obis;
using Cosem.Studio.Connections;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;
using Cosem.Studio.Scripting;
using Cosem.Studio.Tests.Support;

namespace Cosem.Studio.Tests.Unit;

/// <summary>The studio's meter services against the reference simulator in process (no browser).</summary>
public sealed class MeterSessionTests(SimulatedMeter simulator) : IClassFixture<SimulatedMeter>
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Load(null);

    private Task<MeterSession> OpenAsync() =>
        MeterSession.OpenAsync("t", simulator.Management(), new ConnectionSecrets { Password = SimulatedMeter.Password }, default);

    private static async Task<ObjectView> ViewAsync(MeterSession session, string obis) =>
        MeterSession.Views(session.ObjectList ?? await session.ReadObjectListAsync(default), Catalog).Single(v => v.Entry.LogicalName == ObisCode.Parse(obis));

    [Fact]
    public async Task The_object_tree_is_grouped_by_class_with_names_and_versions()
    {
        await using var session = await OpenAsync();
        var groups = MeterSession.GroupByClass(MeterSession.Views(await session.ReadObjectListAsync(default), Catalog));
        Assert.Contains(groups, g => g.Key == "Register (class 3 v0)" && g.Count() == 6);
        Assert.Contains(groups, g => g.Key == "DisconnectControl (class 70 v1)");
    }

    [Fact]
    public async Task Hdlc_over_tcp_opens_the_same_meter()
    {
        var settings = simulator.Management() with { Link = LinkKind.HdlcOverTcp, Port = simulator.HdlcPort };
        await using var session = await MeterSession.OpenAsync("h", settings, new ConnectionSecrets { Password = SimulatedMeter.Password }, default);
        await using var overWrapper = await OpenAsync();
        var expected = (await overWrapper.ReadObjectListAsync(default)).Objects.Select(o => o.LogicalName).Order().ToArray();
        Assert.True(expected.Length > 10);
        Assert.Equal(expected, (await session.ReadObjectListAsync(default)).Objects.Select(o => o.LogicalName).Order().ToArray());
        Assert.Contains(session.Frames.Snapshot(), f => !f.IsApdu && f.Hex.StartsWith("7E", StringComparison.Ordinal)); // HDLC frames traced
    }

    [Fact]
    public async Task Udp_wrapper_opens_the_same_meter_and_reads_a_register()
    {
        var settings = simulator.Management() with { Link = LinkKind.UdpWrapper, Port = simulator.UdpPort };
        await using var session = await MeterSession.OpenAsync("u", settings, new ConnectionSecrets { Password = SimulatedMeter.Password }, default);
        await using var overWrapper = await OpenAsync();
        var expected = (await overWrapper.ReadObjectListAsync(default)).Objects.Select(o => o.LogicalName).Order().ToArray();
        Assert.True(expected.Length > 10);
        Assert.Equal(expected, (await session.ReadObjectListAsync(default)).Objects.Select(o => o.LogicalName).Order().ToArray());
        var voltage = await ViewAsync(session, "1.0.32.7.0.255");
        await session.ReadObjectAsync(voltage, default);
        Assert.Matches(@"^\d+(\.\d)? V  \(raw \d+\)$", voltage.Attributes.Single(r => r.Index == 2).Text);
        Assert.Contains(session.Frames.Snapshot(), f => f.IsApdu && !f.Sent && f.Hex.StartsWith("C4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_register_shows_its_scaled_value_with_unit_and_access_rights()
    {
        await using var session = await OpenAsync();
        var voltage = await ViewAsync(session, "1.0.32.7.0.255");
        await session.ReadObjectAsync(voltage, default);
        var value = voltage.Attributes.Single(r => r.Index == 2);
        Assert.Matches(@"^\d+(\.\d)? V  \(raw \d+\)$", value.Text);
        Assert.Equal(("read", false), (value.AccessText, value.CanWrite));
    }

    [Fact]
    public async Task Write_then_read_back_and_a_refused_write_in_words()
    {
        await using var session = await OpenAsync();
        var clock = await ViewAsync(session, "0.0.1.0.0.255");
        await session.ReadObjectAsync(clock, default);
        var timeZone = clock.Attributes.Single(r => r.Index == 3);
        timeZone.Editor = MeterSession.EditorFor(clock, timeZone);
        timeZone.Editor.Text = "-120";
        Assert.True(await session.WriteAttributeAsync(clock, timeZone, default));
        Assert.Equal(("-120", "written"), (timeZone.Text, timeZone.Notice));

        var status = clock.Attributes.Single(r => r.Index == 4); // read-only: the meter refuses
        status.Editor = MeterSession.EditorFor(clock, status);
        Assert.False(await session.WriteAttributeAsync(clock, status, default));
        Assert.StartsWith("not written: refused: ", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_is_invoked_and_its_effect_read()
    {
        await using var session = await OpenAsync();
        var disconnector = await ViewAsync(session, "0.0.96.3.10.255");
        await session.InvokeAsync(disconnector, disconnector.Methods.Single(m => m.Index == 1), default);
        Assert.Equal(("success", false), (disconnector.Methods[0].Result, disconnector.Methods[0].Failed));
        await session.ReadObjectAsync(disconnector, default);
        Assert.Equal("disconnected (0)", disconnector.Attributes.Single(r => r.Index == 3).Text);
        await session.InvokeAsync(disconnector, disconnector.Methods.Single(m => m.Index == 2), default);
    }

    [Fact]
    public async Task The_load_profile_reads_by_entry_and_by_range()
    {
        await using var session = await OpenAsync();
        var name = ObisCode.Parse("1.0.99.1.0.255");
        var byEntry = await session.ReadProfileAsync(name, null, null, 1, 10, default);
        Assert.Equal(10, byEntry.RowCount);
        Assert.Equal("1.0.1.8.0.255 attribute 2", byEntry.Columns[1]);
        var first = byEntry.Times[0]!.Value;
        var byRange = await session.ReadProfileAsync(name, first, first.AddHours(1), 0, 0, default);
        Assert.InRange(byRange.RowCount, 4, 5);
    }

    [Fact]
    public async Task The_frame_log_sees_every_apdu_with_the_password_masked()
    {
        await using var session = await OpenAsync();
        await session.ReadObjectListAsync(default);
        var frames = session.Frames.Snapshot();
        Assert.Contains(frames, f => f.IsApdu && f.Sent && f.Hex.StartsWith("60", StringComparison.Ordinal)); // AARQ
        Assert.Contains(frames, f => f.IsApdu && !f.Sent && f.Hex.StartsWith("C4", StringComparison.Ordinal)); // GET response
        Assert.Contains(frames, f => !f.IsApdu);
        var password = Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(SimulatedMeter.Password));
        Assert.DoesNotContain(frames, f => f.Hex.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_and_a_closed_port_are_clear_errors()
    {
        var refused = await Assert.ThrowsAnyAsync<Sdk.CosemException>(() =>
            MeterSession.OpenAsync("x", simulator.Management(), new ConnectionSecrets { Password = "nope" }, default));
        Assert.Contains("refused the association", ErrorText.Describe(refused, "meter"), StringComparison.Ordinal);
        var closed = await Assert.ThrowsAnyAsync<Exception>(() =>
            MeterSession.OpenAsync("y", simulator.Management() with { Port = 1 }, new ConnectionSecrets { Password = "x" }, default));
        Assert.StartsWith("cannot connect to 127.0.0.1:1", ErrorText.Describe(closed, "127.0.0.1:1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_use_the_typed_api_and_report_compile_errors_and_cancellation()
    {
        await using var session = await OpenAsync();
        await session.ReadObjectListAsync(default);
        var result = await ScriptRunner.RunAsync(ScriptSamples.Default, session.Client, session.ObjectList, default);
        Assert.Null(result.Error);
        Assert.Contains("1.0.1.8.0.255: ", result.Output, StringComparison.Ordinal);

        var broken = await ScriptRunner.RunAsync("Print(undefinedThing);", session.Client, session.ObjectList, default);
        Assert.Contains("CS0103", broken.Error, StringComparison.Ordinal);

        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var endless = await ScriptRunner.RunAsync("await Task.Delay(-1);", session.Client, session.ObjectList, stop.Token);
        Assert.True(endless.Cancelled);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "a script that ignores the token (waits forever) is abandoned when stopped");
    }
}
