namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of one ReadResponse item (IEC 62056-5-3 §9.5).</summary>
public enum ReadResultKind : byte
{
    Data = 0,
    DataAccessError = 1,
    DataBlockResult = 2,
    BlockNumber = 3,
}
