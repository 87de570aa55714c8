namespace Cosem.Sdk.Security;

/// <summary>
/// The security settings of one side of an association: suite, required protection, own and peer system titles,
/// symmetric keys, HLS/LLS secret and the ECC key pair and peer key for suites 1 and 2. A settings holder for
/// clients and servers; <see cref="ToString"/> names what is configured and never prints a key or secret.
/// </summary>
public sealed class SecurityContext
{
    private byte[]? _secret;

    /// <summary>The security suite (0 by default): AES-GCM-128 for suites 0 and 1, AES-GCM-256 for suite 2.</summary>
    public SecuritySuite Suite { get; init; } = SecuritySuite.Suite0;

    /// <summary>The protection this side requires on APDUs (<see cref="SecurityPolicy.None"/> by default).</summary>
    public SecurityPolicy Policy { get; init; } = SecurityPolicy.None;

    /// <summary>This side's system title (client: calling-AP-title; server: responding-AP-title).</summary>
    public SystemTitle SystemTitle { get; init; }

    /// <summary>The peer's system title once known (from the AARQ/AARE), or a configured expectation.</summary>
    public SystemTitle? PeerSystemTitle { get; set; }

    /// <summary>The symmetric keys (global unicast, broadcast, authentication, dedicated), or null when no ciphering is
    /// configured.</summary>
    public CipheringKeys? Keys { get; set; }

    /// <summary>LLS password or HLS secret (mechanisms 1, 3, 4 and 6). Copied in; read back with <see cref="GetSecret"/>.</summary>
    public ReadOnlySpan<byte> Secret
    {
        init => _secret = value.IsEmpty ? null : value.ToArray();
    }

    /// <summary>Whether an LLS password or HLS secret was set with <see cref="Secret"/>.</summary>
    public bool HasSecret => _secret is not null;

    /// <summary>This side's signing/key-agreement key pair (suites 1 and 2).</summary>
    public EccKeyPair? KeyPair { get; init; }

    /// <summary>The peer's public signing key (suites 1 and 2).</summary>
    public EccPublicKey? PeerPublicKey { get; set; }

    /// <summary>The LLS password or HLS secret set with <see cref="Secret"/>, or empty when none was set.</summary>
    public ReadOnlySpan<byte> GetSecret() => _secret;

    /// <inheritdoc/>
    public override string ToString() =>
        $"SecurityContext(suite {(int)Suite}, policy {Policy}, system title {SystemTitle}, " +
        $"peer {(PeerSystemTitle is { } peer ? peer.ToString() : "unknown")}, " +
        $"keys {(Keys is null ? "absent" : "set")}, secret {(HasSecret ? "set" : "absent")}, " +
        $"key pair {(KeyPair is null ? "absent" : "set")}, peer public key {(PeerPublicKey is null ? "absent" : "set")})";
}
