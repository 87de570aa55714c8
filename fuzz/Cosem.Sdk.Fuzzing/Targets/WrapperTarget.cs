using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// Wrapper framing (IEC 62056-47): <see cref="WrapperFrame.TryParse"/> over a contiguous stream and
/// <see cref="WrapperFrame.TryReadHeader"/> over the same stream cut into segments; both must agree. Input: byte 0
/// = the maximum APDU length (×256), bytes 1-3 = segment cuts, the rest = the stream.
/// </summary>
public sealed class WrapperTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "wrapper";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 4)
        {
            return;
        }
        var maxApdu = input[0] == 0 ? WrapperFrame.MaxApduLength : input[0] * 256;
        var stream = input[4..].ToArray();
        var sequence = Segments.Split(input[1..4], stream);
        ReadOnlySpan<byte> rest = stream;
        while (WrapperFrame.TryParse(rest, out var header, out var apdu, out var consumed, maxApdu))
        {
            if (!WrapperFrame.TryReadHeader(sequence, out var segmented, maxApdu) || segmented != header)
            {
                throw new FuzzFinding("wrapper: the segmented header reader disagrees with the contiguous parser");
            }
            if (apdu.Length != header.Length || consumed != WrapperHeader.Size + header.Length)
            {
                throw new FuzzFinding("wrapper: the frame's length does not match its header");
            }
            rest = rest[consumed..];
            sequence = sequence.Slice(consumed);
        }
    }
}
