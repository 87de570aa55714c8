using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Tests.Profiles;

// ReadBatchesAsync: the same rows as ReadAllAsync, a batch per block received, with the same streaming, selective
// access and cancellation behaviour.
public sealed partial class TypedProfileRowTests
{
    private static async Task<(List<ReferenceMeter.LoadProfileRow> Rows, int Batches)> CollectAsync(
        IAsyncEnumerable<ReadOnlyMemory<ReferenceMeter.LoadProfileRow>> batches)
    {
        var rows = new List<ReferenceMeter.LoadProfileRow>();
        int count = 0;
        await foreach (var batch in batches)
        {
            Assert.False(batch.IsEmpty);
            rows.AddRange(batch.Span);
            count++;
        }
        return (rows, count);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0xFFFF)]
    public async Task ReadBatchesAsync_yields_every_row_a_block_at_a_time(int maxPdu)
    {
        await using var client = await ConnectAsync((ushort)maxPdu);
        var meter = new ReferenceMeter(client);
        var (rows, batches) = await CollectAsync(meter.LoadProfile.ReadBatchesAsync(null, Timeout));
        Assert.Equal(Enumerable.Range(0, RowCount).Select(Expected), rows);
        // Blocks of about 200 bytes hold a few rows each: many batches, but far fewer than rows.
        Assert.InRange(batches, maxPdu == 256 ? 2 : 1, RowCount / 4);
    }

    [Fact]
    public async Task ReadBatchesAsync_applies_selective_access()
    {
        await using var client = await ConnectAsync();
        var meter = new ReferenceMeter(client);
        var (rows, _) = await CollectAsync(meter.LoadProfile.ReadBatchesAsync(new EntrySelection(11, 20).ToDescriptor(), Timeout));
        Assert.Equal(Enumerable.Range(10, 10).Select(Expected), rows);
    }

    [Fact]
    public async Task Cancelling_a_batch_read_stops_the_transfer_and_the_next_request_works()
    {
        await using var client = await ConnectAsync();
        var meter = new ReferenceMeter(client);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Timeout);
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var batch in meter.LoadProfile.ReadBatchesAsync(null, cts.Token))
            {
                seen += batch.Length;
                await cts.CancelAsync();
            }
        });
        Assert.InRange(seen, 1, RowCount - 1);
        Assert.Equal(CosemDateTime.From(FirstRow), await meter.Clock.GetTimeAsync(Timeout));
        var again = await CollectAsync(meter.LoadProfile.ReadBatchesAsync(new EntrySelection(1, 3).ToDescriptor(), Timeout));
        Assert.Equal(Enumerable.Range(0, 3).Select(Expected), again.Rows);
    }

    [Fact]
    public async Task Batches_with_a_row_decoder_delegate_match_the_typed_batches()
    {
        var profile = new ProfileGeneric(ProfileName) { Buffer = Enumerable.Range(0, 700).Select(Row).ToArray() };
        var session = new LoopbackSession([profile]);
        var buffer = new Apdu.CosemAttributeDescriptor(7, ProfileName, 2);
        var typed = await CollectAsync(ProfileRowReader.ReadBatchesAsync<ReferenceMeter.LoadProfileRow>(session, buffer, null, Timeout));
        var delegated = await CollectAsync(ProfileRowReader.ReadBatchesAsync(session, buffer, null, ReferenceMeter.LoadProfileRow.Decode, Timeout));
        Assert.Equal(Enumerable.Range(0, 700).Select(Expected), typed.Rows);
        Assert.Equal(typed.Rows, delegated.Rows);
        // 700 rows of about 25 bytes are cut into 16 KB pieces: a row straddles the first boundary.
        Assert.Equal(2, typed.Batches);
    }
}
