using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class GetApduTests
{
    private static readonly InvokeIdAndPriority C1 = new(0xC1);

    [Fact]
    public void Get_request_normal_reads_the_clock_time()
    {
        // DLMS UA Green Book (IEC 62056-5-3), GET example: read attribute 2 (time) of the clock 0.0.1.0.0.255.
        var apdu = Check<GetRequestNormal>("C0 01 C1 00 08 00 00 01 00 00 FF 02 00");
        Assert.Equal(C1, apdu.InvokeIdAndPriority);
        Assert.Equal(new CosemAttributeDescriptor(8, new ObisCode(0, 0, 1, 0, 0, 255), 2), apdu.AttributeDescriptor);
        Assert.Null(apdu.AccessSelection);
    }

    [Fact]
    public void Get_request_normal_encodes_from_fields()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_get.py, TestGetRequestNormal: data object 0.0.43.1.0.255 attr 2.
        Encodes(
            new GetRequestNormal(new InvokeIdAndPriority(1, confirmed: true, highPriority: true),
                new CosemAttributeDescriptor(1, new ObisCode(0, 0, 43, 1, 0, 255), 2)),
            "C0 01 C1 00 01 00 00 2B 01 00 FF 02 00");
    }

    [Fact]
    public void Get_request_normal_with_selective_access()
    {
        // Own vector (no public capture at hand): profile generic 1.0.99.1.0.255 buffer, selector 2 (by entry),
        // entries 1..10, all columns: structure { double-long-unsigned 1, double-long-unsigned 10, long-unsigned 1, long-unsigned 0 }.
        var apdu = Check<GetRequestNormal>(
            "C0 01 C1 00 07 01 00 63 01 00 FF 02 01 02 02 04 06 00 00 00 01 06 00 00 00 0A 12 00 01 12 00 00");
        Assert.Equal(new CosemAttributeDescriptor(7, new ObisCode(1, 0, 99, 1, 0, 255), 2), apdu.AttributeDescriptor);
        Assert.NotNull(apdu.AccessSelection);
        Assert.Equal(2, apdu.AccessSelection.Value.Selector);
        Assert.Equal("02040600000001060000000A120001120000", HexOf(apdu.AccessSelection.Value.Parameters));
    }

    [Fact]
    public void Get_request_next()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_get.py, TestGetRequestNext.
        var apdu = Check<GetRequestNext>("C0 02 C1 00 00 00 01");
        Assert.Equal(1u, apdu.BlockNumber);
        Encodes(new GetRequestNext(C1, 3), "C0 02 C1 00 00 00 03");
    }

    [Fact]
    public void Get_request_with_list()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_get.py, TestGetRequestWithList: 0.0.42.0.0.255/2 and clock time.
        var apdu = Check<GetRequestWithList>(
            "C0 03 C1 02 00 01 00 00 2A 00 00 FF 02 00 00 08 00 00 01 00 00 FF 02 00");
        Assert.Equal(2, apdu.AttributeDescriptors.Count);
        Assert.Equal(new CosemAttributeDescriptor(1, new ObisCode(0, 0, 42, 0, 0, 255), 2), apdu.AttributeDescriptors[0].Descriptor);
        Assert.Equal(new CosemAttributeDescriptor(8, new ObisCode(0, 0, 1, 0, 0, 255), 2), apdu.AttributeDescriptors[1].Descriptor);
        Assert.All(apdu.AttributeDescriptors, d => Assert.Null(d.AccessSelection));
    }

    [Fact]
    public void Get_request_with_list_with_a_selection()
    {
        // Own vector: the second attribute carries selector 1 with a null-data parameter.
        var apdu = Check<GetRequestWithList>(
            "C0 03 C1 02 00 01 00 00 2A 00 00 FF 02 00 00 07 01 00 63 01 00 FF 02 01 01 00");
        Assert.Equal(new SelectiveAccessDescriptor(1, new byte[] { 0 }), apdu.AttributeDescriptors[1].AccessSelection);
    }

    [Fact]
    public void Get_response_normal_with_data()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_get.py, TestGetResponseNormal: double-long-unsigned 5009.
        var apdu = Check<GetResponseNormal>("C4 01 C1 00 06 00 00 13 91");
        Assert.True(apdu.Result.HasData);
        Assert.Equal("0600001391", HexOf(apdu.Result.Data));
        Assert.Equal(DataAccessResult.Success, apdu.Result.AccessResult);
    }

    [Fact]
    public void Get_response_normal_with_error()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_get.py, TestGetRequestNormalWithError: hardware-fault.
        var apdu = Check<GetResponseNormal>("C4 01 C1 01 01");
        Assert.False(apdu.Result.HasData);
        Assert.Equal(DataAccessResult.HardwareFault, apdu.Result.AccessResult);
        Encodes(new GetResponseNormal(C1, GetDataResult.FromAccessResult(DataAccessResult.HardwareFault)), "C4 01 C1 01 01");
    }

    [Fact]
    public void Get_response_with_data_block_raw_data()
    {
        // Shape of dlms-cosem (Python) tests/test_xdlms/test_get.py, TestGetResponseWithBlock (block 1, not last,
        // raw-data with a two-byte length 0x82 0x049E), shortened: own vector with a 0x81-form length of 130 bytes.
        string raw = string.Concat(Enumerable.Repeat("AB", 130));
        var apdu = Check<GetResponseWithDataBlock>("C4 02 C1 00 00 00 00 01 00 81 82" + raw);
        Assert.False(apdu.Block.LastBlock);
        Assert.Equal(1u, apdu.Block.BlockNumber);
        Assert.True(apdu.Block.HasRawData);
        Assert.Equal(raw, HexOf(apdu.Block.RawData));
    }

    [Fact]
    public void Get_response_with_data_block_last_block()
    {
        // Own vector: last block 2 carrying 5 bytes.
        var apdu = Encodes(
            new GetResponseWithDataBlock(C1, DataBlockG.WithRawData(true, 2, new byte[] { 1, 2, 3, 4, 5 })),
            "C4 02 C1 01 00 00 00 02 00 05 01 02 03 04 05");
        Assert.True(apdu.Block.LastBlock);
    }

    [Fact]
    public void Get_response_with_data_block_access_result()
    {
        // Own vector: block 2 refused with data-block-number-invalid (19).
        var apdu = Check<GetResponseWithDataBlock>("C4 02 C1 01 00 00 00 02 01 13");
        Assert.False(apdu.Block.HasRawData);
        Assert.Equal(DataAccessResult.DataBlockNumberInvalid, apdu.Block.AccessResult);
    }

    [Fact]
    public void Get_response_with_list()
    {
        // Own vector: two results, 5009 and object-undefined.
        var apdu = Check<GetResponseWithList>("C4 03 C1 02 00 06 00 00 13 91 01 04");
        Assert.Equal(2, apdu.Results.Count);
        Assert.Equal(GetDataResult.FromData(Hex("0600001391")), apdu.Results[0]);
        Assert.Equal(GetDataResult.FromAccessResult(DataAccessResult.ObjectUndefined), apdu.Results[1]);
    }

    [Theory]
    [InlineData("C0 04 C1 00 00 00 01", 1)] // get-request choice 4 does not exist
    [InlineData("C4 00 C1 00", 1)]
    [InlineData("C4 01 C1 02 00", 3)] // get-data-result choice 2 does not exist
    [InlineData("C4 02 C1 01 00 00 00 02 02 13", 8)]
    public void Unknown_choices_are_refused_with_their_offset(string hex, int offset)
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex(hex)));
        Assert.Equal(offset, error.Offset);
    }
}
