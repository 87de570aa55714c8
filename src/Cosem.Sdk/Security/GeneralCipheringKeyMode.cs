namespace Cosem.Sdk.Security;

/// <summary>
/// How the key of a general-ciphering APDU is established (IEC 62056-5-3 §9.2.7.2.4.8, Key-Info choices).
/// </summary>
public enum GeneralCipheringKeyMode
{
    /// <summary>identified-key: the global unicast encryption key both parties hold.</summary>
    GlobalUnicastKey,

    /// <summary>identified-key: the global broadcast encryption key.</summary>
    GlobalBroadcastKey,

    /// <summary>wrapped-key: a fresh random key, RFC 3394-wrapped with the master key (KEK) in the APDU.</summary>
    WrappedKey,

    /// <summary>agreed-key 0x01: One-Pass Diffie–Hellman C(1e, 1s); the originator's ephemeral key travels signed.</summary>
    EphemeralStaticAgreement,

    /// <summary>agreed-key 0x02: Static Unified Model C(0e, 2s); the transaction-id is the originator's nonce.</summary>
    StaticStaticAgreement,
}
