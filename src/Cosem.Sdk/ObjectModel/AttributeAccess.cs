namespace Cosem.Sdk.ObjectModel;

/// <summary>Access to an attribute, as the Association LN object_list writes it (Blue Book §4.4.3,
/// attribute_access_mode, versions 0–2).</summary>
public enum AttributeAccess : byte
{
    /// <summary>no_access (0): the attribute can be neither read nor written in this association.</summary>
    NoAccess = 0,
    /// <summary>read_only (1): GET allowed, SET refused with read-write-denied.</summary>
    Read = 1,
    /// <summary>write_only (2): SET allowed, GET refused with read-write-denied.</summary>
    Write = 2,
    /// <summary>read_and_write (3): GET and SET allowed.</summary>
    ReadWrite = 3,
    /// <summary>authenticated_read_only (4): GET allowed only in a cryptographically authenticated (ciphered)
    /// request.</summary>
    AuthenticatedRead = 4,
    /// <summary>authenticated_write_only (5): SET allowed only in a cryptographically authenticated (ciphered)
    /// request.</summary>
    AuthenticatedWrite = 5,
    /// <summary>authenticated_read_and_write (6): GET and SET allowed only in cryptographically authenticated
    /// (ciphered) requests.</summary>
    AuthenticatedReadWrite = 6,
}
