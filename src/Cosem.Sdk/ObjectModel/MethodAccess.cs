namespace Cosem.Sdk.ObjectModel;

/// <summary>Access to a method, as the Association LN object_list writes it (Blue Book §4.4.3,
/// method_access_mode, versions 0–2).</summary>
public enum MethodAccess : byte
{
    NoAccess = 0,
    Access = 1,
    AuthenticatedAccess = 2,
}
