using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Diagnostics;

namespace Cosem.Sdk.Server;

/// <summary>
/// Why a request is answered with an EXCEPTION-Response instead of being served (IEC 62056-5-3 §9.4, §9.5): the one
/// refusal path of the service processor and of every protection (glo, ded, general, signed).
/// </summary>
/// <param name="State">state-error of the EXCEPTION-Response.</param>
/// <param name="Service">service-error of the EXCEPTION-Response.</param>
/// <param name="Reason">What was wrong, for the log only (never sent to the client).</param>
/// <param name="ExpectedCounter">For invocation-counter-error: the lowest counter the server would accept.</param>
internal readonly record struct RequestRefusal(ExceptionStateError State, ExceptionServiceError Service, string Reason, uint? ExpectedCounter = null)
{
    /// <summary>A request that cannot be opened or verified: wrong key, title, tag or signature.</summary>
    public static RequestRefusal Deciphering(string reason) => new(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.DecipheringError, reason);

    /// <summary>A request the association's state or policy does not allow now.</summary>
    public static RequestRefusal NotPossible(string reason) => new(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OperationNotPossible, reason);

    /// <summary>A request malformed in a way no other error names.</summary>
    public static RequestRefusal Other(string reason) => new(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason, reason);

    /// <summary>A replayed or stale invocation counter; <paramref name="expected"/> tells the client where to continue.</summary>
    public static RequestRefusal Counter(uint expected, string reason) =>
        new(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.InvocationCounterError, reason, expected);

    /// <summary>Counts (and, rate-limited, logs) the refusal of an unconfirmed request, which gets no answer.</summary>
    public void Discard(SessionRefusals refusals) => refusals.Record(RefusalReasons.ForServiceError(Service), $"{Reason} (unconfirmed: discarded)");

    /// <summary>Counts (and, rate-limited, logs) the refusal and writes its EXCEPTION-Response.</summary>
    public void Answer(SessionRefusals refusals, IBufferWriter<byte> response)
    {
        var reason = RefusalReasons.ForServiceError(Service);
        refusals.Record(reason, Reason);
        if (Service is ExceptionServiceError.DecipheringError or ExceptionServiceError.InvocationCounterError)
        {
            CosemTelemetry.ProtectionFailures.Add(1, new KeyValuePair<string, object?>(CosemTelemetry.SideTag, "server"),
                new KeyValuePair<string, object?>(CosemTelemetry.ReasonTag, reason));
        }
        var writer = new AxdrWriter(response);
        new ExceptionResponse(State, Service, ExpectedCounter).Encode(ref writer);
        writer.Flush();
    }
}
