using System.Buffers;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// <see cref="CompactDataEncoding.Decode"/> on a hostile template and contents (class 62's template_description and
/// compact_buffer): the first input byte is the template's length, the template follows, the rest is the contents.
/// What decodes and splits again must decode from its split form to the same value.
/// </summary>
public sealed class CompactDataTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "compact-data";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }
        var split = Math.Min(input[0], input.Length - 1);
        var description = input.Slice(1, split);
        var contents = input[(1 + split)..];
        var value = CompactDataEncoding.Decode(description, contents);
        _ = value.ToString();
        var template = new ArrayBufferWriter<byte>();
        var values = new ArrayBufferWriter<byte>();
        try
        {
            CompactDataEncoding.Split(value.ToArray(), template, values);
        }
        catch (CosemEncodingException)
        {
            return; // a value a template can describe but not every value splits back (e.g. arrays of mixed types)
        }
        var again = CompactDataEncoding.Decode(template.WrittenSpan, values.WrittenSpan);
        if (!again.Equals(value))
        {
            throw new FuzzFinding($"compact-data: split and decode do not round-trip for {Convert.ToHexString(input)}");
        }
    }
}
