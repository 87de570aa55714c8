using System.Buffers;
using System.Text;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Server;

/// <summary>
/// SAP assignment (interface class 17, version 0; Blue Book §4.4.5) of a management logical device, answered from
/// the logical devices the server hosts. A <see cref="CosemServer"/> adds it when the application did not.
/// </summary>
internal sealed class ServerSapAssignment : CosemObject
{
    public const ushort SapAssignmentClassId = 17;

    public static readonly ObisCode DefaultLogicalName = new(0, 0, 41, 0, 0, 255);

    private static readonly CosemAttributeInfo[] s_attributes =
    [
        new(1, "logical_name", AttributeAccess.Read, true, 0x00),
        new(2, "sap_assignment_list", AttributeAccess.Read, true, 0x08),
    ];

    private static readonly CosemMethodInfo[] s_methods = [new(1, "connect_logical_device", MethodAccess.NoAccess, 0x20)];

    private readonly Func<IReadOnlyList<LogicalDevice>> _devices;

    public ServerSapAssignment(Func<IReadOnlyList<LogicalDevice>> devices)
        : base(DefaultLogicalName)
    {
        _devices = devices;
    }

    public override ushort ClassId => SapAssignmentClassId;

    public override byte Version => 0;

    public override IReadOnlyList<CosemAttributeInfo> Attributes => s_attributes;

    public override IReadOnlyList<CosemMethodInfo> Methods => s_methods;

    protected override ValueTask<DataAccessResult> ReadAttributeCoreAsync(
        int index, SelectiveAccessDescriptor? access, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        var devices = _devices();
        var writer = new AxdrWriter(output);
        writer.WriteArrayHeader(devices.Count);
        foreach (var device in devices)
        {
            // asslist_element: SAP, logical_device_name.
            writer.WriteStructureHeader(2);
            writer.WriteUInt16(device.Address);
            writer.WriteOctetString(Encoding.ASCII.GetBytes(device.Name));
        }
        writer.Flush();
        return new(DataAccessResult.Success);
    }

    protected override ValueTask<DataAccessResult> WriteAttributeCoreAsync(
        int index, ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken) =>
        new(DataAccessResult.ReadWriteDenied);

    protected override ValueTask<ActionResult> InvokeMethodCoreAsync(
        int index, ReadOnlyMemory<byte> parameter, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken) =>
        ValueTask.FromException<ActionResult>(new CosemServiceException(ActionResult.ReadWriteDenied, "The logical devices of this server are fixed."));
}
