using System.Diagnostics.Metrics;
using System.Net;
using Cosem.Sdk.Client;
using Cosem.Sdk.Hosting;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using FreshApp.Metering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Counts the SDK's requests through System.Diagnostics.Metrics, as an OpenTelemetry exporter would see them.
long served = 0;
using var listener = new MeterListener();
listener.InstrumentPublished = (instrument, l) =>
{
    if (instrument.Meter.Name == "Cosem.Sdk" && instrument.Name == "cosem.server.requests")
    {
        l.EnableMeasurementEvents(instrument);
    }
};
listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref served, value));
listener.Start();

var tankName = ObisCode.Parse("0.128.96.50.0.255");
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Cosem:Server:Endpoints:0:Transport"] = "tcp",
    ["Cosem:Server:Endpoints:0:Address"] = "127.0.0.1",
    ["Cosem:Server:Endpoints:0:Port"] = "0",
});
builder.Services.AddCosemServer(server => server.AddDevice(new LogicalDevice(1)
{
    new Tank(tankName),
    new AssociationLnServer(ObisCode.Parse("0.0.40.0.1.255"), clientAddress: 16),
}));
using var host = builder.Build();
await host.StartAsync();

var port = host.Services.GetRequiredService<CosemServerHost>().Server!.EndPoints[0].EndPoint!.Port;
await using (var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", port), new AssociationOptions()))
{
    var tank = new TankLevel.Proxy(client, tankName);               // generated from Schema/tank-level.cosem.xml
    Console.WriteLine($"litres: {await tank.GetLitresAsync()}");
    await tank.SetAlarmLevelAsync(900);
    await tank.ResetAlarmAsync();
    Console.WriteLine($"alarm level: {await tank.GetAlarmLevelAsync()}");
    await client.ReleaseAsync();
}
await host.StopAsync();
Console.WriteLine($"requests served: {Interlocked.Read(ref served)}");

/// <summary>The meter side: a fixed reading, and an alarm level kept by the generated default.</summary>
internal sealed class Tank(ObisCode logicalName) : TankLevel(logicalName)
{
    protected override ValueTask<uint> GetLitresAsync(RequestContext context, CancellationToken cancellationToken) => new(750u);

    protected override ValueTask ResetAlarmAsync(RequestContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
