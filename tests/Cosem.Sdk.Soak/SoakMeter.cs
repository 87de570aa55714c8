using System.Net;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Soak;

/// <summary>
/// The server under soak: one <see cref="CosemServer"/> on 127.0.0.1 (wrapper over TCP) with a clock, an energy
/// register and a 96-row load profile (long enough to go out in blocks to a peer with a small PDU size), limits
/// raised to hold every association from one address, and short association/inactivity time-outs so slow peers are
/// closed within the run.
/// </summary>
public static class SoakMeter
{
    /// <summary>The register the well-behaved peers read.</summary>
    public static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);

    /// <summary>The profile the reset-mid-block peers start reading.</summary>
    public static readonly ObisCode ProfileName = new(1, 0, 99, 1, 0, 255);

    /// <summary>Starts the server for <paramref name="connections"/> concurrent connections; returns it and its port.</summary>
    public static async Task<(CosemServer Server, int Port)> StartAsync(int connections)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 96).Select(i => CosemData.Structure(
            CosemData.DateTime(CosemDateTime.From(start.AddMinutes(15 * i))),
            CosemData.FromUInt32((uint)(1000 + i)), CosemData.FromUInt32((uint)(2000 + 2 * i)))).ToArray();
        var device = new LogicalDevice(1)
        {
            new Clock(new ObisCode(0, 0, 1, 0, 0, 255)) { Time = CosemDateTime.From(start) },
            new Register(EnergyName) { Value = CosemData.FromUInt32(12_345_678), ScalerUnit = new ScalerUnit(0, Unit.WattHour) },
            new ProfileGeneric(ProfileName) { Buffer = rows, CapturePeriod = 900, EntriesInUse = 96, ProfileEntries = 96 },
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
        };
        var options = new CosemServerOptions
        {
            MaxConnections = connections,
            MaxConnectionsPerAddress = connections,
            AssociationTimeout = TimeSpan.FromSeconds(10),
            IdleTimeout = TimeSpan.FromSeconds(60),
        };
        var server = new CosemServer(device, options).Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
        await server.StartAsync();
        return (server, endPoint.EndPoint!.Port);
    }
}
