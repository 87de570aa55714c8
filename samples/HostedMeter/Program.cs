using Cosem.Samples.HostedMeter;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Diagnostics;
using Cosem.Sdk.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

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

// Metrics and spans of the SDK (meter and activity source "Cosem.Sdk") on the console when Telemetry:Console is true.
if (builder.Configuration.GetValue<bool>("Telemetry:Console"))
{
    builder.Services.AddOpenTelemetry()
        .WithMetrics(metrics => metrics.AddMeter(CosemTelemetry.Name).AddConsoleExporter())
        .WithTracing(tracing => tracing.AddSource(CosemTelemetry.Name).AddConsoleExporter());
}

await builder.Build().RunAsync();
