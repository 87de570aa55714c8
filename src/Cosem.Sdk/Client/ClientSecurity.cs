using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// A client's security for one meter: the <see cref="SecurityContext"/> (suite, policy, system titles, keys, HLS
/// secret, ECC keys) and the invocation counter the client sends, kept strictly increasing in an
/// <see cref="IInvocationCounterStore"/> (IEC 62056-5-3 §9.2.3.3.8). Share one instance between
/// <see cref="ApduProtection.Ciphered"/> and <see cref="Authentication.High(HlsMechanism, ClientSecurity)"/>:
/// HLS mechanism 5 answers with a counter of the same sequence as the ciphered APDUs.
/// </summary>
/// <remarks>Keys and secrets never appear in <see cref="ToString"/>, logs or exception messages.</remarks>
public sealed class ClientSecurity
{
    /// <summary>The usual invocation counter object (IDIS, Blue Book Data 0.0.43.1.0.255), readable by the public client.</summary>
    public static readonly ObisCode DefaultInvocationCounterObject = new(0, 0, 43, 1, 0, 255);

    private readonly Lock _gate = new();
    private ApduCipher? _global;
    private CipheringKeys? _globalKeys;

    /// <param name="context">Keys, titles, suite and policy; <see cref="SecurityContext.PeerSystemTitle"/>, when set, is
    /// the meter title the AARE must carry.</param>
    /// <param name="counters">Where the sent invocation counter is kept; in memory when null.</param>
    /// <param name="counterId">The counter's name in the store; by default the client system title.</param>
    public ClientSecurity(SecurityContext context, IInvocationCounterStore? counters = null, string? counterId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        Counters = counters ?? new InMemoryInvocationCounterStore();
        CounterId = counterId ?? $"client {context.SystemTitle}";
        ExpectedServerSystemTitle = context.PeerSystemTitle;
    }

    /// <summary>The settings this instance was made from; <see cref="SecurityContext.Keys"/> change as keys are
    /// transferred or agreed.</summary>
    public SecurityContext Context { get; }

    /// <summary>The security suite of <see cref="Context"/>: 0 (AES-GCM-128), 1 (AES-GCM-128, P-256) or 2 (AES-GCM-256,
    /// P-384).</summary>
    public SecuritySuite Suite => Context.Suite;

    /// <summary>The protection the client applies to its requests and requires on the meter's responses, from
    /// <see cref="Context"/>.</summary>
    public SecurityPolicy Policy => Context.Policy;

    /// <summary>The client system title: calling-AP-title and the IV of every APDU the client protects.</summary>
    public SystemTitle SystemTitle => Context.SystemTitle;

    /// <summary>The meter's system title, learned from the AARE responding-AP-title (or configured).</summary>
    public SystemTitle? ServerSystemTitle => Context.PeerSystemTitle;

    /// <summary>Where the sent invocation counter is kept.</summary>
    public IInvocationCounterStore Counters { get; }

    /// <summary>The counter's name in <see cref="Counters"/>.</summary>
    public string CounterId { get; }

    /// <summary>
    /// Generate a dedicated key for each association (sent in the ciphered InitiateRequest) and cipher with it (ded-
    /// APDUs). A dedicated key in <see cref="SecurityContext.Keys"/> is used the same way without this flag.
    /// </summary>
    public bool UseDedicatedKey { get; init; }

    /// <summary>Send general-glo-ciphering (general-ded-ciphering with a dedicated key) instead of the service-specific glo-/ded- APDUs.</summary>
    public bool UseGeneralCiphering { get; init; }

    /// <summary>
    /// Send every request after the AARQ as general-ciphering (tag 221, IEC 62056-5-3 §9.2.7.2.4.8) with this key
    /// establishment instead of glo-/ded- APDUs; null keeps the service-specific envelopes. The meter answers with
    /// general-ciphering under the global unicast key. <see cref="GeneralCipheringKeyMode.EphemeralStaticAgreement"/>
    /// needs <see cref="SecurityContext.KeyPair"/> (signs the ephemeral key) and <see cref="ServerKeyAgreementKey"/>;
    /// <see cref="GeneralCipheringKeyMode.StaticStaticAgreement"/> needs <see cref="KeyAgreementKey"/> and <see cref="ServerKeyAgreementKey"/>.
    /// </summary>
    public GeneralCipheringKeyMode? GeneralCipheringMode { get; init; }

