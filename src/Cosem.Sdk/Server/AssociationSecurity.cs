using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

/// <summary>
/// The live security state of one or more <see cref="IAssociationObject">association object</see>s — what a Security setup object
/// (Blue Book class 64) governs: the server system title, the security suite and policy, the global keys, the
/// server's own invocation counter and the replay window of every client system title (IEC 62056-5-3 §9.2.3).
/// Mutable at run time: <see cref="SetKeys"/> and <see cref="SetPolicy"/> swap an immutable snapshot atomically, so
/// a request in flight finishes under the settings it started with. Apply changes requested by a client from
/// <see cref="ServerRequestContext.AfterResponse"/>, so the response that confirms them still goes out under the
/// old key (Blue Book §4.4.7, global_key_transfer).
/// </summary>
/// <remarks>Keys never appear in <see cref="ToString"/>, logs or exception messages.</remarks>
public sealed class AssociationSecurity
{
    private readonly IInvocationCounterStore _serverCounters;
    private readonly string _serverCounterId;
    private Snapshot _state;
    private long _lastClientCounter = -1;
    private InvocationCounterValidator _clientCounters = new();

    /// <param name="systemTitle">The server system title (responding-AP-title; the IV of every APDU the server protects).</param>
    /// <param name="keys">The global unicast (and optional broadcast) and authentication keys; null while none is set.</param>
    /// <param name="policy">The protection every xDLMS APDU of the association must carry.</param>
    /// <param name="serverCounters">Where the server's own invocation counter lives; in memory when null.</param>
    public AssociationSecurity(SystemTitle systemTitle, CipheringKeys? keys = null, SecurityPolicy policy = SecurityPolicy.None,
        IInvocationCounterStore? serverCounters = null)
    {
        if (policy != SecurityPolicy.None && keys is null)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, $"Security policy {policy} needs the global unicast and authentication keys.");
        }
        SystemTitle = systemTitle;
        _serverCounters = serverCounters ?? new InMemoryInvocationCounterStore();
        _serverCounterId = $"server {systemTitle}";
        _state = Snapshot.Create(keys?.Suite ?? SecuritySuite.Suite0, policy, keys);
    }

    /// <summary>The server system title: responding-AP-title of the AARE and the IV of every APDU the server protects.</summary>
    public SystemTitle SystemTitle { get; }

    /// <summary>
    /// The only client system title admitted (Security setup client_system_title), or null to admit any client
    /// that holds the keys.
    /// </summary>
    public SystemTitle? ClientSystemTitle { get; set; }

    /// <summary>The security suite of the current keys (suite 0 while no key is set).</summary>
    public SecuritySuite Suite => Volatile.Read(ref _state).Suite;

    /// <summary>The protection every xDLMS APDU must carry (security_policy).</summary>
    public SecurityPolicy Policy => Volatile.Read(ref _state).Policy;

    /// <summary>The current keys, or null while none is set.</summary>
    public CipheringKeys? Keys => Volatile.Read(ref _state).Keys;

    /// <summary>The server's ECDSA signing key for HLS mechanism 7 and general-signing (suites 1 and 2).</summary>
    public EccKeyPair? SigningKey { get; set; }

    /// <summary>
    /// The client's public signing key (from its certificate): general-signing requests are verified with it, and
    /// agreed-key C(1e, 1s) general-ciphering checks the client's ephemeral key with it. Signed requests are refused
    /// while it is null.
    /// </summary>
    public EccPublicKey? ClientSigningKey { get; set; }

    /// <summary>Refuse every request not wrapped in general-signing verified with <see cref="ClientSigningKey"/>.</summary>
    public bool RequireGeneralSigning { get; set; }

    /// <summary>The server's static key agreement key pair, for agreed-key general-ciphering (suites 1 and 2).</summary>
    public EccKeyPair? KeyAgreementKey { get; set; }

    /// <summary>
    /// The client's static public key agreement key (from its certificate): static–static agreed-key C(0e, 2s)
    /// general-ciphering requests are opened with it and refused while it is null.
    /// </summary>
    public EccPublicKey? ClientKeyAgreementKey { get; set; }

    /// <summary>
    /// Replay protection: the last invocation counter accepted from each client system title. A counter is accepted
    /// only after the APDU (or HLS 5 answer) carrying it verified.
    /// </summary>
    public InvocationCounterValidator ClientCounters => Volatile.Read(ref _clientCounters);

    /// <summary>
    /// The highest client invocation counter accepted under the current keys, or null when none: the value of the
    /// invocation counter object (0.0.43.1.e.255), which clients read to continue above it.
    /// </summary>
    public uint? LastClientInvocationCounter
    {
        get
        {
            var last = Interlocked.Read(ref _lastClientCounter);
            return last < 0 ? null : (uint)last;
        }
    }

    /// <summary>Raised after <see cref="SetKeys"/> or <see cref="SetPolicy"/> changed the state.</summary>
    public event EventHandler? Changed;

    /// <summary>
    /// Replaces the keys (and with them the suite). The replay windows start again, since counters are bound to
    /// the key they protect under (IEC 62056-5-3 §9.2.3.3.8). The caller keeps ownership of the old keys.
    /// </summary>
    public void SetKeys(CipheringKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Swap(s => Snapshot.Create(keys.Suite, s.Policy, keys));
        Volatile.Write(ref _clientCounters, new InvocationCounterValidator());
        Interlocked.Exchange(ref _lastClientCounter, -1);
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Changes the security policy. A policy demanding protection needs keys.</summary>
    public void SetPolicy(SecurityPolicy policy)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a security policy.");
        }
        Swap(s => policy != SecurityPolicy.None && s.Keys is null
            ? throw new CosemSecurityException(SecurityFailure.InvalidKey, $"Security policy {policy} needs keys; set them first.")
            : s with { Policy = policy });
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>The next invocation counter the server protects an APDU with; strictly increasing.</summary>
    public ValueTask<uint> NextServerInvocationCounterAsync(CancellationToken cancellationToken = default) =>
        _serverCounters.NextAsync(_serverCounterId, cancellationToken);

    /// <summary>Records a client counter after its APDU verified: replayed or stale counters throw.</summary>
    internal void AcceptClientCounter(SystemTitle client, uint counter)
    {
        ClientCounters.Accept(client, counter);
        long current;
        do
        {
            current = Interlocked.Read(ref _lastClientCounter);
            if (current >= counter)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _lastClientCounter, counter, current) != current);
    }

    internal Snapshot Current => Volatile.Read(ref _state);

    /// <inheritdoc/>
    public override string ToString() =>
        $"AssociationSecurity(server {SystemTitle}, suite {(int)Suite}, policy {Policy}, keys {(Keys is null ? "absent" : "set")})";

    private void Swap(Func<Snapshot, Snapshot> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if (Interlocked.CompareExchange(ref _state, change(current), current) == current)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One consistent view: policy, keys and the ciphers built from them. Replaced ciphers are not disposed, since a
    /// session may still be using them; their native key schedule is released when they are collected.
    /// </summary>
    internal sealed record Snapshot(SecuritySuite Suite, SecurityPolicy Policy, CipheringKeys? Keys, ApduCipher? Unicast, ApduCipher? Broadcast)
    {
        public static Snapshot Create(SecuritySuite suite, SecurityPolicy policy, CipheringKeys? keys) => new(
            suite, policy, keys,
            keys?.CreateCipher(CipheringKeyKind.GlobalUnicast),
            keys is { HasGlobalBroadcastKey: true } ? keys.CreateCipher(CipheringKeyKind.GlobalBroadcast) : null);
    }
}
