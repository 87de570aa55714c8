using Cosem.HeadEnd.Push;
using Cosem.HeadEnd.Security;
using Cosem.HeadEnd.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cosem.HeadEnd.Hosting;

/// <summary>Adds the head-end's services to an Orleans silo.</summary>
public static class HeadEndSiloBuilderExtensions
{
    /// <summary>
    /// Registers the meter grains' silo services: limits and retries from <paramref name="configure"/>, the key
    /// store (configuration, <see cref="ConfigurationMeterKeyStore"/>, unless one is registered), the push router
    /// and the counters. The host still chooses clustering, reminders, the grain storage named
    /// <see cref="HeadEndStorage.Name"/> and an <see cref="IReadingStore"/> (docs/head-end.md).
    /// </summary>
    public static ISiloBuilder AddCosemHeadEnd(this ISiloBuilder builder, Action<HeadEndOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HeadEndOptions>().Configure(options => configure?.Invoke(options));
        services.TryAddSingleton<IMeterKeyStore>(sp => new ConfigurationMeterKeyStore(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<HeadEndCounters>();
        services.TryAddSingleton<HeadEndRuntime>();
        services.TryAddSingleton<IPushRouter, GrainPushRouter>();
        return builder;
    }
}
