using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Server;
using System.Net;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

/// <summary>What a peer can make the server buffer is bounded by options; going beyond is refused, never a crash.</summary>
public sealed class BufferLimitTests
{
    private static readonly CosemAttributeDescriptor Value = new(1, ServerHarness.ValueName, 2);
    private static readonly CosemMethodDescriptor Echo = new(1, ServerHarness.ValueName, 1);

    private static async Task<(ServerHarness, RawClient)> ManagementAsync(CosemServerOptions options)
    {
        var harness = new ServerHarness(options);
        var raw = await harness.ConnectAsync(1);
        Assert.Equal(AssociationResult.Accepted, (await raw.AssociateAsync(ServerHarness.Aarq("12345678"))).Result);
        return (harness, raw);
    }

    [Fact]
    public async Task ABlockSetBeyondTheLimitIsAbortedAndTheSessionSurvives()
    {
        var (harness, client) = await ManagementAsync(new CosemServerOptions { MaxIncomingBlockBytes = 150 });
        await using var _ = harness;
        await using var __ = client;
        byte[] value = [(byte)DataType.OctetString, 0x81, 0xC8, .. Enumerable.Range(0, 200).Select(i => (byte)i)];

        await client.RequestAsync<SetResponseDataBlock>(new SetRequestWithFirstDataBlock(InvokeIdAndPriority.Default, Value, null,
            new DataBlockSA(false, 1, value.AsMemory(0, 100))));
        var refused = await client.RequestAsync<SetResponseLastDataBlock>(new SetRequestWithDataBlock(InvokeIdAndPriority.Default,
            new DataBlockSA(true, 2, value.AsMemory(100))));

        Assert.Equal(DataAccessResult.LongSetAborted, refused.Result);
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.IncomingBlocksTooLong]);
        // Nothing written, and the association still serves.
        Assert.Equal("C501C100", Convert.ToHexString(await client.RequestAsync("C101C100010000600100FF0200121234")));
        Assert.Equal("121234", Convert.ToHexString(harness.Value.Value));
    }

    [Fact]
    public async Task ABlockActionBeyondTheLimitIsAborted()
    {
        var (harness, client) = await ManagementAsync(new CosemServerOptions { MaxIncomingBlockBytes = 100 });
        await using var _ = harness;
        await using var __ = client;
        byte[] parameter = [(byte)DataType.OctetString, 0x81, 0x96, .. Enumerable.Range(0, 150).Select(i => (byte)i)];

        var refused = await client.RequestAsync<ActionResponseNormal>(new ActionRequestWithFirstPBlock(InvokeIdAndPriority.Default, Echo,
            new DataBlockSA(true, 1, parameter)));

        Assert.Equal(ActionResult.LongActionAborted, refused.Response.Result);
    }

    [Fact]
    public async Task AWrapperFrameBeyondTheReassemblyLimitClosesOnlyItsConnection()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { MaxReassemblyBytes = 1000 });
        var transport = ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0));
        harness.Server.Listen(transport);
        await harness.Server.StartAsync();
        var endPoint = harness.Server.GetEndPoint(transport);
        await using var client = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint));

        await Assert.ThrowsAsync<CosemTransportException>(() => client.RequestAsync(new byte[2000]));
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.InvalidFrame]);

        await using var other = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint, new WrapperOptions { ClientWPort = 16 }));
        Assert.Equal(AssociationResult.Accepted, (await other.AssociateAsync(ServerHarness.Aarq())).Result);
    }

    [Theory]
    [InlineData(nameof(CosemServerOptions.MaxConnections))]
    [InlineData(nameof(CosemServerOptions.MaxBufferedBytesPerConnection))]
    [InlineData(nameof(CosemServerOptions.IdleTimeout))]
    public void ImpossibleLimitsAreRejectedAtConstruction(string option)
    {
        var options = option switch
        {
            nameof(CosemServerOptions.MaxConnections) => new CosemServerOptions { MaxConnections = 0 },
            nameof(CosemServerOptions.MaxBufferedBytesPerConnection) => new CosemServerOptions { MaxBufferedBytesPerConnection = 4096 },
            _ => new CosemServerOptions { IdleTimeout = TimeSpan.Zero },
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ServerHarness(options));
        Assert.Equal(option, error.ParamName);
    }
}
