using Cosem.Sdk.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting;

/// <summary>The <see cref="ICosemClientFactory"/> of the service provider.</summary>
internal sealed class CosemClientFactory(IOptionsMonitor<CosemClientOptions> options, CosemClientRegistry registry, ILoggerFactory? loggerFactory = null)
    : ICosemClientFactory
{
    public async Task<CosemClient> ConnectAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registry.Names.Contains(name))
        {
            throw new InvalidOperationException($"No COSEM client named '{name}' is registered (AddCosemClient).");
        }
        var settings = options.Get(name);
        var transport = settings.Transport.ToLowerInvariant() switch
        {
            "udp" => ClientTransport.Udp(settings.Host, settings.Port),
            "hdlc-tcp" => ClientTransport.HdlcOverTcp(settings.Host, settings.Port),
            _ => ClientTransport.Tcp(settings.Host, settings.Port),
        };
        var association = new AssociationOptions
        {
            ClientAddress = settings.ClientAddress,
            ServerAddress = settings.ServerAddress,
            PhysicalAddress = settings.PhysicalAddress,
            Authentication = string.Equals(settings.Authentication, "low", StringComparison.OrdinalIgnoreCase)
                ? Client.Authentication.Low(settings.Password!)
                : Client.Authentication.None,
            RequestTimeout = settings.RequestTimeout,
            LoggerFactory = loggerFactory,
            GeneralBlockTransferWindow = settings.GeneralBlockTransferWindow,
            // Datagrams get lost: re-request a block that does not come (TCP and HDLC never lose one).
            GeneralBlockTransferRetryInterval = string.Equals(settings.Transport, "udp", StringComparison.OrdinalIgnoreCase)
                ? TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, settings.RequestTimeout.Ticks / 8))
                : Timeout.InfiniteTimeSpan,
        };
        return await CosemClient.ConnectAsync(transport, association, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The names given to AddCosemClient.</summary>
internal sealed class CosemClientRegistry
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
}
