namespace Cosem.HeadEnd.Hosting;

/// <summary>What one silo's meter grains did since it started: for progress displays, metrics and benchmarks.</summary>
public sealed class HeadEndCounters
{
    private long _readsCompleted;
    private long _attemptsFailed;
    private long _readingsStored;
    private long _readingsRead;

    /// <summary>Reads that completed and were stored.</summary>
    public long ReadsCompleted => Interlocked.Read(ref _readsCompleted);

    /// <summary>Attempts that failed (each retry counts).</summary>
    public long AttemptsFailed => Interlocked.Read(ref _attemptsFailed);

    /// <summary>Readings the store did not already hold.</summary>
    public long ReadingsStored => Interlocked.Read(ref _readingsStored);

    /// <summary>Readings read from meters, stored or already there.</summary>
    public long ReadingsRead => Interlocked.Read(ref _readingsRead);

    internal void Completed(int read, int stored)
    {
        Interlocked.Increment(ref _readsCompleted);
        Interlocked.Add(ref _readingsRead, read);
        Interlocked.Add(ref _readingsStored, stored);
    }

    internal void Failed() => Interlocked.Increment(ref _attemptsFailed);
}
