using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Converts between the access modes an object list carries and <see cref="AttributeAccess"/>/<see cref="MethodAccess"/>:
/// Association LN versions 0–2 (and SN 0–3) write the access enumeration itself, version 3 (SN 4) a bit map of read,
/// write and authenticated request (<see cref="AttributeAccessMode"/>, <see cref="MethodAccessMode"/>).
/// </summary>
public static class AccessModes
{
    /// <summary>The first Association LN version whose access modes are bit maps.</summary>
    public const byte BitMapVersion = 3;

    /// <summary>Reads an attribute access_mode written by an association of version <paramref name="associationVersion"/>.</summary>
    public static AttributeAccess ToAttributeAccess(byte mode, byte associationVersion)
    {
        if (associationVersion < BitMapVersion)
        {
            return mode <= (byte)AttributeAccess.AuthenticatedReadWrite ? (AttributeAccess)mode : AttributeAccess.NoAccess;
        }
        var bits = (AttributeAccessMode)mode;
        var read = (bits & AttributeAccessMode.Read) != 0;
        var write = (bits & AttributeAccessMode.Write) != 0;
        var authenticated = (bits & AttributeAccessMode.AuthenticatedRequest) != 0;
        return (read, write, authenticated) switch
        {
            (true, true, false) => AttributeAccess.ReadWrite,
            (true, false, false) => AttributeAccess.Read,
            (false, true, false) => AttributeAccess.Write,
            (true, true, true) => AttributeAccess.AuthenticatedReadWrite,
            (true, false, true) => AttributeAccess.AuthenticatedRead,
            (false, true, true) => AttributeAccess.AuthenticatedWrite,
            _ => AttributeAccess.NoAccess,
        };
    }

    /// <summary>Reads a method access_mode written by an association of version <paramref name="associationVersion"/>.</summary>
    public static MethodAccess ToMethodAccess(byte mode, byte associationVersion)
    {
        if (associationVersion < BitMapVersion)
        {
            return mode <= (byte)MethodAccess.AuthenticatedAccess ? (MethodAccess)mode : MethodAccess.NoAccess;
        }
        var bits = (MethodAccessMode)mode;
        return (bits & MethodAccessMode.Access) == 0 ? MethodAccess.NoAccess
            : (bits & MethodAccessMode.AuthenticatedRequest) != 0 ? MethodAccess.AuthenticatedAccess
            : MethodAccess.Access;
    }

    /// <summary>The version-3 bit map of <paramref name="access"/>.</summary>
    public static AttributeAccessMode ToAccessMode(AttributeAccess access) => access switch
    {
        AttributeAccess.Read => AttributeAccessMode.Read,
        AttributeAccess.Write => AttributeAccessMode.Write,
        AttributeAccess.ReadWrite => AttributeAccessMode.Read | AttributeAccessMode.Write,
        AttributeAccess.AuthenticatedRead => AttributeAccessMode.Read | AttributeAccessMode.AuthenticatedRequest,
        AttributeAccess.AuthenticatedWrite => AttributeAccessMode.Write | AttributeAccessMode.AuthenticatedRequest,
        AttributeAccess.AuthenticatedReadWrite => AttributeAccessMode.Read | AttributeAccessMode.Write | AttributeAccessMode.AuthenticatedRequest,
        _ => AttributeAccessMode.None,
    };

    /// <summary>The version-3 bit map of <paramref name="access"/>.</summary>
    public static MethodAccessMode ToAccessMode(MethodAccess access) => access switch
    {
        MethodAccess.Access => MethodAccessMode.Access,
        MethodAccess.AuthenticatedAccess => MethodAccessMode.Access | MethodAccessMode.AuthenticatedRequest,
        _ => MethodAccessMode.None,
    };
}
