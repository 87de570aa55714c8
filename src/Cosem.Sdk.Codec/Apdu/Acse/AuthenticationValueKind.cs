namespace Cosem.Sdk.Apdu;

/// <summary>The Authentication-value CHOICE alternative (ISO/IEC 8650-1).</summary>
public enum AuthenticationValueKind
{
    /// <summary>charstring [0] IMPLICIT GraphicString: what DLMS uses for the LLS password and HLS challenges.</summary>
    CharString = 0,
    /// <summary>bitstring [1] IMPLICIT BIT STRING.</summary>
    BitString = 1,
    /// <summary>external [2] IMPLICIT EXTERNAL, kept as raw contents.</summary>
    External = 2,
    /// <summary>other [3] IMPLICIT SEQUENCE, kept as raw contents.</summary>
    Other = 3,
}
