using System.Net;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Server;
using Cosem.Studio.Connections;

namespace Cosem.Studio.Tests.Support;

/// <summary>The reference meter simulator on free loopback ports, and connection settings that reach it.</summary>
public sealed class SimulatedMeter : IAsyncLifetime
{
    private readonly int _historyDays;

    /// <summary>Two days of quarter-hour load profile rows (192); xunit fixtures need this one public constructor.</summary>
    public SimulatedMeter() : this(2)
    {
    }

    /// <summary>A meter with <paramref name="historyDays"/> days of quarter-hour load profile rows.</summary>
    internal SimulatedMeter(int historyDays) => _historyDays = historyDays;

    /// <summary>The management client's LLS password in the simulator.</summary>
    public const string Password = "12345678";

    public ReferenceMeterSimulator Meter { get; private set; } = null!;

    public int WrapperPort => Meter.WrapperEndPoint!.Port;

    public int HdlcPort => Meter.HdlcEndPoint!.Port;

    /// <summary>The UDP wrapper port: the simulator only listens on TCP, so the fixture adds this listener to its server.</summary>
    public int UdpPort { get; private set; }

    /// <summary>The management client (1, LLS) over the wrapper.</summary>
    public ConnectionSettings Management() => new()
    {
        Name = "simulator",
        Host = "127.0.0.1",
        Port = WrapperPort,
        ClientAddress = 1,
        ServerAddress = 1,
        Authentication = "low",
        TimeoutSeconds = 5,
    };

    public async Task InitializeAsync()
    {
        Meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { WrapperPort = 0, HdlcPort = 0, HistoryDays = _historyDays });
        // A started server accepts on a listener added later, so the same meter answers over UDP too.
        Meter.Server!.Listen(ServerTransport.Udp(new IPEndPoint(IPAddress.Loopback, 0)), out var udp);
        UdpPort = udp.EndPoint!.Port;
    }

    public async Task DisposeAsync() => await Meter.DisposeAsync();
}
