using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting;

/// <summary>Checks <see cref="CosemServerHostOptions"/> when the host starts; every failure names its configuration key.</summary>
internal sealed class CosemServerHostOptionsValidator(string sectionName) : IValidateOptions<CosemServerHostOptions>
{
    public ValidateOptionsResult Validate(string? name, CosemServerHostOptions options)
    {
        var failures = new List<string>();
        if (options.Endpoints.Count == 0)
        {
            failures.Add($"{sectionName}:Endpoints: at least one endpoint is required.");
        }
        for (var i = 0; i < options.Endpoints.Count; i++)
        {
            var endpoint = options.Endpoints[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{sectionName}:Endpoints:{i}");
            if (!CosemEndpointOptions.TransportKinds.Contains(endpoint.Transport, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{key}:Transport: '{endpoint.Transport}' is not one of {string.Join(", ", CosemEndpointOptions.TransportKinds)}.");
            }
            if (endpoint.Port is < 0 or > 65535)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key}:Port: {endpoint.Port} is not between 0 and 65535."));
            }
            if (!string.IsNullOrEmpty(endpoint.Address) && !IPAddress.TryParse(endpoint.Address, out _))
            {
                failures.Add($"{key}:Address: '{endpoint.Address}' is not an IP address.");
            }
        }
        AtLeastOne(options.MaxConnections, nameof(options.MaxConnections));
        AtLeastOne(options.MaxConnectionsPerAddress, nameof(options.MaxConnectionsPerAddress));
        AtLeastOne(options.MaxIncomingBlockBytes, nameof(options.MaxIncomingBlockBytes));
        NotNegative(options.InactivityTimeout, nameof(options.InactivityTimeout));
        NotNegative(options.AssociationTimeout, nameof(options.AssociationTimeout));
        if (options.RefusalLogInterval <= TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:{nameof(options.RefusalLogInterval)}: must be positive.");
        }
        foreach (var (keyName, hex) in options.Secrets.Keys)
        {
            if (!CosemSecrets.TryDecodeKey(hex ?? "", out _))
            {
                // The value itself is a secret: name the key only.
                failures.Add($"{sectionName}:Secrets:Keys:{keyName}: not 16 or 32 bytes of hex.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void AtLeastOne(int value, string property)
        {
            if (value < 1)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{sectionName}:{property}: {value} is less than 1."));
            }
        }

        void NotNegative(TimeSpan value, string property)
        {
            if (value < TimeSpan.Zero)
            {
                failures.Add($"{sectionName}:{property}: must not be negative (zero means never).");
            }
        }
    }
}
