using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// Finds a meter's keys by its system title, for a push listener opening its notifications. Called for every
/// protected notification, possibly from many connections at once, so it must be thread-safe and fast (a dictionary
/// lookup, a cache); return the same <see cref="CipheringKeys"/> instance while the keys are unchanged so the
/// listener can keep its ciphers.
/// </summary>
public interface IPushKeyProvider
{
    /// <summary>The keys of the meter with <paramref name="systemTitle"/> (global unicast key, authentication key, and
    /// the broadcast key if it broadcasts), or null when the meter is unknown.</summary>
    CipheringKeys? GetKeys(SystemTitle systemTitle);

    /// <summary>The public signing key (ECDSA P-256 or P-384, from the meter's certificate) general-signing pushes of
    /// the meter with <paramref name="systemTitle"/> are verified with, or null when none is known (its signed pushes
    /// are then refused). Default: none.</summary>
    EccPublicKey? GetSigningKey(SystemTitle systemTitle) => null;
}
