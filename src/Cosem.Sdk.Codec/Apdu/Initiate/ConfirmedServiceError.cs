using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// xDLMS ConfirmedServiceError [14] (IEC 62056-5-3 §8): <c>0E service error-kind code</c>. In the AARE
/// user-information (service <see cref="ConfirmedServiceKind.InitiateError"/>) it says why the xDLMS context was
/// refused; standalone it answers a failed SN service.
/// </summary>
public sealed class ConfirmedServiceError : Apdu
{
    /// <summary>
    /// Builds a ConfirmedServiceError from the failed service, the ServiceError CHOICE alternative and its ENUMERATED
    /// reason code.
    /// </summary>
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

    /// <summary>
    /// The confirmed service that failed: the CHOICE tag before the ServiceError (initiateError [1] in an AARE, read
    /// [5], write [6] in SN).
    /// </summary>
    public ConfirmedServiceKind Service { get; }

    /// <summary>The ServiceError CHOICE alternative, which decides how <see cref="Code"/> is read.</summary>
    public ServiceErrorKind ErrorKind { get; }

    /// <summary>The ENUMERATED value; read it through the property matching <see cref="ErrorKind"/>.</summary>
    public byte Code { get; }

    /// <summary>
    /// The application-reference [0] reason, or null when <see cref="ErrorKind"/> is another alternative.
    /// </summary>
    public ApplicationReferenceError? ApplicationReferenceError => Is(ServiceErrorKind.ApplicationReference) ? (ApplicationReferenceError)Code : null;
    /// <summary>
    /// The hardware-resource [1] reason, or null when <see cref="ErrorKind"/> is another alternative.
    /// </summary>
    public HardwareResourceError? HardwareResourceError => Is(ServiceErrorKind.HardwareResource) ? (HardwareResourceError)Code : null;
    /// <summary>The vde-state-error [2] reason, or null when <see cref="ErrorKind"/> is another alternative.</summary>
    public VdeStateError? VdeStateError => Is(ServiceErrorKind.VdeStateError) ? (VdeStateError)Code : null;
    /// <summary>The service [3] reason, or null when <see cref="ErrorKind"/> is another alternative.</summary>
    public ServiceError? ServiceError => Is(ServiceErrorKind.Service) ? (ServiceError)Code : null;
    /// <summary>The definition [4] reason, or null when <see cref="ErrorKind"/> is another alternative.</summary>
    public DefinitionError? DefinitionError => Is(ServiceErrorKind.Definition) ? (DefinitionError)Code : null;
    /// <summary>The access [5] reason, or null when <see cref="ErrorKind"/> is another alternative.</summary>
    public AccessError? AccessError => Is(ServiceErrorKind.Access) ? (AccessError)Code : null;
    /// <summary>
    /// The initiate [6] reason (why the xDLMS context was refused), or null when <see cref="ErrorKind"/> is another
    /// alternative.
    /// </summary>
    public InitiateError? InitiateError => Is(ServiceErrorKind.Initiate) ? (InitiateError)Code : null;
    /// <summary>The load-data-set [7] reason, or null when <see cref="ErrorKind"/> is another alternative.</summary>
    public LoadDataSetError? LoadDataSetError => Is(ServiceErrorKind.LoadDataSet) ? (LoadDataSetError)Code : null;
    /// <summary>The task [9] reason, or null when <see cref="ErrorKind"/> is another alternative.</summary>
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

    /// <summary>"ConfirmedServiceError(service, kind code)"; for logs.</summary>
    public override string ToString() => $"ConfirmedServiceError({Service}, {ErrorKind} {Code})";
}
