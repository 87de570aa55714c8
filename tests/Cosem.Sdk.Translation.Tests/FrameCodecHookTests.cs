using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml.Linq;
using Cosem.Sdk.Translation;

namespace Cosem.Sdk.Translation.Tests;

/// <summary>The transport hook: a codec's frame wraps the APDU in the translation and is rebuilt from its fields.</summary>
public class FrameCodecHookTests
{
    /// <summary>
    /// A test frame shaped like the IEC 62056-47 wrapper header (version, source, destination, length, all
    /// Unsigned16), so the hook is exercised without depending on the transport code.
    /// </summary>
    private sealed class TestWrapperCodec : IFrameCodec
    {
        public string ElementName => "TestWrapper";

        public bool TryUnwrap(ReadOnlySpan<byte> input, [NotNullWhen(true)] out FrameParts? frame)
        {
            frame = null;
            if (input.Length < 8 || input[0] != 0 || input[1] != 1 || ((input[6] << 8) | input[7]) != input.Length - 8)
            {
                return false;
            }
            frame = new FrameParts(
                [
                    new("Version", "1"),
                    new("Source", ((input[2] << 8) | input[3]).ToString(CultureInfo.InvariantCulture)),
                    new("Destination", ((input[4] << 8) | input[5]).ToString(CultureInfo.InvariantCulture)),
                ],
                input[8..].ToArray());
            return true;
        }

        public byte[] Wrap(IReadOnlyList<KeyValuePair<string, string>> fields, ReadOnlySpan<byte> payload)
        {
            ushort Get(string name) => ushort.Parse(fields.Single(f => f.Key == name).Value, CultureInfo.InvariantCulture);
            return [0, 1, .. BitConverter.GetBytes(Get("Source")).Reverse(), .. BitConverter.GetBytes(Get("Destination")).Reverse(),
                (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];
        }
    }

    private static readonly PduTranslator Translator = new([new TestWrapperCodec()]);

    [Fact]
    public void Framed_apdu_shows_the_header_and_round_trips()
    {
        byte[] framed = Convert.FromHexString("00010010000100 0D C001C100080000010000FF0200".Replace(" ", "", StringComparison.Ordinal));
        string xml = Translator.ToXml(framed);
        Assert.StartsWith("<TestWrapper Version=\"1\" Source=\"16\" Destination=\"1\">", xml, StringComparison.Ordinal);
        Assert.Contains("<GetRequestNormal>", xml, StringComparison.Ordinal);
        Assert.Equal(framed, Translator.FromXml(xml));
        Assert.Equal(framed, Translator.FromJson(Translator.ToJson(framed)));
    }

    [Fact]
    public void Edited_apdu_inside_a_frame_gets_a_new_frame_length()
    {
        byte[] framed = Convert.FromHexString("000100100001000DC001C100080000010000FF0200");
        var document = XDocument.Parse(Translator.ToXml(framed));
        document.Descendants("AttributeDescriptor").Single().AddAfterSelf(
            new XElement("AccessSelection",
                new XElement("AccessSelector", new XAttribute("Value", "1")),
                new XElement("AccessParameters", new XElement("NullData"))));
        string xml = document.ToString();
        byte[] again = Translator.FromXml(xml);
        Assert.Equal("000100100001000FC001C100080000010000FF02010100", Convert.ToHexString(again));
    }

    [Fact]
    public void Payload_that_is_not_an_apdu_is_shown_as_hex()
    {
        byte[] framed = Convert.FromHexString("0001001000010002C001");
        string xml = Translator.ToXml(framed);
        Assert.Contains("<Payload Value=\"C001\"", xml, StringComparison.Ordinal);
        Assert.Equal(framed, Translator.FromXml(xml));
    }

    [Fact]
    public void Input_the_codec_does_not_recognise_is_a_bare_apdu()
    {
        Assert.StartsWith("<GetRequest>", Translator.ToXml(Convert.FromHexString("C001C100080000010000FF0200")), StringComparison.Ordinal);
    }
}
