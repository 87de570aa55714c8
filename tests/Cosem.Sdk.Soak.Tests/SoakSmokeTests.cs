namespace Cosem.Sdk.Soak.Tests;

/// <summary>
/// A short run of the soak harness (the real one is a 10-minute console run, docs/benchmarks.md): 200 associations
/// for 10 s with every kind of misbehaving peer, the server in this process. It checks that the harness measures
/// what it says: reads answered, misbehaving connections closed by the server or reset mid-block, samples taken.
/// </summary>
public class SoakSmokeTests
{
    [Fact]
    public async Task A_short_run_reads_closes_the_misbehaving_peers_and_samples_memory()
    {
        var options = new SoakOptions
        {
            Associations = 200,
            Duration = TimeSpan.FromSeconds(10),
            ReadInterval = TimeSpan.FromSeconds(1),
            MisbehavingFraction = 0.05,
            WarmUp = TimeSpan.FromSeconds(4),
            SampleInterval = TimeSpan.FromSeconds(2),
            GrowthSlackMiB = 64, // in-process: the peers share the heap; the verdict itself is the long run's job
            InProcessServer = true,
        };
        var log = new StringWriter();

        var result = await SoakRun.RunAsync(options, log);

        var last = result.Samples[^1];
        Assert.True(result.Passed, log.ToString());
        Assert.InRange(result.Samples.Count, 4, 6);
        Assert.Equal(200, last.Associated);
        Assert.True(last.Reads >= 200 * 5, $"{last.Reads} reads\n{log}");
        Assert.Equal(0, last.Errors);
        Assert.True(last.ClosedByServer > 0, log.ToString());
        Assert.True(last.ResetsMidBlock > 0, log.ToString());
        Assert.All(result.Samples, s => Assert.True(s.Server.HeapAfterGcBytes > 0));
    }

    [Fact]
    public void Judge_fails_on_heap_growth_after_warm_up_only()
    {
        var options = new SoakOptions { WarmUp = TimeSpan.FromSeconds(10), GrowthSlackMiB = 1, MaxHeapGrowthPercent = 10 };
        SoakSample At(int seconds, long heapMiB) => new(TimeSpan.FromSeconds(seconds), 1, 100, 10, 1, 2, 0, 0, 0, 0,
            new MemorySample(100L << 20, heapMiB << 20), 0);

        var growingInWarmUp = new[] { At(5, 10), At(10, 50), At(15, 50), At(20, 50), At(25, 51) };
        var growingAfter = new[] { At(5, 10), At(10, 50), At(15, 50), At(20, 60), At(25, 70), At(30, 80) };

        Assert.True(SoakReport.Judge(options, growingInWarmUp).Passed);
        var (verdict, passed) = SoakReport.Judge(options, growingAfter);
        Assert.False(passed);
        Assert.StartsWith("FAIL: memory grew", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_parse_every_flag_and_refuse_unknown_ones()
    {
        var options = SoakOptions.Parse(["--associations", "50", "--duration", "20", "--misbehaving", "0.1", "--in-process"]);
        Assert.Equal(50, options.Associations);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Duration);
        Assert.Equal(0.1, options.MisbehavingFraction);
        Assert.True(options.InProcessServer);
        Assert.Throws<ArgumentException>(() => SoakOptions.Parse(["--nope"]));
    }
}
