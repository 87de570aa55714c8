namespace Cosem.Sdk.Transport.Serial;

/// <summary>Parity of a serial character frame.</summary>
public enum SerialParity
{
    /// <summary>No parity bit, as in the 8N1 frames of HDLC after the mode E switch-over.</summary>
    None,

    /// <summary>A parity bit making the count of one bits even, as in the 7E1 frames of the IEC 62056-21 opening.</summary>
    Even,

    /// <summary>A parity bit making the count of one bits odd.</summary>
    Odd,
}
