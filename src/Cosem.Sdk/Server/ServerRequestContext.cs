using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

/// <summary>
/// The <see cref="RequestContext"/> a <see cref="CosemServer"/> passes to object handlers: it carries the live
/// association the request arrived through, so an object can answer per client, per mechanism or per PDU size.
/// </summary>
public sealed class ServerRequestContext : RequestContext
{
    internal ServerRequestContext(AssociationState association)
    {
        Association = association;
        ClientAddress = association.ClientAddress;
        AssociationLogicalName = association.Definition.LogicalName;
    }

    /// <summary>The association of the requesting client.</summary>
    public AssociationState Association { get; }

    /// <summary>The security state of the association (keys, policy, system titles, counters), or null without one.</summary>
    public AssociationSecurity? Security => Association.Definition.Security;

    /// <summary>The client system title (calling-AP-title of the AARQ), when the client sent one.</summary>
    public SystemTitle? ClientSystemTitle => Association.ClientTitle;

    /// <summary>
    /// Runs <paramref name="action"/> once the response to the current request has been sent (or, for an unconfirmed
    /// request, once it has been processed). For changes that must not affect the response announcing them: a new
    /// key or security policy takes effect only after the ACTION result is on its way, protected with the old one
    /// (Blue Book §4.4.7, Security setup global_key_transfer and security_activate). Actions run in registration
    /// order; one that throws is logged and does not stop the others or the session.
    /// </summary>
    public void AfterResponse(Func<ValueTask> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Association.AddAfterResponse(action);
    }
}
