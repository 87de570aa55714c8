using System.Text;
using System.Xml;

namespace Cosem.Sdk.Translation;

/// <summary>The XML spelling of a <see cref="PduElement"/> tree: elements, attributes, nothing else.</summary>
public static class PduXml
{
    internal static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Indent = true,
        IndentChars = "  ",
        OmitXmlDeclaration = true,
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>The tree as indented XML (two spaces) without an XML declaration; line breaks inside values are entitized.</summary>
    public static string Write(PduElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder(256);
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            WriteElement(writer, root);
        }
        return text.ToString();
    }

    private static void WriteElement(XmlWriter writer, PduElement element)
    {
        writer.WriteStartElement(element.Name);
        foreach (var attribute in element.Attributes)
        {
            writer.WriteAttributeString(attribute.Key, attribute.Value);
        }
        foreach (var child in element.Children)
        {
            WriteElement(writer, child);
        }
        writer.WriteEndElement();
    }

    /// <summary>Reads one element tree, keeping line numbers for error messages.</summary>
    /// <exception cref="PduTextException">Malformed XML, or text content where only elements belong.</exception>
    public static PduElement Read(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineInfo = reader as IXmlLineInfo;
        var stack = new Stack<PduElement>();
        PduElement? root = null;
        try
        {
            while (reader.Read())
            {
                int line = lineInfo?.HasLineInfo() == true ? lineInfo.LineNumber : 0;
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = new PduElement(reader.LocalName, line);
                        if (stack.Count > 0)
                        {
                            stack.Peek().Add(element);
                        }
                        else if (root is null)
                        {
                            root = element;
                        }
                        else
                        {
                            throw new PduTextException("More than one root element.", "/" + reader.LocalName, line);
                        }
                        bool empty = reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns")
                                {
                                    element.Set(reader.LocalName, reader.Value);
                                }
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }
                        if (!empty)
                        {
                            stack.Push(element);
                        }
                        break;
                    case XmlNodeType.EndElement:
                        stack.Pop();
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        throw new PduTextException($"Unexpected text \"{reader.Value.Trim()}\"; values belong in attributes.", PathOf(stack), line);
                }
            }
        }
        catch (XmlException e)
        {
            throw new PduTextException(e.Message, PathOf(stack), e.LineNumber, e);
        }
        return root ?? throw new PduTextException("No root element.", "", 0);
    }

    private static string PathOf(Stack<PduElement> stack) => string.Concat(stack.Reverse().Select(e => "/" + e.Name));
}
