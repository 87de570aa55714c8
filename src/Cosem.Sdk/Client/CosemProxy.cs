using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Client;

/// <summary>
/// Base of every generated client proxy (<c>Clock.Proxy</c>, …): one object on the meter, addressed by class id
/// and logical name, reached through an <see cref="ICosemSession"/>.
/// </summary>
public abstract class CosemProxy
{
    /// <summary>Binds the proxy to one object on the meter.</summary>
    /// <param name="session">The open association requests go through.</param>
    /// <param name="logicalName">The object's OBIS code, its attribute 1.</param>
    protected CosemProxy(ICosemSession session, ObisCode logicalName)
    {
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        LogicalName = logicalName;
    }

    /// <summary>The association requests go through.</summary>
    public ICosemSession Session { get; }

    /// <summary>The object's OBIS code (attribute 1, logical_name), sent as the instance id of every request.</summary>
    public ObisCode LogicalName { get; }

    /// <summary>Interface class id (Blue Book §4.1).</summary>
    public abstract ushort ClassId { get; }

    /// <summary>Interface class version.</summary>
    public abstract byte Version { get; }

    /// <summary>The descriptor of attribute <paramref name="index"/> of this object.</summary>
    protected CosemAttributeDescriptor Attribute(sbyte index) => new(ClassId, LogicalName, index);

    /// <summary>The descriptor of method <paramref name="index"/> of this object.</summary>
    protected CosemMethodDescriptor Method(sbyte index) => new(ClassId, LogicalName, index);

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().DeclaringType?.Name ?? GetType().Name} {LogicalName}";
}
