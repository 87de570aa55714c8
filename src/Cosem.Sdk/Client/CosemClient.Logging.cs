using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    /// <summary>The client's logger, for SDK layers above the client that report on its behalf (the class registry's
    /// version fallback when an object list is turned into proxies).</summary>
    internal ILogger Logger => _logger;
}
