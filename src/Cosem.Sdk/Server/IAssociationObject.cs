using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Server;

/// <summary>
/// The server core's view of an association object (Association LN, class 15): the COSEM object a client associates
/// through, which admits one client address, says how it authenticates and what it may see and do. The built-in
/// implementation is <c>Cosem.Sdk.Objects.AssociationLnServer</c>, a subclass of the generated class; the server core
/// sees only this contract because the generated classes sit above it.
/// </summary>
/// <remarks>An implementation must also be a <see cref="CosemObject"/>; <see cref="LogicalDevice.Add"/> checks it.</remarks>
public interface IAssociationObject
{
    /// <summary>The object's own logical name (0.0.40.0.e.255, e &gt; 0); 0.0.40.0.0.255 aliases it for its client.</summary>
    ObisCode LogicalName { get; }

    /// <summary>The interface class of the object, so the server recognises requests addressed to it.</summary>
    ushort ClassId { get; }

    /// <summary>The client SAP this association admits (16 public client, 1 management client, …).</summary>
    CosemAddress ClientAddress { get; }

    /// <summary>How the client authenticates (IEC 62056-5-3 §9.2.7.2).</summary>
    AssociationAuthentication Authentication { get; }

    /// <summary>Ciphering, keys and counters of this association, or null for one without security.</summary>
    AssociationSecurity? Security { get; }

    /// <summary>What the client may read, write and invoke, object by object.</summary>
    AssociationAccessRights AccessRights { get; }
}
