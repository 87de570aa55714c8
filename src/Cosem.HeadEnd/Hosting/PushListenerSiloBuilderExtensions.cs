using Cosem.HeadEnd.Push;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cosem.HeadEnd.Hosting;

/// <summary>Adds the head-end's push listener to an Orleans silo.</summary>
public static class PushListenerSiloBuilderExtensions
{
    /// <summary>
    /// Hosts a <see cref="PushListenerService"/> in the silo (with <see cref="HeadEndSiloBuilderExtensions.AddCosemHeadEnd"/>,
    /// whose key store and push router it uses): pushes to the port of <paramref name="configure"/> are opened with
    /// the sending meter's keys and stored by its grain. The service is also a singleton, for its statistics.
    /// </summary>
    public static ISiloBuilder AddCosemPushListener(this ISiloBuilder builder, Action<HeadEndPushListenerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HeadEndPushListenerOptions>().Configure(options => configure?.Invoke(options));
        services.AddSingleton<PushListenerService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<PushListenerService>());
        return builder;
    }
}
