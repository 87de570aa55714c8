using System.Globalization;

namespace Cosem.Sdk.Hosting;

/// <summary>
/// Secrets of a hosted server, bound from configuration (section <c>Cosem:Server:Secrets</c>) so user secrets,
/// environment variables or a key vault provider can supply them: LLS passwords and keys (block cipher,
/// authentication, master) as hex, each under a name the device factory asks for. <see cref="ToString"/> shows the
/// names only, never a value.
/// </summary>
public sealed class CosemSecrets
{
    /// <summary>LLS passwords by name, e.g. <c>Management</c>.</summary>
    public Dictionary<string, string> Passwords { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys by name as hex (16 or 32 bytes), e.g. <c>BlockCipherKey</c>, <c>AuthenticationKey</c>.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The password named <paramref name="name"/>; throws, naming the configuration key, when it is missing.</summary>
    public string GetPassword(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Passwords.TryGetValue(name, out var password) && !string.IsNullOrEmpty(password)
            ? password
            : throw new InvalidOperationException($"The password 'Cosem:Server:Secrets:Passwords:{name}' is not configured.");
    }

    /// <summary>The key named <paramref name="name"/>, decoded from hex; throws when it is missing or not hex.</summary>
    public byte[] GetKey(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Keys.TryGetValue(name, out var hex) || string.IsNullOrEmpty(hex))
        {
            throw new InvalidOperationException($"The key 'Cosem:Server:Secrets:Keys:{name}' is not configured.");
        }
        return TryDecodeKey(hex, out var key)
            ? key
            : throw new InvalidOperationException($"The key 'Cosem:Server:Secrets:Keys:{name}' is not 16 or 32 bytes of hex.");
    }

    /// <summary>The names of the configured secrets, never their values.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Passwords: [{string.Join(", ", Passwords.Keys)}] (hidden), Keys: [{string.Join(", ", Keys.Keys)}] (hidden)");

    internal static bool TryDecodeKey(string hex, out byte[] key)
    {
        key = [];
        var text = hex.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (text.Length is not (32 or 64))
        {
            return false;
        }
        try
        {
            key = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
