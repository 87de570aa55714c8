using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Generators.Tests.Generated;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;
// The runtime's Cosem.Sdk.Objects also holds the SDK's own generated Blue Book classes (Register, Unit, …), which the
// types generated from this project's inputs would clash with: import only the runtime types used here.
using CosemClassRegistry = Cosem.Sdk.Objects.CosemClassRegistry;
using EntrySelection = Cosem.Sdk.Objects.EntrySelection;
using LoopbackSession = Cosem.Sdk.Objects.LoopbackSession;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>
/// Generated proxy → <see cref="LoopbackSession"/> → generated server dispatch → typed values back: the two halves
/// of every generated class agree on the wire format.
/// </summary>
public class LoopbackTests
{
    private static readonly ObisCode ValveName = new(0, 128, 96, 1, 0, 255);

    private sealed class TestValve(ObisCode logicalName) : AcmeValve(logicalName)
    {
        public int Opened { get; private set; }

        protected override ValueTask<byte> GetPositionAsync(RequestContext context, CancellationToken cancellationToken) =>
            new((byte)(Position + 1)); // proves the override, not the stored value, is served

        protected override ValueTask OpenAsync(RequestContext context, CancellationToken cancellationToken)
        {
            Opened++;
            State = ValveState.Open;
            return default;
        }

        protected override ValueTask MoveToAsync(byte parameter, RequestContext context, CancellationToken cancellationToken)
        {
            Position = parameter;
            return default;
        }

        protected override ValueTask<ushort> SelfTestAsync(RequestContext context, CancellationToken cancellationToken) => new((ushort)0xBEEF);

        protected override ValueTask<IReadOnlyList<ServiceEntry>> ReadLogAsync(uint parameter, RequestContext context, CancellationToken cancellationToken) =>
            new(ServiceLog.Take((int)parameter).ToArray());
    }

    private static (TestValve Server, AcmeValve.Proxy Client) Valve()
    {
        var server = new TestValve(ValveName);
        return (server, new AcmeValve.Proxy(new LoopbackSession([server]), ValveName));
    }

    [Fact]
    public async Task Attributes_read_and_write_through_the_generated_dispatch()
    {
        var (server, client) = Valve();
        server.Position = 41;
        server.Alarms = ValveAlarms.Leak | ValveAlarms.BatteryLow;
        server.Serial = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        server.FlowRate = 1.5f;
        server.TotalVolume = ulong.MaxValue;
        server.LastService = new CosemDate(2026, 2, 28, 6);

        Assert.Equal(ValveName, await client.GetLogicalNameAsync());
        Assert.Equal(42, await client.GetPositionAsync());
        Assert.Equal(ValveAlarms.Leak | ValveAlarms.BatteryLow, await client.GetAlarmsAsync());
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, (await client.GetSerialAsync()).ToArray());
        Assert.Equal(1.5f, await client.GetFlowRateAsync());
        Assert.Equal(ulong.MaxValue, await client.GetTotalVolumeAsync());
        Assert.Equal(new CosemDate(2026, 2, 28, 6), await client.GetLastServiceAsync());

        await client.SetLabelAsync("Main inlet");
        await client.SetNoteAsync("Überprüft");
        await client.SetLimitsAsync([10, 20, 300]);
        await client.SetOpeningTimeAsync(new CosemTime(6, 30, 0, 0));
        await client.SetRawAsync(CosemData.FromUInt16(7));
        await client.SetModeBitsAsync(BitString.Parse("101000000001"));
        await client.SetCalibrationAsync(new Calibration(3, -4, ValveFlags8.Armed, new ScalerUnit(0, Unit.Count)));

