using System.Globalization;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Microsoft.Extensions.Logging;

namespace Cosem.Samples.MeterSimulator;

public sealed partial class ReferenceMeterSimulator
{
    /// <summary>The Push setup of the periodic readings (clock, energies, voltage), pushed every
    /// <see cref="MeterSimulatorOptions.PushInterval"/>.</summary>
    public static readonly ObisCode ReadingsPushName = new(0, 0, 25, 9, 0, 255);

    /// <summary>The Push setup of alarms (clock, event code), pushed whenever an event is logged.</summary>
    public static readonly ObisCode AlarmPushName = new(0, 1, 25, 9, 0, 255);

    private Task _pushLoop = Task.CompletedTask;
    private bool _pushing;

    /// <summary>Pushes the readings: its own logical name (which push this is), clock, energies and voltage.</summary>
    public PushSetupServer ReadingsPush { get; }

    /// <summary>Pushes alarms: its own logical name, clock and the event code just logged.</summary>
    public PushSetupServer AlarmPush { get; }

    private (PushSetupServer Readings, PushSetupServer Alarm) AddPushSetups(MeterSimulatorOptions options)
    {
        var push = new PushSetupServerOptions
        {
            Security = options.ManagementSecurity,
            Protection = options.ManagementSecurity?.Keys is null ? PushCiphering.None : PushCiphering.GeneralGlobal,
            Time = options.TimeProvider,
            Logger = options.LoggerFactory.CreateLogger<PushSetupServer>(),
        };
        var destination = Destination(options);
        var readings = new PushSetupServer(ReadingsPushName, Device, push) { SendDestinationAndMethod = destination };
        var alarm = new PushSetupServer(AlarmPushName, Device, push) { SendDestinationAndMethod = destination, NumberOfRetries = 2 };
        Device.Add(readings);
        Device.Add(alarm);
        readings.Push(readings, 1).Push(Device.Find(ClockName)!).Push(Device.Find(ActiveEnergyImportName)!)
            .Push(Device.Find(ActiveEnergyExportName)!).Push(Device.Find(VoltageL1Name)!);
        alarm.Push(alarm, 1).Push(Device.Find(ClockName)!).Push(_eventCode);
        return (readings, alarm);
    }

    private static SendDestinationAndMethod Destination(MeterSimulatorOptions options)
    {
        var transport = options.PushOverUdp ? PushTransportService.Udp : PushTransportService.Tcp;
        if (options.PushDestination is not { } target)
        {
            return new SendDestinationAndMethod(transport, ReadOnlyMemory<byte>.Empty, PushMessageType.AXdrEncodedXdlmsApdu);
        }
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new ArgumentException($"The push destination '{target}' is not host:port.", nameof(options));
        }
        return new SendDestinationAndMethod(transport, PushSetupServer.Destination(target[..colon].Trim('[', ']'), port), PushMessageType.AXdrEncodedXdlmsApdu);
    }

    // An alarm is pushed only once the meter runs with a destination (not for the events of its made-up history).
    private void PushAlarm()
    {
        if (Volatile.Read(ref _pushing))
        {
            _ = AlarmPush.TriggerAsync();
        }
    }

    private async Task PushLoopAsync(CancellationToken cancellationToken)
    {
        if (_options.PushDestination is null)
        {
            return;
        }
        Volatile.Write(ref _pushing, true);
        if (_options.PushInterval is not { } interval)
        {
            return;
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ReadingsPush.TriggerAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
