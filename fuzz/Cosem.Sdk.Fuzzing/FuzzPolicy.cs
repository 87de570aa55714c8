namespace Cosem.Sdk.Fuzzing;

/// <summary>
/// What counts as a failure, around every target run: an exception other than the SDK's typed one escapes; the run
/// allocates more than <see cref="MaxAllocatedBytes"/> (unbounded allocation: inputs are at most a few KiB, so
/// anything near this budget means a length field was trusted); or it takes longer than the driver's -timeout
/// (enforced by libFuzzer, and by <see cref="RunOnce"/>'s watchdog when replaying).
/// </summary>
public static class FuzzPolicy
{
    /// <summary>The most one input may make the SDK allocate, in bytes, on all threads together.</summary>
    public const long MaxAllocatedBytes = 64L * 1024 * 1024;

    /// <summary>Runs <paramref name="target"/> once; throws what the fuzzer must report, swallows typed refusals.</summary>
    public static void RunOnce(IFuzzTarget target, ReadOnlySpan<byte> input)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        try
        {
            target.Run(input);
        }
        catch (CosemException)
        {
            // The SDK's typed refusal: the expected answer to garbage.
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        if (allocated > MaxAllocatedBytes)
        {
            throw new FuzzFinding($"{target.Name}: {allocated:N0} bytes allocated for a {input.Length}-byte input");
        }
    }
}
