using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Client;
using Cosem.Sdk.Tests.Server;

namespace Cosem.Sdk.Tests.BlockTransfer;

/// <summary>
/// Bad general block transfers end in a typed error, never a hang: a window of 0, block numbers that jump, a stream
/// that never ends or grows beyond the bound, a meter that falls silent half-way — for the client against a scripted
/// meter, and for the server against a raw client.
/// </summary>
public class BlockTransferBoundsTests
{
    private static readonly CosemAttributeDescriptor Clock = new(8, new ObisCode(0, 0, 1, 0, 0, 255), 2);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    private static byte[] Block(ushort number, bool last = false, bool streaming = false, byte window = 4, ushort ack = 0, int length = 100) =>
        new GeneralBlockTransfer(last, streaming, window, number, ack, new byte[length]).ToArray();

    private static ScriptedMeter Meter(Func<Apdu.Apdu, IEnumerable<byte[]>> handler) =>
        new(handler) { Conformance = AssociationOptions.DefaultConformance | Conformance.GeneralBlockTransfer };

    private static Task<CosemClient> ConnectAsync(ScriptedMeter meter, TimeSpan? retry = null) => meter.ConnectAsync(new AssociationOptions
    {
        GeneralBlockTransferWindow = 4,
        MaxAnswerBytes = 4096,
        GeneralBlockTransferRetryInterval = retry ?? Timeout.InfiniteTimeSpan,
        RequestTimeout = Quick,
    });

    [Fact]
    public async Task A_block_with_a_window_of_0_is_a_protocol_error()
    {
        await using var meter = Meter(request => request is GetRequest ? [Block(1, window: 0)] : []);
        await using var client = await ConnectAsync(meter);
        var error = await Assert.ThrowsAsync<CosemProtocolException>(() => client.GetDataAsync(Clock).AsTask());
        Assert.Contains("window of 0", error.Message);
    }

    [Fact]
    public async Task Block_numbers_that_keep_jumping_end_the_request_after_bounded_re_requests()
    {
        var acks = 0;
        await using var meter = Meter(request => request switch
        {
            GetRequest => [Block(1)],
            GeneralBlockTransfer => [Block((ushort)(5 + Interlocked.Increment(ref acks)))],
            _ => [],
        });
        await using var client = await ConnectAsync(meter);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CosemProtocolException>(() => client.GetDataAsync(Clock).AsTask());
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        Assert.Contains("without progress", error.Message);
        // Each re-request named block 1, the last one in sequence.
        Assert.All(meter.Requests.Skip(2).Select(r => ApduDecoder.Decode(r)).OfType<GeneralBlockTransfer>(), ack => Assert.Equal(1, ack.BlockNumberAck));
    }

    [Fact]
    public async Task An_acknowledged_stream_that_never_ends_stops_at_the_size_bound()
    {
        await using var meter = Meter(request => request switch
        {
            GetRequest => [Block(1)],
            GeneralBlockTransfer ack => [Block((ushort)(ack.BlockNumberAck + 1))],
            _ => [],
        });
        await using var client = await ConnectAsync(meter);
        var error = await Assert.ThrowsAsync<CosemAnswerLimitException>(() => client.GetDataAsync(Clock).AsTask());
        Assert.Contains("4096 bytes", error.Message);
        Assert.True(error.Bytes > 4096, $"{error.Bytes} bytes");
    }

    [Fact]
    public async Task A_streamed_window_that_never_ends_stops_at_the_size_bound()
    {
        await using var meter = Meter(request => request is GetRequest
            ? Enumerable.Range(1, 100).Select(n => Block((ushort)n, streaming: true))
            : []);
        await using var client = await ConnectAsync(meter);
        var error = await Assert.ThrowsAsync<CosemAnswerLimitException>(() => client.GetDataAsync(Clock).AsTask());
        Assert.Contains("4096 bytes", error.Message);
        Assert.True(error.Bytes > 4096, $"{error.Bytes} bytes");
    }