        Assert.Equal("Main inlet", server.Label);
        Assert.Equal("Überprüft", await client.GetNoteAsync());
        Assert.Equal([10, 20, 300], await client.GetLimitsAsync());
        Assert.Equal(new CosemTime(6, 30, 0, 0), await client.GetOpeningTimeAsync());
        Assert.Equal(CosemData.FromUInt16(7), await client.GetRawAsync());
        Assert.Equal(BitString.Parse("101000000001"), await client.GetModeBitsAsync());
        Assert.Equal(new Calibration(3, -4, ValveFlags8.Armed, new ScalerUnit(0, Unit.Count)), server.Calibration);
    }

    [Fact]
    public async Task Methods_invoke_the_overrides_with_typed_parameters_and_results()
    {
        var (server, client) = Valve();
        server.ServiceLog =
        [
            new ServiceEntry(CosemDateTime.Unspecified, "A", ValveState.Closed),
            new ServiceEntry(CosemDateTime.Unspecified, "B", ValveState.Open),
        ];

        await client.OpenAsync();
        await client.MoveToAsync(77);
        Assert.Equal(1, server.Opened);
        Assert.Equal(ValveState.Open, await client.GetStateAsync());
        Assert.Equal(77, server.Position);
        Assert.Equal(0xBEEF, await client.SelfTestAsync());
        var log = await client.ReadLogAsync(1);
        Assert.Equal("A", Assert.Single(log).Technician);
    }

    [Fact]
    public async Task A_method_the_server_does_not_implement_is_refused_with_read_write_denied()
    {
        var (_, client) = Valve();
        var error = await Assert.ThrowsAsync<CosemServiceException>(async () => await client.CloseAsync());
        Assert.Equal(ActionResult.ReadWriteDenied, error.ActionResult);
    }

    [Fact]
    public async Task Entry_selection_reads_part_of_a_buffer()
    {
        var (server, client) = Valve();
        server.ServiceLog = Enumerable.Range(1, 5)
            .Select(i => new ServiceEntry(CosemDateTime.Unspecified, i.ToString(System.Globalization.CultureInfo.InvariantCulture), ValveState.Closed))
            .ToArray();

        var rows = await client.GetServiceLogAsync(new EntrySelection(2, 3));
        Assert.Equal(["2", "3"], rows.Select(r => r.Technician));
        var tail = await client.GetServiceLogAsync(new EntrySelection(4, 0));
        Assert.Equal(["4", "5"], tail.Select(r => r.Technician));
    }

    [Fact]
    public async Task Profile_buffer_entries_select_rows_and_columns()
    {
        var name = new ObisCode(1, 0, 99, 1, 0, 255);
        var profile = new ProfileGeneric(name)
        {
            Buffer = Enumerable.Range(1, 4).Select(i => CosemData.Structure(CosemData.FromUInt32((uint)i), CosemData.FromUInt32((uint)i * 10))).ToArray(),
        };
        var client = new ProfileGeneric.Proxy(new LoopbackSession([profile]), name);

        var rows = await client.GetBufferAsync(new EntrySelection(3, 4, FromColumn: 2, ToColumn: 2));
        Assert.Equal([CosemData.Structure(CosemData.FromUInt32(30)), CosemData.Structure(CosemData.FromUInt32(40))], rows);
        Assert.Equal(4, (await client.GetBufferAsync()).Count);

        // Range reads need an implementation that knows the capture objects: the default refuses them.
        var error = await Assert.ThrowsAsync<CosemServiceException>(async () =>
            await client.GetBufferAsync(CosemDateTime.Unspecified, CosemDateTime.Unspecified));
        Assert.Equal(DataAccessResult.OtherReason, error.DataAccessResult);
    }

    [Fact]
    public async Task Register_serves_in_memory_values_set_with_an_initializer()
    {
        var name = new ObisCode(1, 0, 1, 8, 0, 255);
        var register = new Register(name) { Value = CosemData.FromUInt32(123_456), ScalerUnit = new ScalerUnit(-3, Unit.WattHour) };
        var client = new Register.Proxy(new LoopbackSession([register]), name);

        Assert.Equal(CosemData.FromUInt32(123_456), await client.GetValueAsync());
        Assert.Equal(new ScalerUnit(-3, Unit.WattHour), await client.GetScalerUnitAsync());
    }

    [Fact]
    public async Task Dispatch_reports_results_instead_of_throwing()
    {
        var valve = new TestValve(ValveName);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        Assert.Equal(DataAccessResult.ObjectUndefined, await valve.ReadAttributeAsync(99, null, RequestContext.Local, output));
        Assert.Equal(DataAccessResult.TypeUnmatched, await valve.WriteAttributeAsync(2, new byte[] { 0x12, 0x00, 0x01 }, RequestContext.Local));
        Assert.Equal(DataAccessResult.TypeUnmatched, await valve.WriteAttributeAsync(2, new byte[] { 0x11 }, RequestContext.Local));
        Assert.Equal(DataAccessResult.TypeUnmatched, await valve.WriteAttributeAsync(2, new byte[] { 0x11, 0x01, 0x00 }, RequestContext.Local));
        Assert.Equal(DataAccessResult.ReadWriteDenied, await valve.WriteAttributeAsync(1, new byte[] { 0x09, 0x06, 0, 0, 0, 0, 0, 0 }, RequestContext.Local));
        Assert.Equal(ActionResult.TypeUnmatched, await valve.InvokeMethodAsync(3, new byte[] { 0x03, 0x01 }, RequestContext.Local, output));
        Assert.Equal(ActionResult.ObjectUndefined, await valve.InvokeMethodAsync(9, ReadOnlyMemory<byte>.Empty, RequestContext.Local, output));
        Assert.Equal(DataAccessResult.OtherReason, await valve.ReadAttributeAsync(2, new SelectiveAccessDescriptor(1, new byte[] { 0 }), RequestContext.Local, output));
    }

    [Fact]
    public async Task The_device_facade_reaches_every_object()
    {
        var session = new LoopbackSession(AcmeMeter.CreateObjects());
        var meter = new AcmeMeter(session);

        Assert.Equal(new ObisCode(1, 0, 1, 8, 0, 255), await meter.ActiveEnergyImport.GetLogicalNameAsync());
        await meter.Clock.SetTimeZoneAsync(-60);
        Assert.Equal(-60, await meter.Clock.GetTimeZoneAsync());
        Assert.Equal(ValveState.Closed, await meter.Valve.GetStateAsync());
        Assert.Equal(4, meter.Objects.Count);
        Assert.Equal(9001, meter.Valve.ClassId);
    }

    [Fact]
    public void Generated_classes_register_themselves_and_create_typed_objects()
    {
        Assert.True(CosemClassRegistry.Default.TryGet(9001, 0, out var info));
        Assert.Same(AcmeValve.ClassInfo, info);
        Assert.Equal(16, info.Attributes.Count);
        Assert.Equal(AttributeAccess.ReadWrite, info.Attributes[1].Access);
        Assert.Equal([2], info.Attributes.Single(a => a.Name == "service_log").AccessSelectors);
        Assert.IsType<AcmeValve>(info.CreateServer(ValveName));
        var session = new LoopbackSession([]);
        Assert.IsType<AcmeValve.Proxy>(CosemClassRegistry.Default.CreateProxy(session, 9001, 0, ValveName));
        Assert.Contains(CosemGeneratedClasses.All, c => c.ClassId == 8);
    }
}
