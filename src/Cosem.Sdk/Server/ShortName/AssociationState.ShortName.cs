using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

public sealed partial class AssociationState
{
    /// <summary>Whether the association uses SN referencing (application context 2 or 4): Read/Write on short names.</summary>
    public bool IsShortName => ApplicationContext is ApplicationContextName.ShortName or ApplicationContextName.ShortNameWithCiphering;

    /// <summary>The base names of the logical device's objects in this SN association, or null under LN.</summary>
    internal ShortNameTable? ShortNames => Definition is IShortNameAssociation shortName ? shortName.GetShortNames(Device) : null;

    /// <summary>A long Read result being sent block by block (data-block-result), one at a time per association.</summary>
    internal OutgoingBlocks? PendingRead { get; set; }

    /// <summary>A long WriteRequest being received in write-data-block-access blocks, one at a time per association.</summary>
    internal ShortNameWriteBlocks? PendingWrite { get; set; }
}
