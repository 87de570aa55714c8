namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Access-Request-Specification (IEC 62056-5-3 §9.5).</summary>
public enum AccessRequestKind : byte
{
    /// <summary>access-request-get [1]: read one attribute, no selective access.</summary>
    Get = 1,
    /// <summary>
    /// access-request-set [2]: write one attribute, no selective access; the value is in the list-of-data.
    /// </summary>
    Set = 2,
    /// <summary>access-request-action [3]: invoke one method; the parameter is in the list-of-data.</summary>
    Action = 3,
    /// <summary>access-request-get-with-selection [4]: read one attribute with a selective access descriptor.</summary>
    GetWithSelection = 4,
    /// <summary>
    /// access-request-set-with-selection [5]: write one attribute with a selective access descriptor.
    /// </summary>
    SetWithSelection = 5,
}
