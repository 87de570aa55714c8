using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Tests.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Tests.Client;

/// <summary>
/// What a misbehaving meter can make one request hold: endless or oversized block transfers end with a typed error
/// within the request time-out, and answers that match nothing are reported as such rather than as silence.
/// </summary>
public class FieldBoundsTests
{
    private static readonly CosemAttributeDescriptor Buffer = new(7, new ObisCode(1, 0, 99, 1, 0, 255), 2);
    private static readonly CosemMethodDescriptor Capture = new(7, new ObisCode(1, 0, 99, 1, 0, 255), 2);

    // No test may wait for ever: a client that re-arms its time-out per block would never end.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    private static IEnumerable<byte[]> EndlessGetBlocks(Apdu.Apdu request, TimeSpan pause, int blockLength = 8)
    {
        if (pause > TimeSpan.Zero)
        {
            Thread.Sleep(pause);
        }
        var data = new byte[blockLength];
        return request switch
        {
            GetRequestNormal normal => [new GetResponseWithDataBlock(normal.InvokeIdAndPriority, DataBlockG.WithRawData(false, 1, data)).ToArray()],
            GetRequestNext next => [new GetResponseWithDataBlock(next.InvokeIdAndPriority, DataBlockG.WithRawData(false, next.BlockNumber + 1, data)).ToArray()],
            _ => [],
        };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_block_transfer_that_never_ends_times_out_within_the_request_time_out(bool hdlc)
    {
        await using var meter = new ScriptedMeter(r => EndlessGetBlocks(r, TimeSpan.FromMilliseconds(40)), hdlc);
        await using var client = await meter.ConnectAsync(new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CosemTimeoutException>(async () => await client.GetDataAsync(Buffer).AsTask().WaitAsync(Guard));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        Assert.Contains("whole block transfer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_block_transfer_past_the_block_limit_ends_with_a_limit_error(bool hdlc)
    {
        await using var meter = new ScriptedMeter(r => EndlessGetBlocks(r, TimeSpan.Zero), hdlc);
        await using var client = await meter.ConnectAsync(new AssociationOptions { MaxAnswerBlocks = 5 });

        var error = await Assert.ThrowsAsync<CosemAnswerLimitException>(async () => await client.GetDataAsync(Buffer).AsTask().WaitAsync(Guard));

        Assert.Equal(6, error.Blocks);
        Assert.True(client.IsAssociated);
    }

    [Fact]
    public async Task A_block_transfer_past_the_byte_limit_ends_with_a_limit_error()
    {
        await using var meter = new ScriptedMeter(r => EndlessGetBlocks(r, TimeSpan.Zero, blockLength: 400));
        await using var client = await meter.ConnectAsync(new AssociationOptions { MaxAnswerBytes = 1000 });

        var error = await Assert.ThrowsAsync<CosemAnswerLimitException>(async () => await client.GetDataAsync(Buffer).AsTask().WaitAsync(Guard));

        Assert.Equal(3, error.Blocks);
        Assert.Equal(1200, error.Bytes);
    }

    private static IEnumerable<byte[]> EndlessActionBlocks(Apdu.Apdu request) => request switch
    {
        ActionRequestNormal normal => [new ActionResponseWithPBlock(normal.InvokeIdAndPriority, new DataBlockSA(false, 1, new byte[8])).ToArray()],
        ActionRequestNextPBlock next => [new ActionResponseWithPBlock(next.InvokeIdAndPriority, new DataBlockSA(false, next.BlockNumber + 1, new byte[8])).ToArray()],
        _ => [],
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_action_answer_in_endless_blocks_ends_with_a_limit_error(bool hdlc)
    {
        await using var meter = new ScriptedMeter(EndlessActionBlocks, hdlc);
        await using var client = await meter.ConnectAsync(new AssociationOptions { MaxAnswerBlocks = 4 });

        var error = await Assert.ThrowsAsync<CosemAnswerLimitException>(async () =>
            await client.InvokeDataAsync(Capture, CosemData.FromInt8(0)).AsTask().WaitAsync(Guard));

        Assert.Equal(5, error.Blocks);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_answer_with_the_wrong_invoke_id_is_reported_as_such(bool hdlc)
    {
        await using var meter = new ScriptedMeter(r =>
        {
            var id = ((GetRequest)r).InvokeIdAndPriority;
            var wrong = new InvokeIdAndPriority((byte)((id.InvokeId + 3) & 0x0F), confirmed: true, highPriority: true);
            return [new GetResponseNormal(wrong, GetDataResult.FromData(new byte[] { 0x11, 0x05 })).ToArray()];
        }, hdlc);
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(new AssociationOptions { RequestTimeout = TimeSpan.FromMilliseconds(500), LoggerFactory = logs });

        var error = await Assert.ThrowsAsync<CosemUnmatchedAnswerException>(async () => await client.GetDataAsync(Buffer).AsTask().WaitAsync(Guard));

        Assert.Equal(1, error.WrongInvokeIds);
        Assert.Equal((error.ExpectedInvokeId + 3) & 0x0F, error.LastInvokeId);
        Assert.IsType<CosemTimeoutException>(error.InnerException);
        Assert.Contains("wrong invoke-id", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("invoke-id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_flood_of_unsolicited_apdus_ends_the_request_without_waiting_for_the_time_out(bool hdlc)
    {
        var notification = new DataNotification(new LongInvokeIdAndPriority(1, false, false), ReadOnlyMemory<byte>.Empty, new byte[] { 0x11, 0x01 }).ToArray();
        await using var meter = new ScriptedMeter(_ => Enumerable.Repeat(notification, 100), hdlc);
        await using var client = await meter.ConnectAsync(new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(30) });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CosemUnmatchedAnswerException>(async () => await client.GetDataAsync(Buffer).AsTask().WaitAsync(Guard));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(65, error.Unsolicited);
    }
}
