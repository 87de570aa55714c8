using Cosem.HeadEnd.Meters;

namespace Cosem.HeadEnd.Simulation;

/// <summary>
/// Makes every simulated meter demand HLS-SHA256 (mechanism 6) and authenticated-encrypted APDUs (suite 0), with one
/// secret and one key pair for the farm: the material a key store must hand the head-end under <see cref="KeyName"/>.
/// The farm's <see cref="SimulatedMeterFarm.Meters"/> then carry only that name.
/// </summary>
public sealed class SimulatedMeterSecurity
{
    /// <summary>The key name the farm's meter settings refer to.</summary>
    public string KeyName { get; init; } = "simulated";

    /// <summary>The HLS secret every meter expects.</summary>
    public required byte[] HlsSecret { get; init; }

    /// <summary>The global unicast encryption key (16 bytes).</summary>
    public required byte[] GlobalUnicastKey { get; init; }

    /// <summary>The authentication key (16 bytes).</summary>
    public required byte[] AuthenticationKey { get; init; }

    /// <summary>The head-end's system title in the meters' settings (16 hex digits).</summary>
    public string ClientSystemTitle { get; init; } = "434F53454D484531";

    /// <summary>The authentication the farm's meter settings ask for.</summary>
    internal const MeterAuthentication Authentication = MeterAuthentication.HlsSha256;
}
