namespace Cosem.Sdk.Soak;

/// <summary>Counters shared by all peers; latencies are kept per sampling window.</summary>
public sealed class SoakStats
{
    private readonly Lock _lock = new();
    private List<double> _latenciesMs = new(1 << 16);

    /// <summary>Associations currently established by well-behaved peers.</summary>
    public long Associated;

    /// <summary>Reads answered.</summary>
    public long Reads;

    /// <summary>Reads (or associations) that failed for a well-behaved peer.</summary>
    public long Errors;

    /// <summary>Misbehaving connections opened.</summary>
    public long MisbehavingConnections;

    /// <summary>Misbehaving connections the server closed (slow loris, garbage) before the peer gave up.</summary>
    public long ClosedByServer;

    /// <summary>Connections the misbehaving peers reset in the middle of a block transfer.</summary>
    public long ResetsMidBlock;

    /// <summary>Records one read's latency.</summary>
    public void Read(double milliseconds)
    {
        Interlocked.Increment(ref Reads);
        lock (_lock)
        {
            _latenciesMs.Add(milliseconds);
        }
    }

    /// <summary>Takes the window's latencies, sorted, and starts a new window.</summary>
    public double[] TakeLatencies()
    {
        List<double> taken;
        lock (_lock)
        {
            taken = _latenciesMs;
            _latenciesMs = new List<double>(Math.Max(1024, taken.Count));
        }
        var sorted = taken.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The <paramref name="p"/>-th percentile (0-100) of sorted values, or NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
