using Cosem.Sdk.Apdu;
using CsCheck;
using static Cosem.Sdk.Codec.Tests.Support.Generators.GetSetActionGenerators;

namespace Cosem.Sdk.Codec.Tests.Support.Generators;

/// <summary>Generators of notifications, ACCESS, exception-response, confirmed-service-error and general-block-transfer.</summary>
internal static class ServiceGenerators
{
    public static readonly Gen<LongInvokeIdAndPriority> LongInvokeId = Gen.UInt.Select(v => new LongInvokeIdAndPriority(v));

    /// <summary>An octet-string date-time field: empty, twelve bytes, or anything short.</summary>
    public static readonly Gen<ReadOnlyMemory<byte>> DateTimeField = Gen.OneOf(
        Gen.Const(ReadOnlyMemory<byte>.Empty),
        AxdrGenerators.DateTime.Select(d => { var b = new byte[12]; d.CopyTo(b); return (ReadOnlyMemory<byte>)b; }),
        AxdrGenerators.Bytes(20).Select(b => (ReadOnlyMemory<byte>)b));

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Notification = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(
        Gen.Select(LongInvokeId, DateTimeField, AxdrGenerators.EncodedData, (i, t, b) => new DataNotification(i, t, b)),
        Gen.Select(DateTimeField.Nullable(), AttributeDescriptor, AxdrGenerators.EncodedData, (t, a, v) => new EventNotificationRequest(t, a, v)));

    public static readonly Gen<AccessRequestSpecification> RequestSpecification = Gen.OneOf(
        AttributeDescriptor.Select(AccessRequestSpecification.Get),
        AttributeDescriptor.Select(AccessRequestSpecification.Set),
        Method.Select(AccessRequestSpecification.Action),
        Gen.Select(AttributeDescriptor, Selection, AccessRequestSpecification.GetWithSelection),
        Gen.Select(AttributeDescriptor, Selection, AccessRequestSpecification.SetWithSelection));

    public static readonly Gen<AccessResponseSpecification> ResponseSpecification = Gen.OneOf(
        AccessResult.Select(AccessResponseSpecification.Get),
        AccessResult.Select(AccessResponseSpecification.Set),
        ActionResultGen.Select(AccessResponseSpecification.Action));

    private static Gen<IReadOnlyList<T>> List<T>(Gen<T> gen, int max = 5) => gen.Array[0, max].Select(a => (IReadOnlyList<T>)a);

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Access = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(
        Gen.Select(LongInvokeId, DateTimeField, List(RequestSpecification), List(AxdrGenerators.EncodedData),
            (i, t, s, d) => new AccessRequest(i, t, s, d)),
        Gen.Select(LongInvokeId, DateTimeField, List(RequestSpecification).Null(), List(AxdrGenerators.EncodedData), List(ResponseSpecification),
            (i, t, s, d, r) => new AccessResponse(i, t, s, d, r)));

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Exception = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(Gen.Select(Gen.Enum<ExceptionStateError>(), Gen.Enum<ExceptionServiceError>(), Gen.UInt, (state, service, counter) =>
            new ExceptionResponse(state, service, service == ExceptionServiceError.InvocationCounterError ? counter : null)));

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> ConfirmedServiceErrorGen = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(Gen.Select(Gen.Enum<ConfirmedServiceKind>(), Gen.Enum<ServiceErrorKind>(), Gen.Byte, (s, k, c) => new ConfirmedServiceError(s, k, c)));

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> BlockTransfer = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(Gen.Select(Gen.Bool, Gen.Bool, Gen.Byte[0, GeneralBlockTransfer.MaxWindow], Gen.UShort, Gen.UShort, RawBlock,
            (last, streaming, window, number, ack, data) => new GeneralBlockTransfer(last, streaming, window, number, ack, data)));
}
