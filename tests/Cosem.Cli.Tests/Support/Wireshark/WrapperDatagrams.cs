using System.Buffers.Binary;

namespace Cosem.Cli.Tests.Wireshark;

/// <summary>
/// Turns a recorded wrapper-over-TCP session into the datagrams of the same session over UDP: the wrapper PDU is the
/// same on both (IEC 62056-47), one PDU per datagram, in the order the PDUs completed.
/// </summary>
internal static class WrapperDatagrams
{
    public static IReadOnlyList<RecordedPacket> FromTcp(IReadOnlyList<RecordedPacket> segments)
    {
        var datagrams = new List<RecordedPacket>();
        var pending = new Dictionary<bool, List<byte>> { [true] = [], [false] = [] };
        foreach (var segment in segments)
        {
            var buffer = pending[segment.FromClient];
            buffer.AddRange(segment.Bytes);
            while (buffer.Count >= 8)
            {
                int length = 8 + BinaryPrimitives.ReadUInt16BigEndian([buffer[6], buffer[7]]);
                if (buffer.Count < length)
                {
                    break;
                }
                datagrams.Add(new RecordedPacket(segment.FromClient, [.. buffer.GetRange(0, length)]));
                buffer.RemoveRange(0, length);
            }
        }
        Assert.All(pending.Values, rest => Assert.Empty(rest));
        return datagrams;
    }
}
