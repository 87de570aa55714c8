using System.Diagnostics;

namespace Cosem.Sdk.Soak;

/// <summary>One memory sample of the server process: working set, and the managed heap right after a full GC.</summary>
public readonly record struct MemorySample(long WorkingSetBytes, long HeapAfterGcBytes)
{
    /// <summary>Takes a sample of this process (a blocking full GC first).</summary>
    public static MemorySample OfThisProcess()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySample(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}

/// <summary>Where samples of the server come from: this process, or a server child process.</summary>
public interface IServerMemory
{
    /// <summary>A fresh sample.</summary>
    Task<MemorySample> SampleAsync();
}

/// <summary>The server runs in this process (its numbers include the peers').</summary>
public sealed class InProcessMemory : IServerMemory
{
    /// <inheritdoc />
    public Task<MemorySample> SampleAsync() => Task.FromResult(MemorySample.OfThisProcess());
}
