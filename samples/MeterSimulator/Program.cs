using System.Globalization;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Server;
using Microsoft.Extensions.Logging;

// A simulated electricity meter on 127.0.0.1: wrapper on 4059, HDLC over TCP on 4060.
// Usage: MeterSimulator [--wrapper-port N] [--hdlc-port N] [--password P] [--verbose]
var wrapperPort = 4059;
var hdlcPort = 4060;
var password = "12345678";
var verbose = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--wrapper-port" when i + 1 < args.Length:
            wrapperPort = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--hdlc-port" when i + 1 < args.Length:
            hdlcPort = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--password" when i + 1 < args.Length:
            password = args[++i];
            break;
        case "--verbose":
            verbose = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: MeterSimulator [--wrapper-port N] [--hdlc-port N] [--password P] [--verbose]");
            return 2;
    }
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(verbose ? LogLevel.Trace : LogLevel.Information));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await using var meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions
{
    WrapperPort = wrapperPort,
    HdlcPort = hdlcPort,
    ManagementPassword = password,
    LoggerFactory = loggerFactory,
});
foreach (var endPoint in meter.Server!.EndPoints)
{
    Console.WriteLine($"Meter {meter.Device.Name}: {endPoint}");
}
Console.WriteLine("Clients: 16 (public, no authentication, read-only), 1 (management, LLS). Ctrl+C stops.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C
}
return 0;
