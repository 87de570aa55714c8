namespace Cosem.Sdk.Ber;

/// <summary>The class bits (8 and 7) of a BER identifier octet (ISO/IEC 8825-1 §8.1.2.2).</summary>
public enum BerTagClass : byte
{
    Universal = 0,
    Application = 1,
    ContextSpecific = 2,
    Private = 3,
}
