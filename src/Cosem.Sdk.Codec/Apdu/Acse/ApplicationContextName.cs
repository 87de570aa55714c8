namespace Cosem.Sdk.Apdu;

/// <summary>
/// The DLMS application context names, object identifiers {2 16 756 5 8 1 x} (IEC 62056-5-3 §9, Green Book
/// "Application context names"); the value is the last arc.
/// </summary>
public enum ApplicationContextName
{
    /// <summary>Logical_Name_Referencing_No_Ciphering.</summary>
    LogicalName = 1,
    /// <summary>Short_Name_Referencing_No_Ciphering.</summary>
    ShortName = 2,
    /// <summary>Logical_Name_Referencing_With_Ciphering.</summary>
    LogicalNameWithCiphering = 3,
    /// <summary>Short_Name_Referencing_With_Ciphering.</summary>
    ShortNameWithCiphering = 4,
}
