using Cosem.Sdk;

namespace Cosem.HeadEnd.Security;

/// <summary>The key store has no material under the name a meter refers to (a configuration error, not retried
/// faster than the schedule).</summary>
public sealed class MeterKeyNotFoundException : CosemException
{
    /// <summary>Names the missing key (the name, never material).</summary>
    public MeterKeyNotFoundException(string keyName)
        : base($"No security material named '{keyName}' in the meter key store.")
    {
        KeyName = keyName;
    }

    /// <summary>The name looked up.</summary>
    public string KeyName { get; }
}
