using Cosem.HeadEnd.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Cosem.HeadEnd.Clustering;

/// <summary>Runs a head-end silo as a member of a cluster kept in PostgreSQL.</summary>
public static class PostgresClusterSiloBuilderExtensions
{
    /// <summary>
    /// Uses the head-end's PostgreSQL tables for Orleans membership (clustering), durable reminders and the grain
    /// storage named <see cref="HeadEndStorage.Name"/>; the tables are created on the first start, so the database
    /// needs no script run beforehand. Every silo of the cluster uses the same database and the same
    /// <see cref="ClusterOptions"/> (cluster id for membership, service id for reminders and state); each silo
    /// still sets its own endpoints (<c>ConfigureEndpoints</c>).
    /// </summary>
    public static ISiloBuilder UseCosemPostgresCluster(this ISiloBuilder builder, Action<PostgresClusterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<PostgresClusterOptions>().Configure(configure);
        services.AddSingleton<PostgresClusterDatabase>();
        services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        builder.AddReminders();
        services.AddSingleton<IReminderTable, PostgresReminderTable>();
        services.AddGrainStorage(HeadEndStorage.Name, (provider, name) => new PostgresGrainStorage(
            name,
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            provider.GetRequiredService<PostgresClusterDatabase>(),
            provider.GetRequiredService<Serializer>()));
        return builder;
    }
}
