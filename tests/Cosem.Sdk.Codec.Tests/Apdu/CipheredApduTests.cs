using Cosem.Sdk.Apdu;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class CipheredApduTests
{
    private const string ClientSystemTitle = "4D 4D 4D 00 00 BC 61 4E";
    private const string ServerSystemTitle = "4D 4D 4D 00 00 00 00 01";

    [Fact]
    public void Glo_get_request_from_the_green_book()
    {
        // DLMS UA Green Book, "Example: glo-get-request xDLMS APDU" (Table 40), as used by dlms-cosem (Python)
        // tests/test_xdlms/test_service_specific_cipher.py: SC 0x30 (suite 0, authenticated and encrypted), IC 0x01234567.
        var apdu = Check<CipheredApdu>(
            "C8 1E 30 01 23 45 67 41 13 12 FF 93 5A 47 56 68 27 C4 67 BC 7D 82 5C 3B E4 A7 7C 3F CC 05 6B 6B");
        Assert.Equal(ApduTag.GloGetRequest, apdu.Tag);
        Assert.False(apdu.IsDedicated);
        Assert.Equal(new SecurityControl(0, authenticated: true, encrypted: true), apdu.SecurityControl);
        Assert.Equal(0x01234567u, apdu.InvocationCounter);
        Assert.Equal("411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B", HexOf(apdu.CipheredText));
    }

    [Theory]
    // Own vectors, one per remaining service-specific ciphered tag: SC 0x31 (suite 1, auth+enc), IC 42, 3 bytes.
    [InlineData(ApduTag.GloReadRequest)]
    [InlineData(ApduTag.GloWriteRequest)]
    [InlineData(ApduTag.GloReadResponse)]
    [InlineData(ApduTag.GloWriteResponse)]
    [InlineData(ApduTag.GloConfirmedServiceError)]
    [InlineData(ApduTag.GloUnconfirmedWriteRequest)]
    [InlineData(ApduTag.GloInformationReportRequest)]
    [InlineData(ApduTag.DedReadRequest)]
    [InlineData(ApduTag.DedWriteRequest)]
    [InlineData(ApduTag.DedReadResponse)]
    [InlineData(ApduTag.DedWriteResponse)]
    [InlineData(ApduTag.DedConfirmedServiceError)]
    [InlineData(ApduTag.DedUnconfirmedWriteRequest)]
    [InlineData(ApduTag.DedInformationReportRequest)]
    [InlineData(ApduTag.GloSetRequest)]
    [InlineData(ApduTag.GloEventNotificationRequest)]
    [InlineData(ApduTag.GloActionRequest)]
    [InlineData(ApduTag.GloGetResponse)]
    [InlineData(ApduTag.GloSetResponse)]
    [InlineData(ApduTag.GloActionResponse)]
    [InlineData(ApduTag.DedGetRequest)]
    [InlineData(ApduTag.DedSetRequest)]
    [InlineData(ApduTag.DedEventNotificationRequest)]
    [InlineData(ApduTag.DedActionRequest)]
    [InlineData(ApduTag.DedGetResponse)]
    [InlineData(ApduTag.DedSetResponse)]
    [InlineData(ApduTag.DedActionResponse)]
    public void Every_service_specific_ciphered_tag(ApduTag tag)
    {
        string hex = $"{(byte)tag:X2} 08 31 00 00 00 2A 11 22 33";
        var apdu = Encodes(new CipheredApdu(tag, new SecurityControl(0x31), 42, Hex("11 22 33")), hex);
        Assert.Equal(tag, apdu.Tag);
        Assert.Equal(tag.ToString().StartsWith("Ded", StringComparison.Ordinal), apdu.IsDedicated);
        Assert.Equal(1, apdu.SecurityControl.SuiteId);
    }

    [Fact]
    public void Ciphered_content_shorter_than_the_security_header_is_refused()
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex("C8 04 30 00 00 00")));
        Assert.Equal(1, error.Offset);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CipheredApdu(ApduTag.GetRequest, default, 0, default));
    }

    [Fact]
    public void Security_control_bits()
    {
        var control = new SecurityControl(2, authenticated: true, encrypted: false, broadcastKey: true, compressed: true);
        Assert.Equal(0xD2, control.Value);
        Assert.Equal(2, control.SuiteId);
        Assert.True(control.Authenticated && control.BroadcastKey && control.Compressed);
        Assert.False(control.Encrypted);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SecurityControl(16, false, false));
    }

    [Fact]
    public void General_glo_ciphering_from_a_meter_push()
    {
        // dlms-cosem (Python) tests/test_general_global_cipher.py, test_gen_glo_cipher_load: a pushed general-glo-ciphering.
        var apdu = Check<GeneralGloCiphering>(
            "DB 08 2F 19 22 91 99 16 41 03 3B 30 00 00 01 E5 02 5C E9 D2 27 1F D7 8B E8 C2 04 21 1A 91 6A 9D 7F 58 7E 0A 7A" +
            " 81 4C AD EA 89 E9 59 3F 01 F9 2E A8 C0 87 B5 BD FD EF EA B6 BE CF 28 2D FE 49 C0 8F 5B E6 DC 84 00");
        Assert.Equal("2F19229199164103", HexOf(apdu.SystemTitle));
        Assert.Equal(0x30, apdu.SecurityControl.Value);
        Assert.Equal(0x1E5u, apdu.InvocationCounter);
        Assert.Equal(59 - 5, apdu.CipheredText.Length);
    }

    [Fact]
    public void General_ded_ciphering()
    {
        // Own vector.
        var apdu = Encodes(
            new GeneralDedCiphering(Hex(ClientSystemTitle), new SecurityControl(0x30), 2, Hex("DE AD BE")),
            "DC 08 " + ClientSystemTitle + " 08 30 00 00 00 02 DE AD BE");
        Assert.Equal(2u, apdu.InvocationCounter);
    }

    [Fact]
    public void General_ciphering_with_agreed_key_from_the_green_book()
    {
        // DLMS UA Green Book, "ACCESS service with general-ciphering, One-Pass Diffie-Hellman C(1e, 1s, ECC CDH) key
        // agreement scheme" (Table 41), as used by dlms-cosem (Python) tests/test_xdlms/test_general_ciphering.py.
        const string keyCipheredData =
            "C323C2BD45711DE4688637D919F92E9DB8FB2DFC213A88D21C9DC8DCBA917D8170511DE1BADB360D50058F794B0960AE" +
            "11FA28D392CFF907A62D13E3357B1DC0B51BE089D0B682863B2217201E73A1A9031968A9B4121DCBC3281A69739AF874" +
            "29F5B3AC5471E7B6A04A2C0F2F8A25FD772A317DF97FC5463FEAC248EB8AB8BE";
        const string cipheredText =
            "F435069679270C5BF4425EE5777402A6C8D51C620EED52DBB188378B836E2857D5C053E6DDF27FA87409AEF502CD9618AE47017C01" +
            "0224FD109CC0BEB21E742D44AB40CD11908743EC90EC8C40E221D517F72228E1A26E827F43DC18ED27B5F458D66508B05A2A4CC6FED1" +
            "78C881AFC3BC67064689BE8BB41C80ABB3C114A31F4CB03B8B64C7E0B4CE77B2399C93347858888F92239713B38DF01C4858245827A9" +
            "2EF334172EA636B31CBBDF2A96AD5D035F66AA38F1A2D97D4BBA99622E6B5F18789CECB2DFB3937D9F3E17F8B472098E6563238F3752" +
            "8374809836002AEA6E7012D2ADFAA7";
        string hex =
            "DD080102030405060708084D4D4D0000BC614E084D4D4D000000000100000102" +
            "01018180" + keyCipheredData + "81EB3100000000" + cipheredText;
        Assert.Equal(401, Hex(hex).Length);
        var apdu = Check<GeneralCiphering>(hex);
        Assert.Equal("0102030405060708", HexOf(apdu.TransactionId));
        Assert.Equal("4D4D4D0000BC614E", HexOf(apdu.OriginatorSystemTitle));
        Assert.Equal("4D4D4D0000000001", HexOf(apdu.RecipientSystemTitle));
        Assert.True(apdu.DateTime.IsEmpty);
        Assert.True(apdu.OtherInformation.IsEmpty);
        Assert.Equal(KeyInfo.AgreedKey(Hex("01"), Hex(keyCipheredData)), apdu.KeyInfo);
        Assert.Equal(new SecurityControl(1, authenticated: true, encrypted: true), apdu.SecurityControl);
        Assert.Equal(0u, apdu.InvocationCounter);
        Assert.Equal(Hex(cipheredText), apdu.CipheredText.ToArray());
    }

    [Fact]
    public void General_ciphering_with_identified_key()
    {
        // Own vector: transaction-id 01, identified-key global-unicast-encryption-key.
        var apdu = Encodes(
            new GeneralCiphering(Hex("01"), Hex(ClientSystemTitle), Hex(ServerSystemTitle), default, default,
                KeyInfo.IdentifiedKey(KeyId.GlobalUnicastEncryptionKey), new SecurityControl(0x30), 1, Hex("FF")),
            "DD 01 01 08 " + ClientSystemTitle + " 08 " + ServerSystemTitle + " 00 00 01 00 00 06 30 00 00 00 01 FF");
        Assert.Equal(KeyInfoKind.IdentifiedKey, apdu.KeyInfo!.Value.Kind);
    }

    [Fact]
    public void General_ciphering_with_wrapped_key_and_without_key_info()
    {
        // Own vectors.
        var wrapped = Check<GeneralCiphering>(
            "DD 01 02 08 " + ClientSystemTitle + " 08 " + ServerSystemTitle + " 00 00 01 01 00 02 AA BB 06 30 00 00 00 02 FF");
        Assert.Equal(KeyInfo.WrappedKey(KekId.MasterKey, Hex("AA BB")), wrapped.KeyInfo);
        var without = Check<GeneralCiphering>(
            "DD 01 03 08 " + ClientSystemTitle + " 08 " + ServerSystemTitle + " 00 00 00 06 30 00 00 00 03 FF");
        Assert.Null(without.KeyInfo);
    }

    [Fact]
    public void General_signing()
    {
        // Own vector: the Green Book clock GET, signed with a (dummy) 64-byte signature.
        string signature = string.Concat(Enumerable.Repeat("5A", 64));
        var apdu = Check<GeneralSigning>(
            "DF 01 07 08 " + ClientSystemTitle + " 08 " + ServerSystemTitle + " 00 00 0D C0 01 C1 00 08 00 00 01 00 00 FF 02 00 40 " + signature);
        Assert.Equal("07", HexOf(apdu.TransactionId));
        Assert.IsType<GetRequestNormal>(ApduDecoder.DecodeXdlms(apdu.Content));
        Assert.Equal(64, apdu.Signature.Length);
    }

    [Fact]
    public void Unknown_key_info_choice_is_refused()
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(
            Hex("DD 00 00 00 00 00 01 03 00 06 30 00 00 00 03 FF")));
        Assert.Equal(7, error.Offset);
    }
}
