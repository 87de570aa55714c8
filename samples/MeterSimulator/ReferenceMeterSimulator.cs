using System.Net;
using System.Text;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Samples.MeterSimulator;

/// <summary>
/// A realistic electricity meter built from the generated server classes: clock, identification, energy,
/// power, voltage and current registers, a 15-minute load profile and an event log with range and entry access,
/// a disconnector, a public (16, no authentication, read-only) and a management (1, LLS by default, or any HLS
/// mechanism and ciphering from the options) association.
/// </summary>
/// <example><code>
/// await using var meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { WrapperPort = 0, HdlcPort = 0 });
/// var port = meter.WrapperEndPoint!.Port;
/// </code></example>
public sealed partial class ReferenceMeterSimulator : IAsyncDisposable
{
    public static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    public static readonly ObisCode LogicalDeviceNameName = new(0, 0, 42, 0, 0, 255);
    public static readonly ObisCode SerialNumberName = new(0, 0, 96, 1, 0, 255);
    public static readonly ObisCode FirmwareVersionName = new(1, 0, 0, 2, 0, 255);
    public static readonly ObisCode ActiveEnergyImportName = new(1, 0, 1, 8, 0, 255);
    public static readonly ObisCode ActiveEnergyExportName = new(1, 0, 2, 8, 0, 255);
    public static readonly ObisCode ActivePowerImportName = new(1, 0, 1, 7, 0, 255);
    public static readonly ObisCode ActivePowerExportName = new(1, 0, 2, 7, 0, 255);
    public static readonly ObisCode VoltageL1Name = new(1, 0, 32, 7, 0, 255);
    public static readonly ObisCode CurrentL1Name = new(1, 0, 31, 7, 0, 255);
    public static readonly ObisCode LoadProfileName = new(1, 0, 99, 1, 0, 255);
    public static readonly ObisCode EventCodeName = new(0, 0, 96, 11, 0, 255);
    public static readonly ObisCode EventLogName = new(0, 0, 99, 98, 0, 255);
    public static readonly ObisCode DisconnectControlName = new(0, 0, 96, 3, 10, 255);
    public static readonly ObisCode PublicAssociationName = new(0, 0, 40, 0, 1, 255);
    public static readonly ObisCode ManagementAssociationName = new(0, 0, 40, 0, 2, 255);

    /// <summary>Load profile capture period: 15 minutes.</summary>
    public static readonly TimeSpan CapturePeriod = TimeSpan.FromMinutes(15);

    private readonly MeterSimulatorOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly Data _eventCode;
    private Task _captureLoop = Task.CompletedTask;

