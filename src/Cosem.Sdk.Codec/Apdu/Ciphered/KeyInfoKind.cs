namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Key-Info (IEC 62056-5-3 §9.5).</summary>
public enum KeyInfoKind : byte
{
    IdentifiedKey = 0,
    WrappedKey = 1,
    AgreedKey = 2,
}
