using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class ActionApduTests
{
    private static readonly InvokeIdAndPriority C0 = new(0xC0);
    private static readonly InvokeIdAndPriority C1 = new(0xC1);
    private static readonly CosemMethodDescriptor ReplyToHlsAuthentication = new(15, new ObisCode(0, 0, 40, 0, 0, 255), 1);

    [Fact]
    public void Action_request_normal_with_parameters()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_action.py, TestActionRequestNormal: association LN
        // reply_to_HLS_authentication with a 17-byte octet-string.
        var apdu = Check<ActionRequestNormal>(
            "C3 01 C0 00 0F 00 00 28 00 00 FF 01 01 09 11 10 00 00 1A 90 E6 D2 22 1F A2 FD 85 EE D6 1A CC 22");
        Assert.Equal(C0, apdu.InvokeIdAndPriority);
        Assert.Equal(ReplyToHlsAuthentication, apdu.MethodDescriptor);
        Assert.NotNull(apdu.Parameters);
        Assert.Equal("09111000001A90E6D2221FA2FD85EED61ACC22", HexOf(apdu.Parameters.Value));
    }

    [Fact]
    public void Action_request_normal_without_parameters()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_action.py, test_transform_bytes_without_data.
        var apdu = Encodes(new ActionRequestNormal(C0, ReplyToHlsAuthentication), "C3 01 C0 00 0F 00 00 28 00 00 FF 01 00");
        Assert.Null(apdu.Parameters);
    }

    [Fact]
    public void Action_request_next_pblock()
    {
        // Own vector.
        Assert.Equal(5u, Check<ActionRequestNextPBlock>("C3 02 C1 00 00 00 05").BlockNumber);
    }

    [Fact]
    public void Action_request_with_list()
    {
        // Own vector: disconnect control remote_disconnect and remote_reconnect, each with integer 0.
        var apdu = Check<ActionRequestWithList>(
            "C3 03 C1 02 00 46 00 00 60 03 0A FF 01 00 46 00 00 60 03 0A FF 02 02 0F 00 0F 00");
        Assert.Equal(new CosemMethodDescriptor(70, new ObisCode(0, 0, 96, 3, 10, 255), 2), apdu.MethodDescriptors[1]);
        Assert.Equal(["0F00", "0F00"], apdu.Parameters.Select(p => HexOf(p)));
    }

    [Fact]
    public void Action_request_with_first_pblock()
    {
        // Own vector.
        var apdu = Check<ActionRequestWithFirstPBlock>(
            "C3 04 C1 00 12 00 00 2C 00 00 FF 02 00 00 00 00 01 04 02 02 09 10");
        Assert.Equal(new CosemMethodDescriptor(18, new ObisCode(0, 0, 44, 0, 0, 255), 2), apdu.MethodDescriptor);
        Assert.Equal(new DataBlockSA(false, 1, Hex("02 02 09 10")), apdu.PBlock);
    }

    [Fact]
    public void Action_request_with_list_and_first_pblock()
    {
        // Own vector.
        var apdu = Check<ActionRequestWithListAndFirstPBlock>(
            "C3 05 C1 01 00 12 00 00 2C 00 00 FF 02 00 00 00 00 01 02 01 01");
        Assert.Single(apdu.MethodDescriptors);
        Assert.Equal(1u, apdu.PBlock.BlockNumber);
    }

    [Fact]
    public void Action_request_with_pblock()
    {
        // Own vector.
        var apdu = Encodes(new ActionRequestWithPBlock(C1, new DataBlockSA(true, 2, Hex("AA BB"))), "C3 06 C1 01 00 00 00 02 02 AA BB");
        Assert.True(apdu.PBlock.LastBlock);
    }

    [Fact]
    public void Action_response_normal_success()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_action.py, TestActionResponseNormal.
        var apdu = Check<ActionResponseNormal>("C7 01 C0 00 00");
        Assert.Equal(new ActionResponseWithOptionalData(ActionResult.Success), apdu.Response);
    }

    [Fact]
    public void Action_response_normal_with_data()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_action.py, TestActionResponseNormalWithData.
        var apdu = Check<ActionResponseNormal>("C7 01 C0 00 01 00 09 11 10 00 00 1A FD E8 85 7B 72 8A 34 99 10 6A A6 65 D1");
        Assert.Equal(ActionResult.Success, apdu.Response.Result);
        Assert.Equal(GetDataResult.FromData(Hex("09 11 10 00 00 1A FD E8 85 7B 72 8A 34 99 10 6A A6 65 D1")), apdu.Response.ReturnParameters);
    }

    [Fact]
    public void Action_response_normal_with_error()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_action.py, TestActionResponseWithError: data-access-result other-reason.
        var apdu = Check<ActionResponseNormal>("C7 01 C0 00 01 01 FA");
        Assert.Equal(GetDataResult.FromAccessResult(DataAccessResult.OtherReason), apdu.Response.ReturnParameters);
    }

    [Fact]
    public void Action_response_with_pblock()
    {
        // Own vector.
        var apdu = Check<ActionResponseWithPBlock>("C7 02 C1 00 00 00 00 01 03 01 02 03");
        Assert.Equal(new DataBlockSA(false, 1, Hex("01 02 03")), apdu.PBlock);
    }

    [Fact]
    public void Action_response_with_list()
    {
        // Own vector: success without data, then type-unmatched with data-access-result.
        var apdu = Encodes(
            new ActionResponseWithList(C1,
            [
                new ActionResponseWithOptionalData(ActionResult.Success),
                new ActionResponseWithOptionalData(ActionResult.TypeUnmatched, GetDataResult.FromAccessResult(DataAccessResult.TypeUnmatched)),
            ]),
            "C7 03 C1 02 00 00 0C 01 01 0C");
        Assert.Equal(2, apdu.Responses.Count);
    }

    [Fact]
    public void Action_response_next_pblock()
    {
        // Own vector.
        Assert.Equal(7u, Check<ActionResponseNextPBlock>("C7 04 C1 00 00 00 07").BlockNumber);
    }

    [Fact]
    public void Unknown_action_choice_is_refused()
    {
        Assert.Equal(1, Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex("C3 07 C1"))).Offset);
        Assert.Equal(1, Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex("C7 05 C1"))).Offset);
    }
}
