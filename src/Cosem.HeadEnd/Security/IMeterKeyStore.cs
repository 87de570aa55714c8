namespace Cosem.HeadEnd.Security;

/// <summary>
/// Resolves a meter's security material by name (<see cref="Meters.MeterSettings.KeyName"/>) when a session starts,
/// so keys live in configuration or a secret store and never in grain state, logs or exceptions.
/// </summary>
public interface IMeterKeyStore
{
    /// <summary>The material named <paramref name="keyName"/>; throws <see cref="MeterKeyNotFoundException"/> when
    /// there is none.</summary>
    ValueTask<MeterKeys> GetAsync(string keyName, CancellationToken cancellationToken = default);
}
