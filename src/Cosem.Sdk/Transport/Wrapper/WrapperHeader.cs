using System.Buffers.Binary;

namespace Cosem.Sdk.Transport.Wrapper;

/// <summary>
/// The 8-byte header of the TCP-UDP wrapper (IEC 62056-47 §5.2; Green Book "wrapper"): version, source wPort,
/// destination wPort and the length of the APDU that follows, all unsigned 16-bit big-endian.
/// </summary>
public readonly record struct WrapperHeader(ushort Version, ushort SourceWPort, ushort DestinationWPort, ushort Length)
{
    /// <summary>Bytes in the header.</summary>
    public const int Size = 8;

    /// <summary>The only version defined (IEC 62056-47 §5.2).</summary>
    public const ushort CurrentVersion = 0x0001;

    /// <summary>Reads a header from the first 8 bytes of <paramref name="source"/> without validating it.</summary>
    public static WrapperHeader Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16BigEndian(source),
        BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
        BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
        BinaryPrimitives.ReadUInt16BigEndian(source[6..]));

    /// <summary>Writes the header into the first 8 bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, Version);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SourceWPort);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], DestinationWPort);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], Length);
    }
}
