using System.Buffers.Binary;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// The HDLC frame check sequence: CRC-16/X.25 (RFC 1662 §C.2; IEC 62056-46 §6.4.3.4): reflected polynomial 0x8408,
/// initial value 0xFFFF, final complement, sent least significant byte first. Used for both HCS and FCS.
/// </summary>
public static class HdlcCrc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The check value over <paramref name="data"/>, as a number (write it little-endian).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF;
        var table = Table;
        foreach (var b in data)
        {
            crc = (crc >> 8) ^ table[(crc ^ b) & 0xFF];
        }
        return (ushort)~crc;
    }

    /// <summary>Whether the two bytes after <paramref name="data"/> in a frame, <paramref name="check"/>, match it.</summary>
    public static bool IsValid(ReadOnlySpan<byte> data, ReadOnlySpan<byte> check) =>
        check.Length >= 2 && BinaryPrimitives.ReadUInt16LittleEndian(check) == Compute(data);

    /// <summary>Writes the check value of <paramref name="data"/> into <paramref name="destination"/> (2 bytes, LSB first).</summary>
    public static void Write(ReadOnlySpan<byte> data, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Compute(data));

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ 0x8408 : value >> 1;
            }
            table[i] = (ushort)value;
        }
        return table;
    }
}
