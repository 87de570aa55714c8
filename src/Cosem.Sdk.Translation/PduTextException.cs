namespace Cosem.Sdk.Translation;

/// <summary>
/// A translated PDU (XML or JSON) that cannot be turned back into bytes: malformed text, an unknown element,
/// a missing or unreadable attribute. <see cref="Path"/> and <see cref="LineNumber"/> say where.
/// </summary>
public class PduTextException : CosemException
{
    /// <summary>The failure <paramref name="message"/>, prefixed in <see cref="Exception.Message"/> with the line and path when known.</summary>
    /// <param name="message">What is wrong, without the position.</param>
    /// <param name="path">Element path from the root; empty when unknown.</param>
    /// <param name="lineNumber">1-based line in the text; 0 when unknown.</param>
    /// <param name="innerException">The parser or codec error behind this one, if any.</param>
    public PduTextException(string message, string path, int lineNumber, Exception? innerException = null)
        : base(Compose(message, path, lineNumber), innerException)
    {
        Reason = message;
        Path = path;
        LineNumber = lineNumber;
    }

    /// <summary>Element path from the root, e.g. <c>/GetRequest/GetRequestNormal/AttributeDescriptor</c>.</summary>
    public string Path { get; }

    /// <summary>1-based line in the text; 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The failure without the position prefix.</summary>
    public string Reason { get; }

    private static string Compose(string message, string path, int line) => (line > 0, path.Length > 0) switch
    {
        (true, true) => $"Line {line}, {path}: {message}",
        (true, false) => $"Line {line}: {message}",
        (false, true) => $"{path}: {message}",
        _ => message,
    };
}
