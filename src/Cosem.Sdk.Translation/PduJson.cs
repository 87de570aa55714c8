using System.Text;
using System.Text.Json;

namespace Cosem.Sdk.Translation;

/// <summary>
/// The JSON spelling of a <see cref="PduElement"/> tree, mirroring the XML: the document is an object with one
/// property, the root element. An element is an object whose string properties are its attributes and whose
/// object properties are its children; when child names repeat (lists), the children go in order into an
/// "Items" array of one-property objects.
/// </summary>
public static class PduJson
{
    /// <summary>Property that holds the children of an element whose child names repeat.</summary>
    public const string ItemsProperty = "Items";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The tree as indented JSON; non-ASCII text is written as is, not escaped.</summary>
    public static string Write(PduElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(root.Name);
            WriteElement(writer, root);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteElement(Utf8JsonWriter writer, PduElement element)
    {
        writer.WriteStartObject();
        foreach (var attribute in element.Attributes)
        {
            writer.WriteString(attribute.Key, attribute.Value);
        }
        if (NeedsItems(element))
        {
            writer.WriteStartArray(ItemsProperty);
            foreach (var child in element.Children)
            {
                writer.WriteStartObject();
                writer.WritePropertyName(child.Name);
                WriteElement(writer, child);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        else
        {
            foreach (var child in element.Children)
            {
                writer.WritePropertyName(child.Name);
                WriteElement(writer, child);
            }
        }
        writer.WriteEndObject();
    }

    private static bool NeedsItems(PduElement element)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { ItemsProperty };
        foreach (var attribute in element.Attributes)
        {
            names.Add(attribute.Key);
        }
        return element.Children.Any(child => !names.Add(child.Name));
    }

    /// <summary>Reads the tree back.</summary>
    /// <exception cref="PduTextException">Malformed JSON or a shape that is not an element tree; with path and line.</exception>
    public static PduElement Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, "", lines, "The document must be an object with one property, the root element.");
            Expect(ref reader, JsonTokenType.PropertyName, "", lines, "The document must be an object with one property, the root element.");
            var root = ReadElement(ref reader, reader.GetString()!, "", lines);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
            {
                throw new PduTextException("The document must have exactly one root element.", "", lines.LineOf(reader.TokenStartIndex));
            }
            if (reader.Read())
            {
                throw new PduTextException("Unexpected content after the root object.", "", lines.LineOf(reader.TokenStartIndex));
            }
            return root;
        }
        catch (JsonException e)
        {
            throw new PduTextException(e.Message, "", (int)(e.LineNumber ?? -1) + 1, e);
        }
    }

    /// <summary>Reads the value of property <paramref name="name"/> (the reader is on the property name) as an element.</summary>
    private static PduElement ReadElement(ref Utf8JsonReader reader, string name, string parentPath, LineMap lines)
    {
        string path = parentPath + "/" + name;
        int line = lines.LineOf(reader.TokenStartIndex);
        if (name.Length == 0)
        {
            throw new PduTextException("Empty element name.", path, line);
        }
        Expect(ref reader, JsonTokenType.StartObject, path, lines, $"The value of \"{name}\" must be an object.");
        var element = new PduElement(name, line);
        ReadBody(ref reader, element, path, lines);
        return element;
    }

    /// <summary>Reads the properties of an object whose StartObject has been consumed.</summary>
    private static void ReadBody(ref Utf8JsonReader reader, PduElement element, string path, LineMap lines)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string property = reader.GetString()!;
            int propertyLine = lines.LineOf(reader.TokenStartIndex);
            if (!reader.Read())
            {
                break;
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    element.Set(property, reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    element.Set(property, Encoding.UTF8.GetString(reader.ValueSpan));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    element.Set(property, reader.TokenType == JsonTokenType.True ? "true" : "false");
                    break;
                case JsonTokenType.StartObject:
                    if (property.Length == 0)
                    {
                        throw new PduTextException("Empty element name.", path, propertyLine);
                    }
                    var child = new PduElement(property, propertyLine);
                    ReadBody(ref reader, child, path + "/" + property, lines);
                    element.Add(child);
                    break;
                case JsonTokenType.StartArray when property == ItemsProperty:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new PduTextException("Each item must be an object with one property, the child element.", path, lines.LineOf(reader.TokenStartIndex));
                        }
                        Expect(ref reader, JsonTokenType.PropertyName, path, lines, "Each item must be an object with one property, the child element.");
                        element.Add(ReadElement(ref reader, reader.GetString()!, path, lines));
                        Expect(ref reader, JsonTokenType.EndObject, path, lines, "Each item must have exactly one property.");
                    }
                    break;
                default:
                    throw new PduTextException($"Property \"{property}\" must be a string (attribute) or an object (child element).", path, propertyLine);
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new PduTextException("Unterminated object.", path, lines.LineOf(reader.TokenStartIndex));
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path, LineMap lines, string message)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new PduTextException(message, path, lines.LineOf(reader.TokenStartIndex));
        }
    }

    /// <summary>Byte offset to 1-based line number.</summary>
    private sealed class LineMap(byte[] utf8)
    {
        private readonly int[] _lineStarts = [0, .. utf8.Select((b, i) => (b, i)).Where(p => p.b == (byte)'\n').Select(p => p.i + 1)];

        public int LineOf(long offset)
        {
            int index = Array.BinarySearch(_lineStarts, (int)Math.Min(offset, int.MaxValue));
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