    [Fact]
    public async Task A_meter_silent_half_way_times_out_within_the_request_time_out()
    {
        await using var meter = Meter(request => request is GetRequest ? [Block(1, streaming: true)] : []);
        await using var client = await meter.ConnectAsync(new AssociationOptions { GeneralBlockTransferWindow = 4, RequestTimeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<CosemTimeoutException>(() => client.GetDataAsync(Clock).AsTask());
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Re_requests_into_silence_are_bounded_too()
    {
        await using var meter = Meter(request => request is GetRequest ? [Block(1, streaming: true)] : []);
        await using var client = await ConnectAsync(meter, retry: TimeSpan.FromMilliseconds(20));
        var error = await Assert.ThrowsAsync<CosemProtocolException>(() => client.GetDataAsync(Clock).AsTask());
        Assert.Contains("without progress", error.Message);
    }

    // ---- the server ----

    private static byte[] GetValue(byte invoke = 1) =>
        new GetRequestNormal(new InvokeIdAndPriority(invoke, true, true), new CosemAttributeDescriptor(1, ServerHarness.ValueName, 2), null).ToArray();

    private static byte[] Carrying(byte[] apdu, ushort number = 1, bool last = true, byte window = 4, bool streaming = false) =>
        new GeneralBlockTransfer(last, streaming, window, number, 0, apdu).ToArray();

    private static async Task<(ServerHarness Harness, RawClient Client)> AssociateAsync(int maxIncoming = 1 << 20)
    {
        var harness = new ServerHarness(new CosemServerOptions { MaxIncomingBlockBytes = maxIncoming });
        var client = await harness.ConnectAsync();
        var aare = await client.AssociateAsync(ServerHarness.Aarq(conformance: (Conformance)0x007E1F | Conformance.GeneralBlockTransfer, maxPdu: 64));
        Assert.Equal(AssociationResult.Accepted, aare.Result);
        Assert.True(aare.InitiateResponse!.NegotiatedConformance.HasFlag(Conformance.GeneralBlockTransfer));
        return (harness, client);
    }

    [Fact]
    public async Task The_server_answers_a_request_in_blocks_with_blocks()
    {
        var (harness, client) = await AssociateAsync();
        await using var _ = harness;
        await using var __ = client;
        var answer = Assert.IsType<GeneralBlockTransfer>(ApduDecoder.Decode(await client.RequestAsync(Carrying(GetValue()))));
        Assert.True(answer.LastBlock);
        Assert.Equal(1, answer.BlockNumber);
        Assert.Equal(1, answer.BlockNumberAck);
        Assert.IsType<GetResponseNormal>(ApduDecoder.Decode(answer.BlockData.ToArray()));
    }

    [Fact]
    public async Task The_server_refuses_a_window_of_0()
    {
        var (harness, client) = await AssociateAsync();
        await using var _ = harness;
        await using var __ = client;
        Assert.IsType<ExceptionResponse>(ApduDecoder.Decode(await client.RequestAsync(Carrying(GetValue(), window: 0))));
        // The association goes on.
        Assert.IsType<GetResponseNormal>(ApduDecoder.Decode(await client.RequestAsync(GetValue(2))));
    }

    [Fact]
    public async Task The_server_re_requests_after_a_jump_and_refuses_a_stream_beyond_its_bound()
    {
        var (harness, client) = await AssociateAsync(maxIncoming: 1000);
        await using var _ = harness;
        await using var __ = client;
        var ack = Assert.IsType<GeneralBlockTransfer>(ApduDecoder.Decode(await client.RequestAsync(Block(1))));
        Assert.Equal(1, ack.BlockNumberAck);
        Assert.True(ack.BlockData.IsEmpty);
        var again = Assert.IsType<GeneralBlockTransfer>(ApduDecoder.Decode(await client.RequestAsync(Block(5))));
        Assert.Equal(1, again.BlockNumberAck); // block 5 dropped: send from block 2 again
        for (ushort number = 2; number <= 10; number++)
        {
            Assert.IsType<GeneralBlockTransfer>(ApduDecoder.Decode(await client.RequestAsync(Block(number))));
        }
        Assert.IsType<ExceptionResponse>(ApduDecoder.Decode(await client.RequestAsync(Block(11))));
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.IncomingBlocksTooLong]);
    }

    [Fact]
    public async Task The_server_refuses_an_acknowledgement_with_nothing_to_send()
    {
        var (harness, client) = await AssociateAsync();
        await using var _ = harness;
        await using var __ = client;
        Assert.IsType<ExceptionResponse>(ApduDecoder.Decode(await client.RequestAsync(Block(0, length: 0))));
    }
}
