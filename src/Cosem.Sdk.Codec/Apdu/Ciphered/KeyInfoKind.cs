namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Key-Info (IEC 62056-5-3 §9.5).</summary>
public enum KeyInfoKind : byte
{
    /// <summary>identified-key [0]: a global key the server already holds.</summary>
    IdentifiedKey = 0,
    /// <summary>wrapped-key [1]: a key carried in the APDU, wrapped with the master key.</summary>
    WrappedKey = 1,
    /// <summary>agreed-key [2]: a key agreed with the ephemeral-static or one-pass Diffie-Hellman scheme.</summary>
    AgreedKey = 2,
}
