using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// One version of one interface class: its metadata and how to create its server object and client proxy.
/// Every generated class exposes one as <c>ClassInfo</c> and registers it in <see cref="CosemClassRegistry.Default"/>.
/// </summary>
public sealed class CosemClassInfo
{
    private readonly Func<ObisCode, CosemObject> _createServer;
    private readonly Func<ICosemSession, ObisCode, CosemProxy> _createProxy;

    /// <summary>Describes one interface class version; generated classes call this for their
    /// <c>ClassInfo</c>.</summary>
    /// <param name="classId">The interface class id (Blue Book class_id, e.g. 8 for Clock).</param>
    /// <param name="version">The interface class version.</param>
    /// <param name="name">C# name of the generated class, e.g. <c>ProfileGeneric</c>.</param>
    /// <param name="attributes">Every attribute, in index order.</param>
    /// <param name="methods">Every method, in index order.</param>
    /// <param name="createServer">Creates a server object with in-memory default values.</param>
    /// <param name="createProxy">Creates a typed client proxy.</param>
    public CosemClassInfo(
        ushort classId,
        byte version,
        string name,
        IReadOnlyList<CosemAttributeInfo> attributes,
        IReadOnlyList<CosemMethodInfo> methods,
        Func<ObisCode, CosemObject> createServer,
        Func<ICosemSession, ObisCode, CosemProxy> createProxy)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(createServer);
        ArgumentNullException.ThrowIfNull(createProxy);
        ClassId = classId;
        Version = version;
        Name = name;
        Attributes = attributes;
        Methods = methods;
        _createServer = createServer;
        _createProxy = createProxy;
    }

    /// <summary>The interface class id (Blue Book class_id), as in the object_list of Association LN.</summary>
    public ushort ClassId { get; }

    /// <summary>The interface class version; a newer version only appends attributes and methods.</summary>
    public byte Version { get; }

    /// <summary>C# name of the generated class, e.g. <c>ProfileGeneric</c>.</summary>
    public string Name { get; }

    /// <summary>Every attribute of the class, in index order, with default access and selective-access
    /// selectors.</summary>
    public IReadOnlyList<CosemAttributeInfo> Attributes { get; }

    /// <summary>Every method of the class, in index order.</summary>
    public IReadOnlyList<CosemMethodInfo> Methods { get; }

    /// <summary>A server object with in-memory default values.</summary>
    public CosemObject CreateServer(ObisCode logicalName) => _createServer(logicalName);

    /// <summary>A typed proxy for the object <paramref name="logicalName"/> on the meter behind <paramref name="session"/>.</summary>
    public CosemProxy CreateProxy(ICosemSession session, ObisCode logicalName)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _createProxy(session, logicalName);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} (class {ClassId} v{Version})";
}
