using System.Globalization;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// Walks the children of one element in order while encoding, and turns every problem with the text
/// (missing element, unreadable attribute) into a <see cref="PduTextException"/> naming the element path and line.
/// </summary>
internal sealed class ElementCursor
{
    /// <summary>Deepest element nesting accepted from text, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 200;

    private readonly int _depth;
    private int _next;

    public ElementCursor(PduElement element, string parentPath)
        : this(element, parentPath, 0)
    {
    }

    private ElementCursor(PduElement element, string parentPath, int depth)
    {
        Element = element;
        Path = parentPath + "/" + element.Name;
        _depth = depth;
        if (depth > MaxDepth)
        {
            throw Error($"Elements nested deeper than {MaxDepth} levels.");
        }
    }

    private ElementCursor(PduElement element)
    {
        Element = element;
        Path = "";
    }

    /// <summary>A cursor over a synthetic holder element, so its children get paths like "/GetRequest".</summary>
    public static ElementCursor Root(PduElement holder) => new(holder);

    public PduElement Element { get; }

    public string Path { get; }

    public bool HasMore => _next < Element.Children.Count;

    /// <summary>Children not consumed yet.</summary>
    public int RemainingCount => Element.Children.Count - _next;

    /// <summary>The next unconsumed child, or null.</summary>
    public PduElement? Peek => HasMore ? Element.Children[_next] : null;

    /// <summary>Name of the next unconsumed child, or null.</summary>
    public string? PeekName => Peek?.Name;

    /// <summary>Consumes the next child, which must be named <paramref name="name"/>.</summary>
    public ElementCursor Take(string name)
    {
        if (!HasMore)
        {
            throw Error($"Missing element <{name}>.");
        }
        var child = Element.Children[_next];
        if (child.Name != name)
        {
            throw new PduTextException($"Expected element <{name}> but found <{child.Name}>.", Path + "/" + child.Name, child.LineNumber);
        }
        _next++;
        return new ElementCursor(child, Path, _depth + 1);
    }

    /// <summary>Consumes the next child whatever its name.</summary>
    public ElementCursor TakeAny(string what)
    {
        if (!HasMore)
        {
            throw Error($"Missing {what}.");
        }
        return new ElementCursor(Element.Children[_next++], Path, _depth + 1);
    }

    /// <summary>Throws if a child was not consumed: an element the grammar does not expect here.</summary>
    public void EnsureConsumed()
    {
        if (HasMore)
        {
            var extra = Element.Children[_next];
            throw new PduTextException($"Unexpected element <{extra.Name}>.", Path + "/" + extra.Name, extra.LineNumber);
        }
    }

    public PduTextException Error(string message, Exception? inner = null) =>
        new(message, Path, Element.LineNumber, inner);

    public string? Attribute(string name) => Element[name];

    public string Required(string name) =>
        Element[name] ?? throw Error($"Missing attribute {name}.");

    /// <summary>An unsigned number in decimal, or hexadecimal with a 0x prefix.</summary>
    public ulong ParseUnsigned(string attribute, string text, ulong max)
    {
        var span = text.AsSpan().Trim();
        bool ok = span.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
            : ulong.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok || value > max)
        {
            throw Error($"Attribute {attribute}=\"{text}\" is not a number from 0 to {max}.");
        }
        return value;
    }

    public ulong RequiredUnsigned(string attribute, ulong max) => ParseUnsigned(attribute, Required(attribute), max);

    public long RequiredSigned(string attribute, long min, long max)
    {
        string text = Required(attribute);
        if (!long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            || value < min || value > max)
        {
            throw Error($"Attribute {attribute}=\"{text}\" is not a number from {min} to {max}.");
        }
        return value;
    }

    /// <summary>Hex digits; spaces and a 0x prefix are allowed.</summary>
    public byte[] ParseHex(string attribute, string text)
    {
        return HexText.TryParse(text, out var bytes)
            ? bytes
            : throw Error($"Attribute {attribute}=\"{Shorten(text)}\" is not hexadecimal bytes.");
    }

    public byte[] RequiredHex(string attribute) => ParseHex(attribute, Required(attribute));

    public bool ParseBoolean(string attribute, string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Error($"Attribute {attribute}=\"{text}\" is not true or false."),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
