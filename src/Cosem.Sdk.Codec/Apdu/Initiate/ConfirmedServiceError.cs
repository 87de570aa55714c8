using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// xDLMS ConfirmedServiceError [14] (IEC 62056-5-3 §8): <c>0E service error-kind code</c>. In the AARE
/// user-information (service <see cref="ConfirmedServiceKind.InitiateError"/>) it says why the xDLMS context was
/// refused; standalone it answers a failed SN service.
/// </summary>
public sealed class ConfirmedServiceError : Apdu
{
    public ConfirmedServiceError(ConfirmedServiceKind service, ServiceErrorKind errorKind, byte code)
    {
        Service = service;
        ErrorKind = errorKind;
        Code = code;
    }

    /// <summary>An initiateError with an initiate [6] reason, what a server answers to an unacceptable InitiateRequest.</summary>
    public static ConfirmedServiceError Initiate(InitiateError reason) =>
        new(ConfirmedServiceKind.InitiateError, ServiceErrorKind.Initiate, (byte)reason);

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.ConfirmedServiceError;

    public ConfirmedServiceKind Service { get; }

    public ServiceErrorKind ErrorKind { get; }

    /// <summary>The ENUMERATED value; read it through the property matching <see cref="ErrorKind"/>.</summary>
    public byte Code { get; }

    public ApplicationReferenceError? ApplicationReferenceError => Is(ServiceErrorKind.ApplicationReference) ? (ApplicationReferenceError)Code : null;
    public HardwareResourceError? HardwareResourceError => Is(ServiceErrorKind.HardwareResource) ? (HardwareResourceError)Code : null;
    public VdeStateError? VdeStateError => Is(ServiceErrorKind.VdeStateError) ? (VdeStateError)Code : null;
    public ServiceError? ServiceError => Is(ServiceErrorKind.Service) ? (ServiceError)Code : null;
    public DefinitionError? DefinitionError => Is(ServiceErrorKind.Definition) ? (DefinitionError)Code : null;
    public AccessError? AccessError => Is(ServiceErrorKind.Access) ? (AccessError)Code : null;
    public InitiateError? InitiateError => Is(ServiceErrorKind.Initiate) ? (InitiateError)Code : null;
    public LoadDataSetError? LoadDataSetError => Is(ServiceErrorKind.LoadDataSet) ? (LoadDataSetError)Code : null;
    public TaskError? TaskError => Is(ServiceErrorKind.Task) ? (TaskError)Code : null;

    private bool Is(ServiceErrorKind kind) => ErrorKind == kind;

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        var span = writer.ReserveRawBytes(4);
        span[0] = (byte)Tag;
        span[1] = (byte)Service;
        span[2] = (byte)ErrorKind;
        span[3] = Code;
    }

    /// <summary>Decodes a whole ConfirmedServiceError, tag included. Unknown alternatives are kept as numbers.</summary>
    public static ConfirmedServiceError Decode(ReadOnlyMemory<byte> apdu) => Decode(apdu, 0);

    internal static ConfirmedServiceError Decode(ReadOnlyMemory<byte> apdu, int baseOffset)
    {
        var reader = new AxdrReader(apdu.Span, baseOffset);
        int at = reader.AbsolutePosition;
        if (reader.ReadRawByte("tag") != (byte)ApduTag.ConfirmedServiceError)
        {
            throw new CosemEncodingException("Not a ConfirmedServiceError (tag 14).", at, "tag");
        }
        var service = (ConfirmedServiceKind)reader.ReadRawByte("service");
        var kind = (ServiceErrorKind)reader.ReadRawByte("service-error");
        byte code = reader.ReadRawByte("service-error value");
        reader.EnsureAtEnd("ConfirmedServiceError");
        return new ConfirmedServiceError(service, kind, code);
    }

    public override string ToString() => $"ConfirmedServiceError({Service}, {ErrorKind} {Code})";
}
