using Cosem.HeadEnd.Hosting;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Cosem.HeadEnd.Tests.Support;

/// <summary>Configures each test silo as a head-end: memory grain storage, the shared reminder table, the
/// environment's store and catalog, short back-off and spread for tests.</summary>
public sealed class HeadEndSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var environment = HeadEndEnvironment.Find(siloBuilder.Configuration[HeadEndEnvironment.ConfigurationKey]!);
        siloBuilder.AddMemoryGrainStorage(HeadEndStorage.Name);
        siloBuilder.AddReminders();
        siloBuilder.Services.AddSingleton<IReminderTable>(environment.Reminders);
        siloBuilder.Configure<ReminderOptions>(o =>
        {
            o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
            o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);    // a stopped silo's reminders are taken over quickly
        });
        siloBuilder.Services.AddSingleton(environment.Store);
        siloBuilder.Services.AddSingleton<IMeterCatalog>(environment.Catalog);
        siloBuilder.AddCosemHeadEnd(o =>
        {
            o.FirstReadSpread = TimeSpan.FromSeconds(1);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            o.MaxAttemptsPerCycle = 3;
            o.RequestTimeout = TimeSpan.FromSeconds(5);
            environment.Options?.Invoke(o);
        });
    }
}
