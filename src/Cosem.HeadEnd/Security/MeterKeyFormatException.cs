using Cosem.Sdk;

namespace Cosem.HeadEnd.Security;

/// <summary>A key store entry is present but unusable (not hex, or missing a part the meter's settings need). The
/// message names the key and the part, never the material.</summary>
public sealed class MeterKeyFormatException : CosemException
{
    /// <summary>Names <paramref name="part"/> of the material named <paramref name="keyName"/>.</summary>
    public MeterKeyFormatException(string keyName, string part, string problem = "is not hexadecimal")
        : base($"Security material '{keyName}': {part} {problem}.")
    {
        KeyName = keyName;
        Part = part;
    }

    /// <summary>The key name looked up.</summary>
    public string KeyName { get; }

    /// <summary>The part that is unusable (e.g. <c>GlobalUnicastKey</c>).</summary>
    public string Part { get; }
}
