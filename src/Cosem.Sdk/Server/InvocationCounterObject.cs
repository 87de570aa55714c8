using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Server;

/// <summary>
/// The invocation counter object (Data, class 1; Blue Book/IDIS 0.0.43.1.e.255, e = the Security setup instance,
/// usually 0.0.43.1.0.255): attribute 2 is a double-long-unsigned holding the highest invocation counter accepted
/// from clients under the current keys of an <see cref="AssociationSecurity"/>. Head-ends read it through the public
/// client before a ciphered association and continue above it. Read-only.
/// </summary>
public sealed class InvocationCounterObject : CosemObject
{
    /// <summary>The usual name, for the invocation counter of the management association's security (0.0.43.1.0.255).</summary>
    public static readonly ObisCode DefaultLogicalName = new(0, 0, 43, 1, 0, 255);

    private static readonly CosemAttributeInfo[] s_attributes =
    [
        new(1, "logical_name", AttributeAccess.Read, true, 0x00),
        new(2, "value", AttributeAccess.Read, false, 0x08),
    ];

    private readonly AssociationSecurity _security;

    public InvocationCounterObject(AssociationSecurity security)
        : this(DefaultLogicalName, security)
    {
    }

    public InvocationCounterObject(ObisCode logicalName, AssociationSecurity security)
        : base(logicalName)
    {
        ArgumentNullException.ThrowIfNull(security);
        _security = security;
    }

    public override ushort ClassId => 1;

    public override byte Version => 0;

    public override IReadOnlyList<CosemAttributeInfo> Attributes => s_attributes;

    public override IReadOnlyList<CosemMethodInfo> Methods => [];

    protected override ValueTask<DataAccessResult> ReadAttributeCoreAsync(int index, SelectiveAccessDescriptor? access, RequestContext context,
        IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        var writer = new AxdrWriter(output);
        writer.WriteUInt32(_security.LastClientInvocationCounter ?? 0);
        writer.Flush();
        return new(DataAccessResult.Success);
    }

    protected override ValueTask<DataAccessResult> WriteAttributeCoreAsync(int index, ReadOnlyMemory<byte> value, RequestContext context,
        CancellationToken cancellationToken) => new(DataAccessResult.ReadWriteDenied);

    protected override ValueTask<ActionResult> InvokeMethodCoreAsync(int index, ReadOnlyMemory<byte> parameter, RequestContext context,
        IBufferWriter<byte> output, CancellationToken cancellationToken) => new(ActionResult.ObjectUndefined);
}
