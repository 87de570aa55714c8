using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Tests.Support;

namespace Cosem.Sdk.Translation.Tests;

/// <summary>Bad bytes and bad text give typed errors that say where; nothing else ever escapes.</summary>
public class PduTranslatorErrorTests
{
    private static readonly PduTranslator Translator = PduTranslator.Default;

    [Theory]
    [MemberData(nameof(PduVectors.Names), MemberType = typeof(PduVectors))]
    public void Every_truncation_fails_with_offset_and_field(string name)
    {
        byte[] bytes = PduVectors.Bytes(name);
        for (int length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<CosemEncodingException>(() => Translator.ToXml(bytes.AsSpan(0, length)));
            Assert.InRange(error.Offset, 0, length);
            Assert.False(string.IsNullOrEmpty(error.Field));
        }
    }

    [Fact]
    public void Truncated_get_request_names_the_instance_id()
    {
        // GET.request-normal cut inside the OBIS code: 7 bytes kept, the instance-id starts at byte 5.
        var error = Assert.Throws<CosemEncodingException>(() => Translator.ToXml(Convert.FromHexString("C001C100080000")));
        Assert.Equal(5, error.Offset);
        Assert.Equal("GetRequest/GetRequestNormal/AttributeDescriptor/InstanceId", error.Field);
    }

