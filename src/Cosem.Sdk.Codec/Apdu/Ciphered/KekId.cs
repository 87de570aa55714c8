namespace Cosem.Sdk.Apdu;

/// <summary>The key-encryption key of a wrapped-key Key-Info (IEC 62056-5-3 §9.5, Kek-Id).</summary>
public enum KekId : byte
{
    MasterKey = 0,
}
