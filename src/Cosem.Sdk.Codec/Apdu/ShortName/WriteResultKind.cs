namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of one WriteResponse item (IEC 62056-5-3 §9.5).</summary>
public enum WriteResultKind : byte
{
    /// <summary>success [0].</summary>
    Success = 0,
    /// <summary>data-access-error [1]: a data-access-result explaining the failure.</summary>
    DataAccessError = 1,
    /// <summary>block-number [2]: the number of the block acknowledged.</summary>
    BlockNumber = 2,
}
