namespace Cosem.Sdk.Translation;

/// <summary>
/// One node of a translated PDU: an element with named text attributes and child elements. The XML and JSON
/// forms are two spellings of this tree; the grammar reads and writes bytes from and to it.
/// </summary>
public sealed class PduElement
{
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private readonly List<PduElement> _children = [];

    /// <summary>An element without attributes or children.</summary>
    /// <param name="name">The element name; not empty.</param>
    /// <param name="lineNumber">1-based line of the element in the text it was read from, for error messages; 0 when built in code.</param>
    public PduElement(string name, int lineNumber = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        LineNumber = lineNumber;
    }

    /// <summary>The element name: an ASN.1 field or alternative name in PascalCase.</summary>
    public string Name { get; }

    /// <summary>Line in the XML or JSON text it was read from; 0 when built from bytes.</summary>
    public int LineNumber { get; }

    /// <summary>Attributes in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes;

    /// <summary>Child elements in document order.</summary>
    public IReadOnlyList<PduElement> Children => _children;

    /// <summary>The attribute value, or null when absent.</summary>
    public string? this[string attribute]
    {
        get
        {
            foreach (var pair in _attributes)
            {
                if (pair.Key == attribute)
                {
                    return pair.Value;
                }
            }
            return null;
        }
    }

    /// <summary>Sets (or replaces) an attribute.</summary>
    public PduElement Set(string attribute, string value)
    {
        for (int i = 0; i < _attributes.Count; i++)
        {
            if (_attributes[i].Key == attribute)
            {
                _attributes[i] = new(attribute, value);
                return this;
            }
        }
        _attributes.Add(new(attribute, value));
        return this;
    }

    /// <summary>Appends a child and returns it.</summary>
    public PduElement Add(PduElement child)
    {
        _children.Add(child);
        return child;
    }

    /// <summary>Appends a new child named <paramref name="name"/> and returns it.</summary>
    public PduElement Add(string name) => Add(new PduElement(name));

    /// <summary>The first child named <paramref name="name"/>, or null.</summary>
    public PduElement? Child(string name) => _children.Find(c => c.Name == name);

    /// <summary>The element and its subtree as indented XML (<see cref="PduXml.Write"/>).</summary>
    public override string ToString() => PduXml.Write(this);
}
