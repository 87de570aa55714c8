using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

public sealed class GetServiceTests
{
    // GET-Request-Normal of class 1, 0.0.96.1.0.255, attribute 2 (the layout of the Green Book GET examples).
    private const string GetValue = "C001C100010000600100FF0200";

    private static async Task<(ServerHarness, RawClient)> AssociatedAsync(ushort client = 16, ushort maxPdu = 0xFFFF, Conformance conformance = (Conformance)0x007E1F)
    {
        var harness = new ServerHarness();
        var raw = await harness.ConnectAsync(client);
        var aare = await raw.AssociateAsync(ServerHarness.Aarq(client == 1 ? "12345678" : null, conformance, maxPdu));
        Assert.Equal(AssociationResult.Accepted, aare.Result);
        return (harness, raw);
    }

    [Fact]
    public async Task GetNormalReturnsTheValue()
    {
        var (harness, client) = await AssociatedAsync();
        await using var _ = harness;
        await using var __ = client;

        Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync(GetValue)));
        // The invoke-id and priority byte is echoed whatever it is.
        Assert.Equal("C401470011" + "2A", Convert.ToHexString(await client.RequestAsync("C00147" + GetValue[6..])));
    }

    [Theory]
    [InlineData("C001C100010000600109FF0200", "C401C10104")] // hidden from the public client: object-undefined
    [InlineData("C001C100030000600100FF0200", "C401C10104")] // the name exists with another class: object-undefined
    [InlineData("C001C100010000600100FF0900", "C401C10104")] // no attribute 9: object-undefined
    [InlineData("C001C100010000600100FF0300", "C401C1010D")] // authenticated read without authentication: scope-of-access-violated
    [InlineData("C001C100010000600100FF0400", "C401C10103")] // write-only attribute: read-write-denied
    public async Task RefusalsCarryTheRightDataAccessResult(string request, string expected)
    {
        var (harness, client) = await AssociatedAsync();
        await using var _ = harness;
        await using var __ = client;

        Assert.Equal(expected, Convert.ToHexString(await client.RequestAsync(request)));
    }

    [Fact]
    public async Task GetWithListAnswersEachAttribute()
    {
        var (harness, client) = await AssociatedAsync();
        await using var _ = harness;
        await using var __ = client;
        var request = new GetRequestWithList(InvokeIdAndPriority.Default,
        [
            new(new CosemAttributeDescriptor(1, ServerHarness.ValueName, 2)),
            new(new CosemAttributeDescriptor(1, ServerHarness.HiddenName, 2)),
            new(new CosemAttributeDescriptor(1, ServerHarness.ValueName, 1)),
        ]);

        var response = await client.RequestAsync<GetResponseWithList>(request);

        Assert.Equal(3, response.Results.Count);
        Assert.Equal("112A", Convert.ToHexString(response.Results[0].Data.Span));
        Assert.Equal(DataAccessResult.ObjectUndefined, response.Results[1].AccessResult);
        Assert.Equal("09060000600100FF", Convert.ToHexString(response.Results[2].Data.Span));
    }

    [Fact]
    public async Task WithListWithoutMultipleReferencesIsRefused()
    {
        var (harness, client) = await AssociatedAsync(conformance: Conformance.Get);
        await using var _ = harness;
        await using var __ = client;
        var request = new GetRequestWithList(InvokeIdAndPriority.Default, [new(new CosemAttributeDescriptor(1, ServerHarness.ValueName, 2))]);

        // exception-response: service-not-allowed, service-not-supported.
        Assert.Equal("D80102", Convert.ToHexString(await client.RequestAsync(request.ToArray())));
    }

    [Fact]
    public async Task SelectiveAccessReachesTheObject()
    {
        var (harness, client) = await AssociatedAsync();
        await using var _ = harness;
        await using var __ = client;
        // Entry selector 2: entries 1..5, all columns.
        var selection = new SelectiveAccessDescriptor(2, Convert.FromHexString("020406000000010600000005120001120000"));

        var response = await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(InvokeIdAndPriority.Default,
            new CosemAttributeDescriptor(1, ServerHarness.ValueName, 2), selection));

        Assert.True(response.Result.HasData);
        Assert.Equal(2, harness.Value.LastSelection!.Value.Selector);
        Assert.Equal(selection.Parameters.ToArray(), harness.Value.LastSelection!.Value.Parameters.ToArray());
    }

    [Fact]
    public async Task ALongValueComesInBlocksTheClientFetchesWithGetNext()
    {
        var (harness, client) = await AssociatedAsync(maxPdu: 128);
        await using var _ = harness;
        await using var __ = client;
        var content = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        harness.Value.Value = [(byte)DataType.OctetString, 0x82, 0x03, 0xE8, .. content];

        var joined = new List<byte>();
        var answer = await client.RequestAsync(GetValue);
        uint expected = 1;
        while (true)
        {
            Assert.True(answer.Length <= 128, $"block of {answer.Length} bytes exceeds the client PDU size");
            var block = Assert.IsType<GetResponseWithDataBlock>(ApduDecoder.Decode(answer)).Block;
            Assert.Equal(expected, block.BlockNumber);
            Assert.True(block.HasRawData);
            joined.AddRange(block.RawData.ToArray());
            if (block.LastBlock)
            {
                break;
            }
            answer = await client.RequestAsync(new GetRequestNext(InvokeIdAndPriority.Default, block.BlockNumber).ToArray());
            expected++;
        }

        Assert.Equal(harness.Value.Value, joined.ToArray());
        Assert.Equal(9u, expected);
    }

    [Fact]
    public async Task EachLongAnswerSendsItsOwnBytesThoughTheBuffersAreReused()
    {
        // A long answer is sent from the buffer it was written into, and that buffer serves the next long GET: an
        // answer abandoned half-way, a short answer and the next long answers must each come out whole and unmixed.
        var (harness, client) = await AssociatedAsync(maxPdu: 128);
        await using var _ = harness;
        await using var __ = client;
        byte[] first = [(byte)DataType.OctetString, 0x82, 0x03, 0xE8, .. Enumerable.Range(0, 1000).Select(i => (byte)i)];
        byte[] second = [(byte)DataType.OctetString, 0x82, 0x02, 0xBC, .. Enumerable.Range(0, 700).Select(i => (byte)(255 - i))];
        harness.Value.Value = first;
        Assert.False(Assert.IsType<GetResponseWithDataBlock>(ApduDecoder.Decode(await client.RequestAsync(GetValue))).Block.LastBlock);
        Assert.Equal(first, await ReadLongAsync(client)); // starts again: a new GET abandons the one half-way
        // The association object's logical name (class 15, 0.0.40.0.0.255, attribute 1): a short answer in between.
        Assert.True(Assert.IsType<GetResponseNormal>(ApduDecoder.Decode(await client.RequestAsync("C001C1000F0000280000FF0100"))).Result.HasData);
        harness.Value.Value = second;
        Assert.Equal(second, await ReadLongAsync(client));
        Assert.Equal(second, await ReadLongAsync(client));
        harness.Value.Value = first;
        Assert.Equal(first, await ReadLongAsync(client));
    }

    private static async Task<byte[]> ReadLongAsync(RawClient client)
    {
        var block = Assert.IsType<GetResponseWithDataBlock>(ApduDecoder.Decode(await client.RequestAsync(GetValue))).Block;
        var joined = new List<byte>(block.RawData.ToArray());
        while (!block.LastBlock)
        {
            block = Assert.IsType<GetResponseWithDataBlock>(ApduDecoder.Decode(
                await client.RequestAsync(new GetRequestNext(InvokeIdAndPriority.Default, block.BlockNumber).ToArray()))).Block;
            Assert.True(block.HasRawData);
            joined.AddRange(block.RawData.ToArray());
        }
        return [.. joined];
    }

    [Fact]
    public async Task AWrongBlockNumberAbandonsTheLongGet()
    {
        var (harness, client) = await AssociatedAsync(maxPdu: 64);
        await using var _ = harness;
        await using var __ = client;
        harness.Value.Value = [(byte)DataType.OctetString, 0x81, 0xC8, .. new byte[200]];
        var first = Assert.IsType<GetResponseWithDataBlock>(ApduDecoder.Decode(await client.RequestAsync(GetValue)));
        Assert.False(first.Block.LastBlock);

        var wrong = Assert.IsType<GetResponseWithDataBlock>(ApduDecoder.Decode(
            await client.RequestAsync(new GetRequestNext(InvokeIdAndPriority.Default, 7).ToArray())));
        Assert.True(wrong.Block.LastBlock);
        Assert.Equal(DataAccessResult.DataBlockNumberInvalid, wrong.Block.AccessResult);

        var none = Assert.IsType<GetResponseWithDataBlock>(ApduDecoder.Decode(
            await client.RequestAsync(new GetRequestNext(InvokeIdAndPriority.Default, 1).ToArray())));
        Assert.Equal(DataAccessResult.NoLongGetInProgress, none.Block.AccessResult);
    }

    [Fact]
    public async Task ALongValueWithoutNegotiatedBlockTransferIsNotSent()
    {
        var (harness, client) = await AssociatedAsync(maxPdu: 64, conformance: Conformance.Get);
        await using var _ = harness;
        await using var __ = client;
        harness.Value.Value = [(byte)DataType.OctetString, 0x81, 0xC8, .. new byte[200]];

        Assert.Equal("C401C101FA", Convert.ToHexString(await client.RequestAsync(GetValue)));
    }

    [Fact]
    public async Task TheCurrentAssociationListsTheVisibleObjectsWithTheirRights()
    {
        var (harness, client) = await AssociatedAsync();
        await using var _ = harness;
        await using var __ = client;

        var response = await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(InvokeIdAndPriority.Default,
            new CosemAttributeDescriptor(15, RequestContext.CurrentAssociation, 2)));

        var list = CosemData.Decode(response.Result.Data.Span);
        var names = list.Items.Select(e => e.Items[2].AsObisCode()).ToList();
        Assert.Contains(ServerHarness.ValueName, names);
        Assert.DoesNotContain(ServerHarness.HiddenName, names); // hidden from this client
        Assert.Contains(ServerHarness.PublicAssociation, names);
        Assert.Contains(SapAssignmentServer.DefaultLogicalName, names);
        var value = list.Items.Single(e => e.Items[2].AsObisCode() == ServerHarness.ValueName);
        Assert.Equal(1, value.Items[0].AsInt64()); // class id
        var attributes = value.Items[3].Items[0].Items;
        Assert.Equal(1, attributes[1].Items[1].AsInt64()); // value: read only for the public client (v3 bit 0)
        Assert.Equal(2, attributes[1].Items[2].Items.Length); // selectors 1 and 2
        Assert.Equal(5, attributes[2].Items[1].AsInt64()); // authenticated read: bits 0 and 2
        Assert.All(value.Items[3].Items[1].Items, m => Assert.Equal(0, m.Items[1].AsInt64())); // no method
    }

    [Fact]
    public async Task SapAssignmentListsTheLogicalDevicesOfTheServer()
    {
        var (harness, client) = await AssociatedAsync();
        await using var _ = harness;
        await using var __ = client;

        var response = await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(InvokeIdAndPriority.Default,
            new CosemAttributeDescriptor(17, SapAssignmentServer.DefaultLogicalName, 2)));

        var entry = Assert.Single(CosemData.Decode(response.Result.Data.Span).Items);
        Assert.Equal(1, entry.Items[0].AsInt64());
        Assert.Equal("COSEM0001", System.Text.Encoding.ASCII.GetString(entry.Items[1].AsBytes().Span));
    }

    [Fact]
    public async Task TheAssociationAnswersFromItsLiveState()
    {
        var (harness, client) = await AssociatedAsync(client: 1, maxPdu: 1024);
        await using var _ = harness;
        await using var __ = client;

        async Task<CosemData> Read(sbyte attribute) => CosemData.Decode((await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(
            InvokeIdAndPriority.Default, new CosemAttributeDescriptor(15, RequestContext.CurrentAssociation, attribute)))).Result.Data.Span);

        var partners = await Read(3);
        Assert.Equal(1, partners.Items[0].AsInt64());
        Assert.Equal(1, partners.Items[1].AsInt64());
        Assert.Equal("60857405080101", Convert.ToHexString((await Read(4)).AsBytes().Span));
        Assert.Equal("60857405080201", Convert.ToHexString((await Read(6)).AsBytes().Span)); // LLS
        Assert.Equal(2, (await Read(8)).AsInt64()); // associated
        var context = await Read(5);
        Assert.Equal(0xFFFF, context.Items[1].AsInt64()); // server max receive
        Assert.Equal(1024, context.Items[2].AsInt64()); // max send = client max receive
        Assert.Equal(6, context.Items[3].AsInt64());
    }

    [Fact]
    public async Task AssociationOverTheLoopbackWrapperServesGet()
    {
        await using var harness = new ServerHarness();
        var tcp = ServerTransport.Tcp(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        harness.Server.Listen(tcp);
        await harness.Server.StartAsync();
        var endPoint = harness.Server.GetEndPoint(tcp);
        Assert.NotEqual(0, endPoint.Port);
        await using var client = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint, new WrapperOptions { ClientWPort = 16, ServerWPort = 1 }));

        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
        Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync(GetValue)));
    }
}
