namespace Cosem.Sdk.Apdu;

/// <summary>The key-encryption key of a wrapped-key Key-Info (IEC 62056-5-3 §9.5, Kek-Id).</summary>
public enum KekId : byte
{
    /// <summary>master-key (0): the key is wrapped with the master key (KEK) of the Security setup object.</summary>
    MasterKey = 0,
}
