namespace Cosem.Sdk.ObjectModel;

/// <summary>Access to a method, as the Association LN object_list writes it (Blue Book §4.4.3,
/// method_access_mode, versions 0–2).</summary>
public enum MethodAccess : byte
{
    /// <summary>no_access (0): ACTION on the method is refused in this association.</summary>
    NoAccess = 0,
    /// <summary>access (1): ACTION allowed.</summary>
    Access = 1,
    /// <summary>authenticated_access (2): ACTION allowed only in a cryptographically authenticated (ciphered)
    /// request.</summary>
    AuthenticatedAccess = 2,
}
