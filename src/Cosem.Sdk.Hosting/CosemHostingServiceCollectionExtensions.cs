using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting;

/// <summary>Registers a hosted COSEM server, named COSEM clients and the server's health check.</summary>
public static class CosemHostingServiceCollectionExtensions
{
    /// <summary>
    /// Runs a <see cref="Server.CosemServer"/> as a hosted service: the logical devices come from
    /// <paramref name="configure"/>, the listeners, limits and secrets from configuration (section
    /// <c>Cosem:Server</c>, <see cref="CosemServerHostOptions"/>), validated when the host starts; the server logs
    /// through the service provider's <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>. Resolve
    /// <see cref="CosemServerHost"/> to reach the running server.
    /// </summary>
    /// <example><code>
    /// builder.Services.AddCosemServer(server => server.AddDevice((services, secrets) => MyMeter.Create(secrets.GetPassword("Management"))));
    /// </code></example>
    public static IServiceCollection AddCosemServer(this IServiceCollection services, Action<CosemServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(CosemServerBuilder)))
        {
            throw new InvalidOperationException("AddCosemServer was called already; one hosted server holds every logical device.");
        }
        var builder = new CosemServerBuilder();
        configure(builder);
        services.AddSingleton(builder);
        services.AddOptions<CosemServerHostOptions>().BindConfiguration(builder.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CosemServerHostOptions>>(new CosemServerHostOptionsValidator(builder.SectionName));
        services.AddSingleton<CosemServerHost>();
        services.AddHostedService(sp => sp.GetRequiredService<CosemServerHost>());
        return services;
    }

    /// <summary>
    /// Registers the meter connection <paramref name="name"/>, bound from <c>Cosem:Clients:&lt;name&gt;</c> and then
    /// <paramref name="configure"/>, validated when the host starts; connect with
    /// <see cref="ICosemClientFactory.ConnectAsync"/>.
    /// </summary>
    public static IServiceCollection AddCosemClient(this IServiceCollection services, string name, Action<CosemClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var registry = services.Select(d => d.ImplementationInstance).OfType<CosemClientRegistry>().FirstOrDefault();
        if (registry is null)
        {
            registry = new CosemClientRegistry();
            services.AddSingleton(registry);
        }
        if (!registry.Names.Add(name))
        {
            throw new InvalidOperationException($"A COSEM client named '{name}' is registered already.");
        }
        var section = $"{CosemClientOptions.DefaultSectionPrefix}:{name}";
        var options = services.AddOptions<CosemClientOptions>(name)
            .Configure<IConfiguration>((settings, configuration) => CosemClientOptionsBinder.Bind(configuration.GetSection(section), settings));
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<CosemClientOptions>>(new CosemClientOptionsValidator(name, section));
        services.TryAddSingleton<ICosemClientFactory, CosemClientFactory>();
        return services;
    }

    /// <summary>
    /// Adds a check of the server registered by <see cref="AddCosemServer"/>: Healthy when it runs and listens on
    /// every configured endpoint, <paramref name="failureStatus"/> (Unhealthy by default) otherwise.
    /// </summary>
    public static IHealthChecksBuilder AddCosemServerHealthCheck(this IHealthChecksBuilder builder, string name = "cosem-server",
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name,
            sp => new CosemServerHealthCheck(sp.GetRequiredService<CosemServerHost>()), failureStatus, tags));
    }
}
