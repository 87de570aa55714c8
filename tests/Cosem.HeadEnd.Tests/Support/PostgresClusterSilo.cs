using System.Net;
using System.Net.Sockets;
using Cosem.HeadEnd.Clustering;
using Cosem.HeadEnd.Hosting;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Cosem.HeadEnd.Tests.Support;

/// <summary>
/// A head-end silo in its own host, clustered through <see cref="PostgresClusterSiloBuilderExtensions.UseCosemPostgresCluster"/>
/// as a production silo is: membership, reminders and grain state live only in PostgreSQL, so silos started here
/// know each other through the database alone, and a silo started after all others stopped finds their reminders.
/// </summary>
internal sealed class PostgresClusterSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private PostgresClusterSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<PostgresClusterSilo> StartAsync(
        string connectionString, string clusterId, IReadingStore store, IMeterCatalog catalog, Action<HeadEndOptions>? options = null,
        Action<IServiceCollection>? services = null, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter("Orleans", LogLevel.Information);
        }
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = clusterId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.UseCosemPostgresCluster(o => o.ConnectionString = connectionString);
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
            });
            silo.Services.AddSingleton(store);
            silo.Services.AddSingleton(catalog);
            services?.Invoke(silo.Services);
            silo.AddCosemHeadEnd(o =>
            {
                o.FirstReadSpread = TimeSpan.FromSeconds(1);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
                o.MaxRetryDelay = TimeSpan.FromSeconds(2);
                o.MaxAttemptsPerCycle = 3;
                o.RequestTimeout = TimeSpan.FromSeconds(5);
                options?.Invoke(o);
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new PostgresClusterSilo(host);
    }

    /// <summary>A graceful stop: the silo leaves the membership table, its grains deactivate.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
