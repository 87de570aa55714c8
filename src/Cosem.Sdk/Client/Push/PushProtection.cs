namespace Cosem.Sdk.Client;

/// <summary>How a received notification was protected (IEC 62056-5-3 §9.2.7.2).</summary>
public enum PushProtection
{
    /// <summary>Sent in the clear.</summary>
    None,

    /// <summary>Service-specific glo- ciphering (e.g. glo-event-notification-request) with the global key.</summary>
    ServiceSpecificGlobal,

    /// <summary>Service-specific ded- ciphering with a dedicated key; only seen inside an association.</summary>
    ServiceSpecificDedicated,

    /// <summary>general-glo-ciphering (tag 219): global key, the sender's system title in the APDU.</summary>
    GeneralGlobal,

    /// <summary>general-ded-ciphering (tag 220): dedicated key, the sender's system title in the APDU.</summary>
    GeneralDedicated,

    /// <summary>general-ciphering (tag 221): key information and both system titles in the APDU.</summary>
    GeneralCiphering,
}
