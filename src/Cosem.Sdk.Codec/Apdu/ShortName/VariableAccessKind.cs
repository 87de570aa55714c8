namespace Cosem.Sdk.Apdu;

/// <summary>The CHOICE tags of Variable-Access-Specification (IEC 62056-5-3 §9.5; detailed-access [3] is not used).</summary>
public enum VariableAccessKind : byte
{
    VariableName = 2,
    ParameterizedAccess = 4,
    BlockNumberAccess = 5,
    ReadDataBlockAccess = 6,
    WriteDataBlockAccess = 7,
}
