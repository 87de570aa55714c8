namespace Cosem.Sdk.Apdu;

/// <summary>Which pre-established key an identified-key Key-Info names (IEC 62056-5-3 §9.5, Key-Id).</summary>
public enum KeyId : byte
{
    /// <summary>global-unicast-encryption-key (0): the GUEK of the Security setup object.</summary>
    GlobalUnicastEncryptionKey = 0,
    /// <summary>global-broadcast-encryption-key (1): the GBEK of the Security setup object.</summary>
    GlobalBroadcastEncryptionKey = 1,
}
