using Microsoft.Extensions.Configuration;

namespace Cosem.HeadEnd.Security;

/// <summary>
/// Keys from configuration: <c>Cosem:HeadEnd:Keys:&lt;name&gt;:Password</c> (environment variable
/// <c>Cosem__HeadEnd__Keys__&lt;name&gt;__Password</c>, user secrets, or a vault's configuration provider).
/// </summary>
public sealed class ConfigurationMeterKeyStore : IMeterKeyStore
{
    /// <summary>The configuration section holding one subsection per key name.</summary>
    public const string SectionName = "Cosem:HeadEnd:Keys";

    private readonly IConfiguration _configuration;

    /// <summary>A store reading <paramref name="configuration"/> at each look-up, so a rotated secret is used at the
    /// next session.</summary>
    public ConfigurationMeterKeyStore(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    /// <inheritdoc/>
    public ValueTask<MeterKeys> GetAsync(string keyName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyName);
        var password = _configuration[$"{SectionName}:{keyName}:Password"];
        return string.IsNullOrEmpty(password)
            ? ValueTask.FromException<MeterKeys>(new MeterKeyNotFoundException(keyName))
            : new ValueTask<MeterKeys>(new MeterKeys(password));
    }
}
