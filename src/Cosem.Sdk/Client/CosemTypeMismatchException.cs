using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Client;

/// <summary>
/// A typed read got a value whose A-XDR type differs from the class definition (e.g. a double-long where the
/// Blue Book says long-unsigned). The value itself was well formed: <see cref="RawValue"/> carries it decoded as
/// generic data, so callers can still show or convert it.
/// </summary>
public sealed class CosemTypeMismatchException : CosemEncodingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was read, what was expected and what came.</param>
    /// <param name="rawValue">The value as received, decoded as generic data.</param>
    /// <param name="expectedType">The CLR type the typed decoder produces.</param>
    /// <param name="innerException">The typed decoder's failure.</param>
    public CosemTypeMismatchException(string message, CosemData rawValue, Type expectedType, Exception? innerException = null)
        : base(message, -1, null, innerException)
    {
        RawValue = rawValue;
        ExpectedType = expectedType;
    }

    /// <summary>The value as the meter sent it, decoded as generic data.</summary>
    public CosemData RawValue { get; }

    /// <summary>The CLR type the typed decoder produces.</summary>
    public Type ExpectedType { get; }
}
