using System.Buffers;
using System.Numerics;

namespace Cosem.Sdk.Transport.Serial;

/// <summary>
/// The port's stream, passing bytes through untouched in 8-bit formats and, while <see cref="Parity"/> is set, sending
/// 7-bit characters with their parity as bit 7 and clearing bit 7 of what it receives (7E1 over an 8N1 line).
/// </summary>
internal sealed class SoftwareParityStream(Stream inner) : Stream
{
    private volatile SerialParity _parity;

    public SerialParity Parity
    {
        get => _parity;
        set => _parity = value;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>A 7-bit character with its parity bit in bit 7.</summary>
    internal static byte WithParity(byte character, SerialParity parity)
    {
        var data = character & 0x7F;
        var odd = (BitOperations.PopCount((uint)data) & 1) != 0;
        var parityBit = parity == SerialParity.Even ? odd : !odd;
        return (byte)(parityBit ? data | 0x80 : data);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        StripParity(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        StripParity(buffer.Span[..read]);
        return read;
    }

    private void StripParity(Span<byte> received)
    {
        if (_parity == SerialParity.None)
        {
            return;
        }
        foreach (ref var b in received)
        {
            b &= 0x7F;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var parity = _parity;
        if (parity == SerialParity.None)
        {
            inner.Write(buffer);
            return;
        }
        var encoded = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            Encode(buffer, encoded, parity);
            inner.Write(encoded, 0, buffer.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var parity = _parity;
        if (parity == SerialParity.None)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Only the short IEC 62056-21 opening messages take this path.
        var encoded = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            Encode(buffer.Span, encoded, parity);
            await inner.WriteAsync(encoded.AsMemory(0, buffer.Length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    private static void Encode(ReadOnlySpan<byte> source, Span<byte> destination, SerialParity parity)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = WithParity(source[i], parity);
        }
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
