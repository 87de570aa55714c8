using System.Security.Cryptography;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using SessionPolicy = Cosem.Sdk.Security.SecurityPolicy;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A working Security setup object (Blue Book class 64 version 1, §4.4.7) over the live
/// <see cref="AssociationSecurity"/> of the associations it governs: the policy, suite and system titles it serves
/// are the ones the sessions use, and its methods change them. Key transfer unwraps with the master key (RFC 3394)
/// and key agreement runs the Ephemeral Unified Model C(2e, 0s) with signed ephemeral keys; the new keys and
/// policies take effect only once the ACTION response has been sent (under the old keys). Key pairs, PKCS #10
/// requests and X.509 certificates are handled with BouncyCastle.
/// </summary>
/// <remarks>
/// A method that cannot be carried out answers <see cref="ActionResult.OtherReason"/> and changes nothing; a
/// parameter of the wrong shape answers <see cref="ActionResult.TypeUnmatched"/>. Keys never appear in messages.
/// </remarks>
public partial class SecuritySetupServer : SecuritySetup, IDisposable
{
    /// <summary>Logical name of the Security setup of the management association (Blue Book §4.4.7: 0.0.43.0.e.255).</summary>
    public static readonly ObisCode DefaultLogicalName = new(0, 0, 43, 0, 0, 255);

    private readonly Lock _lock = new();
    private readonly List<StoredCertificate> _certificates = [];
    private SecretBytes? _masterKey;
    private int _policyValue;

    /// <summary>Creates the object over the security state of the associations it governs.</summary>
    /// <param name="logicalName">The object's logical name, usually <see cref="DefaultLogicalName"/>.</param>
    /// <param name="security">The security state this object governs (shared with the ClientAssociations).</param>
    /// <param name="masterKey">The master key (KEK) for key_transfer; empty when none is set.</param>
    public SecuritySetupServer(ObisCode logicalName, AssociationSecurity security, ReadOnlySpan<byte> masterKey = default)
        : base(logicalName)
    {
        ArgumentNullException.ThrowIfNull(security);
        Security = security;
        _policyValue = (int)security.Policy.ToFlags();
        if (!masterKey.IsEmpty)
        {
            SetMasterKey(masterKey);
        }
    }

    /// <summary>The security state served and changed by this object.</summary>
    public AssociationSecurity Security { get; }

    /// <summary>The server's static key agreement key pair (generate_key_pair key_agreement).</summary>
    public EccKeyPair? KeyAgreementKey { get; set; }

    /// <summary>The server's TLS key pair (generate_key_pair tls).</summary>
    public EccKeyPair? TlsKey { get; set; }

    /// <summary>The client's public signing key for key_agreement, when no client certificate is imported.</summary>
    public EccPublicKey? ClientSigningKey { get; set; }

    /// <summary>The security_policy bits in force (version 1).</summary>
    public SecurityPolicyFlags Policy => (SecurityPolicyFlags)Volatile.Read(ref _policyValue);

    /// <summary>Whether a master key (KEK) is set; key_transfer (method 2) answers other-reason without one.</summary>
    public bool HasMasterKey => Volatile.Read(ref _masterKey) is not null;

    /// <summary>The certificates held, as attribute 6 lists them.</summary>
    public IReadOnlyList<StoredCertificate> StoredCertificates
    {
        get
        {
            lock (_lock)
            {
                return [.. _certificates];
            }
        }
    }

