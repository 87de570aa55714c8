namespace Cosem.Sdk;

/// <summary>
/// Base of every error the SDK raises on purpose: malformed bytes, protocol violations, refusals by the peer,
/// security failures. Catch this to handle "the meter or the data was wrong" apart from programming errors.
/// </summary>
public class CosemException : Exception
{
    /// <summary>An SDK error with its message.</summary>
    public CosemException(string message) : base(message) { }

    /// <summary>An SDK error caused by <paramref name="innerException"/>.</summary>
    public CosemException(string message, Exception? innerException) : base(message, innerException) { }
}
