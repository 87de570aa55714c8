namespace Cosem.Sdk.Server;

/// <summary>
/// The <see cref="RequestContext"/> a <see cref="CosemServer"/> passes to object handlers: it carries the live
/// association the request arrived through, so an object can answer per client, per mechanism or per PDU size.
/// </summary>
public sealed class ServerRequestContext : RequestContext
{
    internal ServerRequestContext(ServerAssociation association)
    {
        Association = association;
        ClientAddress = association.ClientAddress;
        AssociationLogicalName = association.Definition.LogicalName;
    }

    /// <summary>The association of the requesting client.</summary>
    public ServerAssociation Association { get; }
}
