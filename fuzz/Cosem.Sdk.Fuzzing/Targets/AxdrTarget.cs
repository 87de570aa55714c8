using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The A-XDR reader through <see cref="CosemData.Decode(ReadOnlySpan{byte})"/> (every data type, compact arrays
/// included). What decodes must encode again, and the canonical form must be stable: decode(encode(v)) == v.
/// </summary>
public sealed class AxdrTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "axdr";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        var value = CosemData.Decode(input);
        _ = value.ToString();
        var encoded = value.ToArray();
        var again = CosemData.Decode(encoded);
        if (!again.Equals(value) || !again.ToArray().AsSpan().SequenceEqual(encoded))
        {
            throw new FuzzFinding($"axdr: the canonical form is not stable for {Convert.ToHexString(input)}");
        }
    }
}
