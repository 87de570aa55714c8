namespace Cosem.Sdk.Transport.Iec62056;

/// <summary>Parity of a serial character frame.</summary>
public enum SerialParity
{
    None,
    Even,
    Odd,
}
