using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A server's refusal of an APDU it could not handle, tag 216 (IEC 62056-5-3 §9.5, EXCEPTION-Response ::= SEQUENCE
/// { state-error [0] ENUMERATED, service-error [1] CHOICE { operation-not-possible [1] … deciphering-error [5] NULL,
/// invocation-counter-error [6] Unsigned32 } }).
/// </summary>
public sealed class ExceptionResponse : Apdu
{
    /// <summary>
    /// Builds an EXCEPTION-Response; <paramref name="invocationCounter"/> goes with invocation-counter-error only.
    /// </summary>
    /// <param name="stateError">state-error [0]: whether the service was not allowed in the current state or
    /// unknown.</param>
    /// <param name="serviceError">service-error [1]: why the APDU could not be processed.</param>
    /// <param name="invocationCounter">Required with <see cref="ExceptionServiceError.InvocationCounterError"/>, refused otherwise.</param>
    public ExceptionResponse(ExceptionStateError stateError, ExceptionServiceError serviceError, uint? invocationCounter = null)
    {
        if (invocationCounter.HasValue != (serviceError == ExceptionServiceError.InvocationCounterError))
        {
            throw new ArgumentException(
                "An invocation counter is carried exactly when the service error is invocation-counter-error.", nameof(invocationCounter));
        }
        StateError = stateError;
        ServiceError = serviceError;
        InvocationCounter = invocationCounter;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.ExceptionResponse;

    /// <summary>state-error [0]: service-not-allowed or service-unknown.</summary>
    public ExceptionStateError StateError { get; init; }

    /// <summary>
    /// service-error [1]: why the APDU could not be processed (e.g. deciphering-error, invocation-counter-error).
    /// </summary>
    public ExceptionServiceError ServiceError { get; init; }

    /// <summary>With <see cref="ExceptionServiceError.InvocationCounterError"/>: the invocation counter the server expects.</summary>
    public uint? InvocationCounter { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteRawByte((byte)StateError);
        writer.WriteRawByte((byte)ServiceError);
        if (ServiceError == ExceptionServiceError.InvocationCounterError)
        {
            writer.WriteRawUInt32(InvocationCounter.GetValueOrDefault());
        }
    }

    internal static ExceptionResponse Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.ExceptionResponse);
        var stateError = (ExceptionStateError)reader.ReadRawByte("state-error");
        int at = reader.AbsolutePosition;
        var serviceError = (ExceptionServiceError)reader.ReadRawByte("service-error");
        switch (serviceError)
        {
            case >= ExceptionServiceError.OperationNotPossible and <= ExceptionServiceError.DecipheringError:
                return new ExceptionResponse(stateError, serviceError);
            case ExceptionServiceError.InvocationCounterError:
                return new ExceptionResponse(stateError, serviceError, reader.ReadRawUInt32("invocation-counter-error"));
            default:
                throw ApduFields.UnknownChoice(at, (byte)serviceError, "service-error");
        }
    }
}
