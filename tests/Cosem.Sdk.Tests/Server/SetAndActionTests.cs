using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Tests.Server;

public sealed class SetAndActionTests
{
    private static readonly CosemAttributeDescriptor Value = new(1, ServerHarness.ValueName, 2);
    private static readonly CosemMethodDescriptor Echo = new(1, ServerHarness.ValueName, 1);
    private static readonly CosemMethodDescriptor Fails = new(1, ServerHarness.ValueName, 2);

    private static async Task<(ServerHarness, RawClient)> ManagementAsync(ushort maxPdu = 0xFFFF, ushort client = 1)
    {
        var harness = new ServerHarness();
        var raw = await harness.ConnectAsync(client);
        Assert.Equal(AssociationResult.Accepted, (await raw.AssociateAsync(ServerHarness.Aarq(client == 1 ? "12345678" : null, maxPdu: maxPdu))).Result);
        return (harness, raw);
    }

    [Fact]
    public async Task SetNormalWritesTheValue()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;

        // SET-Request-Normal, value long-unsigned 0x1234; answer SET-Response-Normal success.
        Assert.Equal("C501C100", Convert.ToHexString(await client.RequestAsync("C101C100010000600100FF0200121234")));
        Assert.Equal("121234", Convert.ToHexString(harness.Value.Value));
    }

    [Theory]
    [InlineData("C101C100010000600100FF02000301", "C501C10C")] // boolean refused by the object: type-unmatched
    [InlineData("C101C100010000600100FF020012", "D80103")] // truncated value: the APDU is malformed
    [InlineData("C101C100010000600100FF01000906000000000000", "C501C103")] // logical name: read-write-denied
    [InlineData("C101C100010000600109FF02001101", "C501C100")] // the hidden object is visible to the management client
    public async Task SetRefusals(string request, string expected)
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;

        Assert.Equal(expected, Convert.ToHexString(await client.RequestAsync(request)));
    }

    [Fact]
    public async Task APublicReadOnlyClientCannotWriteOrInvoke()
    {
        var (harness, client) = await ManagementAsync(client: 16);
        await using var _ = harness;
        await using var __ = client;

        Assert.Equal("C501C103", Convert.ToHexString(await client.RequestAsync("C101C100010000600100FF02001101")));
        var action = await client.RequestAsync<ActionResponseNormal>(new ActionRequestNormal(InvokeIdAndPriority.Default, Echo, new byte[] { 0x11, 1 }));
        Assert.Equal(ActionResult.ReadWriteDenied, action.Response.Result);
        Assert.Equal(0, harness.Value.Invocations);
    }

    [Fact]
    public async Task SetWithListWritesEach()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;
        var request = new SetRequestWithList(InvokeIdAndPriority.Default,
            [new(Value), new(new CosemAttributeDescriptor(1, ServerHarness.ValueName, 1))],
            [new byte[] { 0x11, 7 }, new byte[] { 0x09, 0x06, 0, 0, 0, 0, 0, 0 }]);

        var response = await client.RequestAsync<SetResponseWithList>(request);

        Assert.Equal([DataAccessResult.Success, DataAccessResult.ReadWriteDenied], response.Results);
        Assert.Equal("1107", Convert.ToHexString(harness.Value.Value));
    }

    [Fact]
    public async Task SetInBlocksIsReassembledThenWritten()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;
        byte[] value = [(byte)DataType.OctetString, 0x82, 0x01, 0x2C, .. Enumerable.Range(0, 300).Select(i => (byte)i)];

        var first = await client.RequestAsync<SetResponseDataBlock>(new SetRequestWithFirstDataBlock(InvokeIdAndPriority.Default, Value, null,
            new DataBlockSA(false, 1, value.AsMemory(0, 100))));
        Assert.Equal(1u, first.BlockNumber);
        var second = await client.RequestAsync<SetResponseDataBlock>(new SetRequestWithDataBlock(InvokeIdAndPriority.Default,
            new DataBlockSA(false, 2, value.AsMemory(100, 100))));
        Assert.Equal(2u, second.BlockNumber);
        var last = await client.RequestAsync<SetResponseLastDataBlock>(new SetRequestWithDataBlock(InvokeIdAndPriority.Default,
            new DataBlockSA(true, 3, value.AsMemory(200))));

        Assert.Equal(DataAccessResult.Success, last.Result);
        Assert.Equal(3u, last.BlockNumber);
        Assert.Equal(value, harness.Value.Value);
    }

    [Fact]
    public async Task ASetBlockOutOfSequenceAbandonsTheTransfer()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;
        await client.RequestAsync<SetResponseDataBlock>(new SetRequestWithFirstDataBlock(InvokeIdAndPriority.Default, Value, null,
            new DataBlockSA(false, 1, new byte[] { 0x09, 0x04, 1, 2 })));

        var skipped = await client.RequestAsync<SetResponseLastDataBlock>(new SetRequestWithDataBlock(InvokeIdAndPriority.Default,
            new DataBlockSA(true, 3, new byte[] { 3, 4 })));

        Assert.Equal(DataAccessResult.DataBlockNumberInvalid, skipped.Result);
        var orphan = await client.RequestAsync<SetResponseLastDataBlock>(new SetRequestWithDataBlock(InvokeIdAndPriority.Default,
            new DataBlockSA(true, 2, new byte[] { 3, 4 })));
        Assert.Equal(DataAccessResult.NoLongSetInProgress, orphan.Result);
        Assert.Equal("112A", Convert.ToHexString(harness.Value.Value)); // nothing written
    }

    [Fact]
    public async Task SetWithListAndFirstDataBlockWritesEveryValue()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;
        byte[] joined = [0x02, 0x11, 0x05, 0x03, 0x01]; // two values: unsigned 5, boolean true (refused by the object)

        var response = await client.RequestAsync<SetResponseLastDataBlockWithList>(new SetRequestWithListAndFirstDataBlock(
            InvokeIdAndPriority.Default, [new(Value), new(Value)], new DataBlockSA(true, 1, joined)));

        Assert.Equal([DataAccessResult.Success, DataAccessResult.TypeUnmatched], response.Results);
    }

    [Fact]
    public async Task ActionNormalReturnsData()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;

        // ACTION-Request-Normal with parameter unsigned 9: ACTION-Response-Normal success, return data unsigned 9.
        Assert.Equal("C701C10001001109", Convert.ToHexString(await client.RequestAsync("C301C100010000600100FF0101" + "1109")));
    }

    [Fact]
    public async Task AMethodThatThrowsCostsOnlyThatRequest()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;

        var failed = await client.RequestAsync<ActionResponseNormal>(new ActionRequestNormal(InvokeIdAndPriority.Default, Fails, new byte[] { 0x11, 1 }));
        Assert.Equal(ActionResult.OtherReason, failed.Response.Result);

        Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync("C001C100010000600100FF0200")));
    }

    [Fact]
    public async Task ActionWithListAnswersEachMethod()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;

        var response = await client.RequestAsync<ActionResponseWithList>(new ActionRequestWithList(InvokeIdAndPriority.Default,
            [Echo, Fails, new CosemMethodDescriptor(1, ServerHarness.ValueName, 9)], [new byte[] { 0x11, 3 }, new byte[] { 0 }, new byte[] { 0 }]));

        Assert.Equal([ActionResult.Success, ActionResult.OtherReason, ActionResult.ObjectUndefined], response.Responses.Select(r => r.Result));
        Assert.Equal("1103", Convert.ToHexString(response.Responses[0].ReturnParameters!.Value.Data.Span));
    }

    [Fact]
    public async Task LongParametersAndLongReturnsTravelInPBlocks()
    {
        var (harness, client) = await ManagementAsync(maxPdu: 64);
        await using var _ = harness;
        await using var __ = client;
        byte[] parameter = [(byte)DataType.OctetString, 0x81, 0x96, .. Enumerable.Range(0, 150).Select(i => (byte)i)];

        var ack = await client.RequestAsync<ActionResponseNextPBlock>(new ActionRequestWithFirstPBlock(InvokeIdAndPriority.Default, Echo,
            new DataBlockSA(false, 1, parameter.AsMemory(0, 60))));
        Assert.Equal(1u, ack.BlockNumber);
        var answer = await client.RequestAsync(new ActionRequestWithPBlock(InvokeIdAndPriority.Default,
            new DataBlockSA(true, 2, parameter.AsMemory(60))).ToArray());

        // The echo (153 bytes) exceeds the client's 64: it comes back in pblocks.
        var joined = new List<byte>();
        while (true)
        {
            Assert.True(answer.Length <= 64);
            var block = Assert.IsType<ActionResponseWithPBlock>(ApduDecoder.Decode(answer)).PBlock;
            joined.AddRange(block.RawData.ToArray());
            if (block.LastBlock)
            {
                break;
            }
            answer = await client.RequestAsync(new ActionRequestNextPBlock(InvokeIdAndPriority.Default, block.BlockNumber).ToArray());
        }
        // Action-Response-With-Optional-Data: success, return data present, data, then the echoed value.
        Assert.Equal([0x00, 0x01, 0x00, .. parameter], joined);
    }

    [Fact]
    public async Task AnUnconfirmedSetIsCarriedOutWithoutAnAnswer()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;

        await client.Channel.SendAsync(Convert.FromHexString("C1018100010000600100FF02001163"));
        // The next confirmed request is answered first: the unconfirmed one produced nothing.
        Assert.Equal("C401C1001163", Convert.ToHexString(await client.RequestAsync("C001C100010000600100FF0200")));
    }

    [Fact]
    public async Task TheLlsSecretCanBeChangedByTheManagementClient()
    {
        var (harness, client) = await ManagementAsync();
        await using var _ = harness;
        await using var __ = client;

        // SET current association (class 15) attribute 7 secret := "abcdefgh".
        Assert.Equal("C501C100", Convert.ToHexString(await client.RequestAsync("C101C1000F0000280000FF0700" + "0908" + "6162636465666768")));

        await using var next = await harness.ConnectAsync(1);
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationFailure, (await next.AssociateAsync(ServerHarness.Aarq("12345678"))).ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Equal(AssociationResult.Accepted, (await next.AssociateAsync(ServerHarness.Aarq("abcdefgh"))).Result);
    }
}
