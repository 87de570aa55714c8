using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Server;

/// <summary>
/// A hand-written server object for tests: class 1 (Data) shaped, attribute 2 holds any encoded Data value, method 1
/// echoes its parameter. Switches make it throw or refuse, to test the server's isolation.
/// </summary>
internal sealed class TestObject : CosemObject
{
    private static readonly CosemAttributeInfo[] s_attributes =
    [
        new(1, "logical_name", AttributeAccess.Read, true, 0x00),
        new(2, "value", AttributeAccess.ReadWrite, false, 0x08, [1, 2]),
        new(3, "protected_value", AttributeAccess.AuthenticatedRead, false, 0x10),
        new(4, "write_only", AttributeAccess.Write, false, 0x18),
    ];

    private static readonly CosemMethodInfo[] s_methods =
    [
        new(1, "echo", MethodAccess.Access, 0x20),
        new(2, "throw", MethodAccess.Access, 0x28),
    ];

    public TestObject(ObisCode logicalName, byte[]? value = null)
        : base(logicalName)
    {
        Value = value ?? [(byte)DataType.Unsigned, 42];
    }

    /// <summary>The encoded Data of attribute 2.</summary>
    public byte[] Value { get; set; }

    public bool ThrowOnRead { get; set; }

    public SelectiveAccessDescriptor? LastSelection { get; private set; }

    public int Invocations { get; private set; }

    public override ushort ClassId => 1;

    public override byte Version => 0;

    public override IReadOnlyList<CosemAttributeInfo> Attributes => s_attributes;

    public override IReadOnlyList<CosemMethodInfo> Methods => s_methods;

    protected override ValueTask<DataAccessResult> ReadAttributeCoreAsync(
        int index, SelectiveAccessDescriptor? access, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        if (ThrowOnRead)
        {
            throw new InvalidOperationException("A defect in the application object.");
        }
        // The parameters point into the request buffer, which the session reuses once the call returns: keep a copy.
        LastSelection = access is { } a ? new SelectiveAccessDescriptor(a.Selector, a.Parameters.ToArray()) : null;
        output.Write(index == 2 ? Value : [(byte)DataType.Unsigned, (byte)index]);
        return new(DataAccessResult.Success);
    }

    protected override ValueTask<DataAccessResult> WriteAttributeCoreAsync(
        int index, ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken)
    {
        try
        {
            var reader = new AxdrReader(value.Span);
            reader.SkipData();
            reader.EnsureAtEnd();
        }
        catch (CosemEncodingException)
        {
            return new(DataAccessResult.TypeUnmatched);
        }
        if (index == 2 && value.Span[0] == (byte)DataType.Boolean)
        {
            return new(DataAccessResult.TypeUnmatched); // this value is never boolean
        }
        Value = value.ToArray();
        return new(DataAccessResult.Success);
    }

    protected override ValueTask<ActionResult> InvokeMethodCoreAsync(
        int index, ReadOnlyMemory<byte> parameter, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        Invocations++;
        if (index == 2)
        {
            throw new InvalidOperationException("A method that fails.");
        }
        output.Write(parameter.Span);
        return new(ActionResult.Success);
    }
}
