using System.Xml.Linq;
using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Tests.Support;

namespace Cosem.Sdk.Translation.Tests;

/// <summary>What the translation shows: ASN.1 field names, OBIS codes, class names, decoded bits and dates.</summary>
public class PduTranslatorContentTests
{
    private static readonly PduTranslator Translator = PduTranslator.Default;

    private static XElement Xml(string name) => XElement.Parse(Translator.ToXml(PduVectors.Bytes(name)));

    private static XElement Single(XElement root, string name) => Assert.Single(root.Descendants(name));

    [Fact]
    public void Get_request_shows_invoke_id_class_name_obis_and_attribute()
    {
        var root = Xml("get-request-normal");
        Assert.Equal("GetRequest", root.Name.LocalName);
        Assert.Equal("GetRequestNormal", Assert.Single(root.Elements()).Name.LocalName);
        var invoke = Single(root, "InvokeIdAndPriority");
        Assert.Equal("C1", (string?)invoke.Attribute("Value"));
        Assert.Equal("1", (string?)invoke.Attribute("InvokeId"));
        Assert.Equal("confirmed", (string?)invoke.Attribute("ServiceClass"));
        Assert.Equal("high", (string?)invoke.Attribute("Priority"));
        var classId = Single(root, "ClassId");
        Assert.Equal("8", (string?)classId.Attribute("Value"));
        Assert.Equal("Clock", (string?)classId.Attribute("Name"));
        Assert.Equal("0.0.1.0.0.255", (string?)Single(root, "InstanceId").Attribute("Value"));
        Assert.Equal("2", (string?)Single(root, "AttributeId").Attribute("Value"));
        Assert.Empty(root.Descendants("AccessSelection"));
    }

    [Fact]
    public void Selective_access_shows_the_range_descriptor_and_readable_dates()
    {
        var root = Xml("get-request-normal-selective");
        Assert.Equal("Profile generic", (string?)Single(root, "ClassId").Attribute("Name"));
        Assert.Equal("1", (string?)Single(root, "AccessSelector").Attribute("Value"));
        var dates = root.Descendants("OctetString").Select(e => (string?)e.Attribute("DateTime")).Where(d => d is not null).ToList();
        Assert.Equal(2, dates.Count);
        Assert.StartsWith("2022-01-01 00:00:00.*, Saturday", dates[0]);
        Assert.Contains("0.0.1.0.0.255", root.Descendants("OctetString").Select(e => (string?)e.Attribute("Obis")));
    }

    [Fact]
    public void Date_time_octet_string_is_readable_and_kept_exact()
    {
        var octets = Single(Xml("get-response-normal-datetime"), "OctetString");
        Assert.Equal("07E6010106000000FF800000", (string?)octets.Attribute("Value"));
        Assert.Equal("2022-01-01 00:00:00.*, Saturday, deviation *, status 0x00", (string?)octets.Attribute("DateTime"));
    }

    [Fact]
    public void Data_access_result_is_named()
    {
        var result = Single(Xml("get-response-normal-error"), "DataAccessResult");
        Assert.Equal("4", (string?)result.Attribute("Value"));
        Assert.Equal("object-undefined", (string?)result.Attribute("Name"));
    }

