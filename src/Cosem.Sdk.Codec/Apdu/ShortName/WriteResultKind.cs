namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of one WriteResponse item (IEC 62056-5-3 §9.5).</summary>
public enum WriteResultKind : byte
{
    Success = 0,
    DataAccessError = 1,
    BlockNumber = 2,
}
