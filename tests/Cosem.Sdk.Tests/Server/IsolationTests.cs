using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

public sealed class IsolationTests
{
    private const string GetValue = "C001C100010000600100FF0200";

    [Theory]
    [InlineData("C0", "D80103")] // a GET tag and nothing else
    [InlineData("C001C100010000600100", "D80103")] // truncated descriptor
    [InlineData("C009C1", "D80103")] // unknown GET choice
    [InlineData("C001C100010000600100FF020001", "D80103")] // selective access flag without a selector
    [InlineData("C001C100010000600100FF0200FFFF", "D80103")] // trailing bytes
    [InlineData("0501020800", "D80202")] // an SN ReadRequest in an LN association: service-unknown, not supported
    [InlineData("FF01", "D80202")] // a tag nobody knows
    [InlineData("C8FF", "D80202")] // a ciphered GET without a ciphering context
    public async Task MalformedOrUnsupportedApdusCostOnlyThemselves(string apdu, string expected)
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync();
        await client.AssociateAsync(ServerHarness.Aarq());

        Assert.Equal(expected, Convert.ToHexString(await client.RequestAsync(apdu)));
        Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync(GetValue)));
    }

    [Fact]
    public async Task AnObjectThatThrowsCostsItsClientOneValue()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync();
        await client.AssociateAsync(ServerHarness.Aarq());
        harness.Value.ThrowOnRead = true;

        // data-access-result other-reason (250).
        Assert.Equal("C401C101FA", Convert.ToHexString(await client.RequestAsync(GetValue)));

        harness.Value.ThrowOnRead = false;
        Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync(GetValue)));
    }

    [Fact]
    public async Task ARequestLongerThanTheServerPduIsRefused()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { MaxReceivePduSize = 32 });
        await using var client = await harness.ConnectAsync();
        await client.AssociateAsync(ServerHarness.Aarq());

        // SET with a 40-byte octet-string: exception-response pdu-too-long (4).
        Assert.Equal("D80104", Convert.ToHexString(await client.RequestAsync("C101C100010000600100FF02000928" + new string('0', 80))));
    }

    [Fact]
    public async Task AnApduForAnUnknownLogicalDeviceIsDiscarded()
    {
        await using var harness = new ServerHarness();
        await using var stranger = await harness.ConnectAsync(client: 16, server: 9);
        await stranger.Channel.SendAsync(ServerHarness.Aarq());

        // Silence; the same connection still reaches device 1 (the server answers the wPorts of each frame).
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stranger.Channel.ReceiveAsync(wait.Token));
    }

    [Fact]
    public async Task GarbageOnOneConnectionAndAbruptDisconnectsLeaveOtherAssociationsUnharmed()
    {
        await using var harness = new ServerHarness();
        var tcp = ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0));
        harness.Server.Listen(tcp);
        await harness.Server.StartAsync();
        var endPoint = harness.Server.GetEndPoint(tcp);

        const int clients = 24;
        var good = Enumerable.Range(0, clients).Select(async i =>
        {
            await using var client = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint, new WrapperOptions { ClientWPort = 16, ServerWPort = 1 }));
            Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
            for (var n = 0; n < 20; n++)
            {
                Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync(GetValue)));
            }
        });
        var bad = Enumerable.Range(0, 8).Select(async i =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint);
            switch (i % 4)
            {
                case 0: // a wrong wrapper version: the stream cannot be resynchronised, the server drops it
                    await socket.SendAsync(Convert.FromHexString("00020010000100056001020304"));
                    break;
                case 1: // a header announcing more than arrives, then gone
                    await socket.SendAsync(Convert.FromHexString("0001001000010100C001"));
                    break;
                case 2: // an AARQ cut in the middle
                    await socket.SendAsync(Convert.FromHexString("000100100001001F601DA109060760"));
                    break;
                default: // random bytes
                    await socket.SendAsync(Enumerable.Range(0, 200).Select(b => (byte)(b * 37 + i)).ToArray());
                    break;
            }
            socket.Close(0); // abrupt: reset
        });

        await Task.WhenAll(good.Concat(bad));

        // And the server still takes new clients.
        await using var late = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint, new WrapperOptions { ClientWPort = 1, ServerWPort = 1 }));
        Assert.Equal(AssociationResult.Accepted, (await late.AssociateAsync(ServerHarness.Aarq("12345678"))).Result);
    }

    [Fact]
    public async Task HdlcOverAPipeServesAnAssociationAndDiscEndsIt()
    {
        await using var harness = new ServerHarness();
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        harness.Server.Listen(ServerTransport.Hdlc(b));
        await harness.Server.StartAsync();
        var options = new HdlcClientOptions { ClientAddress = HdlcAddress.Client(16), ServerAddress = HdlcAddress.Server(1, 17) };
        var link = await HdlcClientLink.ConnectAsync(a, options);
        await using var client = new RawClient(link);

        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
        harness.Value.Value = [0x09, 0x82, 0x02, 0x00, .. new byte[512]]; // segmented over several I-frames
        var answer = await client.RequestAsync(GetValue);
        Assert.Equal(4 + 516, answer.Length);
    }

    [Fact]
    public async Task HdlcOverTcpRefusesUnhostedLogicalDevices()
    {
        await using var harness = new ServerHarness();
        var hdlcOverTcp = ServerTransport.HdlcOverTcp(new IPEndPoint(IPAddress.Loopback, 0));
        harness.Server.Listen(hdlcOverTcp);
        await harness.Server.StartAsync();
        var endPoint = harness.Server.GetEndPoint(hdlcOverTcp);

        await using var link = await HdlcClientLink.ConnectTcpAsync(endPoint, new HdlcClientOptions { ServerAddress = HdlcAddress.Server(1, 17) });
        await using var client = new RawClient(link);
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
        Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync(GetValue)));

        await Assert.ThrowsAnyAsync<CosemException>(async () => await HdlcClientLink.ConnectTcpAsync(endPoint,
            new HdlcClientOptions { ServerAddress = HdlcAddress.Server(5, 17), ResponseTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 }));
    }

    [Fact]
    public async Task DisposingTheServerEndsEverySession()
    {
        var harness = new ServerHarness();
        var client = await harness.ConnectAsync();
        await client.AssociateAsync(ServerHarness.Aarq());
        Assert.Equal(1, harness.Server.ActiveSessions);

        await harness.DisposeAsync();

        Assert.Equal(0, harness.Server.ActiveSessions);
        await Assert.ThrowsAnyAsync<CosemException>(async () => await client.RequestAsync(GetValue));
        await client.DisposeAsync();
    }
}
