using System.Buffers;

namespace Cosem.Sdk.Transport;

/// <summary>
/// One received APDU, held in a buffer rented from <see cref="ArrayPool{T}.Shared"/>.
/// </summary>
/// <remarks>
/// Ownership: the receiver of an <see cref="ApduMessage"/> owns it and must dispose it once the bytes are no longer
/// needed (decode first, then dispose). After <see cref="Dispose"/> the buffer returns to the pool and
/// <see cref="Memory"/> must not be touched, nor any slice taken from it earlier. Dispose is idempotent.
/// Use <see cref="ToArray"/> to keep the bytes beyond that point.
/// </remarks>
public sealed class ApduMessage : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private ApduMessage(byte[] buffer, int length, int sourceAddress, int destinationAddress)
    {
        _buffer = buffer;
        _length = length;
        SourceAddress = sourceAddress;
        DestinationAddress = destinationAddress;
    }

    /// <summary>
    /// The sender's address: the wrapper source wPort, or the HDLC source address (client address or the server's
    /// upper, logical device, address).
    /// </summary>
    public int SourceAddress { get; }

    /// <summary>The addressee: the wrapper destination wPort, or the HDLC destination's client/upper address.</summary>
    public int DestinationAddress { get; }

    /// <summary>Number of APDU bytes.</summary>
    public int Length => _length;

    /// <summary>The APDU bytes; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Memory => new(Buffer, 0, _length);

    /// <summary>The APDU bytes; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Span => new(Buffer, 0, _length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ApduMessage));

    /// <summary>Copies <paramref name="apdu"/> into a pooled buffer.</summary>
    public static ApduMessage Create(ReadOnlySpan<byte> apdu, int sourceAddress = 0, int destinationAddress = 0)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(apdu.Length, 1));
        apdu.CopyTo(buffer);
        return new ApduMessage(buffer, apdu.Length, sourceAddress, destinationAddress);
    }

    /// <summary>Takes ownership of an array rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    internal static ApduMessage FromRented(byte[] rented, int length, int sourceAddress, int destinationAddress) =>
        new(rented, length, sourceAddress, destinationAddress);

    /// <summary>Copies the APDU into a new array that outlives this message.</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>Returns the pooled buffer to <see cref="ArrayPool{T}.Shared"/>; the span is invalid afterwards. Safe to
    /// call twice.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
