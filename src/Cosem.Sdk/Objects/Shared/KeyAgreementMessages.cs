using Cosem.Sdk.Security;

namespace Cosem.Sdk.Objects;

/// <summary>
/// What both ends of Security setup key_agreement (Blue Book §4.4.7, C(2e, 0s)) compute the same way: the message
/// each side signs with its ephemeral key and the KDF algorithm of each key. Shared by the client proxy
/// (<c>SecuritySetup.Proxy.AgreeKeysAsync</c>) and <see cref="SecuritySetupServer"/>.
/// </summary>
public static class KeyAgreementMessages
{
    /// <summary>The message signed with an ephemeral key in key_agreement: key_id ‖ X ‖ Y.</summary>
    public static byte[] Signed(SecurityKeyId keyId, ReadOnlySpan<byte> ephemeralPublicKey) => [(byte)keyId, .. ephemeralPublicKey];

    /// <summary>The KDF algorithm of a key: AES-GCM for the block cipher and authentication keys, AES key wrap for the master key.</summary>
    public static KeyAgreementAlgorithm Algorithm(SecurityKeyId keyId, SecuritySuite suite) => (keyId, suite) switch
    {
        (SecurityKeyId.MasterKey, SecuritySuite.Suite2) => KeyAgreementAlgorithm.AesWrap256,
        (SecurityKeyId.MasterKey, _) => KeyAgreementAlgorithm.AesWrap128,
        (_, SecuritySuite.Suite2) => KeyAgreementAlgorithm.AesGcm256,
        _ => KeyAgreementAlgorithm.AesGcm128,
    };
}
