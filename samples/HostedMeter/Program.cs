using Cosem.Samples.HostedMeter;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The reference meter served by a hosted CosemServer: listeners, limits and the password come from appsettings.json
// (or user secrets, environment variables, any configuration provider); a named client reads its clock once at
// start-up. Ctrl+C stops.
var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddCosemServer(server => server.AddDevice((services, secrets) => ReferenceMeterSimulator.CreateLogicalDevice(new MeterSimulatorOptions
{
    ManagementPassword = secrets.GetPassword("Management"),
    LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
})));
builder.Services.AddCosemClient("local");
builder.Services.AddHealthChecks().AddCosemServerHealthCheck();
builder.Services.AddHostedService<ReadClockAtStartup>();

await builder.Build().RunAsync();
