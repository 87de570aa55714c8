using Cosem.Sdk.Obis;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.ObjectModel;

/// <summary>
/// Who is asking: passed to every server-side attribute and method handler so an implementation can answer per
/// client or per association.
/// </summary>
public class RequestContext
{
    /// <summary>The current association (Blue Book §4.4.3: 0.0.40.0.0.255 always means "this association").</summary>
    public static readonly ObisCode CurrentAssociation = new(0, 0, 40, 0, 0, 255);

    /// <summary>The client's address (client SAP: 16 public client, 1 management, …).</summary>
    public CosemAddress ClientAddress { get; init; }

    /// <summary>Logical name of the Association LN object the request arrived through.</summary>
    public ObisCode AssociationLogicalName { get; init; } = CurrentAssociation;

    /// <summary>A context for calls made by the application itself rather than by a client (tests, local reads).</summary>
    public static RequestContext Local { get; } = new();
}
