namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Variable-Access-Specification (IEC 62056-5-3 §9.5; detailed-access [3] is not used).</summary>
public enum VariableAccessKind : byte
{
    /// <summary>variable-name [2]: a plain short name (base name plus attribute offset).</summary>
    VariableName = 2,
    /// <summary>
    /// parameterized-access [4]: a short name with a selector and parameter, SN's selective access or method call.
    /// </summary>
    ParameterizedAccess = 4,
    /// <summary>block-number-access [5]: asks for the next block of a long read result.</summary>
    BlockNumberAccess = 5,
    /// <summary>read-data-block-access [6]: carries one block of a long read parameter.</summary>
    ReadDataBlockAccess = 6,
    /// <summary>write-data-block-access [7]: announces one block of a long write value.</summary>
    WriteDataBlockAccess = 7,
}
