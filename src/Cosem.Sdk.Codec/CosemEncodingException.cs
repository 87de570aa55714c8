namespace Cosem.Sdk;

/// <summary>
/// Bytes that do not decode (truncated, an unknown tag, a length that overruns the buffer), or a value that
/// cannot be encoded. <see cref="Offset"/> and <see cref="Field"/> say where decoding stopped and what it read.
/// </summary>
public class CosemEncodingException : CosemException
{
    /// <summary>
    /// An encoding error; <paramref name="offset"/> is the byte position where it was found (-1 when unknown) and
    /// <paramref name="field"/> the ASN.1 field being read.
    /// </summary>
    public CosemEncodingException(string message, int offset = -1, string? field = null, Exception? innerException = null)
        : base(Compose(message, offset, field), innerException)
    {
        Offset = offset;
        Field = field;
        Reason = message;
    }

    /// <summary>Byte offset from the start of the decoded unit at which the failure was found; -1 when unknown.</summary>
    public int Offset { get; }

    /// <summary>Name of the field being read or written, in the words of IEC 62056-5-3/6-2 where it has one.</summary>
    public string? Field { get; }

    /// <summary>The failure without the position prefix.</summary>
    public string Reason { get; }

    private static string Compose(string message, int offset, string? field) => (offset, field) switch
    {
        ( >= 0, not null) => $"At byte {offset} ({field}): {message}",
        ( >= 0, null) => $"At byte {offset}: {message}",
        (_, not null) => $"{field}: {message}",
        _ => message,
    };
}
