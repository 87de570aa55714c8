using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.BlockTransfer;

/// <summary>Which link a test runs over.</summary>
public enum Link
{
    Wrapper,
    Hdlc,
    Udp,
}

/// <summary>
/// General block transfer between our client and our server (IEC 62056-5-3 §9.4.6.13) over the wrapper (TCP and
/// UDP) and HDLC: long answers and long requests in blocks, windows of 1, 4 and 16, streaming, and lost blocks
/// recovered by re-request over a lossy datagram link.
/// </summary>
public class GeneralBlockTransferEndToEndTests
{
    private static readonly CosemAttributeDescriptor BlobValue = new(1, LoopbackMeter.BlobName, 2);
    private static readonly CosemMethodDescriptor Echo = new(1, LoopbackMeter.BlobName, 1);

    // Small PDU sizes both ways, so answers and requests alike need many blocks.
    private static readonly CosemServerOptions SmallPdu = new() { MaxReceivePduSize = 200 };

    internal static CosemData Blob(int length) => CosemData.OctetString(Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray());

    public static TheoryData<Link, int> LinksAndWindows()
    {
        var data = new TheoryData<Link, int>();
        foreach (var link in Enum.GetValues<Link>())
        {
            foreach (var window in new[] { 1, 4, 16 })
            {
                data.Add(link, window);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LinksAndWindows))]
    public async Task Get_set_and_action_travel_in_general_blocks(Link link, int window)
    {
        await using var meter = await StartAsync(link, SmallPdu);
        LossyChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(LossyChannel.Wrap(meter.Transport, c => channel = c), Options(window));
        Assert.True(client.NegotiatedConformance.HasFlag(Conformance.GeneralBlockTransfer));

        var rows = await new ReferenceMeter(client).LoadProfile.GetBufferAsync();
        Assert.Equal(96, rows.Count);
        Assert.Equal(LoopbackMeter.Row(95), rows[95]);
        var blocks = channel!.ReceivedBlocks.ToList();
        Assert.True(blocks.Count > 10, $"{blocks.Count} blocks");
        // GBT replaced the service-specific blocks: no GET-Response-With-Datablock came back.
        Assert.DoesNotContain(channel.Received, apdu => apdu[0] == (byte)ApduTag.GetResponse && apdu[1] == 2);
        if (window == 1)
        {
            Assert.All(blocks, b => Assert.False(b.Streaming));
        }
        else
        {
            Assert.Contains(blocks, b => b.Streaming);
            // The client acknowledges once per window, not once per block.
            Assert.True(channel.SentBlocks.Count() < blocks.Count / 2, $"{channel.SentBlocks.Count()} acknowledgements for {blocks.Count} blocks");
            Assert.True(LongestStreamedRun(blocks) < window, "a run of streamed blocks longer than the client's window");
        }

        // Long SET and ACTION: the request itself goes out in blocks (the server accepts 200 bytes).
        var sentBefore = channel.SentBlocks.Count(b => !b.BlockData.IsEmpty);
        var long1 = Blob(1500);
        await client.SetDataAsync(BlobValue, long1);
        Assert.Equal(long1, await client.GetDataAsync(BlobValue));
        var long2 = Blob(900);
        Assert.Equal(long2, await client.InvokeDataAsync(Echo, long2));
        Assert.True(channel.SentBlocks.Count(b => !b.BlockData.IsEmpty) - sentBefore >= 2 * 900 / 200);
        Assert.DoesNotContain(channel.Sent, apdu => apdu[0] == (byte)ApduTag.SetRequest && apdu[1] != 1);
        Assert.Equal(CosemData.FromUInt32(7), await client.InvokeDataAsync(Echo, CosemData.FromUInt32(7)));
        await client.ReleaseAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public async Task Lost_blocks_over_udp_are_re_requested_and_the_transfer_completes(int window)
    {
        await using var meter = await StartAsync(Link.Udp, SmallPdu);
        LossyChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(LossyChannel.Wrap(meter.Transport, c =>
        {
            channel = c;
            // Answer blocks lost on the way to the client (a streamed one, a window end, the last one), and request
            // blocks lost on the way to the meter.
            c.LoseReceived.UnionWith([3, 6, 11, 12, 40]);
            c.LoseSent.UnionWith([4, 9, 17]);
        }), Options(window, retry: TimeSpan.FromMilliseconds(150)));

        var rows = await new ReferenceMeter(client).LoadProfile.GetBufferAsync();
        Assert.Equal(96, rows.Count);
        Assert.Equal(Enumerable.Range(0, 96).Select(LoopbackMeter.Row), rows);
        var long1 = Blob(1500);
        await client.SetDataAsync(BlobValue, long1);
        Assert.Equal(long1, await client.GetDataAsync(BlobValue));
        var long2 = Blob(900);
        Assert.Equal(long2, await client.InvokeDataAsync(Echo, long2));

        // The data came through whole although these blocks really were lost on the way.
        Assert.Equal(5, channel!.LostReceived);
        Assert.True(channel.LostSent >= 2, $"{channel.LostSent} request blocks lost");
    }

    [Fact]
    public async Task A_ten_thousand_row_profile_streams_in_windows_of_sixteen()
    {
        await using var meter = new GbtMeter(Link.Wrapper, new CosemServerOptions(), profileRows: 10_000);
        await meter.Meter.Server.StartAsync();
        await using var client = await CosemClient.ConnectAsync(meter.Transport, Options(16, maxPdu: 1024));
        var rows = await new ReferenceMeter(client).LoadProfile.GetBufferAsync();
        Assert.Equal(10_000, rows.Count);
        Assert.Equal(LoopbackMeter.Row(9_999), rows[9_999]);
    }

    [Fact]
    public async Task Without_a_window_the_client_does_not_propose_general_block_transfer()
    {
        await using var meter = await StartAsync(Link.Wrapper, SmallPdu);
        LossyChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(LossyChannel.Wrap(meter.Transport, c => channel = c), Options(0));
        Assert.False(client.NegotiatedConformance.HasFlag(Conformance.GeneralBlockTransfer));
        Assert.Equal(96, (await new ReferenceMeter(client).LoadProfile.GetBufferAsync()).Count);
        Assert.Empty(channel!.ReceivedBlocks);
        Assert.Contains(channel.Received, apdu => apdu[0] == (byte)ApduTag.GetResponse && apdu[1] == 2);
    }

    [Fact]
    public async Task A_server_without_general_block_transfer_is_not_granted_it()
    {
        var options = new CosemServerOptions { SupportedConformance = CosemServerOptions.DefaultConformance & ~Conformance.GeneralBlockTransfer };
        await using var meter = await StartAsync(Link.Wrapper, options);
        await using var client = await CosemClient.ConnectAsync(meter.Transport, Options(8));
        Assert.False(client.NegotiatedConformance.HasFlag(Conformance.GeneralBlockTransfer));
        Assert.Equal(96, (await new ReferenceMeter(client).LoadProfile.GetBufferAsync()).Count);
    }

    internal static AssociationOptions Options(int window, TimeSpan? retry = null, ushort maxPdu = 128) => new()
    {
        ClientAddress = 1,
        Authentication = Authentication.Low(LoopbackMeter.Password),
        MaxReceivePduSize = maxPdu,
        GeneralBlockTransferWindow = window,
        GeneralBlockTransferRetryInterval = retry ?? Timeout.InfiniteTimeSpan,
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<GbtMeter> StartAsync(Link link, CosemServerOptions options)
    {
        var meter = new GbtMeter(link, options);
        await meter.Meter.Server.StartAsync();
        return meter;
    }

    private static int LongestStreamedRun(IEnumerable<GeneralBlockTransfer> blocks)
    {
        int longest = 0, run = 0;
        foreach (var block in blocks)
        {
            run = block.Streaming ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}

/// <summary>A <see cref="LoopbackMeter"/> reached over one chosen link (the UDP wrapper listener added on demand).</summary>
internal sealed class GbtMeter : IAsyncDisposable
{
    private readonly Link _link;
    private readonly ServerEndPoint? _udp;

    public GbtMeter(Link link, CosemServerOptions options, int profileRows = 96)
    {
        _link = link;
        Meter = new LoopbackMeter(profileRows, options);
        if (link == Link.Udp)
        {
            Meter.Server.Listen(ServerTransport.Udp(new IPEndPoint(IPAddress.Loopback, 0)), out _udp);
        }
    }

    public LoopbackMeter Meter { get; }

    public ClientTransport Transport => _link switch
    {
        Link.Udp => ClientTransport.Udp("127.0.0.1", _udp!.EndPoint!.Port),
        _ => Meter.Transport(hdlc: _link == Link.Hdlc),
    };

    public ValueTask DisposeAsync() => Meter.DisposeAsync();
}
