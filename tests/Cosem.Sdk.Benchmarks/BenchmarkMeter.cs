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

    private BenchmarkMeter(CosemServer server, ServerEndPoint endPoint)
    {
        Server = server;
        Port = endPoint.EndPoint!.Port;
    }

    public CosemServer Server { get; }

    public int Port { get; }

    public static async Task<BenchmarkMeter> StartAsync(int profileRows)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = new CosemData[profileRows];
        for (var i = 0; i < rows.Length; i++)
        {
            // structure { date-time as octet-string(12), 4 x double-long-unsigned }: the usual load profile row.
            rows[i] = CosemData.Structure(
                CosemData.DateTime(CosemDateTime.From(start.AddMinutes(15 * i))),
                CosemData.FromUInt32((uint)(1000 + i)), CosemData.FromUInt32((uint)(2000 + 2 * i)),
                CosemData.FromUInt32((uint)(3 * i)), CosemData.FromUInt32((uint)(7 * i)));
        }
        var device = new LogicalDevice(1)
        {
            new Clock(ClockName) { Time = CosemDateTime.From(start) },
            new Register(EnergyName) { Value = CosemData.FromUInt32(12_345_678), ScalerUnit = new ScalerUnit(0, Unit.WattHour) },
            new ProfileGeneric(ProfileName) { Buffer = rows, CapturePeriod = 900, EntriesInUse = (uint)profileRows, ProfileEntries = (uint)profileRows },
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
        };
        var server = new CosemServer(device).Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
        await server.StartAsync();
        return new BenchmarkMeter(server, endPoint);
    }

    public Task<CosemClient> ConnectAsync() =>
        CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", Port), new AssociationOptions { ClientAddress = 16 });

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
