using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

/// <summary>
/// How an association authenticates its client: one strategy per authentication mechanism
/// (IEC 62056-5-3 §9.2.7.2). <see cref="None"/> and <see cref="Low(string)"/> are built in; the HLS mechanisms 2–7
/// derive from this class, answer the AARQ with a server challenge and verify the client's reply in
/// <see cref="ReplyToChallengeAsync"/> (Association LN method 1, reply_to_HLS_authentication).
/// </summary>
public abstract class AssociationAuthentication
{
    /// <summary>The mechanism the client must propose in the AARQ mechanism-name.</summary>
    public abstract MechanismName Mechanism { get; }

    /// <summary>No authentication: lowest level security (mechanism 0).</summary>
    public static AssociationAuthentication None { get; } = new NoAssociationAuthentication();

    /// <summary>Low level security: a password (mechanism 1), compared in constant time.</summary>
    public static AssociationAuthentication Low(string password) => new LowLevelAssociationAuthentication(password);

    /// <inheritdoc cref="Low(string)"/>
    public static AssociationAuthentication Low(ReadOnlySpan<byte> password) => new LowLevelAssociationAuthentication(password);

    /// <summary>
    /// High level security with a shared secret: mechanism 3 (MD5), 4 (SHA-1) or 6 (SHA-256). The secret can be
    /// changed by the client (Association LN secret, change_HLS_secret).
    /// </summary>
    public static AssociationAuthentication High(HlsMechanism mechanism, ReadOnlySpan<byte> secret) => new HighLevelAssociationAuthentication(mechanism, secret);

    /// <summary>High level security mechanism 5 (GMAC) with the keys and counters of <see cref="IAssociationObject.Security"/>.</summary>
    public static AssociationAuthentication HighGmac() => new HighLevelAssociationAuthentication(HlsMechanism.Gmac);

    /// <summary>
    /// High level security mechanism 7 (ECDSA, suites 1 and 2): the client's public signing key checks its answer;
    /// the server signs with <paramref name="serverKey"/>, or else <see cref="AssociationSecurity.SigningKey"/>.
    /// </summary>
    public static AssociationAuthentication HighEcdsa(EccPublicKey clientKey, EccKeyPair? serverKey = null)
    {
        ArgumentNullException.ThrowIfNull(clientKey);
        return new HighLevelAssociationAuthentication(HlsMechanism.Ecdsa, clientKey, serverKey);
    }

    /// <inheritdoc cref="HighEcdsa(EccPublicKey, EccKeyPair?)"/>
    public static AssociationAuthentication HighEcdsa(CosemCertificate clientCertificate, EccKeyPair? serverKey = null)
    {
        ArgumentNullException.ThrowIfNull(clientCertificate);
        return HighEcdsa(clientCertificate.PublicKey, serverKey);
    }

    /// <summary>Passes 1 and 2: decides on the AARQ of a client whose mechanism-name matched <see cref="Mechanism"/>.</summary>
    public abstract ValueTask<AuthenticationOutcome> AuthenticateAsync(AarqApdu request, CancellationToken cancellationToken);

    /// <summary>
    /// Passes 3 and 4 (HLS only): verifies the client's f(StoC) and returns the server's f(CtoS), or null when the
    /// verification fails. Mechanisms without a challenge refuse the call.
    /// </summary>
    public virtual ValueTask<ReadOnlyMemory<byte>?> ReplyToChallengeAsync(
        ReadOnlyMemory<byte> clientResponse, AssociationState association, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);

    /// <summary>Writing the Association LN secret (attribute 7): false when this mechanism keeps no writable secret.</summary>
    public virtual bool TryChangeSecret(ReadOnlySpan<byte> secret) => false;

    /// <inheritdoc/>
    public override string ToString() => Mechanism.ToString();
}
