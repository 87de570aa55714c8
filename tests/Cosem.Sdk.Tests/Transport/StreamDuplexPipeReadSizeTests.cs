using System.Collections.Concurrent;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Transport;

public sealed class StreamDuplexPipeReadSizeTests
{
    [Fact]
    public async Task ReadsGrowWhileTheyFillTheirBufferAndShrinkAfterAShortOne()
    {
        // 300 KB waiting at once (a long answer in 64 KB blocks), then 10 bytes alone (a short answer).
        var stream = new RecordingStream();
        stream.Enqueue(new byte[300 * 1024]);
        await using var pipe = new StreamDuplexPipe(stream);
        await ConsumeAsync(pipe, 300 * 1024);
        stream.Enqueue(new byte[10]);
        await ConsumeAsync(pipe, 10);

        var sizes = stream.ReadSizes.ToArray();
        Assert.Equal(4096, sizes[0]);
        Assert.Contains(64 * 1024, sizes); // doubled up to the cap while each read filled its buffer
        Assert.DoesNotContain(sizes, size => size > 64 * 1024);
        Assert.True(sizes[^1] < 64 * 1024, $"after the short read the next buffer is small again, not {sizes[^1]} bytes");
    }

    [Fact]
    public async Task AReadNeverExceedsHalfTheBufferedBytesBound()
    {
        var stream = new RecordingStream();
        stream.Enqueue(new byte[100 * 1024]);
        await using var pipe = new StreamDuplexPipe(stream, maxBufferedBytes: 16 * 1024);
        await ConsumeAsync(pipe, 100 * 1024);

        // GetMemory may hand out the rest of a pooled segment, so the cap is on what was asked for, checked loosely.
        Assert.DoesNotContain(stream.ReadSizes, size => size > 16 * 1024);
    }

    private static async Task ConsumeAsync(StreamDuplexPipe pipe, int count)
    {
        while (count > 0)
        {
            var result = await pipe.Input.ReadAsync();
            count -= (int)result.Buffer.Length;
            pipe.Input.AdvanceTo(result.Buffer.End);
            Assert.False(result.IsCompleted, "the stream ended early");
        }
    }

    /// <summary>A stream whose reads take whatever is queued (blocking until something is) and record each buffer's size.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly BlockingCollection<byte[]> _chunks = [];
        private byte[] _current = [];
        private int _offset;

        public ConcurrentQueue<int> ReadSizes { get; } = new();

        public void Enqueue(byte[] data) => _chunks.Add(data);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            ReadSizes.Enqueue(buffer.Length);
            if (_offset == _current.Length)
            {
                _current = await Task.Run(() => _chunks.Take(cancellationToken), cancellationToken);
                _offset = 0;
            }
            var count = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsMemory(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override void Flush()
        {
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _chunks.CompleteAdding();
            base.Dispose(disposing);
        }
    }
}
