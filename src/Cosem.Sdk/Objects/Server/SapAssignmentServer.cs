using System.Text;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// SAP assignment (interface class 17; Blue Book §4.4.5) of a management logical device, answered from the logical
/// devices of the server the client reached. Add one to the management logical device (address 1): the Blue Book
/// requires it there, and <see cref="CosemServer"/> warns at start when it is missing.
/// </summary>
/// <remarks>connect_logical_device is refused (read-write-denied): the logical devices of a server are fixed.</remarks>
public class SapAssignmentServer : SapAssignment
{
    /// <summary>The logical name SAP assignment has in every management logical device (0.0.41.0.0.255).</summary>
    public static readonly ObisCode DefaultLogicalName = new(0, 0, 41, 0, 0, 255);

    /// <summary>Creates the object at <see cref="DefaultLogicalName"/>.</summary>
    public SapAssignmentServer()
        : base(DefaultLogicalName)
    {
    }

    /// <summary>sap_assignment_list: one entry per logical device of the server, with its SAP and name.</summary>
    protected override ValueTask<IReadOnlyList<SapAssignmentEntry>> GetSapAssignmentListAsync(RequestContext context, CancellationToken cancellationToken)
    {
        if (context is not ServerRequestContext { Association.ServerDevices: var devices })
        {
            return base.GetSapAssignmentListAsync(context, cancellationToken); // a local read: the stored list
        }
        var list = new SapAssignmentEntry[devices.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new SapAssignmentEntry(devices[i].Address.Value, Encoding.ASCII.GetBytes(devices[i].Name));
        }
        return new(list);
    }

    /// <summary>The list follows the server's logical devices; a client cannot replace it.</summary>
    protected override ValueTask SetSapAssignmentListAsync(IReadOnlyList<SapAssignmentEntry> value, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromException(new CosemServiceException(Apdu.DataAccessResult.ReadWriteDenied, "The logical devices of this server are fixed."));
}
