using System.Text.Json;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Tests.Security;

/// <summary>Client counter stores stay strictly increasing; the server validator rejects replays and stale counters.</summary>
public sealed class InvocationCounterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cosem-ic-" + Guid.NewGuid().ToString("N"));
    private static readonly SystemTitle Client = SystemTitle.Parse("4D4D4D0000000001");
    private static readonly SystemTitle OtherClient = SystemTitle.Parse("4D4D4D0000000002");

    private string CounterFile => Path.Combine(_directory, "counters.json");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task In_memory_store_is_strictly_increasing_per_id()
    {
        var store = new InMemoryInvocationCounterStore();
        Assert.Equal(1u, await store.NextAsync("a"));
        Assert.Equal(2u, await store.NextAsync("a"));
        Assert.Equal(1u, await store.NextAsync("b"));
        await store.AdvancePastAsync("a", 100);
        Assert.Equal(101u, await store.NextAsync("a"));
        await store.AdvancePastAsync("a", 50); // never lowers
        Assert.Equal(102u, await store.NextAsync("a"));
        await store.ResetAsync("a");
        Assert.Equal(1u, await store.NextAsync("a"));
    }

    [Fact]
    public async Task In_memory_store_refuses_to_wrap_around()
    {
        var store = new InMemoryInvocationCounterStore();
        await store.AdvancePastAsync("a", uint.MaxValue - 1);
        Assert.Equal(uint.MaxValue, await store.NextAsync("a"));
        var ex = await Assert.ThrowsAsync<CosemSecurityException>(async () => await store.NextAsync("a"));
        Assert.Equal(SecurityFailure.InvocationCounterExhausted, ex.Failure);
    }

    [Fact]
    public async Task In_memory_store_hands_out_unique_values_under_concurrency()
    {
        var store = new InMemoryInvocationCounterStore();
        var values = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(async () => await store.NextAsync("a"))));
        Assert.Equal(500, values.Distinct().Count());
        Assert.Equal(500u, values.Max());
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(10u)]
    public async Task File_store_stays_increasing_across_restarts(uint reservation)
    {
        uint last;
        using (var store = new FileInvocationCounterStore(CounterFile, reservation))
        {
            Assert.Equal(1u, await store.NextAsync("meter-1"));
            Assert.Equal(2u, await store.NextAsync("meter-1"));
            last = await store.NextAsync("meter-1");
        }
        using (var restarted = new FileInvocationCounterStore(CounterFile, reservation))
        {
            var next = await restarted.NextAsync("meter-1");
            Assert.True(next > last, $"{next} after restart must exceed {last}");
            Assert.Equal(1u, await restarted.NextAsync("meter-2"));
        }
        Assert.False(File.Exists(CounterFile + ".tmp"));
    }

    [Fact]
    public async Task File_store_writes_once_per_reserved_block()
    {
        using var store = new FileInvocationCounterStore(CounterFile, reservationSize: 100);
        await store.NextAsync("m");
        var written = File.GetLastWriteTimeUtc(CounterFile);
        var mark = JsonSerializer.Deserialize<Dictionary<string, ulong>>(await File.ReadAllTextAsync(CounterFile))!["m"];
        Assert.Equal(101ul, mark);
        for (var i = 0; i < 98; i++)
        {
            await store.NextAsync("m");
        }
        Assert.Equal(101ul, JsonSerializer.Deserialize<Dictionary<string, ulong>>(await File.ReadAllTextAsync(CounterFile))!["m"]);
        Assert.Equal(100u, await store.NextAsync("m"));
        Assert.Equal(101u, await store.NextAsync("m")); // crosses the mark: a new block is persisted first
        Assert.Equal(201ul, JsonSerializer.Deserialize<Dictionary<string, ulong>>(await File.ReadAllTextAsync(CounterFile))!["m"]);
        Assert.True(File.GetLastWriteTimeUtc(CounterFile) >= written);
    }

    [Fact]
    public async Task File_store_advance_and_reset_persist()
    {
        using (var store = new FileInvocationCounterStore(CounterFile, 5))
        {
            await store.AdvancePastAsync("m", 1000);
            await store.AdvancePastAsync("n", 7);
            await store.ResetAsync("n");
        }
        using var reopened = new FileInvocationCounterStore(CounterFile, 5);
        Assert.Equal(1001u, await reopened.NextAsync("m"));
        Assert.Equal(1u, await reopened.NextAsync("n"));
        await reopened.AdvancePastAsync("m", 10); // never lowers
        Assert.Equal(1002u, await reopened.NextAsync("m"));
    }

    [Fact]
    public async Task A_corrupt_counter_file_is_a_typed_error()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(CounterFile, "{ not json");
        using var store = new FileInvocationCounterStore(CounterFile);
        var ex = await Assert.ThrowsAsync<CosemSecurityException>(async () => await store.NextAsync("m"));
        Assert.Equal(SecurityFailure.CounterStoreFailure, ex.Failure);
    }

    [Fact]
    public void Validator_rejects_replayed_and_stale_counters_per_client()
    {
        var validator = new InvocationCounterValidator();
        validator.EnsureFresh(Client, 5);
        validator.Accept(Client, 5);
        Assert.Equal(5u, validator.LastAccepted(Client));

        var replay = Assert.Throws<CosemSecurityException>(() => validator.EnsureFresh(Client, 5));
        Assert.Equal(SecurityFailure.ReplayedInvocationCounter, replay.Failure);
        Assert.Throws<CosemSecurityException>(() => validator.Accept(Client, 5));
        Assert.Throws<CosemSecurityException>(() => validator.Accept(Client, 4)); // stale
        Assert.False(validator.TryAccept(Client, 3));

        validator.Accept(OtherClient, 1); // independent per system title
        Assert.True(validator.TryAccept(Client, 6));
        Assert.Null(validator.LastAccepted(SystemTitle.Parse("0000000000000000")));

        validator.Reset(Client);
        validator.Accept(Client, 1);
        validator.Restore(Client, 100);
        Assert.Throws<CosemSecurityException>(() => validator.Accept(Client, 100));
    }

    [Fact]
    public void Validator_accepts_each_counter_once_under_concurrency()
    {
        var validator = new InvocationCounterValidator();
        var accepted = 0;
        Parallel.For(0, 64, _ =>
        {
            if (validator.TryAccept(Client, 42))
            {
                Interlocked.Increment(ref accepted);
            }
        });
        Assert.Equal(1, accepted);

        Parallel.For(43, 2043, i => validator.TryAccept(Client, (uint)i));
        Assert.Equal(2042u, validator.LastAccepted(Client));
    }
}
