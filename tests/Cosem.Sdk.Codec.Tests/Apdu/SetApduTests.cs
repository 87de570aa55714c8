using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class SetApduTests
{
    private static readonly InvokeIdAndPriority C1 = new(0xC1);
    private static readonly CosemAttributeDescriptor ClockTime = new(8, new ObisCode(0, 0, 1, 0, 0, 255), 2);

    [Fact]
    public void Set_request_normal_sets_the_clock()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_set.py, TestSetRequestNormal: clock time := 2021-01-24 14:48:57.80.
        var apdu = Check<SetRequestNormal>(
            "C1 01 C1 00 08 00 00 01 00 00 FF 02 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00");
        Assert.Equal(ClockTime, apdu.AttributeDescriptor);
        Assert.Null(apdu.AccessSelection);
        Assert.Equal("090C07E50118FF0E303950FFC400", HexOf(apdu.Value));
    }

    [Fact]
    public void Set_request_normal_with_selective_access()
    {
        // Own vector: selector 1 with a long-unsigned parameter, value unsigned 5.
        var apdu = Encodes(
            new SetRequestNormal(C1, ClockTime, new SelectiveAccessDescriptor(1, Hex("12 00 02")), Hex("11 05")),
            "C1 01 C1 00 08 00 00 01 00 00 FF 02 01 01 12 00 02 11 05");
        Assert.Equal("1105", HexOf(apdu.Value));
    }

    [Fact]
    public void Set_request_with_first_data_block()
    {
        // DLMS UA Green Book, "Writing the value of a single attribute with block transfer" (Table 137), as used by
        // dlms-cosem (Python) tests/test_xdlms/test_set.py, TestSetRequestWithFirstBlock.
        var apdu = Check<SetRequestWithFirstDataBlock>(
            "C1 02 C1 00 01 00 00 80 00 00 FF 02 00 00 00 00 00 01 15 09 32 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19");
        Assert.Equal(new CosemAttributeDescriptor(1, new ObisCode(0, 0, 128, 0, 0, 255), 2), apdu.AttributeDescriptor);
        Assert.False(apdu.DataBlock.LastBlock);
        Assert.Equal(1u, apdu.DataBlock.BlockNumber);
        Assert.Equal("093201020304050607080910111213141516171819", HexOf(apdu.DataBlock.RawData));
    }

    [Fact]
    public void Set_request_with_data_block()
    {
        // Own vector: last block 2 of the transfer above.
        var apdu = Encodes(
            new SetRequestWithDataBlock(C1, new DataBlockSA(true, 2, Hex("20 21 22"))),
            "C1 03 C1 01 00 00 00 02 03 20 21 22");
        Assert.True(apdu.DataBlock.LastBlock);
    }

    [Fact]
    public void Set_request_with_list()
    {
        // Own vector: two attributes, two values.
        var apdu = Check<SetRequestWithList>(
            "C1 04 C1 02 00 08 00 00 01 00 00 FF 03 00 00 01 00 00 2A 00 00 FF 02 00 02 10 00 3C 09 02 AB CD");
        Assert.Equal(new CosemAttributeDescriptor(8, new ObisCode(0, 0, 1, 0, 0, 255), 3), apdu.AttributeDescriptors[0].Descriptor);
        Assert.Equal(2, apdu.Values.Count);
        Assert.Equal("10003C", HexOf(apdu.Values[0]));
        Assert.Equal("0902ABCD", HexOf(apdu.Values[1]));
    }

    [Fact]
    public void Set_request_with_list_and_first_data_block()
    {
        // Own vector.
        var apdu = Check<SetRequestWithListAndFirstDataBlock>(
            "C1 05 C1 01 00 08 00 00 01 00 00 FF 02 00 00 00 00 00 01 02 09 0C");
        Assert.Single(apdu.AttributeDescriptors);
        Assert.Equal(new DataBlockSA(false, 1, Hex("09 0C")), apdu.DataBlock);
    }

    [Fact]
    public void Set_response_normal()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_set.py, TestSetResponseNormal.
        var apdu = Check<SetResponseNormal>("C5 01 C1 00");
        Assert.Equal(DataAccessResult.Success, apdu.Result);
        Encodes(new SetResponseNormal(C1, DataAccessResult.ReadWriteDenied), "C5 01 C1 03");
    }

    [Fact]
    public void Set_response_data_block()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_set.py, TestSetResponseWithBlock (Green Book Table 137).
        Assert.Equal(1u, Check<SetResponseDataBlock>("C5 02 C1 00 00 00 01").BlockNumber);
    }

    [Fact]
    public void Set_response_last_data_block()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_set.py, TestSetResponseLastBlock.
        var apdu = Check<SetResponseLastDataBlock>("C5 03 C1 00 00 00 00 02");
        Assert.Equal(DataAccessResult.Success, apdu.Result);
        Assert.Equal(2u, apdu.BlockNumber);
    }

    [Fact]
    public void Set_response_last_data_block_with_list()
    {
        // Own vector.
        var apdu = Check<SetResponseLastDataBlockWithList>("C5 04 C1 02 00 03 00 00 00 04");
        Assert.Equal([DataAccessResult.Success, DataAccessResult.ReadWriteDenied], apdu.Results);
        Assert.Equal(4u, apdu.BlockNumber);
    }

    [Fact]
    public void Set_response_with_list()
    {
        // Own vector.
        var apdu = Encodes(
            new SetResponseWithList(C1, [DataAccessResult.Success, DataAccessResult.TypeUnmatched, DataAccessResult.OtherReason]),
            "C5 05 C1 03 00 0C FA");
        Assert.Equal(3, apdu.Results.Count);
    }

    [Fact]
    public void Unknown_set_choice_is_refused()
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex("C1 06 C1 00")));
        Assert.Equal(1, error.Offset);
        Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex("C5 00 C1 00")));
    }
}
