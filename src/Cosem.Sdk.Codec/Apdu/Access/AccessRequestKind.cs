namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Access-Request-Specification (IEC 62056-5-3 §9.5).</summary>
public enum AccessRequestKind : byte
{
    Get = 1,
    Set = 2,
    Action = 3,
    GetWithSelection = 4,
    SetWithSelection = 5,
}
