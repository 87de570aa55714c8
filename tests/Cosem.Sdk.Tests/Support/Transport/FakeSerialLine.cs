using System.IO.Pipelines;
using Cosem.Sdk.Transport.Serial;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>
/// One end of an in-memory serial cable: a duplex stream over two pipes that records every line setting applied.
/// </summary>
internal sealed class FakeSerialLine : ISerialLine
{
    private FakeSerialLine(PipeReader input, PipeWriter output)
    {
        Stream = new DuplexStream(input.AsStream(), output.AsStream());
    }

    public Stream Stream { get; }

    public List<SerialLineSettings> Settings { get; } = [];

    public static (FakeSerialLine A, FakeSerialLine B) CreatePair()
    {
        var aToB = new Pipe();
        var bToA = new Pipe();
        return (new FakeSerialLine(bToA.Reader, aToB.Writer), new FakeSerialLine(aToB.Reader, bToA.Writer));
    }

    public ValueTask ConfigureAsync(SerialLineSettings settings, CancellationToken cancellationToken = default)
    {
        lock (Settings)
        {
            Settings.Add(settings);
        }
        return ValueTask.CompletedTask;
    }

    private sealed class DuplexStream(Stream input, Stream output) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => output.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => input.ReadAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => output.WriteAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
                output.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
