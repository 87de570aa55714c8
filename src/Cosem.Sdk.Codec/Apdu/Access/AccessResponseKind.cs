namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Access-Response-Specification (IEC 62056-5-3 §9.5).</summary>
public enum AccessResponseKind : byte
{
    /// <summary>access-response-get [1]: the result of a GET; the value read is in the list-of-data.</summary>
    Get = 1,
    /// <summary>access-response-set [2]: the result of a SET.</summary>
    Set = 2,
    /// <summary>
    /// access-response-action [3]: the result of an ACTION; return parameters, if any, are in the list-of-data.
    /// </summary>
    Action = 3,
}
