namespace Cosem.Sdk.Fuzzing.Tests;

/// <summary>The failure policy reports what fuzzing must report, and only that.</summary>
[Collection(Serial)]
public class FuzzPolicyTests
{
    /// <summary>The policy counts allocations of all threads: these tests must not run beside each other.</summary>
    public const string Serial = "fuzz policy (allocation is counted process-wide)";

    private sealed class Throwing(Exception exception) : IFuzzTarget
    {
        public string Name => "throwing";

        public void Run(ReadOnlySpan<byte> input) => throw exception;
    }

    private sealed class Allocating(long bytes) : IFuzzTarget
    {
        public string Name => "allocating";

        public void Run(ReadOnlySpan<byte> input)
        {
            var kept = new List<byte[]>();
            for (long left = bytes; left > 0; left -= 1 << 20)
            {
                kept.Add(new byte[1 << 20]);
            }
            GC.KeepAlive(kept);
        }
    }

    [Fact]
    public void The_sdk_typed_error_is_the_expected_answer_to_garbage() =>
        FuzzPolicy.RunOnce(new Throwing(new CosemEncodingException("bad", 0, "field")), [1]);

    [Fact]
    public void Any_other_exception_is_a_finding() =>
        Assert.Throws<IndexOutOfRangeException>(() => FuzzPolicy.RunOnce(new Throwing(new IndexOutOfRangeException()), [1]));

    [Fact]
    public void Allocation_beyond_the_budget_is_a_finding()
    {
        var finding = Assert.Throws<FuzzFinding>(() => FuzzPolicy.RunOnce(new Allocating(FuzzPolicy.MaxAllocatedBytes + (8 << 20)), [1]));
        Assert.Contains("allocated", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_target_takes_empty_and_one_byte_input()
    {
        foreach (var target in FuzzTargets.All)
        {
            FuzzPolicy.RunOnce(target, []);
            FuzzPolicy.RunOnce(target, [0xFF]);
        }
    }
}
