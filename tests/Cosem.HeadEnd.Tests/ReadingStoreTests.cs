using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;

namespace Cosem.HeadEnd.Tests;

/// <summary>Both stores keep a reading once, however often it is written, and tell where a profile resumes.</summary>
public sealed class ReadingStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sqlite_store_writes_each_reading_once()
    {
        using var temp = new TempDirectory();
        using var store = new SqliteReadingStore(temp.File("r.db"));
        await StoreKeepsReadingsOnceAsync(store, rows: 500);
    }

    [PostgresFact]
    public async Task Postgres_store_writes_each_reading_once_in_batches_larger_than_one_statement()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresReadingStore(server.ConnectionString);
        await StoreKeepsReadingsOnceAsync(store, rows: PostgresReadingStore.MaxBatch + 500);
    }

    [PostgresFact]
    public async Task Postgres_store_takes_concurrent_overlapping_writes_without_duplicates()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresReadingStore(server.ConnectionString);
        await store.InitializeAsync();
        var batch = Profile("m1", 200);
        var inserted = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.WriteAsync(batch))));
        Assert.Equal(200, inserted.Sum());
        Assert.Equal(200, await store.CountAsync());
    }

    [Fact]
    public void Postgres_store_refuses_a_table_name_that_is_not_a_plain_identifier() =>
        Assert.Throws<ArgumentException>(() => new PostgresReadingStore("Host=127.0.0.1", "readings; DROP TABLE x"));

    private static async Task StoreKeepsReadingsOnceAsync(IReadingStore store, int rows)
    {
        await store.InitializeAsync();
        await store.InitializeAsync();    // idempotent
        var first = Profile("m1", rows);
        Assert.Equal(rows, await store.WriteAsync(first));
        Assert.Equal(0, await store.WriteAsync(first));
        var overlapping = Profile("m1", rows + 10);
        Assert.Equal(10, await store.WriteAsync(overlapping));
        Assert.Equal(3, await store.WriteAsync(Profile("m2", 3)));
        Assert.Equal(rows + 13L, await store.CountAsync());
        Assert.Equal(rows + 10L, await store.CountAsync("m1"));
        Assert.Equal(T0.AddMinutes(15 * (rows + 9)), await store.GetLatestCaptureTimeAsync("m1", "1.0.99.1.0.255"));
        Assert.Null(await store.GetLatestCaptureTimeAsync("m1", "0.0.99.98.0.255"));
        Assert.Null(await store.GetLatestCaptureTimeAsync("nobody", "1.0.99.1.0.255"));
        Assert.Equal(0, await store.WriteAsync([]));
    }

    private static MeterReading[] Profile(string meter, int rows) =>
        [.. Enumerable.Range(0, rows).Select(i => new MeterReading(meter, "1.0.1.8.0.255", 2, T0.AddMinutes(15 * i), (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), null, "1.0.99.1.0.255"))];
}
