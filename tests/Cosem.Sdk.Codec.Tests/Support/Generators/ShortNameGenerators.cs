using Cosem.Sdk.Apdu;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Support.Generators;

/// <summary>Generators of the short-name services: Read, Write, UnconfirmedWrite, InformationReport.</summary>
internal static class ShortNameGenerators
{
    private static readonly Gen<ReadOnlyMemory<byte>> Raw = AxdrGenerators.Bytes(100).Select(b => (ReadOnlyMemory<byte>)b);

    public static readonly Gen<VariableAccessSpecification> Variable = Gen.OneOf(
        Gen.UShort.Select(VariableAccessSpecification.ByName),
        Gen.Select(Gen.UShort, Gen.Byte, AxdrGenerators.EncodedData, VariableAccessSpecification.Parameterized),
        Gen.UShort.Select(VariableAccessSpecification.BlockNumberAccess),
        Gen.Select(Gen.Bool, Gen.UShort, Raw, VariableAccessSpecification.ReadDataBlockAccess),
        Gen.Select(Gen.Bool, Gen.UShort, VariableAccessSpecification.WriteDataBlockAccess));

    public static readonly Gen<ReadResult> Read = Gen.OneOf(
        AxdrGenerators.EncodedData.Select(ReadResult.FromData),
        GetSetActionGenerators.AccessResult.Select(ReadResult.FromError),
        Gen.Select(Gen.Bool, Gen.UShort, Raw, ReadResult.FromDataBlock),
        Gen.UShort.Select(ReadResult.FromBlockNumber));

    public static readonly Gen<WriteResult> Write = Gen.OneOf(
        Gen.Const(default(WriteResult)),
        GetSetActionGenerators.AccessResult.Select(WriteResult.FromError),
        Gen.UShort.Select(WriteResult.FromBlockNumber));

    private static readonly Gen<(IReadOnlyList<VariableAccessSpecification>, IReadOnlyList<ReadOnlyMemory<byte>>)> VariablesAndData =
        from count in Gen.Int[0, 5]
        from variables in Variable.Array[count]
        from data in AxdrGenerators.EncodedData.Array[count]
        select ((IReadOnlyList<VariableAccessSpecification>)variables, (IReadOnlyList<ReadOnlyMemory<byte>>)data);

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> ShortName = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(
        Variable.Array[0, 5].Select(v => new ReadRequest(v)),
        Read.Array[0, 5].Select(r => new ReadResponse(r)),
        VariablesAndData.Select(p => new WriteRequest(p.Item1, p.Item2)),
        VariablesAndData.Select(p => new UnconfirmedWriteRequest(p.Item1, p.Item2)),
        Write.Array[0, 5].Select(r => new WriteResponse(r)),
        Gen.Select(ServiceGenerators.DateTimeField, VariablesAndData, (t, p) => new InformationReportRequest(t, p.Item1, p.Item2)));
}
