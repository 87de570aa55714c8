using System.Globalization;
using System.Net;
using Cosem.HeadEnd.Meters;
using Cosem.Sdk.Server;

namespace Cosem.HeadEnd.Simulation;

/// <summary>
/// Many simulated meters behind few ports: each port is one <see cref="CosemServer"/> hosting up to
/// <see cref="SimulatedMeterFarmOptions.MetersPerPort"/> logical devices, told apart by the server SAP (the wrapper
/// destination wPort or the HDLC upper address), so 10,000 meters need 10 ports, not 10,000. For load tests,
/// benchmarks and the head-end sample; every meter's readings are known in advance (<see cref="ReadingsPerMeter"/>).
/// </summary>
public sealed class SimulatedMeterFarm : IAsyncDisposable
{
    /// <summary>The first server SAP used on each port (16, clear of the management device and reserved values).</summary>
    public const int FirstAddress = 16;

    private readonly List<CosemServer> _servers = [];

    private SimulatedMeterFarm(SimulatedMeterFarmOptions options, DateTimeOffset now)
    {
        Options = options;
        Now = now;
    }

    /// <summary>The options the farm was started with.</summary>
    public SimulatedMeterFarmOptions Options { get; }

    /// <summary>The frozen time every simulated clock shows.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The settings of every meter, in order (meter ids <c>SIM00000001</c>…).</summary>
    public IReadOnlyList<MeterSettings> Meters { get; private set; } = [];

    /// <summary>The ids of the meters that refuse every association.</summary>
    public IReadOnlySet<string> RefusingMeterIds { get; private set; } = new HashSet<string>();

    /// <summary>The ports listened on (127.0.0.1), one per <see cref="SimulatedMeterFarmOptions.MetersPerPort"/> meters.</summary>
    public IReadOnlyList<int> Ports => [.. _servers.Select(s => s.EndPoints[0].EndPoint!.Port)];

    /// <summary>What one complete read of a meter stores with <see cref="ReadPlan.Default"/>: the clock, two
    /// registers, one value per load-profile row and one per event.</summary>
    public int ReadingsPerMeter => 3 + Options.ProfileRows + Options.EventRows;

    /// <summary>Builds the meters and starts one server per port on 127.0.0.1 (ports chosen by the system).</summary>
    public static async Task<SimulatedMeterFarm> StartAsync(SimulatedMeterFarmOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatedMeterFarmOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Meters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MetersPerPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MetersPerPort, 8000);
        ArgumentOutOfRangeException.ThrowIfNegative(options.RefusingMeters);
        // Five minutes past a quarter-hour: the clock reading never shares a capture time with a profile row.
        var now = options.Now ?? new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMinute / 15 * 15 * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-10);
        var farm = new SimulatedMeterFarm(options, now);
        try
        {
            await farm.BuildAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await farm.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return farm;
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var meters = new List<MeterSettings>(Options.Meters);
        var refusing = new HashSet<string>(StringComparer.Ordinal);
        var serverOptions = new CosemServerOptions { MaxConnections = 4096, MaxConnectionsPerAddress = 4096 };
        for (var first = 0; first < Options.Meters; first += Options.MetersPerPort)
        {
            var count = Math.Min(Options.MetersPerPort, Options.Meters - first);
            var devices = new List<LogicalDevice>(count);
            var settings = new List<(string Id, int Address)>(count);
            for (var i = 0; i < count; i++)
            {
                var serial = first + i + 1;
                var id = string.Create(CultureInfo.InvariantCulture, $"SIM{serial:D8}");
                var refuses = serial > Options.Meters - Options.RefusingMeters;
                if (refuses)
                {
                    refusing.Add(id);
                }
                var address = AddressAt(i);
                devices.Add(SimulatedMeterDevice.Create((ushort)address, serial, Options, Now, refuses, SystemTitleOf(id)));
                settings.Add((id, address));
            }
            var server = new CosemServer(devices, serverOptions);
            _servers.Add(server);
            var transport = Options.Transport == MeterTransport.HdlcOverTcp
                ? ServerTransport.HdlcOverTcp(new IPEndPoint(IPAddress.Loopback, 0))
                : ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0));
            server.Listen(transport, out var endPoint);
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            var port = endPoint.EndPoint!.Port;
            meters.AddRange(settings.Select(s => new MeterSettings
            {
                MeterId = s.Id,
                Host = "127.0.0.1",
                Port = port,
                Transport = Options.Transport,
                ServerAddress = s.Address,
                ClientAddress = 16,
                SystemTitle = SystemTitleOf(s.Id),
                ReadInterval = Options.ReadInterval,
                KeyName = Options.Security?.KeyName,
                Authentication = Options.Security is null ? MeterAuthentication.Default : SimulatedMeterSecurity.Authentication,
                Ciphering = Options.Security is null ? MeterCiphering.None : MeterCiphering.AuthenticatedEncrypted,
                ClientSystemTitle = Options.Security?.ClientSystemTitle,
            }));
        }
        Meters = meters;
        RefusingMeterIds = refusing;
    }

    /// <summary>The system title a simulated meter would push under: "SIM" and its serial, 8 bytes in hex.</summary>
    public static string SystemTitleOf(string meterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterId);
        var serial = int.Parse(meterId.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture);
        Span<byte> title = stackalloc byte[8];
        "SIM"u8.CopyTo(title);
        title[3] = 0;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(title[4..], serial);
        return Convert.ToHexString(title);
    }

    // Addresses from 16 upward, skipping 0x7F and 0x3FFF (all-station addresses a logical device cannot have).
    private static int AddressAt(int index)
    {
        var address = FirstAddress + index;
        if (address >= 0x7F)
        {
            address++;
        }
        if (address >= 0x3FFF)
        {
            address++;
        }
        return address;
    }

    /// <summary>Stops every server.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
        _servers.Clear();
    }
}
