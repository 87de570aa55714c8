using System.Globalization;
using System.Net;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Client;
using Cosem.Sdk.Server;

namespace Cosem.Samples.ReadMeter;

/// <summary>
/// Which meter to read: with no arguments a simulated meter started in this process on 127.0.0.1 (an OS-chosen
/// port), otherwise the one named by <c>--host</c> and <c>--port</c> (<c>--hdlc</c> for HDLC over TCP,
/// <c>--password</c> to associate as the management client with LLS).
/// </summary>
internal sealed class MeterTarget : IAsyncDisposable
{
    private const string Usage = "Usage: ReadMeter [--host HOST] [--port PORT] [--hdlc] [--password LLS-PASSWORD]";

    private MeterTarget(ClientTransport transport, AssociationOptions options, ReferenceMeterSimulator? simulator)
    {
        Transport = transport;
        Options = options;
        Simulator = simulator;
    }

    public ClientTransport Transport { get; }

    public AssociationOptions Options { get; }

    /// <summary>The in-process simulated meter, when no real meter was named.</summary>
    public ReferenceMeterSimulator? Simulator { get; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with the usage for bad ones.</summary>
    public static async Task<MeterTarget> FromArgumentsAsync(string[] args)
    {
        string? host = null;
        int? port = null;
        var hdlc = false;
        string? password = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--host" when i + 1 < args.Length:
                    host = args[++i];
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536:
                    port = p;
                    i++;
                    break;
                case "--hdlc":
                    hdlc = true;
                    break;
                case "--password" when i + 1 < args.Length:
                    password = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unexpected argument '{args[i]}'. {Usage}");
            }
        }
        var options = password is null
            ? new AssociationOptions { ClientAddress = 16 }
            : new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(password) };
        if (host is null && port is null)
        {
            var simulator = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions
            {
                Address = IPAddress.Loopback,
                WrapperPort = hdlc ? null : 0,
                HdlcPort = hdlc ? 0 : null,
            });
            var endPoint = (hdlc ? simulator.HdlcEndPoint : simulator.WrapperEndPoint)!;
            Console.WriteLine($"Started a simulated meter on {endPoint} ({(hdlc ? "HDLC over TCP" : "TCP wrapper")}).");
            return new MeterTarget(Connect("127.0.0.1", endPoint.Port, hdlc), options, simulator);
        }
        return new MeterTarget(Connect(host ?? "127.0.0.1", port ?? (hdlc ? 4060 : 4059), hdlc), options, null);
    }

    private static ClientTransport Connect(string host, int port, bool hdlc) =>
        hdlc ? ClientTransport.HdlcOverTcp(host, port) : ClientTransport.Tcp(host, port);

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}
