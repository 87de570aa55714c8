namespace Cosem.Sdk.ObjectModel;

/// <summary>Access to an attribute, as the Association LN object_list writes it (Blue Book §4.4.3,
/// attribute_access_mode, versions 0–2).</summary>
public enum AttributeAccess : byte
{
    NoAccess = 0,
    Read = 1,
    Write = 2,
    ReadWrite = 3,
    AuthenticatedRead = 4,
    AuthenticatedWrite = 5,
    AuthenticatedReadWrite = 6,
}
