using Cosem.Sdk.Apdu;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Support.Generators;

/// <summary>Generators of GET, SET and ACTION requests and responses, every variant, and their common parts.</summary>
internal static class GetSetActionGenerators
{
    public static readonly Gen<InvokeIdAndPriority> InvokeId = Gen.Byte.Select(b => new InvokeIdAndPriority(b));

    public static readonly Gen<CosemAttributeDescriptor> AttributeDescriptor =
        Gen.Select(Gen.UShort, AxdrGenerators.Obis, Gen.SByte, (c, o, a) => new CosemAttributeDescriptor(c, o, a));

    public static readonly Gen<CosemMethodDescriptor> Method =
        Gen.Select(Gen.UShort, AxdrGenerators.Obis, Gen.SByte, (c, o, m) => new CosemMethodDescriptor(c, o, m));

    public static readonly Gen<SelectiveAccessDescriptor> Selection =
        Gen.Select(Gen.Byte, AxdrGenerators.EncodedData, (s, p) => new SelectiveAccessDescriptor(s, p));

    public static readonly Gen<SelectiveAccessDescriptor?> OptionalSelection = Selection.Nullable();

    public static readonly Gen<CosemAttributeDescriptorWithSelection> AttributeWithSelection =
        Gen.Select(AttributeDescriptor, OptionalSelection, (a, s) => new CosemAttributeDescriptorWithSelection(a, s));

    public static readonly Gen<DataAccessResult> AccessResult = Gen.Enum<DataAccessResult>();

    public static readonly Gen<ActionResult> ActionResultGen = Gen.Enum<ActionResult>();

    public static readonly Gen<ReadOnlyMemory<byte>> RawBlock = AxdrGenerators.Bytes(200).Select(b => (ReadOnlyMemory<byte>)b);

    public static readonly Gen<GetDataResult> DataResult = Gen.OneOf(
        AxdrGenerators.EncodedData.Select(GetDataResult.FromData),
        AccessResult.Select(GetDataResult.FromAccessResult));

    public static readonly Gen<DataBlockG> BlockG = Gen.OneOf(
        Gen.Select(Gen.Bool, Gen.UInt, RawBlock, DataBlockG.WithRawData),
        Gen.Select(Gen.Bool, Gen.UInt, AccessResult, DataBlockG.WithAccessResult));

    public static readonly Gen<DataBlockSA> BlockSA = Gen.Select(Gen.Bool, Gen.UInt, RawBlock, (l, n, d) => new DataBlockSA(l, n, d));

    private static Gen<IReadOnlyList<T>> List<T>(Gen<T> gen, int max = 5) => gen.Array[0, max].Select(a => (IReadOnlyList<T>)a);

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Get = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(
        Gen.Select(InvokeId, AttributeDescriptor, OptionalSelection, (i, a, s) => new GetRequestNormal(i, a, s)),
        Gen.Select(InvokeId, Gen.UInt, (i, n) => new GetRequestNext(i, n)),
        Gen.Select(InvokeId, List(AttributeWithSelection), (i, l) => new GetRequestWithList(i, l)),
        Gen.Select(InvokeId, DataResult, (i, r) => new GetResponseNormal(i, r)),
        Gen.Select(InvokeId, BlockG, (i, b) => new GetResponseWithDataBlock(i, b)),
        Gen.Select(InvokeId, List(DataResult), (i, l) => new GetResponseWithList(i, l)));

    // Lists of descriptors and values go in pairs.
    private static readonly Gen<(IReadOnlyList<CosemAttributeDescriptorWithSelection>, IReadOnlyList<ReadOnlyMemory<byte>>)> AttributesAndValues =
        from count in Gen.Int[0, 5]
        from attributes in AttributeWithSelection.Array[count]
        from values in AxdrGenerators.EncodedData.Array[count]
        select ((IReadOnlyList<CosemAttributeDescriptorWithSelection>)attributes, (IReadOnlyList<ReadOnlyMemory<byte>>)values);

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Set = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(
        Gen.Select(InvokeId, AttributeDescriptor, OptionalSelection, AxdrGenerators.EncodedData, (i, a, s, v) => new SetRequestNormal(i, a, s, v)),
        Gen.Select(InvokeId, BlockSA, (i, b) => new SetRequestWithDataBlock(i, b)),
        Gen.Select(InvokeId, AttributeDescriptor, OptionalSelection, BlockSA, (i, a, s, b) => new SetRequestWithFirstDataBlock(i, a, s, b)),
        Gen.Select(InvokeId, AttributesAndValues, (i, l) => new SetRequestWithList(i, l.Item1, l.Item2)),
        Gen.Select(InvokeId, List(AttributeWithSelection), BlockSA, (i, l, b) => new SetRequestWithListAndFirstDataBlock(i, l, b)),
        Gen.Select(InvokeId, AccessResult, (i, r) => new SetResponseNormal(i, r)),
        Gen.Select(InvokeId, Gen.UInt, (i, n) => new SetResponseDataBlock(i, n)),
        Gen.Select(InvokeId, AccessResult, Gen.UInt, (i, r, n) => new SetResponseLastDataBlock(i, r, n)),
        Gen.Select(InvokeId, List(AccessResult), Gen.UInt, (i, l, n) => new SetResponseLastDataBlockWithList(i, l, n)),
        Gen.Select(InvokeId, List(AccessResult), (i, l) => new SetResponseWithList(i, l)));

    private static readonly Gen<(IReadOnlyList<CosemMethodDescriptor>, IReadOnlyList<ReadOnlyMemory<byte>>)> MethodsAndParameters =
        from count in Gen.Int[0, 5]
        from methods in Method.Array[count]
        from parameters in AxdrGenerators.EncodedData.Array[count]
        select ((IReadOnlyList<CosemMethodDescriptor>)methods, (IReadOnlyList<ReadOnlyMemory<byte>>)parameters);

    public static readonly Gen<ActionResponseWithOptionalData> ActionResponseData =
        Gen.Select(ActionResultGen, DataResult.Nullable(), (r, d) => new ActionResponseWithOptionalData(r, d));

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Action = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(
        Gen.Select(InvokeId, Method, AxdrGenerators.EncodedData.Nullable(), (i, m, p) => new ActionRequestNormal(i, m, p)),
        Gen.Select(InvokeId, Gen.UInt, (i, n) => new ActionRequestNextPBlock(i, n)),
        Gen.Select(InvokeId, MethodsAndParameters, (i, l) => new ActionRequestWithList(i, l.Item1, l.Item2)),
        Gen.Select(InvokeId, Method, BlockSA, (i, m, b) => new ActionRequestWithFirstPBlock(i, m, b)),
        Gen.Select(InvokeId, List(Method), BlockSA, (i, l, b) => new ActionRequestWithListAndFirstPBlock(i, l, b)),
        Gen.Select(InvokeId, BlockSA, (i, b) => new ActionRequestWithPBlock(i, b)),
        Gen.Select(InvokeId, ActionResponseData, (i, r) => new ActionResponseNormal(i, r)),
        Gen.Select(InvokeId, BlockSA, (i, b) => new ActionResponseWithPBlock(i, b)),
        Gen.Select(InvokeId, List(ActionResponseData), (i, l) => new ActionResponseWithList(i, l)),
        Gen.Select(InvokeId, Gen.UInt, (i, n) => new ActionResponseNextPBlock(i, n)));
}
