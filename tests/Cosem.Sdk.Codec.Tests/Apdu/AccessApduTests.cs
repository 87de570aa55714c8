using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class AccessApduTests
{
    private static readonly LongInvokeIdAndPriority Confirmed1 = new(1, confirmed: true, highPriority: false);
    private static readonly CosemAttributeDescriptor ClockTime = new(8, new ObisCode(0, 0, 1, 0, 0, 255), 2);
    private static readonly CosemMethodDescriptor RemoteReconnect = new(70, new ObisCode(0, 0, 96, 3, 10, 255), 2);
    private static readonly CosemAttributeDescriptor LoadProfile = new(7, new ObisCode(1, 0, 99, 1, 0, 255), 2);

    [Fact]
    public void Access_request_with_get_set_and_action()
    {
        // Own vector: get clock time, set clock time, remote_reconnect; data null-data, the new time, integer 0.
        var apdu = Check<AccessRequest>(
            "D9 40 00 00 01 00 03 01 00 08 00 00 01 00 00 FF 02 02 00 08 00 00 01 00 00 FF 02 03 00 46 00 00 60 03 0A FF 02" +
            " 03 00 09 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 0F 00");
        Assert.Equal(Confirmed1, apdu.LongInvokeIdAndPriority);
        Assert.True(apdu.DateTime.IsEmpty);
        Assert.Equal(
            [AccessRequestSpecification.Get(ClockTime), AccessRequestSpecification.Set(ClockTime), AccessRequestSpecification.Action(RemoteReconnect)],
            apdu.Specifications);
        Assert.Equal(["00", "090C07EA0118060B150000800000", "0F00"], apdu.Data.Select(d => HexOf(d)));
    }

    [Fact]
    public void Access_request_with_selection()
    {
        // Own vector: get- and set-with-selection, selector 2 with a structure parameter and selector 1 with null-data.
        var selection = new SelectiveAccessDescriptor(2, Hex("02 02 06 00 00 00 01 06 00 00 00 02"));
        var apdu = Encodes(
            new AccessRequest(Confirmed1, Hex("07 EA 01 18 06 0B 15 00 00 80 00 00"),
                [AccessRequestSpecification.GetWithSelection(LoadProfile, selection),
                 AccessRequestSpecification.SetWithSelection(LoadProfile, new SelectiveAccessDescriptor(1, Hex("00")))],
                [Hex("00"), Hex("01 00")]),
            "D9 40 00 00 01 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 02" +
            " 04 00 07 01 00 63 01 00 FF 02 02 02 02 06 00 00 00 01 06 00 00 00 02" +
            " 05 00 07 01 00 63 01 00 FF 02 01 00" +
            " 02 00 01 00");
        Assert.Equal(AccessRequestKind.GetWithSelection, apdu.Specifications[0].Kind);
        Assert.Equal(selection, apdu.Specifications[0].AccessSelection);
    }

    [Fact]
    public void Access_response_without_request_list()
    {
        // Own vector: the clock time read, the set and action succeeded.
        var apdu = Check<AccessResponse>(
            "DA 40 00 00 01 00 00 03 09 0C 07 EA 01 18 06 0B 15 00 00 80 00 00 00 00 03 01 00 02 00 03 00");
        Assert.Null(apdu.RequestSpecifications);
        Assert.Equal(3, apdu.Data.Count);
        Assert.Equal(
            [AccessResponseSpecification.Get(DataAccessResult.Success), AccessResponseSpecification.Set(DataAccessResult.Success),
             AccessResponseSpecification.Action(ActionResult.Success)],
            apdu.Results);
    }

    [Fact]
    public void Access_response_with_request_list()
    {
        // Own vector: the server repeats the request (get-with-selection, selector 1, null-data) and answers an empty array.
        var apdu = Encodes(
            new AccessResponse(Confirmed1, ReadOnlyMemory<byte>.Empty,
                [AccessRequestSpecification.GetWithSelection(LoadProfile, new SelectiveAccessDescriptor(1, Hex("00")))],
                [Hex("01 00")],
                [AccessResponseSpecification.Get(DataAccessResult.ReadWriteDenied)]),
            "DA 40 00 00 01 00 01 01 04 00 07 01 00 63 01 00 FF 02 01 00 01 01 00 01 01 03");
        var specification = Assert.Single(apdu.RequestSpecifications!);
        Assert.Equal(AccessRequestKind.GetWithSelection, specification.Kind);
        Assert.Equal(LoadProfile, specification.AttributeDescriptor);
        Assert.Equal(1, specification.AccessSelection!.Value.Selector);
        Assert.Equal("00", HexOf(specification.AccessSelection.Value.Parameters));
        Assert.Equal(DataAccessResult.ReadWriteDenied, apdu.Results[0].DataAccessResult);
    }

    [Theory]
    [InlineData("D9 40 00 00 01 00 01 06 00 08 00 00 01 00 00 FF 02 01 00", 7)] // access-request-specification choice 6
    [InlineData("DA 40 00 00 01 00 00 01 00 01 04 00", 10)] // access-response-specification choice 4
    public void Unknown_access_choices_are_refused(string hex, int offset)
    {
        Assert.Equal(offset, Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex(hex))).Offset);
    }
}
