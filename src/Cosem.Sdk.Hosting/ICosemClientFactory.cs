using Cosem.Sdk.Client;

namespace Cosem.Sdk.Hosting;

/// <summary>Connects the named meters registered with <see cref="CosemHostingServiceCollectionExtensions.AddCosemClient"/>.</summary>
public interface ICosemClientFactory
{
    /// <summary>
    /// Connects and associates with the meter named <paramref name="name"/>; the caller owns the client and disposes
    /// it (which releases the association). Throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// for invalid settings and <see cref="InvalidOperationException"/> for a name never registered.
    /// </summary>
    Task<CosemClient> ConnectAsync(string name, CancellationToken cancellationToken = default);
}
