namespace Cosem.Sdk.Server;

/// <summary>association_status of an Association LN object (Blue Book §4.4.4, attribute 8).</summary>
public enum AssociationStatus : byte
{
    /// <summary>non-associated (0): no association is open.</summary>
    NonAssociated = 0,

    /// <summary>Accepted, waiting for the client to pass the HLS challenge (passes 3 and 4).</summary>
    AssociationPending = 1,

    /// <summary>associated (2): the association is established and its services may be used.</summary>
    Associated = 2,
}
