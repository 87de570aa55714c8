using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Client;

/// <summary>
/// An object of a class the client has no typed proxy for (a manufacturer class, a newer class version): its
/// attributes and methods are reached by index with generic <see cref="CosemData"/> values.
/// </summary>
public sealed class CosemGenericProxy : CosemProxy
{
    private readonly ushort _classId;
    private readonly byte _version;

    /// <summary>A proxy for any object, given its class id and version as the meter's object_list names them.</summary>
    /// <param name="session">The open association requests go through.</param>
    /// <param name="classId">The interface class id, e.g. a manufacturer-specific class (128 and above).</param>
    /// <param name="version">The interface class version.</param>
    /// <param name="logicalName">The object's OBIS code.</param>
    public CosemGenericProxy(ICosemSession session, ushort classId, byte version, ObisCode logicalName)
        : base(session, logicalName)
    {
        _classId = classId;
        _version = version;
    }

    /// <summary>The class id given at construction; sent in every attribute and method descriptor.</summary>
    public override ushort ClassId => _classId;

    /// <summary>The class version given at construction; informational, not sent in requests.</summary>
    public override byte Version => _version;

    /// <summary>Reads attribute <paramref name="index"/>.</summary>
    public ValueTask<CosemData> GetAsync(sbyte index, CancellationToken cancellationToken = default) =>
        Session.GetAsync(Attribute(index), CosemData.Decode, cancellationToken);

    /// <summary>Writes attribute <paramref name="index"/>.</summary>
    public ValueTask SetAsync(sbyte index, CosemData value, CancellationToken cancellationToken = default) =>
        Session.SetAsync(Attribute(index), value, static (ref AxdrWriter writer, CosemData data) => data.Encode(ref writer), cancellationToken);

    /// <summary>Invokes method <paramref name="index"/> with <paramref name="parameter"/>.</summary>
    public ValueTask InvokeAsync(sbyte index, CosemData parameter, CancellationToken cancellationToken = default) =>
        Session.InvokeAsync(Method(index), parameter, static (ref AxdrWriter writer, CosemData data) => data.Encode(ref writer), cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"class {_classId} v{_version} {LogicalName}";
}