    [Theory]
    [InlineData("4F20")] // a complete one-byte tag followed by a byte that would be read back as the length
    [InlineData("9F")]   // the high-tag-number form without its number
    [InlineData("9F0101")] // a two-byte tag (9F 01) and one more byte
    public void An_unknown_field_whose_tag_is_not_one_ber_tag_is_refused(string tag)
    {
        // Fuzzing found it (fuzz/regressions/translator-text): the translator wrote bytes it then could not read.
        var xml = $"""
            <Aarq>
              <ApplicationContextName Value="2.16.756.5.8.1.1" />
              <UnknownField Tag="{tag}" Value="AA" />
            </Aarq>
            """;
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml(xml));
        Assert.Contains("one BER tag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ber_tag_longer_than_five_bytes_is_refused_when_reading()
    {
        // Fuzzing found it (fuzz/regressions/translator-binary): a 6-byte tag was read, then refused when written.
        var error = Assert.Throws<CosemEncodingException>(() => Translator.ToXml(Convert.FromHexString("610C010106FFFFFFFFFF03020100")));
        Assert.Contains("longer than 5 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authentication=\"true\"", "<AuthenticationTag Value=\"000102030405\" />", "must be 12 bytes")]
    [InlineData("Authentication=\"true\"", "", "needs an AuthenticationTag")]
    [InlineData("Authentication=\"false\"", "<AuthenticationTag Value=\"000102030405060708090A0B\" />", "needs Authentication")]
    public void A_ciphered_apdu_whose_tag_disagrees_with_its_security_control_is_refused(string authentication, string tag, string expected)
    {
        // Fuzzing found it (fuzz/regressions/translator-text): a 6-byte tag was written, which no reader accepts.
        var xml = $"""
            <GloInitiateRequest>
              <SecurityControl SecuritySuite="0" {authentication} Encryption="false" KeySet="unicast" Compression="false" />
              <InvocationCounter Value="3" />
              <PlainText Value="C0010203" />
              {tag}
            </GloInitiateRequest>
            """;
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml(xml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_other_choice_with_the_tag_of_a_known_alternative_is_refused()
    {
        // Fuzzing found it (fuzz/regressions/translator-text): <Other Tag="A2"> was written as given and read back as
        // acse-service-provider, whose content it did not fit.
        var xml = """
            <Aare>
              <ApplicationContextName Value="2.16.756.5.8.1.1" />
              <Result Value="0" />
              <ResultSourceDiagnostic>
                <Other Tag="A2" Value="020200" />
              </ResultSourceDiagnostic>
            </Aare>
            """;
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml(xml));
        Assert.Contains("is a known component here", error.Message, StringComparison.Ordinal);
        var other = Translator.FromXml(xml.Replace("Tag=\"A2\"", "Tag=\"A3\"", StringComparison.Ordinal));
        Assert.Contains("<Other Tag=\"A3\"", Translator.ToXml(other), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_with_a_multi_byte_tag_round_trips()
    {
        var xml = """
            <Aarq>
              <ApplicationContextName Value="2.16.756.5.8.1.1" />
              <UnknownField Tag="9F8101" Value="AA" />
            </Aarq>
            """;
        var bytes = Translator.FromXml(xml);
        Assert.Contains("Tag=\"9F8101\"", Translator.ToXml(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_apdu_tag_is_reported_at_byte_zero()
    {
        var error = Assert.Throws<CosemEncodingException>(() => Translator.ToXml([0xFE, 0x00]));
        Assert.Equal(0, error.Offset);
        Assert.Contains("254", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_data_type_is_reported_with_its_path()
    {
        var error = Assert.Throws<CosemEncodingException>(() => Translator.ToXml(Convert.FromHexString("C401C1000700")));
        Assert.Equal(4, error.Offset);
        Assert.Equal("GetResponse/GetResponseNormal/Result/Data", error.Field);
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        var error = Assert.Throws<CosemEncodingException>(() => Translator.ToXml(Convert.FromHexString("C501C10000")));
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void Data_nested_beyond_the_limit_is_refused_without_stack_overflow()
    {
        byte[] deep = [0xC4, 0x01, 0xC1, 0x00, .. Enumerable.Repeat<byte[]>([0x01, 0x01], 5000).SelectMany(b => b), 0x00];
        Assert.Throws<CosemEncodingException>(() => Translator.ToXml(deep));
    }

    [Theory]
    [MemberData(nameof(PduVectors.Names), MemberType = typeof(PduVectors))]
    public void Corrupted_bytes_either_fail_typed_or_round_trip_exactly(string name)
    {
        byte[] original = PduVectors.Bytes(name);
        var random = new Random(name.GetHashCode(StringComparison.Ordinal));
        for (int i = 0; i < 200; i++)
        {
            byte[] bytes = (byte[])original.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (random.Next(4) == 0)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }
            AssertTypedOrExact(bytes);
        }
    }

    [Fact]
    public void Random_bytes_either_fail_typed_or_round_trip_exactly()
    {
        var random = new Random(62056);
        for (int i = 0; i < 20000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0)
            {
                // Start with a real tag so the fuzzing reaches past the first byte.
                byte[] tags = [0x01, 0x05, 0x06, 0x08, 0x0C, 0x0D, 0x0E, 0x0F, 0x16, 0x18, 0x60, 0x61, 0x62, 0x63, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC7, 0xC8, 0xD8, 0xD9, 0xDA, 0xDB, 0xDD, 0xDF, 0xE0];
                bytes[0] = tags[random.Next(tags.Length)];
            }
            AssertTypedOrExact(bytes);
        }
    }

    private static void AssertTypedOrExact(byte[] bytes)
    {
        string xml;
        try
        {
            xml = Translator.ToXml(bytes);
        }
        catch (CosemEncodingException e)
        {
            Assert.InRange(e.Offset, 0, bytes.Length);
            return;
        }
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Translator.FromXml(xml)));
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Translator.FromJson(Translator.ToJson(bytes))));
    }

    [Fact]
    public void Deeply_nested_text_is_refused_without_stack_overflow()
    {
        string open = string.Concat(Enumerable.Repeat("<Array>", 100_000));
        string close = string.Concat(Enumerable.Repeat("</Array>", 100_000));
        string xml = $"<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"C1\"/><Result><Data>{open}{close}</Data></Result></GetResponseNormal></GetResponse>";
        Assert.Throws<PduTextException>(() => Translator.FromXml(xml));

        string json = string.Concat(Enumerable.Repeat("{\"A\":", 10_000)) + "{}" + new string('}', 10_000);
        Assert.Throws<PduTextException>(() => Translator.FromJson(json));
    }

    [Fact]
    public void Malformed_xml_reports_the_line()
    {
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml("<GetRequest>\n  <GetRequestNormal>\n</GetRequest>"));
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void Unknown_element_reports_path_and_line()
    {
        const string xml = "<GetRequest>\n  <GetRequestNormal>\n    <InvokeIdAndPriority Value=\"C1\" />\n    <Bogus />\n  </GetRequestNormal>\n</GetRequest>";
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml(xml));
        Assert.Equal(4, error.LineNumber);
        Assert.Equal("/GetRequest/GetRequestNormal/Bogus", error.Path);
    }

    [Fact]
    public void Bad_attribute_value_reports_path_and_line()
    {
        string xml = Translator.ToXml(PduVectors.Bytes("get-request-normal")).Replace("Value=\"2\"", "Value=\"two\"", StringComparison.Ordinal);
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml(xml));
        Assert.Equal("/GetRequest/GetRequestNormal/AttributeDescriptor/AttributeId", error.Path);
        Assert.Equal(7, error.LineNumber);
        Assert.Contains("two", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_apdu_element_is_refused()
    {
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml("<NotAnApdu />"));
        Assert.Equal("/NotAnApdu", error.Path);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Missing_element_is_reported()
    {
        var error = Assert.Throws<PduTextException>(() => Translator.FromXml("<SetResponse><SetResponseNormal><InvokeIdAndPriority Value=\"C1\"/></SetResponseNormal></SetResponse>"));
        Assert.Contains("<Result>", error.Message, StringComparison.Ordinal);
        Assert.Equal("/SetResponse/SetResponseNormal", error.Path);
    }

    [Fact]
    public void Malformed_json_reports_the_line()
    {
        var error = Assert.Throws<PduTextException>(() => Translator.FromJson("{\n  \"GetRequest\": {\n    \"GetRequestNormal\": [1]\n  }\n}"));
        Assert.Equal(3, error.LineNumber);
        Assert.Equal("/GetRequest", error.Path);

        var syntax = Assert.Throws<PduTextException>(() => Translator.FromJson("{\n  \"GetRequest\": {\n    ,\n}"));
        Assert.Equal(3, syntax.LineNumber);
    }

    [Fact]
    public void Json_with_a_bad_value_reports_path_and_line()
    {
        string json = Translator.ToJson(PduVectors.Bytes("set-response-normal")).Replace("\"Value\": \"0\"", "\"Value\": \"x\"", StringComparison.Ordinal);
        var error = Assert.Throws<PduTextException>(() => Translator.FromJson(json));
        Assert.Equal("/SetResponse/SetResponseNormal/Result", error.Path);
        // The line is that of the element holding the bad attribute, as the path is.
        int resultLine = json[..json.IndexOf("\"Result\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(resultLine, error.LineNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"A\": {}, \"B\": {}}")]
    [InlineData("{\"GetRequest\": 5}")]
    [InlineData("<")]
    [InlineData("<A>text</A>")]
    public void Any_bad_text_is_a_typed_error(string text)
    {
        Assert.Throws<PduTextException>(() => text.StartsWith('<') ? Translator.FromXml(text) : Translator.FromJson(text));
    }
}
