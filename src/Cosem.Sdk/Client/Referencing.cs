namespace Cosem.Sdk.Client;

/// <summary>
/// How requests name attributes and methods (IEC 62056-5-3 §4.2): by class id, logical name and index (LN, GET/SET/
/// ACTION), or by a 16-bit short name (SN, Read/Write), the base name the meter's Association SN object list gives
/// each object plus the class-defined offset.
/// </summary>
public enum Referencing
{
    /// <summary>Logical name referencing, the default and the only context every meter must offer.</summary>
    LogicalName = 0,

    /// <summary>Short name referencing, as older IEC and many gas meters offer only.</summary>
    ShortName = 1,
}
