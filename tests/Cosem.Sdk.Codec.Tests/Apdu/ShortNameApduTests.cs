using Cosem.Sdk.Apdu;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class ShortNameApduTests
{
    private const string DateTime = "07 EA 01 18 06 0B 15 00 00 80 00 00";

    [Fact]
    public void Read_request_with_name_parameterized_and_block_number_access()
    {
        // Own vector: variable-name 0xFA08, parameterized-access 0x3F18 selector 2 with long-unsigned 1,
        // block-number-access 2.
        var apdu = Check<ReadRequest>("05 03 02 FA 08 04 3F 18 02 12 00 01 05 00 02");
        Assert.Equal(
            [VariableAccessSpecification.ByName(0xFA08),
             VariableAccessSpecification.Parameterized(0x3F18, 2, Hex("12 00 01")),
             VariableAccessSpecification.BlockNumberAccess(2)],
            apdu.Variables);
    }

    [Fact]
    public void Read_request_with_read_data_block_access()
    {
        // Own vector: read-data-block-access [6], not last, block 1, two raw bytes.
        var apdu = Check<ReadRequest>("05 01 06 00 00 01 02 AA BB");
        Assert.Equal(VariableAccessSpecification.ReadDataBlockAccess(false, 1, Hex("AA BB")), apdu.Variables[0]);
    }

    [Fact]
    public void Read_response_with_every_choice()
    {
        // Own vector: data unsigned 5, data-access-error read-write-denied, data-block-result (block 1), block-number 2.
        var apdu = Check<ReadResponse>("0C 04 00 11 05 01 03 02 00 00 01 02 AA BB 03 00 02");
        Assert.Equal(
            [ReadResult.FromData(Hex("11 05")), ReadResult.FromError(DataAccessResult.ReadWriteDenied),
             ReadResult.FromDataBlock(false, 1, Hex("AA BB")), ReadResult.FromBlockNumber(2)],
            apdu.Results);
    }

    [Fact]
    public void Write_request_with_write_data_block_access()
    {
        // Own vector: write-data-block-access [7] (last block 2), data octet-string 01 02 03; and a plain name.
        var apdu = Check<WriteRequest>("06 02 07 01 00 02 02 FA 10 02 09 03 01 02 03 11 07");
        Assert.Equal(VariableAccessSpecification.WriteDataBlockAccess(true, 2), apdu.Variables[0]);
        Assert.Equal(["0903010203", "1107"], apdu.Data.Select(d => HexOf(d)));
    }

    [Fact]
    public void Write_response_with_every_choice()
    {
        // Own vector: success, data-access-error type-unmatched, block-number 5.
        var apdu = Encodes(
            new WriteResponse([WriteResult.Success, WriteResult.FromError(DataAccessResult.TypeUnmatched), WriteResult.FromBlockNumber(5)]),
            "0D 03 00 01 0C 02 00 05");
        Assert.Equal(WriteResultKind.BlockNumber, apdu.Results[2].Kind);
    }

    [Fact]
    public void Unconfirmed_write_request()
    {
        // Own vector: 0xFA10 := unsigned 7.
        var apdu = Check<UnconfirmedWriteRequest>("16 01 02 FA 10 01 11 07");
        Assert.Equal(0xFA10, apdu.Variables[0].VariableName);
        Assert.Equal("1107", HexOf(apdu.Data[0]));
    }

    [Fact]
    public void Information_report_with_and_without_time()
    {
        // Own vectors; current-time as a length-prefixed octet string, zero length when absent (as Gurux reads it).
        var timed = Check<InformationReportRequest>("18 0C " + DateTime + " 01 02 FA 08 01 12 00 05");
        Assert.Equal(Hex(DateTime), timed.CurrentTime.ToArray());
        var untimed = Encodes(
            new InformationReportRequest(ReadOnlyMemory<byte>.Empty, [VariableAccessSpecification.ByName(0xFA08)], [Hex("12 00 05")]),
            "18 00 01 02 FA 08 01 12 00 05");
        Assert.True(untimed.CurrentTime.IsEmpty);
    }

    [Theory]
    [InlineData("05 01 03 00 01", 2)] // detailed-access [3] is not used by DLMS
    [InlineData("0C 01 04 00 00", 2)]
    [InlineData("0D 01 03", 2)]
    public void Unknown_short_name_choices_are_refused(string hex, int offset)
    {
        Assert.Equal(offset, Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex(hex))).Offset);
    }
}
