namespace Cosem.Sdk.Fuzzing;

/// <summary>
/// One fuzz target: feeds arbitrary bytes to one SDK entry point. It returns normally when the SDK accepted the
/// input or refused it with its typed error (a <see cref="CosemException"/>); anything else that escapes is a
/// finding (<see cref="FuzzPolicy"/> adds the hang and allocation checks around it).
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line, in fuzz/corpus/NAME and fuzz/regressions/NAME.</summary>
    string Name { get; }

    /// <summary>The longest input worth trying (libFuzzer's -max_len for this target).</summary>
    int MaxLength => 4096;

    /// <summary>Runs the entry point on <paramref name="input"/>.</summary>
    void Run(ReadOnlySpan<byte> input);
}
