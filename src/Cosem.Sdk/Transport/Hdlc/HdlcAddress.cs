namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// An HDLC address field (IEC 62056-46 §6.4.2.2): 1, 2 or 4 bytes, seven address bits per byte, the low bit set on
/// the last byte only. A client address is one byte. A server address has an upper part (the logical device) and,
/// in the 2- and 4-byte forms, a lower part (the physical device): 7 + 7 bits, or 14 + 14 bits.
/// </summary>
public readonly record struct HdlcAddress
{
    /// <summary>All-station (broadcast) value of a one-byte address / upper part in the 1- and 2-byte forms.</summary>
    public const int AllStations7 = 0x7F;

    /// <summary>All-station value of a 14-bit address part in the 4-byte form.</summary>
    public const int AllStations14 = 0x3FFF;

    private HdlcAddress(int upper, int lower, int size)
    {
        Upper = upper;
        Lower = lower;
        Size = size;
    }

    /// <summary>The client address, or the server's upper (logical device) address.</summary>
    public int Upper { get; }

    /// <summary>The server's lower (physical device) address; 0 in the 1-byte form.</summary>
    public int Lower { get; }

    /// <summary>Encoded length: 1, 2 or 4 bytes.</summary>
    public int Size { get; }

    /// <summary>A one-byte client address (0..127; 16 is the public client).</summary>
    public static HdlcAddress Client(int address)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(address);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, 0x7F);
        return new HdlcAddress(address, 0, 1);
    }

    /// <summary>A one-byte server address holding only the logical device address (0..127).</summary>
    public static HdlcAddress Server(int logicalDevice) => Server(logicalDevice, 0, 1);

    /// <summary>
    /// A server address with <paramref name="logicalDevice"/> as upper and <paramref name="physicalDevice"/> as lower
    /// part; <paramref name="size"/> 2 (7-bit parts) or 4 (14-bit parts), or 0 to choose the shortest that fits.
    /// </summary>
    public static HdlcAddress Server(int logicalDevice, int physicalDevice, int size = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logicalDevice);
        ArgumentOutOfRangeException.ThrowIfNegative(physicalDevice);
        if (size == 0)
        {
            size = logicalDevice <= 0x7F && physicalDevice <= 0x7F ? 2 : 4;
        }
        var limit = size switch
        {
            1 => 0x7F,
            2 => 0x7F,
            4 => 0x3FFF,
            _ => throw new ArgumentOutOfRangeException(nameof(size), size, "An HDLC address is 1, 2 or 4 bytes long."),
        };
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logicalDevice, limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(physicalDevice, size == 1 ? 0 : limit);
        return new HdlcAddress(logicalDevice, physicalDevice, size);
    }

    /// <summary>
    /// Reads an address at the start of <paramref name="source"/>: bytes up to and including the first one with the
    /// low bit set. Fails for a missing terminator, 3 bytes, or more than 4.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out HdlcAddress address, out int length)
    {
        address = default;
        length = 0;
        for (var i = 0; i < source.Length && i < 4; i++)
        {
            if ((source[i] & 1) == 0)
            {
                continue;
            }
            length = i + 1;
            switch (length)
            {
                case 1:
                    address = new HdlcAddress(source[0] >> 1, 0, 1);
                    return true;
                case 2:
                    address = new HdlcAddress(source[0] >> 1, source[1] >> 1, 2);
                    return true;
                case 4:
                    address = new HdlcAddress(((source[0] >> 1) << 7) | (source[1] >> 1), ((source[2] >> 1) << 7) | (source[3] >> 1), 4);
                    return true;
                default:
                    length = 0;
                    return false;
            }
        }
        return false;
    }

    /// <summary>Writes the address into <paramref name="destination"/>; returns <see cref="Size"/>.</summary>
    public int Write(Span<byte> destination)
    {
        switch (Size)
        {
            case 1:
                destination[0] = (byte)((Upper << 1) | 1);
                break;
            case 2:
                destination[0] = (byte)(Upper << 1);
                destination[1] = (byte)((Lower << 1) | 1);
                break;
            case 4:
                destination[0] = (byte)((Upper >> 7) << 1);
                destination[1] = (byte)((Upper & 0x7F) << 1);
                destination[2] = (byte)((Lower >> 7) << 1);
                destination[3] = (byte)(((Lower & 0x7F) << 1) | 1);
                break;
            default:
                throw new InvalidOperationException("An uninitialised HdlcAddress cannot be written.");
        }
        return Size;
    }

    /// <summary>Whether this is the all-station (broadcast) address in its form.</summary>
    public bool IsAllStations => Size == 4 ? Upper == AllStations14 : Upper == AllStations7;

    /// <summary>The upper address alone for a 1-byte address, else "upper/lower (size bytes)".</summary>
    public override string ToString() => Size == 1 ? $"{Upper}" : $"{Upper}/{Lower} ({Size} bytes)";
}
