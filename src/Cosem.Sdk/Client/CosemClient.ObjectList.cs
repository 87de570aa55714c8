using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    /// <summary>
    /// Reads the object list of the current association (0.0.40.0.0.255, attribute 2): every object this client
    /// may see, with its access rights. <c>GetObjectListAsync</c> in <c>Cosem.Sdk.Objects</c> turns it into typed proxies.
    /// </summary>
    public ValueTask<IReadOnlyList<CosemObjectListEntry>> GetObjectListEntriesAsync(CancellationToken cancellationToken = default) =>
        GetAsync(new CosemAttributeDescriptor(CosemObjectListEntry.AssociationLnClassId, CosemObjectListEntry.CurrentAssociation, 2),
            static (ref AxdrReader reader) => CosemObjectListEntry.DecodeList(ref reader), cancellationToken);
}
