using System.Xml;
using System.Xml.Linq;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation;

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

    /// <summary>
    /// Element, last in a ciphered envelope, that shows the decrypted APDU. Informational: the envelope fields are
    /// authoritative, so translating back ignores it and gives the identical ciphered bytes.
    /// </summary>
    public const string DecryptedElement = "DecryptedApdu";

    private readonly IFrameCodec[] _frameCodecs;
    private readonly IPayloadDecryptor? _decryptor;

    /// <summary>A translator for bare APDUs, without frame codecs or decryption (like <see cref="Default"/>).</summary>
    public PduTranslator() : this([])
    {
    }

    /// <summary>A translator that also recognises the frames of <paramref name="frameCodecs"/>; ciphered APDUs show their envelope only.</summary>
    /// <param name="frameCodecs">Codecs tried in order before the input is taken as a bare APDU.</param>
    public PduTranslator(IEnumerable<IFrameCodec> frameCodecs) : this(frameCodecs, null)
    {
    }

    /// <summary>A translator that recognises the frames of <paramref name="frameCodecs"/> and shows the plaintext of ciphered APDUs that <paramref name="decryptor"/> opens.</summary>
    /// <param name="frameCodecs">Codecs tried in order before the input is taken as a bare APDU.</param>
    /// <param name="decryptor">Opens ciphered APDUs so their plaintext is shown under the envelope; null shows envelopes only.</param>
    public PduTranslator(IEnumerable<IFrameCodec> frameCodecs, IPayloadDecryptor? decryptor)
    {
        ArgumentNullException.ThrowIfNull(frameCodecs);
        _frameCodecs = [.. frameCodecs];
        _decryptor = decryptor;
    }

    /// <summary>The decryptor consulted for ciphered APDUs, if any.</summary>
    public IPayloadDecryptor? Decryptor => _decryptor;

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
        return DecodeAndDecrypt(input);
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

    // Decodes, then adds the plaintext of a ciphered APDU (recursively translated) when the decryptor opens it.
    private PduElement DecodeAndDecrypt(ReadOnlySpan<byte> apdu, int depth = 0)
    {
        var root = DecodeApdu(apdu);
        if (_decryptor is not null && apdu[0] is >= 0x60 and <= 0x63)
        {
            AddDecryptedUserInformation(root, apdu);
            return root;
        }
        if (_decryptor is null || depth > 4 || !IsCiphered(apdu[0]))
        {
            return root;
        }
        var plaintext = _decryptor.Decrypt(apdu);
        if (plaintext is null)
        {
            return root;
        }
        var envelope = root.Child("CipheredContent") ?? root;
        var shown = envelope.Add(DecryptedElement);
        try
        {
            shown.Add(DecodeAndDecrypt(plaintext, depth + 1));
        }
        catch (CosemEncodingException e)
        {
            shown.Set("Value", HexText.Format(plaintext)).Set("NotAnApdu", e.Message);
        }
        return root;
    }

    /// <summary>
    /// A ciphered InitiateRequest/InitiateResponse in an AARQ/AARE (or RLRQ/RLRE) user-information, shown decrypted
    /// under its envelope. glo-initiate APDUs carry no system title: the sender's is its AP-title (calling in the
    /// AARQ, responding in the AARE) unless the decryptor was given one.
    /// </summary>
    private void AddDecryptedUserInformation(PduElement root, ReadOnlySpan<byte> apdu)
    {
        Apdu.Apdu acse;
        try
        {
            acse = ApduDecoder.Decode(apdu.ToArray());
        }
        catch (CosemEncodingException)
        {
            return;
        }
        var (userInformation, apTitle) = acse switch
        {
            AarqApdu aarq => (aarq.UserInformation, aarq.CallingApTitle),
            AareApdu aare => (aare.UserInformation, aare.RespondingApTitle),
            AcseApdu other => (other.UserInformation, null),
            _ => (null, null),
        };
        if (userInformation is not { IsEmpty: false } ciphered || !IsCiphered(ciphered.Span[0])
            || root.Child("UserInformation") is not { Children: [var envelope, ..] })
        {
            return;
        }
        var decryptor = _decryptor is ApduDecryptor { SystemTitle: null } keys && apTitle is { Length: Security.SystemTitle.Length } title
            ? keys.WithSystemTitle(new Security.SystemTitle(title.Span))
            : _decryptor!;
        // glo-initiate-request/-response carry SC ‖ IC ‖ ciphered text ‖ tag like any glo- service APDU, and the
        // tag byte is neither in the IV nor in the AAD (IEC 62056-5-3 §9.2.7.2): open it as a glo-get-request.
        byte[] asService = [.. ciphered.Span];
        asService[0] = (byte)ApduTag.GloGetRequest;
        var plaintext = decryptor.Decrypt(asService);
        if (plaintext is null)
        {
            return;
        }
        var shown = (envelope.Child("CipheredContent") ?? envelope).Add(DecryptedElement);
        try
        {
            shown.Add(DecodeApdu(plaintext));
        }
        catch (CosemEncodingException e)
        {
            shown.Set("Value", HexText.Format(plaintext)).Set("NotAnApdu", e.Message);
        }
    }

    // glo-/ded- service tags (IEC 62056-5-3 §8) and general-glo/ded/-ciphering (219-221).
    private static bool IsCiphered(byte tag) =>
        tag is 33 or 37 or 38 or 40 or 44 or 45 or 46 or 54 or 56 or 65 or 69 or 70 or 72 or 76 or 77 or 78 or 86 or 88
            or >= 200 and <= 215 and not 206 and not 214 or >= 219 and <= 221;

    private PduElement DecodeFrame(IFrameCodec codec, FrameParts frame)
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
            root.Add(DecodeAndDecrypt(frame.Payload.Span));
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

    /// <summary>The bytes of the APDU (or frame) that <paramref name="xml"/> describes; DTDs are refused, comments ignored.</summary>
    /// <exception cref="PduTextException">The XML is malformed or does not follow the grammar; Path and LineNumber say where.</exception>
    public byte[] FromXml(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, PduXml.ReaderSettings);
        return FromXml(reader);
    }

    /// <summary>The bytes of the APDU (or frame) read from <paramref name="reader"/>, which is read to its end and must hold exactly one root element.</summary>
    /// <exception cref="PduTextException">The XML does not follow the grammar; Path and LineNumber say where.</exception>
    public byte[] FromXml(XmlReader reader) => Encode(PduXml.Read(reader));

    /// <summary>The bytes of the APDU (or frame) that <paramref name="document"/> describes.</summary>
    /// <exception cref="PduTextException">The document does not follow the grammar; Path says where.</exception>
    public byte[] FromXml(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var reader = document.CreateReader();
        return FromXml(reader);
    }

    // ---- JSON -----------------------------------------------------------------------------------------------

    /// <summary>The APDU (or frame) as indented JSON mirroring the XML tree.</summary>
    public string ToJson(ReadOnlySpan<byte> pdu) => PduJson.Write(Decode(pdu));

    /// <summary>The bytes of the APDU (or frame) that <paramref name="json"/> (in the <see cref="PduJson"/> layout) describes.</summary>
    /// <exception cref="PduTextException">The JSON is malformed or does not follow the grammar; Path and LineNumber say where.</exception>
    public byte[] FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Encode(PduJson.Read(json));
    }
}
