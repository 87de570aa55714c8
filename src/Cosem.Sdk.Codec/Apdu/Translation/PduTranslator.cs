using System.Xml;
using System.Xml.Linq;
using Cosem.Sdk.Apdu.Translation.Grammar;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu.Translation;

/// <summary>
/// Translates any xDLMS or ACSE APDU (IEC 62056-5-3) to readable XML or JSON, field by field, and back to the
/// identical bytes. One declarative grammar drives both directions; optional <see cref="IFrameCodec"/>s show
/// the transport frame around the APDU.
/// </summary>
/// <example><code>
/// string xml = PduTranslator.Default.ToXml(Convert.FromHexString("C001C100080000010000FF0200"));
/// byte[] bytes = PduTranslator.Default.FromXml(xml);
/// </code></example>
public sealed class PduTranslator
{
    /// <summary>Element that holds a frame payload that is not a whole APDU (a segment, a control frame's data).</summary>
    public const string PayloadElement = "Payload";

    private readonly IFrameCodec[] _frameCodecs;

    public PduTranslator() : this([])
    {
    }

    public PduTranslator(IEnumerable<IFrameCodec> frameCodecs)
    {
        ArgumentNullException.ThrowIfNull(frameCodecs);
        _frameCodecs = [.. frameCodecs];
    }

    /// <summary>A translator for bare APDUs.</summary>
    public static PduTranslator Default { get; } = new();

    /// <summary>The frame codecs consulted before the input is taken as a bare APDU.</summary>
    public IReadOnlyList<IFrameCodec> FrameCodecs => _frameCodecs;

    // ---- Bytes to tree --------------------------------------------------------------------------------------

    /// <summary>Decodes a frame (if a codec recognises one) or a bare APDU into an element tree.</summary>
    /// <exception cref="CosemEncodingException">The bytes are not a valid APDU; Offset and Field say where.</exception>
    public PduElement Decode(ReadOnlySpan<byte> input)
    {
        foreach (var codec in _frameCodecs)
        {
            if (codec.TryUnwrap(input, out var frame))
            {
                return DecodeFrame(codec, frame);
            }
        }
        return DecodeApdu(input);
    }

    /// <summary>Decodes one bare APDU, ignoring frame codecs.</summary>
    public static PduElement DecodeApdu(ReadOnlySpan<byte> apdu)
    {
        if (apdu.IsEmpty)
        {
            throw new CosemEncodingException("No bytes to translate.", 0, "APDU");
        }
        var context = new DecodeContext();
        var holder = new PduElement("Pdu");
        var reader = new AxdrReader(apdu);
        XdlmsGrammar.Apdu.Decode(ref reader, holder, context);
        reader.EnsureAtEnd("APDU");
        return holder.Children[0];
    }

    private static PduElement DecodeFrame(IFrameCodec codec, FrameParts frame)
    {
        var root = new PduElement(codec.ElementName);
        foreach (var field in frame.Fields)
        {
            root.Set(field.Key, field.Value);
        }
        if (frame.Payload.IsEmpty)
        {
            return root;
        }
        try
        {
            root.Add(DecodeApdu(frame.Payload.Span));
        }
        catch (CosemEncodingException e)
        {
            // A frame may carry a segment of an APDU, or data that is no APDU at all: show it as bytes.
            root.Add(PayloadElement).Set("Value", HexText.Format(frame.Payload.Span)).Set("NotAnApdu", e.Message);
        }
        return root;
    }

    // ---- Tree to bytes --------------------------------------------------------------------------------------

    /// <summary>Encodes an element tree (a bare APDU or a frame) back to bytes.</summary>
    /// <exception cref="PduTextException">The tree does not follow the grammar; Path and LineNumber say where.</exception>
    public byte[] Encode(PduElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var codec = Array.Find(_frameCodecs, c => c.ElementName == root.Name);
        if (codec is null)
        {
            return EncodeApdu(root);
        }
        var cursor = new ElementCursor(root, "");
        byte[] payload = [];
        if (cursor.Peek is { } child)
        {
            payload = child.Name == PayloadElement ? cursor.TakeAny("payload").RequiredHex("Value") : EncodeApdu(cursor.TakeAny("APDU").Element);
        }
        cursor.EnsureConsumed();
        try
        {
            return codec.Wrap(root.Attributes, payload);
        }
        catch (Exception e) when (e is CosemException or FormatException or ArgumentException)
        {
            throw cursor.Error(e.Message, e);
        }
    }

    private static byte[] EncodeApdu(PduElement apdu)
    {
        var holder = new PduElement("Pdu");
        holder.Add(apdu);
        var cursor = ElementCursor.Root(holder);
        var writer = new PduWriter();
        XdlmsGrammar.Apdu.Encode(cursor, writer);
        cursor.EnsureConsumed();
        return writer.WrittenSpan.ToArray();
    }

    // ---- XML ------------------------------------------------------------------------------------------------

    /// <summary>The APDU (or frame) as indented XML.</summary>
    public string ToXml(ReadOnlySpan<byte> pdu) => PduXml.Write(Decode(pdu));

    /// <summary>The APDU (or frame) as an XML document.</summary>
    public XDocument ToXDocument(ReadOnlySpan<byte> pdu) => XDocument.Parse(ToXml(pdu), LoadOptions.None);

    public byte[] FromXml(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, PduXml.ReaderSettings);
        return FromXml(reader);
    }

    public byte[] FromXml(XmlReader reader) => Encode(PduXml.Read(reader));

    public byte[] FromXml(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var reader = document.CreateReader();
        return FromXml(reader);
    }

    // ---- JSON -----------------------------------------------------------------------------------------------

    /// <summary>The APDU (or frame) as indented JSON mirroring the XML tree.</summary>
    public string ToJson(ReadOnlySpan<byte> pdu) => PduJson.Write(Decode(pdu));

    public byte[] FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Encode(PduJson.Read(json));
    }
}
