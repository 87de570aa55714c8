using System.Globalization;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting;

/// <summary>Checks the named client options registered by <see cref="CosemHostingServiceCollectionExtensions.AddCosemClient"/>.</summary>
internal sealed class CosemClientOptionsValidator(string name, string sectionName) : IValidateOptions<CosemClientOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, CosemClientOptions options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{sectionName}:Host: required.");
        }
        if (options.Port is < 1 or > 65535)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{sectionName}:Port: {options.Port} is not between 1 and 65535."));
        }
        if (!CosemEndpointOptions.TransportKinds.Contains(options.Transport, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{sectionName}:Transport: '{options.Transport}' is not one of {string.Join(", ", CosemEndpointOptions.TransportKinds)}.");
        }
        if (options.ClientAddress.Value > 0x7F)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{sectionName}:ClientAddress: {options.ClientAddress} is not between 0 and 127."));
        }
        if (options.ServerAddress.Value is 0 or > 0x3FFF)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{sectionName}:ServerAddress: {options.ServerAddress} is not between 1 and 16383."));
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:RequestTimeout: must be positive.");
        }
        if (options.GeneralBlockTransferWindow is < 0 or > Apdu.GeneralBlockTransfer.MaxWindow)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{sectionName}:GeneralBlockTransferWindow: {options.GeneralBlockTransferWindow} is not between 0 (off) and 63."));
        }
        switch (options.Authentication.ToLowerInvariant())
        {
            case "none":
                break;
            case "low":
                if (string.IsNullOrEmpty(options.Password))
                {
                    failures.Add($"{sectionName}:Password: required for low authentication (set it in a secret store).");
                }
                break;
            default:
                failures.Add($"{sectionName}:Authentication: '{options.Authentication}' is not none or low.");
                break;
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
