using Microsoft.Extensions.Configuration;

namespace Cosem.HeadEnd.Security;

/// <summary>
/// Keys from configuration, one section per key name under <c>Cosem:HeadEnd:Keys:&lt;name&gt;</c>: <c>Password</c>
/// (text), <c>HlsSecret</c> (text, or hex after <c>hex:</c>), <c>GlobalUnicastKey</c>, <c>GlobalBroadcastKey</c> and
/// <c>AuthenticationKey</c> (hex). So environment variables (<c>Cosem__HeadEnd__Keys__&lt;name&gt;__HlsSecret</c>),
/// user secrets or a vault's configuration provider hold them, and grain state holds only the name.
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
        var section = _configuration.GetSection($"{SectionName}:{keyName}");
        var password = section["Password"];
        var keys = new MeterKeys
        {
            Password = string.IsNullOrEmpty(password) ? null : password,
            HlsSecret = Secret(section["HlsSecret"], keyName, "HlsSecret"),
            GlobalUnicastKey = Hex(section["GlobalUnicastKey"], keyName, "GlobalUnicastKey"),
            GlobalBroadcastKey = Hex(section["GlobalBroadcastKey"], keyName, "GlobalBroadcastKey"),
            AuthenticationKey = Hex(section["AuthenticationKey"], keyName, "AuthenticationKey"),
        };
        return keys.Password is null && keys.HlsSecret.IsEmpty && keys.GlobalUnicastKey.IsEmpty && keys.AuthenticationKey.IsEmpty
            ? ValueTask.FromException<MeterKeys>(new MeterKeyNotFoundException(keyName))
            : new ValueTask<MeterKeys>(keys);
    }

    private static byte[] Secret(string? text, string keyName, string part) =>
        string.IsNullOrEmpty(text) ? []
        : text.StartsWith("hex:", StringComparison.Ordinal) ? Hex(text[4..], keyName, part)
        : System.Text.Encoding.UTF8.GetBytes(text);

    private static byte[] Hex(string? text, string keyName, string part)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            // Names the entry, never its value.
            throw new MeterKeyFormatException(keyName, part);
        }
    }
}