    private ReferenceMeterSimulator(MeterSimulatorOptions options)
    {
        _options = options;
        Model = new MeterModel(options.TimeProvider, options.TimeZone, options.SerialNumber);
        var model = Model;
        var serial = $"CSDK{options.SerialNumber:D8}";
        _eventCode = new Data(EventCodeName) { Value = CosemData.FromUInt8(0) };
        var clock = new SimulatedClock(model, (before, after) =>
        {
            LogEvent(MeterEvent.ClockAdjustedOldTime, before);
            LogEvent(MeterEvent.ClockAdjustedNewTime, after);
        });
        var energyImport = new MeasuredRegister(ActiveEnergyImportName, new ScalerUnit(0, Unit.WattHour),
            () => CosemData.FromUInt32(model.ActiveEnergyImportWh(model.Now)));
        var energyExport = new MeasuredRegister(ActiveEnergyExportName, new ScalerUnit(0, Unit.WattHour),
            () => CosemData.FromUInt32(model.ActiveEnergyExportWh(model.Now)));
        LoadProfile = new InMemoryProfileGeneric(LoadProfileName, capacity: 35_040) { CapturePeriod = (uint)CapturePeriod.TotalSeconds };
        LoadProfile.Capture(clock).Capture(energyImport).Capture(energyExport);
        EventLog = new InMemoryProfileGeneric(EventLogName, capacity: 500);
        EventLog.Capture(clock).Capture(_eventCode);

        Device = new LogicalDevice(LogicalDevice.ManagementAddress, serial)
        {
            clock,
            new Data(LogicalDeviceNameName) { Value = CosemData.OctetString(Encoding.ASCII.GetBytes(serial)) },
            new Data(SerialNumberName) { Value = CosemData.VisibleString(options.SerialNumber.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)) },
            FirmwareVersion,
            energyImport,
            energyExport,
            new MeasuredRegister(ActivePowerImportName, new ScalerUnit(0, Unit.Watt), () => CosemData.FromInt32((int)model.ImportPowerW(model.Now))),
            new MeasuredRegister(ActivePowerExportName, new ScalerUnit(0, Unit.Watt), () => CosemData.FromInt32((int)model.ExportPowerW(model.Now))),
            new MeasuredRegister(VoltageL1Name, new ScalerUnit(-1, Unit.Volt), () => CosemData.FromUInt16(model.VoltageDeciVolt(model.Now))),
            new MeasuredRegister(CurrentL1Name, new ScalerUnit(-2, Unit.Ampere), () => CosemData.FromUInt32(model.CurrentCentiAmpere(model.Now))),
            LoadProfile,
            _eventCode,
            EventLog,
            new SimulatedDisconnectControl(model, connected => LogEvent(connected ? MeterEvent.SupplyReconnected : MeterEvent.SupplyDisconnected, model.Now)),
            new SapAssignmentServer(),
            SimulatorAssociations.Public(PublicAssociationName, options),
            SimulatorAssociations.Management(ManagementAssociationName, options),
        };
        AddFirmwareTransfer();
        AddCompactReadings(clock, energyImport, energyExport);
        if (options.ManagementSecurity is { } security)
        {
            Device.Add(new InvocationCounterData(security));
        }
        (ReadingsPush, AlarmPush) = AddPushSetups(options);
        FillHistory(options.HistoryDays);
        LogEvent(MeterEvent.PowerUp, model.Now);
    }

    /// <summary>The management logical device (address 1) holding every object.</summary>
    public LogicalDevice Device { get; }

    public MeterModel Model { get; }

    public InMemoryProfileGeneric LoadProfile { get; }

    public InMemoryProfileGeneric EventLog { get; }

    /// <summary>The server, once <see cref="StartAsync"/> made one.</summary>
    public CosemServer? Server { get; private set; }

    /// <summary>Where wrapper (TCP) clients connect once started (the chosen port when 0 was asked for); null when not listening for them.</summary>
    public IPEndPoint? WrapperEndPoint { get; private set; }

    /// <summary>Where HDLC-over-TCP clients connect once started; null when not listening for them.</summary>
    public IPEndPoint? HdlcEndPoint { get; private set; }

    /// <summary>Builds a meter without listening anywhere: host its <see cref="Device"/> in your own server.</summary>
    public static ReferenceMeterSimulator Create(MeterSimulatorOptions? options = null) => new(options ?? new MeterSimulatorOptions());

    /// <summary>The meter's logical device alone, for a server hosting several meters or devices.</summary>
    public static LogicalDevice CreateLogicalDevice(MeterSimulatorOptions? options = null) => Create(options).Device;

    /// <summary>Builds a meter, starts serving it on the configured ports and captures the load profile every 15 minutes.</summary>
    public static async Task<ReferenceMeterSimulator> StartAsync(MeterSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var meter = Create(options);
        var server = new CosemServer(meter.Device, meter._options.ServerOptions ?? new CosemServerOptions { LoggerFactory = meter._options.LoggerFactory });
        try
        {
            if (meter._options.WrapperPort is { } wrapper)
            {
                server.Listen(ServerTransport.Tcp(new IPEndPoint(meter._options.Address, wrapper)), out var listening);
                meter.WrapperEndPoint = listening.EndPoint;
            }
            if (meter._options.HdlcPort is { } hdlc)
            {
                server.Listen(ServerTransport.HdlcOverTcp(new IPEndPoint(meter._options.Address, hdlc)), out var listening);
                meter.HdlcEndPoint = listening.EndPoint;
            }
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        meter.Server = server;
        meter._captureLoop = meter.CaptureLoopAsync(meter._stop.Token);
        meter._pushLoop = meter.PushLoopAsync(meter._stop.Token);
        return meter;
    }

    /// <summary>Appends the load profile row of the quarter-hour ending at <paramref name="at"/>.</summary>
    public void CaptureLoadProfile(DateTimeOffset at) => LoadProfile.Append(CosemData.Structure(
        CosemData.DateTime(CosemDateTime.From(at, Model.Zone)),
        CosemData.FromUInt32(Model.ActiveEnergyImportWh(at)),
        CosemData.FromUInt32(Model.ActiveEnergyExportWh(at))));

    private void LogEvent(MeterEvent code, DateTimeOffset at)
    {
        _eventCode.Value = CosemData.FromUInt8((byte)code);
        EventLog.Append(CosemData.Structure(CosemData.DateTime(CosemDateTime.From(at, Model.Zone)), CosemData.FromUInt8((byte)code)));
        PushAlarm();
    }

    private void FillHistory(int days)
    {
        var now = Model.Now;
        var last = new DateTimeOffset(now.UtcTicks / CapturePeriod.Ticks * CapturePeriod.Ticks, TimeSpan.Zero);
        var rows = days * (int)(TimeSpan.FromDays(1) / CapturePeriod);
        for (var i = rows - 1; i >= 0; i--)
        {
            CaptureLoadProfile(last - i * CapturePeriod);
        }
    }

    private async Task CaptureLoopAsync(CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Model.Now;
            var next = new DateTimeOffset((now.UtcTicks / CapturePeriod.Ticks + 1) * CapturePeriod.Ticks, TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            CaptureLoadProfile(next);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _captureLoop.ConfigureAwait(false);
        await _pushLoop.ConfigureAwait(false);
        if (Server is { } server)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
        _stop.Dispose();
    }
}
