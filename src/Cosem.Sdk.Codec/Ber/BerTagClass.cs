namespace Cosem.Sdk.Ber;

/// <summary>The class bits (8 and 7) of a BER identifier octet (ISO/IEC 8825-1 §8.1.2.2).</summary>
public enum BerTagClass : byte
{
    /// <summary>UNIVERSAL (bits 00): types defined by X.680, such as INTEGER or SEQUENCE.</summary>
    Universal = 0,
    /// <summary>
    /// APPLICATION (bits 01): tags of the ACSE APDUs (AARQ [APPLICATION 0], AARE [APPLICATION 1], RLRQ, RLRE).
    /// </summary>
    Application = 1,
    /// <summary>context-specific (bits 10): the [n] tags of fields inside an APDU.</summary>
    ContextSpecific = 2,
    /// <summary>PRIVATE (bits 11): not used by DLMS.</summary>
    Private = 3,
}
