using System.Buffers;

namespace Cosem.Sdk.Transport.Wrapper;

/// <summary>Parses and writes wrapper frames (IEC 62056-47 §5.2): header followed by exactly Length APDU bytes.</summary>
public static class WrapperFrame
{
    /// <summary>The largest APDU a wrapper frame can carry (the length field is 16 bits).</summary>
    public const int MaxApduLength = ushort.MaxValue;

    /// <summary>
    /// Parses one frame at the start of <paramref name="data"/>. Returns <see langword="false"/> when more bytes are
    /// needed; throws <see cref="CosemTransportException"/> for a version other than 0x0001 or an APDU longer than
    /// <paramref name="maxApduLength"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out WrapperHeader header, out ReadOnlySpan<byte> apdu,
        out int consumed, int maxApduLength = MaxApduLength)
    {
        apdu = default;
        consumed = 0;
        if (data.Length < WrapperHeader.Size)
        {
            header = default;
            return false;
        }
        header = WrapperHeader.Read(data);
        Validate(header, maxApduLength, data);
        if (data.Length < WrapperHeader.Size + header.Length)
        {
            return false;
        }
        apdu = data.Slice(WrapperHeader.Size, header.Length);
        consumed = WrapperHeader.Size + header.Length;
        return true;
    }

    /// <summary>
    /// Reads a header from the start of <paramref name="data"/>, which may span segments. Returns
    /// <see langword="false"/> when fewer than 8 bytes are there; throws like <see cref="TryParse"/>.
    /// </summary>
    public static bool TryReadHeader(in ReadOnlySequence<byte> data, out WrapperHeader header, int maxApduLength = MaxApduLength)
    {
        if (data.Length < WrapperHeader.Size)
        {
            header = default;
            return false;
        }
        var first = data.FirstSpan;
        if (first.Length >= WrapperHeader.Size)
        {
            header = WrapperHeader.Read(first);
        }
        else
        {
            Span<byte> copy = stackalloc byte[WrapperHeader.Size];
            data.Slice(0, WrapperHeader.Size).CopyTo(copy);
            header = WrapperHeader.Read(copy);
        }
        // Only on the error path: copy what arrived so a text answer (HTTP, a banner) can be named.
        Validate(header, maxApduLength,
            header.Version == WrapperHeader.CurrentVersion ? default : data.Slice(0, Math.Min(data.Length, MaxPeerText)).ToArray());
        return true;
    }

    /// <summary>Writes header and APDU into <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, ushort sourceWPort, ushort destinationWPort, ReadOnlySpan<byte> apdu)
    {
        var span = output.GetSpan(WrapperHeader.Size + apdu.Length);
        var length = Encode(span, sourceWPort, destinationWPort, apdu);
        output.Advance(length);
    }

    /// <summary>Writes header and APDU into <paramref name="destination"/>; returns the number of bytes written.</summary>
    public static int Encode(Span<byte> destination, ushort sourceWPort, ushort destinationWPort, ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length > MaxApduLength)
        {
            throw new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"An APDU of {apdu.Length} bytes does not fit a wrapper frame (at most {MaxApduLength}).");
        }
        new WrapperHeader(WrapperHeader.CurrentVersion, sourceWPort, destinationWPort, (ushort)apdu.Length).Write(destination);
        apdu.CopyTo(destination[WrapperHeader.Size..]);
        return WrapperHeader.Size + apdu.Length;
    }

    // Enough of a text answer to recognise it ("HTTP/1.1 400 Bad Request").
    private const int MaxPeerText = 80;

    private static void Validate(in WrapperHeader header, int maxApduLength, ReadOnlySpan<byte> arrived)
    {
        if (header.Version != WrapperHeader.CurrentVersion)
        {
            if (PeerText(arrived) is { } text)
            {
                throw new CosemTransportException(TransportErrorKind.UnsupportedVersion,
                    $"The peer does not speak DLMS: it sent '{text}' instead of a wrapper header.") { PeerText = text };
            }
            throw new CosemTransportException(TransportErrorKind.UnsupportedVersion,
                $"Wrapper version 0x{header.Version:X4} is not supported; IEC 62056-47 defines 0x0001 only.");
        }
        if (header.Length > maxApduLength)
        {
            throw new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"Wrapper frame announces {header.Length} APDU bytes; the limit is {maxApduLength}.");
        }
    }

    /// <summary>The first line of <paramref name="bytes"/> when they start with printable ASCII text; null otherwise.</summary>
    private static string? PeerText(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes[..Math.Min(bytes.Length, MaxPeerText)];
        var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var line = end < 0 ? bytes : bytes[..end];
        if (line.Length < WrapperHeader.Size)
        {
            return null;
        }
        foreach (var b in line)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return null;
            }
        }
        return System.Text.Encoding.ASCII.GetString(line);
    }
}
