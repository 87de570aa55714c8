using System.Net;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A simulated meter for the session benchmarks: a real <see cref="CosemServer"/> on 127.0.0.1 (wrapper over TCP, an
/// OS-chosen port) with a clock, an energy register and a 15-minute load profile of the given length.
/// </summary>
internal sealed class BenchmarkMeter : IAsyncDisposable
{
    public static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    public static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    public static readonly ObisCode ProfileName = new(1, 0, 99, 1, 0, 255);

    private BenchmarkMeter(CosemServer server, int port)
    {
        Server = server;
        Port = port;
    }

    public CosemServer Server { get; }

    public int Port { get; }

    /// <param name="profileRows">Rows of the load profile.</param>
    /// <param name="transport">Another transport listening on 127.0.0.1:<paramref name="port"/> (a counting one for a probe); the wrapper over TCP on an OS-chosen port when null.</param>
    /// <param name="port">The port <paramref name="transport"/> listens on.</param>
    public static async Task<BenchmarkMeter> StartAsync(int profileRows, ServerTransport? transport = null, int port = 0)
    {
        var rows = BuildRows(profileRows);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var device = new LogicalDevice(1)
        {
            new Clock(ClockName) { Time = CosemDateTime.From(start) },
            new Register(EnergyName) { Value = CosemData.FromUInt32(12_345_678), ScalerUnit = new ScalerUnit(0, Unit.WattHour) },
            new ProfileGeneric(ProfileName) { Buffer = rows, CapturePeriod = 900, EntriesInUse = (uint)profileRows, ProfileEntries = (uint)profileRows },
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
        };
        var server = new CosemServer(device).Listen(transport ?? ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
        await server.StartAsync();
        return new BenchmarkMeter(server, transport is null ? endPoint.EndPoint!.Port : port);
    }

    /// <summary>The load profile's rows as the meter holds them: one structure of values per row.</summary>
    public static CosemData[] BuildRows(int count)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = new CosemData[count];
        for (var i = 0; i < rows.Length; i++)
        {
            // structure { date-time as octet-string(12), 4 x double-long-unsigned }: the usual load profile row.
            rows[i] = CosemData.Structure(
                CosemData.DateTime(CosemDateTime.From(start.AddMinutes(15 * i))),
                CosemData.FromUInt32((uint)(1000 + i)), CosemData.FromUInt32((uint)(2000 + 2 * i)),
                CosemData.FromUInt32((uint)(3 * i)), CosemData.FromUInt32((uint)(7 * i)));
        }
        return rows;
    }

    public Task<CosemClient> ConnectAsync() =>
        CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", Port), new AssociationOptions { ClientAddress = 16 });

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
