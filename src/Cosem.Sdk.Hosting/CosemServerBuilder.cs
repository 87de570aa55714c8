using Cosem.Sdk.Server;

namespace Cosem.Sdk.Hosting;

/// <summary>
/// What <see cref="CosemHostingServiceCollectionExtensions.AddCosemServer"/> hosts: the logical devices, built
/// from the service provider when the host starts so their objects can take dependencies, and where the listeners
/// and limits come from.
/// </summary>
public sealed class CosemServerBuilder
{
    internal List<Func<IServiceProvider, CosemSecrets, LogicalDevice>> DeviceFactories { get; } = [];

    internal List<Func<IServiceProvider, ServerTransport>> TransportFactories { get; } = [];

    /// <summary>The configuration section the options bind from; <c>Cosem:Server</c> by default.</summary>
    public string SectionName { get; set; } = CosemServerHostOptions.DefaultSectionName;

    /// <summary>Adds a logical device built when the host starts.</summary>
    public CosemServerBuilder AddDevice(Func<IServiceProvider, LogicalDevice> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        DeviceFactories.Add((services, _) => factory(services));
        return this;
    }

    /// <summary>Adds a logical device built when the host starts, with the configured secrets (LLS passwords, keys).</summary>
    public CosemServerBuilder AddDevice(Func<IServiceProvider, CosemSecrets, LogicalDevice> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        DeviceFactories.Add(factory);
        return this;
    }

    /// <summary>Adds a logical device built already.</summary>
    public CosemServerBuilder AddDevice(LogicalDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        DeviceFactories.Add((_, _) => device);
        return this;
    }

    /// <summary>
    /// Adds a listener configuration cannot describe (a serial port, <see cref="ServerTransport.Custom"/>), next to
    /// the configured endpoints.
    /// </summary>
    public CosemServerBuilder AddTransport(Func<IServiceProvider, ServerTransport> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        TransportFactories.Add(factory);
        return this;
    }
}
