namespace Cosem.Sdk.Client;

/// <summary>Why a push listener refused a notification; each is counted separately
/// (<see cref="PushListenerStatistics"/>).</summary>
public enum PushRejectionReason
{
    /// <summary>The APDU, its ciphered content or its body is truncated, has trailing bytes or does not decode.</summary>
    Malformed,

    /// <summary>Not a notification service (e.g. a GET request), or a protection the listener cannot open.</summary>
    Unsupported,

    /// <summary>No keys are known for the sender's system title, or the APDU names no system title and none is known
    /// for the connection.</summary>
    UnknownMeter,

    /// <summary>The authentication tag did not verify: a wrong key, a wrong system title or tampered data.</summary>
    AuthenticationFailed,

    /// <summary>The invocation counter is not above the last one accepted from that meter: a replay or a stale
    /// notification.</summary>
    ReplayedCounter,

    /// <summary>Sent in the clear while the listener requires protection.</summary>
    Unprotected,

    /// <summary>A connection beyond the listener's connection limit was closed unread.</summary>
    ConnectionLimit,

    /// <summary>A general-signing signature did not verify with the sender's signing key (a different key, or any
    /// signed field changed), or it names another recipient.</summary>
    InvalidSignature,
}
