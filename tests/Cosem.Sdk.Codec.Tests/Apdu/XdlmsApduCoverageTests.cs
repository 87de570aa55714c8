using Cosem.Sdk.Apdu;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class XdlmsApduCoverageTests
{
    /// <summary>One valid vector per variant, all taken from the per-family tests (sources named there).</summary>
    public static readonly string[] Samples =
    [
        "C0 01 C1 00 08 00 00 01 00 00 FF 02 00",
        "C0 01 C1 00 07 01 00 63 01 00 FF 02 01 02 02 04 06 00 00 00 01 06 00 00 00 0A 12 00 01 12 00 00",
        "C0 02 C1 00 00 00 01",
        "C0 03 C1 02 00 01 00 00 2A 00 00 FF 02 00 00 08 00 00 01 00 00 FF 02 00",
        "C4 01 C1 00 06 00 00 13 91",
        "C4 01 C1 01 01",
        "C4 02 C1 01 00 00 00 02 00 05 01 02 03 04 05",
        "C4 02 C1 01 00 00 00 02 01 13",
        "C4 03 C1 02 00 06 00 00 13 91 01 04",
        "C1 01 C1 00 08 00 00 01 00 00 FF 02 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00",
        "C1 01 C1 00 08 00 00 01 00 00 FF 02 01 01 12 00 02 11 05",
        "C1 02 C1 00 01 00 00 80 00 00 FF 02 00 00 00 00 00 01 15 09 32 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19",
        "C1 03 C1 01 00 00 00 02 03 20 21 22",
        "C1 04 C1 02 00 08 00 00 01 00 00 FF 03 00 00 01 00 00 2A 00 00 FF 02 00 02 10 00 3C 09 02 AB CD",
        "C1 05 C1 01 00 08 00 00 01 00 00 FF 02 00 00 00 00 00 01 02 09 0C",
        "C5 01 C1 00",
        "C5 02 C1 00 00 00 01",
        "C5 03 C1 00 00 00 00 02",
        "C5 04 C1 02 00 03 00 00 00 04",
        "C5 05 C1 03 00 0C FA",
        "C3 01 C0 00 0F 00 00 28 00 00 FF 01 01 09 11 10 00 00 1A 90 E6 D2 22 1F A2 FD 85 EE D6 1A CC 22",
        "C3 01 C0 00 0F 00 00 28 00 00 FF 01 00",
        "C3 02 C1 00 00 00 05",
        "C3 03 C1 02 00 46 00 00 60 03 0A FF 01 00 46 00 00 60 03 0A FF 02 02 0F 00 0F 00",
        "C3 04 C1 00 12 00 00 2C 00 00 FF 02 00 00 00 00 01 04 02 02 09 10",
        "C3 05 C1 01 00 12 00 00 2C 00 00 FF 02 00 00 00 00 01 02 01 01",
        "C3 06 C1 01 00 00 00 02 02 AA BB",
        "C7 01 C0 00 00",
        "C7 01 C0 00 01 00 09 11 10 00 00 1A FD E8 85 7B 72 8A 34 99 10 6A A6 65 D1",
        "C7 01 C0 00 01 01 FA",
        "C7 02 C1 00 00 00 00 01 03 01 02 03",
        "C7 03 C1 02 00 00 0C 01 01 0C",
        "C7 04 C1 00 00 00 07",
        "0F 00 00 01 DB 00 09 22 12 5A 85 91 36 00 00 00 00 49 00 00 00 11 00 00 00 0A 5A 85 13 D0 14 80 00 00 00 0D 00 00 00 0A 01 00",
        "0F 40 00 00 01 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 02 02 11 01 12 00 05",
        // data-notification-confirm of the confirmed notification above (invoke-id 1), stamped by the client.
        "10 40 00 00 01 0C 07 EA 01 18 06 0B 15 05 00 80 00 00",
        "10 40 00 00 01 00",
        "C2 00 00 01 00 00 60 0B 00 FF 02 12 00 05",
        "C2 01 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 00 01 00 00 60 0B 00 FF 02 12 00 05",
        "D8 01 02",
        "D8 02 06 00 00 00 2A",
        "D9 40 00 00 01 00 03 01 00 08 00 00 01 00 00 FF 02 02 00 08 00 00 01 00 00 FF 02 03 00 46 00 00 60 03 0A FF 02 03 00 09 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 0F 00",
        "D9 40 00 00 01 00 02 04 00 07 01 00 63 01 00 FF 02 02 02 02 06 00 00 00 01 06 00 00 00 02 05 00 07 01 00 63 01 00 FF 02 01 00 02 00 01 00",
        "DA 40 00 00 01 00 00 03 09 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 00 00 03 01 00 02 00 03 00",
        "DA 40 00 00 01 00 01 01 04 00 07 01 00 63 01 00 FF 02 01 00 01 01 00 01 01 03",
        "E0 81 00 01 00 00 0D C0 01 C1 00 08 00 00 01 00 00 FF 02 00",
        "E0 7F 00 02 00 01 03 AA BB CC",
        "05 03 02 FA 08 04 3F 18 02 12 00 01 05 00 02",
        "05 01 06 00 00 01 02 AA BB",
        "0C 04 00 11 05 01 03 02 00 00 01 02 AA BB 03 00 02",
        "06 02 07 01 00 02 02 FA 10 02 09 03 01 02 03 11 07",
        "0D 03 00 01 0C 02 00 05",
        "16 01 02 FA 10 01 11 07",
        "18 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 01 02 FA 08 01 12 00 05",
        "18 00 01 02 FA 08 01 12 00 05",
        "C8 1E 30 01 23 45 67 41 13 12 FF 93 5A 47 56 68 27 C4 67 BC 7D 82 5C 3B E4 A7 7C 3F CC 05 6B 6B",
        "DB 08 2F 19 22 91 99 16 41 03 3B 30 00 00 01 E5 02 5C E9 D2 27 1F D7 8B E8 C2 04 21 1A 91 6A 9D 7F 58 7E 0A 7A 81 4C AD EA 89 E9 59 3F 01 F9 2E A8 C0 87 B5 BD FD EF EA B6 BE CF 28 2D FE 49 C0 8F 5B E6 DC 84 00",
        "DC 08 4D 4D 4D 00 00 BC 61 4E 08 30 00 00 00 02 DE AD BE",
        "DD 01 01 08 4D 4D 4D 00 00 BC 61 4E 08 4D 4D 4D 00 00 00 00 01 00 00 01 00 00 06 30 00 00 00 01 FF",
        "DD 01 02 08 4D 4D 4D 00 00 BC 61 4E 08 4D 4D 4D 00 00 00 00 01 00 00 01 01 00 02 AA BB 06 30 00 00 00 02 FF",
        "DD 01 03 08 4D 4D 4D 00 00 BC 61 4E 08 4D 4D 4D 00 00 00 00 01 00 00 00 06 30 00 00 00 03 FF",
        "DF 01 07 08 4D 4D 4D 00 00 BC 61 4E 08 4D 4D 4D 00 00 00 00 01 00 00 0D C0 01 C1 00 08 00 00 01 00 00 FF 02 00 02 5A 5A",
    ];

    /// <summary>The samples plus one envelope per service-specific ciphered tag (the glo-get-request above is from the Green Book).</summary>
    public static IEnumerable<string> AllSamples => Samples.Concat(
        Enum.GetValues<ApduTag>().Where(CipheredApdu.IsCipheredServiceTag).Select(tag => $"{(byte)tag:X2} 06 30 00 00 00 01 FF"));

    [Fact]
    public void Every_supported_tag_has_a_vector()
    {
        var covered = AllSamples.Select(s => (ApduTag)Hex(s)[0]).ToHashSet();
        var supported = Enum.GetValues<ApduTag>().Where(ApduDecoder.CanDecodeXdlms).ToList();
        // The xDLMS service tags of IEC 62056-5-3 §9.5 (initiate, confirmed-service-error and ACSE stay out), by value.
        ApduTag[] expected =
        [
            ApduTag.ReadRequest, ApduTag.WriteRequest, ApduTag.ReadResponse, ApduTag.WriteResponse,
            ApduTag.DataNotification, ApduTag.DataNotificationConfirm, ApduTag.UnconfirmedWriteRequest, ApduTag.InformationReportRequest,
            ApduTag.GloReadRequest, ApduTag.GloWriteRequest, ApduTag.GloReadResponse, ApduTag.GloWriteResponse,
            ApduTag.GloConfirmedServiceError, ApduTag.GloUnconfirmedWriteRequest, ApduTag.GloInformationReportRequest,
            ApduTag.DedReadRequest, ApduTag.DedWriteRequest, ApduTag.DedReadResponse, ApduTag.DedWriteResponse,
            ApduTag.DedConfirmedServiceError, ApduTag.DedUnconfirmedWriteRequest, ApduTag.DedInformationReportRequest,
            ApduTag.GetRequest, ApduTag.SetRequest, ApduTag.EventNotificationRequest, ApduTag.ActionRequest,
            ApduTag.GetResponse, ApduTag.SetResponse, ApduTag.ActionResponse,
            ApduTag.GloGetRequest, ApduTag.GloSetRequest, ApduTag.GloEventNotificationRequest, ApduTag.GloActionRequest,
            ApduTag.GloGetResponse, ApduTag.GloSetResponse, ApduTag.GloActionResponse,
            ApduTag.DedGetRequest, ApduTag.DedSetRequest, ApduTag.DedEventNotificationRequest, ApduTag.DedActionRequest,
            ApduTag.DedGetResponse, ApduTag.DedSetResponse, ApduTag.DedActionResponse,
            ApduTag.ExceptionResponse, ApduTag.AccessRequest, ApduTag.AccessResponse,
            ApduTag.GeneralGloCiphering, ApduTag.GeneralDedCiphering, ApduTag.GeneralCiphering, ApduTag.GeneralSigning,
            ApduTag.GeneralBlockTransfer,
        ];
        Assert.Equal(51, expected.Length);
        Assert.Equal(expected, supported);
        Assert.All(supported, tag => Assert.Contains(tag, covered));
        Assert.All(covered, tag => Assert.True(ApduDecoder.CanDecodeXdlms(tag), $"{tag} has a vector but is not claimed"));
    }

    [Fact]
    public void Every_sample_round_trips()
    {
        foreach (string hex in AllSamples)
        {
            byte[] bytes = Hex(hex);
            Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(ApduDecoder.DecodeXdlms(bytes).ToArray()));
        }
    }

    [Fact]
    public void Tags_outside_the_supported_set_are_refused()
    {
        for (int value = 0; value < 256; value++)
        {
            if (ApduDecoder.CanDecodeXdlms((ApduTag)value))
            {
                continue;
            }
            var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(new byte[] { (byte)value, 0, 0, 0 }));
            Assert.Equal("apdu tag", error.Field);
        }
    }
}
