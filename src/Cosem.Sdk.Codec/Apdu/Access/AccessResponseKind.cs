namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Access-Response-Specification (IEC 62056-5-3 §9.5).</summary>
public enum AccessResponseKind : byte
{
    Get = 1,
    Set = 2,
    Action = 3,
}
