namespace Cosem.Sdk.Security;

/// <summary>What a <see cref="CosemSecurityException"/> rejected, so callers can map it to a refusal reason.</summary>
public enum SecurityFailure
{
    /// <summary>The protected data is shorter than its security header and tag, or a field has the wrong size.</summary>
    MalformedInput,

    /// <summary>The security control byte names a suite that is not 0, 1 or 2, or not the suite in use.</summary>
    UnsupportedSuite,

    /// <summary>The security control byte asks for something not supported (compression).</summary>
    UnsupportedProtection,

    /// <summary>A key has the wrong length for the suite, or is missing.</summary>
    InvalidKey,

    /// <summary>The GCM/GMAC authentication tag does not match: wrong key, wrong system title or tampered data.</summary>
    AuthenticationFailed,

    /// <summary>The invocation counter was already used or is older than the last one accepted.</summary>
    ReplayedInvocationCounter,

    /// <summary>The invocation counter reached its maximum; a new key must be set before sending again.</summary>
    InvocationCounterExhausted,

    /// <summary>The peer's answer to the HLS challenge is wrong.</summary>
    HlsVerificationFailed,

    /// <summary>A challenge is shorter than 8 or longer than 64 bytes.</summary>
    InvalidChallenge,

    /// <summary>An ECDSA signature does not verify or is malformed.</summary>
    InvalidSignature,

    /// <summary>A public key is not a valid point of the suite's curve.</summary>
    InvalidPublicKey,

    /// <summary>RFC 3394 key unwrap failed its integrity check (wrong key-encryption key or tampered data).</summary>
    KeyUnwrapFailed,

    /// <summary>A certificate does not parse or does not carry a key of the expected curve.</summary>
    InvalidCertificate,

    /// <summary>A system title is not 8 bytes.</summary>
    InvalidSystemTitle,

    /// <summary>The invocation counter store could not read or persist its state.</summary>
    CounterStoreFailure,
}