    /// <summary>Sets the master key (KEK): 16 bytes for suites 0 and 1, 32 for suite 2.</summary>
    public void SetMasterKey(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length is not (16 or 32))
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, $"A master key has 16 or 32 bytes, got {masterKey.Length}.");
        }
        Interlocked.Exchange(ref _masterKey, new SecretBytes(masterKey))?.Dispose();
    }

    /// <summary>Zeroes the master key. The <see cref="Security"/> state is not owned and stays usable.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _masterKey, null)?.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- attributes -------------------------------------------------------------------------------------------

    /// <summary>security_policy (attribute 2): the bits in force, <see cref="Policy"/>.</summary>
    protected override ValueTask<SecurityPolicyFlags> GetSecurityPolicyAsync(RequestContext context, CancellationToken cancellationToken) => new(Policy);

    /// <summary>security_suite (attribute 3): the suite of the governed associations.</summary>
    protected override ValueTask<SecuritySuite> GetSecuritySuiteAsync(RequestContext context, CancellationToken cancellationToken) => new(Security.Suite);

    /// <summary>client_system_title (attribute 4): the requesting client's title when the session knows it, else the
    /// stored value.</summary>
    protected override ValueTask<ReadOnlyMemory<byte>> GetClientSystemTitleAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(context is ServerRequestContext { ClientSystemTitle: { } title } ? title.ToArray() : ClientSystemTitle);

    /// <summary>server_system_title (attribute 5): the title the governed associations use.</summary>
    protected override ValueTask<ReadOnlyMemory<byte>> GetServerSystemTitleAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(Security.SystemTitle.ToArray());

    /// <summary>certificates (attribute 6): one certificate_info entry per stored certificate.</summary>
    protected override ValueTask<IReadOnlyList<CertificateInfo>> GetCertificatesAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(StoredCertificates.Select(c => c.ToInfo()).ToArray());

    // The policy only changes through security_activate, the suite with the keys, the server title never.
    /// <summary>Refuses SET of security_policy with read-write-denied: it changes only through security_activate
    /// (method 1).</summary>
    protected override ValueTask SetSecurityPolicyAsync(SecurityPolicyFlags value, RequestContext context, CancellationToken cancellationToken) => Denied();

    /// <summary>Refuses SET of security_suite with read-write-denied: it changes only with the keys.</summary>
    protected override ValueTask SetSecuritySuiteAsync(SecuritySuite value, RequestContext context, CancellationToken cancellationToken) => Denied();

    /// <summary>Refuses SET of server_system_title with read-write-denied: the server's title never changes.</summary>
    protected override ValueTask SetServerSystemTitleAsync(ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken) => Denied();

    /// <summary>Refuses SET of certificates with read-write-denied: they change through import_certificate and
    /// remove_certificate.</summary>
    protected override ValueTask SetCertificatesAsync(IReadOnlyList<CertificateInfo> value, RequestContext context, CancellationToken cancellationToken) => Denied();

    // ---- methods ----------------------------------------------------------------------------------------------

    /// <summary>
    /// security_activate (method 1): the policy may only be strengthened — every bit already set stays set
    /// (Blue Book §4.4.7, security_policy version 1). Takes effect after the response.
    /// </summary>
    protected override ValueTask SecurityActivateAsync(SecurityPolicyFlags parameter, RequestContext context, CancellationToken cancellationToken)
    {
        const SecurityPolicyFlags defined = SecurityPolicyFlags.AuthenticatedRequest | SecurityPolicyFlags.EncryptedRequest |
            SecurityPolicyFlags.DigitallySignedRequest | SecurityPolicyFlags.AuthenticatedResponse | SecurityPolicyFlags.EncryptedResponse |
            SecurityPolicyFlags.DigitallySignedResponse;
        var current = Policy;
        if ((parameter & ~defined) != 0)
        {
            return Fail($"security_policy 0x{(byte)parameter:X2} sets undefined bits 0 or 1.");
        }
        if ((parameter & current) != current)
        {
            return Fail($"security_policy may only be strengthened: {current} is in force, {parameter} would clear bits.");
        }
        if ((parameter & (SecurityPolicyFlags.DigitallySignedRequest | SecurityPolicyFlags.DigitallySignedResponse)) != 0)
        {
            return Fail("Digitally signed requests and responses (general-signing) are not enforced by this server's sessions.");
        }
        var policy = ToSessionPolicy(parameter);
        if (policy != SessionPolicy.None && Security.Keys is null)
        {
            return Fail("A policy with authentication or encryption needs keys; transfer them first.");
        }
        return AfterResponse(context, () =>
        {
            Security.SetPolicy(policy);
            Volatile.Write(ref _policyValue, (int)parameter);
        });
    }

    /// <summary>
    /// key_transfer (method 2, global_key_transfer): every key is unwrapped with the master key (RFC 3394) before
    /// anything changes; one that does not unwrap fails the whole call. The keys apply after the response.
    /// </summary>
    protected override ValueTask KeyTransferAsync(IReadOnlyList<KeyTransferItem> parameter, RequestContext context, CancellationToken cancellationToken)
    {
        var kek = Volatile.Read(ref _masterKey);
        if (kek is null)
        {
            return Fail("No master key (KEK) is set, so no key can be unwrapped.");
        }
        if (parameter.Count == 0)
        {
            return Fail("key_transfer carries no key.");
        }
        var suite = Security.Keys?.Suite ?? Security.Suite;
        var keys = new Dictionary<SecurityKeyId, byte[]>();
        try
        {
            foreach (var item in parameter)
            {
                if (item.KeyId > SecurityKeyId.MasterKey || keys.ContainsKey(item.KeyId))
                {
                    return Fail($"key_id {(byte)item.KeyId} is undefined or given twice.");
                }
                var key = AesKeyWrap.Unwrap(kek.Span, item.KeyWrapped.Span);
                keys.Add(item.KeyId, key);
                if (key.Length != suite.KeyLength())
                {
                    return Fail($"The unwrapped {item.KeyId} has {key.Length} bytes; security suite {(int)suite} needs {suite.KeyLength()}.");
                }
            }
            var next = NextKeys(suite, keys);
            var newMaster = keys.TryGetValue(SecurityKeyId.MasterKey, out var master) ? master.ToArray() : null;
            Wipe(keys);
            return AfterResponse(context, () =>
            {
                if (next is not null)
                {
                    Security.SetKeys(next);
                }
                if (newMaster is not null)
                {
                    SetMasterKey(newMaster);
                    CryptographicOperations.ZeroMemory(newMaster);
                }
            });
        }
        catch (CosemSecurityException ex)
        {
            Wipe(keys);
            return Fail($"A key could not be unwrapped: {ex.Message}");
        }
    }

    /// <summary>
    /// key_agreement (method 3): Ephemeral Unified Model C(2e, 0s) per key (Green Book §9.2.3.4.6.2). Each item
    /// carries the client's ephemeral public key signed (key_id ‖ Q) with its signing key; the answer carries the
    /// server's, signed with <see cref="AssociationSecurity.SigningKey"/>. Both derive the key with the SP 800-56A
    /// KDF, PartyUInfo the client and PartyVInfo the server system title. The keys apply after the response.
    /// </summary>
    protected override ValueTask<CosemData> KeyAgreementAsync(IReadOnlyList<KeyAgreementItem> parameter, RequestContext context, CancellationToken cancellationToken)
    {
        var suite = Security.Suite;
        if (suite == SecuritySuite.Suite0)
        {
            return Fail<CosemData>("Key agreement needs security suite 1 or 2.");
        }
        if (Security.SigningKey is not { } signingKey || signingKey.Curve != suite.Curve())
        {
            return Fail<CosemData>($"The server has no {suite.Curve()} signing key to sign its ephemeral keys.");
        }
        var clientTitle = context is ServerRequestContext { ClientSystemTitle: { } title } ? title
            : ClientSystemTitle.Length == SystemTitle.Length ? new SystemTitle(ClientSystemTitle.Span) : (SystemTitle?)null;
        if (clientTitle is not { } client)
        {
            return Fail<CosemData>("The client system title is unknown, so no key can be derived.");
        }
        if (FindClientSigningKey(client) is not { } clientKey || clientKey.Curve != suite.Curve())
        {
            return Fail<CosemData>($"No {suite.Curve()} signing key of client {client} is known (import its certificate).");
        }
        if (parameter.Count == 0)
        {
            return Fail<CosemData>("key_agreement carries no key.");
        }
        var curve = suite.Curve();
        var keys = new Dictionary<SecurityKeyId, byte[]>();
        var answers = new List<CosemData>();
        try
        {
            foreach (var item in parameter)
            {
                var data = item.KeyCipheredData.Span;
                if (item.KeyId > SecurityKeyId.MasterKey || keys.ContainsKey(item.KeyId) ||
                    data.Length != curve.PublicKeyLength() + curve.SignatureLength())
                {
                    return Fail<CosemData>($"key_agreement item for key_id {(byte)item.KeyId} is malformed or repeated.");
                }
                var signed = KeyAgreementMessages.Signed(item.KeyId, data[..curve.PublicKeyLength()]);
                EcdsaSignature.EnsureValid(clientKey, signed, data[curve.PublicKeyLength()..]);
                var clientEphemeral = EccPublicKey.FromRaw(curve, data[..curve.PublicKeyLength()]);
                var ephemeral = EccKeyPair.Generate(curve);
                var algorithm = KeyAgreementMessages.Algorithm(item.KeyId, suite);
                keys.Add(item.KeyId, EcdhKeyAgreement.DeriveStaticStatic(suite, ephemeral, clientEphemeral, algorithm,
                    client.ToArray(), Security.SystemTitle.ToArray()));
                var ownPublic = ephemeral.PublicKey.ToRaw();
                var signature = EcdsaSignature.Sign(signingKey, KeyAgreementMessages.Signed(item.KeyId, ownPublic));
                answers.Add(CosemData.Structure(CosemData.Enum((byte)item.KeyId), CosemData.OctetString([.. ownPublic, .. signature])));
            }
            var next = NextKeys(suite, keys);
            var newMaster = keys.TryGetValue(SecurityKeyId.MasterKey, out var master) ? master.ToArray() : null;
            Wipe(keys);
            var applied = AfterResponse(context, () =>
            {
                if (next is not null)
                {
                    Security.SetKeys(next);
                }
                if (newMaster is not null)
                {
                    SetMasterKey(newMaster);
                    CryptographicOperations.ZeroMemory(newMaster);
                }
            });
            return applied.IsCompletedSuccessfully ? new(CosemData.Array([.. answers])) : Awaited(applied, answers);
        }
        catch (CosemSecurityException ex)
        {
            Wipe(keys);
            return Fail<CosemData>($"Key agreement failed: {ex.Message}");
        }

        static async ValueTask<CosemData> Awaited(ValueTask applied, List<CosemData> answers)
        {
            await applied.ConfigureAwait(false);
            return CosemData.Array([.. answers]);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Defers <paramref name="apply"/> until the response is sent when served by a <see cref="CosemServer"/>; for a
    /// local or in-process caller (no response to wait for) it applies at once.
    /// </summary>
    protected virtual ValueTask AfterResponse(RequestContext context, Action apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        if (context is ServerRequestContext server)
        {
            server.AfterResponse(() =>
            {
                apply();
                return default;
            });
        }
        else
        {
            apply();
        }
        return default;
    }

    private CipheringKeys? NextKeys(SecuritySuite suite, Dictionary<SecurityKeyId, byte[]> keys)
    {
        keys.TryGetValue(SecurityKeyId.GlobalUnicastEncryptionKey, out var unicast);
        keys.TryGetValue(SecurityKeyId.GlobalBroadcastEncryptionKey, out var broadcast);
        keys.TryGetValue(SecurityKeyId.AuthenticationKey, out var authentication);
        if (unicast is null && broadcast is null && authentication is null)
        {
            return null;
        }
        if (Security.Keys is { } current)
        {
            return current.WithGlobalKeys(unicast, broadcast, authentication);
        }
        if (unicast is null || authentication is null)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                "No keys are set yet: the first transfer must carry the global unicast and authentication keys.");
        }
        return new CipheringKeys(suite, unicast, authentication, broadcast);
    }

    private EccPublicKey? FindClientSigningKey(SystemTitle client)
    {
        lock (_lock)
        {
            var certificate = _certificates.Find(c => c.Entity == CertificateEntity.Client && c.Type is CertificateType.DigitalSignature or CertificateType.Tls &&
                (c.CommonName is null || Is(c.CommonName, client)));
            return certificate?.Certificate.PublicKey ?? ClientSigningKey;
        }
    }

    private static SessionPolicy ToSessionPolicy(SecurityPolicyFlags flags)
    {
        var authenticated = (flags & (SecurityPolicyFlags.AuthenticatedRequest | SecurityPolicyFlags.AuthenticatedResponse)) != 0;
        var encrypted = (flags & (SecurityPolicyFlags.EncryptedRequest | SecurityPolicyFlags.EncryptedResponse)) != 0;
        return (authenticated, encrypted) switch
        {
            (true, true) => SessionPolicy.AuthenticatedEncrypted,
            (true, false) => SessionPolicy.Authenticated,
            (false, true) => SessionPolicy.Encrypted,
            _ => SessionPolicy.None,
        };
    }

    private static void Wipe(Dictionary<SecurityKeyId, byte[]> keys)
    {
        foreach (var key in keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }
        keys.Clear();
    }

    private static ValueTask Denied() =>
        ValueTask.FromException(new CosemServiceException(DataAccessResult.ReadWriteDenied, "This attribute changes only through the Security setup methods."));

    private static ValueTask Fail(string message) =>
        ValueTask.FromException(new CosemServiceException(ActionResult.OtherReason, message));

    private static ValueTask<T> Fail<T>(string message) =>
        ValueTask.FromException<T>(new CosemServiceException(ActionResult.OtherReason, message));
}
