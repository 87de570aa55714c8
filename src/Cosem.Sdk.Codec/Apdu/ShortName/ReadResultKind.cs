namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of one ReadResponse item (IEC 62056-5-3 §9.5).</summary>
public enum ReadResultKind : byte
{
    /// <summary>data [0]: the value read.</summary>
    Data = 0,
    /// <summary>data-access-error [1]: a data-access-result explaining the failure.</summary>
    DataAccessError = 1,
    /// <summary>data-block-result [2]: one block of a long result.</summary>
    DataBlockResult = 2,
    /// <summary>block-number [3]: the number of the read parameter block the server received.</summary>
    BlockNumber = 3,
}
