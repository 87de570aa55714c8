namespace Cosem.Sdk.Objects;

/// <summary>How a <see cref="PushSetupServer"/> ciphers the data-notifications it sends (IEC 62056-5-3 §9.2.7.2).</summary>
public enum PushCiphering
{
    /// <summary>In the clear.</summary>
    None,

    /// <summary>general-glo-ciphering (tag 219) with the global unicast key, authenticated and encrypted; carries the
    /// meter's system title.</summary>
    GeneralGlobal,

    /// <summary>general-ciphering (tag 221) with the identified global unicast key, authenticated and encrypted;
    /// carries both system titles.</summary>
    GeneralCiphering,
}
