namespace Cosem.Sdk.Security;

/// <summary>Which block cipher key protects an APDU (IEC 62056-5-3 §9.2.3.4.4: global unicast/broadcast, dedicated).</summary>
public enum CipheringKeyKind
{
    /// <summary>Global unicast encryption key (GUEK): glo- APDUs and general-glo-ciphering with key set bit 0.</summary>
    GlobalUnicast,

    /// <summary>Global broadcast encryption key (GBEK): key set bit 1.</summary>
    GlobalBroadcast,

    /// <summary>Dedicated key negotiated in the InitiateRequest: ded- APDUs and general-ded-ciphering.</summary>
    Dedicated,
}