    [Fact]
    public void Every_data_type_has_its_element()
    {
        var root = Xml("data-all-types");
        // The structure's 28 items in vector order: every Data type once, plus a second boolean (05) and a NaN float32.
        string[] expected =
        [
            "NullData", "Boolean", "Boolean", "BitString", "DoubleLong", "DoubleLongUnsigned", "OctetString", "VisibleString",
            "Utf8String", "Bcd", "Integer", "Long", "Unsigned", "LongUnsigned", "Long64", "Long64Unsigned", "Enum", "Float32",
            "Float64", "DateTime", "Date", "Time", "DeltaInteger", "DeltaLong", "DeltaDoubleLong", "DontCare", "CompactArray",
            "Float32",
        ];
        var structure = root.Descendants("Structure").First();
        Assert.Equal("28", (string?)structure.Attribute("Count"));
        Assert.Equal(expected, structure.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("ABC", (string?)root.Descendants("VisibleString").First().Attribute("Value"));
        Assert.Equal("éab", (string?)root.Descendants("Utf8String").First().Attribute("Value"));
        Assert.Equal("1000000011", (string?)root.Descendants("BitString").First().Attribute("Value"));
        Assert.Equal("-2", (string?)root.Descendants("DoubleLong").First().Attribute("Value"));
        Assert.Equal("18446744073709551615", (string?)root.Descendants("Long64Unsigned").First().Attribute("Value"));
        Assert.Equal("1.5", (string?)root.Descendants("Float32").First().Attribute("Value"));
        Assert.Equal("7FC00001", (string?)root.Descendants("Float32").Last().Attribute("Bits"));
        Assert.Equal("5", (string?)root.Descendants("Boolean").Last().Attribute("Value"));
    }

    [Fact]
    public void Logical_names_after_class_ids_are_shown_as_obis()
    {
        var names = Xml("capture-objects").Descendants("OctetString").Select(e => (string?)e.Attribute("Obis")).ToList();
        Assert.Equal(["0.0.1.0.0.255", "1.0.1.8.0.255"], names);
    }

    [Fact]
    public void Non_minimal_lengths_and_unprintable_text_are_recorded()
    {
        var root = Xml("non-minimal-lengths");
        Assert.Equal("8102", (string?)Single(root, "Array").Attribute("LengthBytes"));
        var visible = Single(root, "VisibleString");
        Assert.Equal("8103", (string?)visible.Attribute("LengthBytes"));
        Assert.Equal("41000A", (string?)visible.Attribute("Hex"));
        Assert.Equal("820002", (string?)Single(root, "OctetString").Attribute("LengthBytes"));
    }

    [Fact]
    public void Aare_shows_result_diagnostic_and_initiate_response()
    {
        var root = Xml("aare");
        Assert.Equal("logical-name-referencing-no-ciphering", (string?)Single(root, "ApplicationContextName").Attribute("Name"));
        Assert.Equal("accepted", (string?)Single(root, "Result").Attribute("Name"));
        Assert.Equal("null", (string?)Single(root, "AcseServiceUser").Attribute("Name"));
        var initiate = Single(root, "InitiateResponse");
        Assert.Equal("6", (string?)Single(initiate, "NegotiatedDlmsVersionNumber").Attribute("Value"));
        Assert.Equal("00501F", (string?)Single(initiate, "NegotiatedConformance").Attribute("Value"));
        Assert.Contains("get set", (string?)Single(initiate, "NegotiatedConformance").Attribute("Services"));
        Assert.Equal("0x0007", (string?)Single(initiate, "VaaName").Attribute("Value"));
    }

    [Fact]
    public void Aarq_hls_shows_title_mechanism_and_ciphered_initiate()
    {
        var root = Xml("aarq-hls-gmac");
        Assert.Equal("4D4D4D0000BC614E", (string?)Single(root, "CallingApTitle").Attribute("Value"));
        Assert.Equal("high-level-security-gmac", (string?)Single(root, "MechanismName").Attribute("Name"));
        Assert.Equal("K56iXHLu", (string?)Single(root, "CharString").Attribute("Value"));
        var glo = Single(root, "GloInitiateRequest");
        Assert.Equal("true", (string?)Single(glo, "SecurityControl").Attribute("Authentication"));
        Assert.Equal("1", (string?)Single(glo, "InvocationCounter").Attribute("Value"));
    }

    [Fact]
    public void Security_control_byte_is_decoded_into_its_bits()
    {
        var control = Single(Xml("ded-get-response"), "SecurityControl");
        Assert.Equal("20", (string?)control.Attribute("Value"));
        Assert.Equal("false", (string?)control.Attribute("Authentication"));
        Assert.Equal("true", (string?)control.Attribute("Encryption"));
        Assert.Equal("unicast", (string?)control.Attribute("KeySet"));
        Assert.Empty(Xml("ded-get-response").Descendants("AuthenticationTag"));
    }

    [Fact]
    public void General_ciphering_shows_key_info()
    {
        var root = Xml("general-ciphering-wrapped-key");
        Assert.Equal("master-key", (string?)Single(root, "KekId").Attribute("Name"));
        Assert.Equal("DEADBEEF", (string?)Single(root, "KeyCipheredData").Attribute("Value"));
        Assert.Equal("4D4D4D0000BC614E", (string?)Single(root, "OriginatorSystemTitle").Attribute("Value"));
    }

    [Fact]
    public void Exception_response_and_confirmed_service_error_are_named()
    {
        Assert.Equal("service-not-allowed", (string?)Single(Xml("exception-response"), "StateError").Attribute("Name"));
        Assert.Equal("5", (string?)Single(Xml("exception-response-invocation-counter"), "InvocationCounterError").Attribute("Value"));
        Assert.Equal("dlms-version-too-low", (string?)Single(Xml("confirmed-service-error"), "Initiate").Attribute("Name"));
    }

    [Fact]
    public void Block_control_of_general_block_transfer_is_decoded()
    {
        var control = Single(Xml("general-block-transfer"), "BlockControl");
        Assert.Equal("true", (string?)control.Attribute("LastBlock"));
        Assert.Equal("false", (string?)control.Attribute("Streaming"));
        Assert.Equal("1", (string?)control.Attribute("Window"));
    }

    [Fact]
    public void Hand_written_xml_with_names_instead_of_numbers_encodes()
    {
        const string xml = """
            <GetRequest>
              <GetRequestNormal>
                <InvokeIdAndPriority InvokeId="1" ServiceClass="confirmed" Priority="high" />
                <AttributeDescriptor>
                  <ClassId Name="Clock" />
                  <InstanceId Value="0-0:1.0.0*255" />
                  <AttributeId Value="2" />
                </AttributeDescriptor>
              </GetRequestNormal>
            </GetRequest>
            """;
        Assert.Equal("C001C100080000010000FF0200", Convert.ToHexString(Translator.FromXml(xml)));
    }

    [Fact]
    public void Edited_value_changes_the_length_and_ignores_stale_length_bytes()
    {
        string xml = Translator.ToXml(PduVectors.Bytes("non-minimal-lengths")).Replace("Value=\"AABB\"", "Value=\"AABBCC\"", StringComparison.Ordinal);
        Assert.EndsWith("0903AABBCC", Convert.ToHexString(Translator.FromXml(xml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_acse_components_and_odd_ber_encodings_are_kept()
    {
        var unknown = Xml("aarq-unknown-field");
        Assert.Equal("8121", (string?)unknown.Attribute("LengthBytes"));
        var field = Single(unknown, "UnknownField");
        Assert.Equal("9F20", (string?)field.Attribute("Tag"));
        Assert.Equal("AA", (string?)field.Attribute("Value"));

        var odd = Xml("aarq-odd-encodings");
        Assert.Equal("80", (string?)Single(odd, "CallingApTitle").Attribute("InnerTag"));
        var invocation = Single(odd, "CallingApInvocationId");
        Assert.Equal("5", (string?)invocation.Attribute("Value"));
        Assert.Equal("0005", (string?)invocation.Attribute("Raw"));
    }

    [Fact]
    public void An_edited_ber_integer_wins_over_its_recorded_raw_bytes()
    {
        string xml = Translator.ToXml(PduVectors.Bytes("aarq-odd-encodings"))
            .Replace("Value=\"5\" Raw=\"0005\"", "Value=\"6\" Raw=\"0005\"", StringComparison.Ordinal);
        Assert.EndsWith("A803020106", Convert.ToHexString(Translator.FromXml(xml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Compact_array_contents_are_decoded_by_their_description()
    {
        var contents = Single(Xml("compact-array"), "ArrayContents");
        Assert.Equal("2", (string?)contents.Attribute("Count"));
        Assert.Equal(["1", "2"], contents.Elements("Structure").Select(s => (string?)s.Element("LongUnsigned")!.Attribute("Value")));
        Assert.Equal("CC", (string?)contents.Elements("Structure").Last().Element("OctetString")!.Attribute("Value"));

        Assert.Equal("000105", (string?)Single(Xml("compact-array-misfit"), "ArrayContents").Attribute("Value"));
        Assert.Equal("00", (string?)Single(Xml("compact-array-nulls"), "ArrayContents").Attribute("Value"));
    }
}