    /// <summary>
    /// Wrap every protected request in general-signing (tag 223, IEC 62056-5-3 §9.2.7.2.5) signed with
    /// <see cref="SecurityContext.KeyPair"/>, and require the meter's answers signed by
    /// <see cref="SecurityContext.PeerPublicKey"/> (suites 1 and 2).
    /// </summary>
    public bool UseGeneralSigning { get; init; }

    /// <summary>The meter's static public key agreement key, for agreed-key general-ciphering.</summary>
    public EccPublicKey? ServerKeyAgreementKey { get; init; }

    /// <summary>This client's static key agreement key pair, for static–static agreed-key general-ciphering C(0e, 2s).</summary>
    public EccKeyPair? KeyAgreementKey { get; init; }

    private SystemTitle? ExpectedServerSystemTitle { get; }

    /// <summary>The next invocation counter to send under the global key, durable in <see cref="Counters"/> before it is returned.</summary>
    public ValueTask<uint> NextInvocationCounterAsync(CancellationToken cancellationToken = default) =>
        Counters.NextAsync(CounterId, cancellationToken);

    /// <summary>
    /// Reads the meter's invocation counter object (attribute 2, usually through the public client, as head-ends do
    /// before a ciphered association) and makes the next counter sent greater than it. Returns the value read.
    /// </summary>
    public async ValueTask<uint> SynchronizeInvocationCounterAsync(CosemClient publicClient, ObisCode? counterObject = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicClient);
        var attribute = new CosemAttributeDescriptor(1, counterObject ?? DefaultInvocationCounterObject, 2);
        var value = await publicClient.GetAsync(attribute, static (ref AxdrReader reader) => reader.ReadUInt32(), cancellationToken).ConfigureAwait(false);
        await Counters.AdvancePastAsync(CounterId, value, cancellationToken).ConfigureAwait(false);
        return value;
    }

    /// <summary>The cipher of the global unicast key (built once per key set).</summary>
    internal ApduCipher GlobalCipher
    {
        get
        {
            var keys = Context.Keys ?? throw new CosemSecurityException(SecurityFailure.InvalidKey,
                "Ciphering and HLS mechanism 5 need the block cipher and authentication keys.");
            lock (_gate)
            {
                if (_global is null || !ReferenceEquals(_globalKeys, keys))
                {
                    _global = keys.CreateCipher(CipheringKeyKind.GlobalUnicast);
                    _globalKeys = keys;
                }
                return _global;
            }
        }
    }

    /// <summary>Learns the meter's title from the AARE; a configured expectation it does not meet refuses the association.</summary>
    internal void LearnServerSystemTitle(AareApdu response)
    {
        if (response.RespondingApTitle is not { } title)
        {
            if (ServerSystemTitle is null)
            {
                throw new CosemAssociationException(SecurityFailure.InvalidSystemTitle,
                    "The meter's AARE carries no responding-AP-title (server system title), which this security needs.");
            }
            return;
        }
        if (title.Length != SystemTitle.Length)
        {
            throw new CosemAssociationException(SecurityFailure.InvalidSystemTitle,
                $"The meter's responding-AP-title has {title.Length} bytes; a system title has {SystemTitle.Length}.");
        }
        var learned = new SystemTitle(title.Span);
        if (ExpectedServerSystemTitle is { } expected && expected != learned)
        {
            throw new CosemAssociationException(SecurityFailure.InvalidSystemTitle,
                $"The meter answered with system title {learned}, not the expected {expected}.");
        }
        Context.PeerSystemTitle = learned;
    }

    internal SystemTitle RequireServerSystemTitle() => ServerSystemTitle
        ?? throw new CosemAssociationException(SecurityFailure.InvalidSystemTitle, "The meter's system title is not known.");

    /// <inheritdoc/>
    public override string ToString() =>
        $"ClientSecurity(suite {(int)Suite}, policy {Policy}, client {SystemTitle}, server {(ServerSystemTitle?.ToString() ?? "not yet known")}" +
        $"{(UseDedicatedKey ? ", dedicated key" : "")}{(UseGeneralCiphering ? ", general ciphering" : "")}" +
        $"{(GeneralCipheringMode is { } mode ? $", general-ciphering {mode}" : "")}{(UseGeneralSigning ? ", general-signing" : "")})";
}
