namespace Cosem.Sdk.Apdu;

/// <summary>Which pre-established key an identified-key Key-Info names (IEC 62056-5-3 §9.5, Key-Id).</summary>
public enum KeyId : byte
{
    GlobalUnicastEncryptionKey = 0,
    GlobalBroadcastEncryptionKey = 1,
}
