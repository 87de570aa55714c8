namespace Cosem.Sdk.Client;

/// <summary>
/// What the client accepts from meters that do not follow the standard to the letter (installed meters often do
/// not). Every switch is on by default because each deviation can be read without guessing; each time one is
/// accepted the client logs a warning (category <c>Cosem.Sdk.Client</c>) that names it. Turn a switch off to make
/// that deviation an error again, e.g. in conformance testing. Set through
/// <see cref="AssociationOptions.Compatibility"/>; <see cref="Strict"/> turns every switch off.
/// </summary>
public sealed class CompatibilityOptions
{
    /// <summary>Every tolerance on: what a client uses unless told otherwise.</summary>
    public static CompatibilityOptions Default { get; } = new();

    /// <summary>Every tolerance off: any deviation from IEC 62056-5-3/-46 is an error.</summary>
    public static CompatibilityOptions Strict { get; } = new()
    {
        AcceptMalformedAcse = false,
        AcceptWithListBlocksUnderListTag = false,
        AcceptUnnegotiatedBlockTransfer = false,
        AcceptMalformedHdlcParameters = false,
        AcceptIrregularDeviation = false,
        FallBackToSingleRequests = false,
    };

    /// <summary>
    /// An AARE or RLRE whose BER lengths are wrong (the outer length or the last field's length overrunning or
    /// falling short of the bytes received) or that carries trailing bytes is re-framed from the bytes actually
    /// received. An RLRE that cannot be read even then still completes the release, since the association ends
    /// either way. Off: such an AARE fails the association and such an RLRE fails the release with a
    /// <see cref="CosemEncodingException"/>.
    /// </summary>
    public bool AcceptMalformedAcse { get; init; } = true;

    /// <summary>
    /// A GET-Response-With-List answer sent in data blocks under the with-list choice [3] instead of the block
    /// choice [2] (IEC 62056-5-3 §9.3.6 GET-Response) is read as the data block it is. Off: a decoding error.
    /// </summary>
    public bool AcceptWithListBlocksUnderListTag { get; init; } = true;

    /// <summary>
    /// A GET or ACTION answer in blocks although the meter did not grant block transfer for that service in the
    /// association is collected as usual. Off: a <see cref="CosemProtocolException"/>.
    /// </summary>
    public bool AcceptUnnegotiatedBlockTransfer { get; init; } = true;

    /// <summary>
    /// HDLC only: a UA (or DM) whose parameter negotiation field gives a wrong group length is read from the bytes
    /// actually present (IEC 62056-46 §6.4.4.4.3.2); parameters that still cannot be read keep their defaults.
    /// Off: the link set-up fails with a <see cref="Transport.CosemTransportException"/>.
    /// </summary>
    public bool AcceptMalformedHdlcParameters { get; init; } = true;

    /// <summary>
    /// A date-time whose deviation is not a multiple of 15 minutes, or is outside −720..720 (the Blue Book range,
    /// §4.1.6.1) on a date with wildcards, is kept as received and reported by
    /// <see cref="DateTimeDeviation.Check"/> (which <c>cosem read</c> uses). Off: the same check throws
    /// <see cref="CosemEncodingException"/> for such values.
    /// </summary>
    public bool AcceptIrregularDeviation { get; init; } = true;

    /// <summary>
    /// When a whole GET-Request-With-List is refused (EXCEPTION-Response, confirmed-service-error, an unreadable or
    /// mismatched answer), the attributes of that batch are read again one GET-Request-Normal each, so one attribute
    /// the meter cannot put in a list does not cost the others. Off: the batch's failure is thrown.
    /// </summary>
    public bool FallBackToSingleRequests { get; init; } = true;
}
