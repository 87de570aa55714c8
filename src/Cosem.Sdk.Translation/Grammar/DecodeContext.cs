namespace Cosem.Sdk.Translation.Grammar;

/// <summary>State carried while decoding: the element path (for error messages) and nesting depth.</summary>
internal sealed class DecodeContext
{
    private readonly List<string> _path = [];

    /// <summary>Deepest nesting of grammar fields and Data values accepted from hostile input.</summary>
    public const int MaxDepth = 96;

    /// <summary>Where decoding is, as "GetRequest/GetRequestNormal/AttributeDescriptor".</summary>
    public string Path => _path.Count == 0 ? "APDU" : string.Join('/', _path);

    /// <summary>Enters a named field; the caller leaves it with <see cref="Leave"/> when the field decoded.</summary>
    public void Enter(string name, int offset)
    {
        if (_path.Count >= MaxDepth)
        {
            throw new CosemEncodingException($"Nested deeper than {MaxDepth} levels.", offset, Path);
        }
        _path.Add(name);
    }

    public void Leave() => _path.RemoveAt(_path.Count - 1);

    public CosemEncodingException Error(string message, int offset) => new(message, offset, Path);
}
