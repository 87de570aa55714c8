using System.Buffers;

namespace Cosem.Sdk.Fuzzing;

/// <summary>Splits fuzz input into a multi-segment <see cref="ReadOnlySequence{T}"/>, as a socket delivers it.</summary>
public static class Segments
{
    /// <summary>
    /// <paramref name="data"/> cut into segments of the lengths given by <paramref name="cuts"/> (each taken modulo
    /// 64, 0 meaning "the rest"), so the fuzzer chooses where frames break across reads.
    /// </summary>
    public static ReadOnlySequence<byte> Split(ReadOnlySpan<byte> cuts, byte[] data)
    {
        Segment? first = null;
        Segment? last = null;
        var offset = 0;
        foreach (var cut in cuts)
        {
            var length = cut % 64;
            if (length == 0 || offset + length >= data.Length)
            {
                break;
            }
            Append(new ReadOnlyMemory<byte>(data, offset, length));
            offset += length;
        }
        Append(new ReadOnlyMemory<byte>(data, offset, data.Length - offset));
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);

        void Append(ReadOnlyMemory<byte> memory)
        {
            var segment = new Segment(memory, last is null ? 0 : last.RunningIndex + last.Memory.Length);
            last?.SetNext(segment);
            first ??= segment;
            last = segment;
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
