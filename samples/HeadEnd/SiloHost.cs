using System.Net;
using Cosem.HeadEnd.Clustering;
using Cosem.HeadEnd.Hosting;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Cosem.Samples.HeadEnd;

/// <summary>Builds the Orleans silo: localhost clustering (silo N joins silo 1) with in-memory reminders and grain
/// storage, or clustering, reminders and grain storage in PostgreSQL (UseCosemPostgresCluster) for a real cluster.</summary>
internal static class SiloHost
{
    public const int FirstSiloPort = 11111;
    public const int FirstGatewayPort = 30000;

    public static IHost Build(HeadEndArguments arguments, IReadingStore store, IMeterCatalog catalog)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(arguments.Verbose ? LogLevel.Information : LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            var siloPort = FirstSiloPort + arguments.Silo - 1;
            var gatewayPort = FirstGatewayPort + arguments.Silo - 1;
            if (arguments.Cluster is { } connection)
            {
                // Membership, reminders and grain state in the head-end's own tables, created on the first start.
                silo.Configure<ClusterOptions>(o => { o.ClusterId = arguments.ClusterId; o.ServiceId = arguments.ClusterId; });
                silo.UseCosemPostgresCluster(o => o.ConnectionString = connection);
                silo.ConfigureEndpoints(siloPort, gatewayPort);
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, FirstSiloPort));
                silo.UseInMemoryReminderService();
                silo.AddMemoryGrainStorage(HeadEndStorage.Name);
            }
            silo.Configure<Orleans.Hosting.ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
            silo.Services.AddSingleton(store);
            silo.Services.AddSingleton(catalog);
            silo.AddCosemHeadEnd(o =>
            {
                o.MaxConnectionsPerSilo = arguments.Connections;
                o.FirstReadSpread = arguments.Once ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Min(10, arguments.Interval.TotalSeconds));
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(500);
                o.MaxRetryDelay = TimeSpan.FromSeconds(5);
                o.MaxAttemptsPerCycle = 3;
            });
            if (arguments.PushPort is { } pushPort)
            {
                // Pushes are opened with the keys configured under Cosem:HeadEnd:Keys:<the meter's KeyName>.
                silo.AddCosemPushListener(o =>
                {
                    o.Port = pushPort;
                    o.Udp = arguments.PushUdp;
                });
            }
        });
        return builder.Build();
    }
}
