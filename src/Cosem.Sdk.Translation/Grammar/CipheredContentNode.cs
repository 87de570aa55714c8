using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// The OCTET STRING of a ciphered APDU (IEC 62056-5-3 §5.6 and §9.2.7.2.4): security header (security
/// control byte and invocation counter), the ciphered or authenticated-only information, and the 12-byte
/// authentication tag when the control byte asks for authentication.
/// </summary>
internal sealed class CipheredContentNode : GrammarNode
{
    public static CipheredContentNode Instance { get; } = new();

    private const int TagLength = 12;
    private const byte AuthenticationBit = 0x10;
    private const byte EncryptionBit = 0x20;

    public static readonly FlagsNode SecurityControl = new(1,
        new FlagsNode.BitField("SecuritySuite", 0, 4),
        new FlagsNode.BitField("Authentication", 4, 1, "true", "false"),
        new FlagsNode.BitField("Encryption", 5, 1, "true", "false"),
        new FlagsNode.BitField("KeySet", 6, 1, "broadcast", "unicast"),
        new FlagsNode.BitField("Compression", 7, 1, "true", "false"));

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int at = reader.AbsolutePosition;
        int length = Length.Decode(ref reader, target, context);
        var content = reader.ReadRawBytes(length, context.Path);
        if (content.Length < 5)
        {
            throw context.Error($"Ciphered content of {content.Length} byte(s) is shorter than its 5-byte security header.", at);
        }
        byte control = content[0];
        bool authenticated = (control & AuthenticationBit) != 0;
        if (authenticated && content.Length < 5 + TagLength)
        {
            throw context.Error($"Ciphered content of {content.Length} byte(s) cannot hold the security header and a {TagLength}-byte authentication tag.", at);
        }
        SecurityControl.Describe(control, target.Add("SecurityControl"));
        uint counter = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(content[1..5]);
        target.Add("InvocationCounter").Set("Value", counter.ToString(CultureInfo.InvariantCulture));
        var information = content[5..(authenticated ? content.Length - TagLength : content.Length)];
        target.Add((control & EncryptionBit) != 0 ? "CipheredText" : "PlainText").Set("Value", HexText.Format(information));
        if (authenticated)
        {
            target.Add("AuthenticationTag").Set("Value", HexText.Format(content[^TagLength..]));
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        var content = new PduWriter();
        SecurityControl.Encode(cursor.Take("SecurityControl"), content);
        content.WriteUInt32((uint)cursor.Take("InvocationCounter").RequiredUnsigned("Value", uint.MaxValue));
        var information = cursor.PeekName == "PlainText" ? cursor.Take("PlainText") : cursor.Take("CipheredText");
        bool authenticated = (content.WrittenSpan[0] & AuthenticationBit) != 0;
        content.WriteBytes(information.RequiredHex("Value"));
        // Strict in what we send: the tag is there exactly when the control byte says so, and is 12 bytes long,
        // or the result would not read back (Decode refuses it).
        if (cursor.PeekName == "AuthenticationTag")
        {
            var tagElement = cursor.Take("AuthenticationTag");
            byte[] tag = tagElement.RequiredHex("Value");
            if (!authenticated)
            {
                throw tagElement.Error("An AuthenticationTag needs Authentication=\"true\" in the SecurityControl.");
            }
            if (tag.Length != TagLength)
            {
                throw tagElement.Error($"The AuthenticationTag must be {TagLength} bytes, not {tag.Length}.");
            }
            content.WriteBytes(tag);
        }
        else if (authenticated)
        {
            throw cursor.Error($"Authentication=\"true\" in the SecurityControl needs an AuthenticationTag of {TagLength} bytes.");
        }
        if (cursor.PeekName == PduTranslator.DecryptedElement)
        {
            cursor.Take(PduTranslator.DecryptedElement); // informational: the envelope fields above are authoritative
        }
        Length.Encode(writer, content.Length, cursor);
        writer.WriteBytes(content.WrittenSpan);
    }
}
