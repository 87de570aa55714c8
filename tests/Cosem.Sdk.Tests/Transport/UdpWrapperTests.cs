using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Transport;

public class UdpWrapperTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task One_channel_per_remote_endpoint_and_bad_datagrams_dropped()
    {
        await using var listener = UdpChannelListener.Start(new IPEndPoint(IPAddress.Loopback, 0));
        await using var first = await UdpWrapperChannel.ConnectAsync(listener.LocalEndPoint, new WrapperOptions { ClientWPort = 16 });
        await using var second = await UdpWrapperChannel.ConnectAsync(listener.LocalEndPoint, new WrapperOptions { ClientWPort = 1 });

        using (var rogue = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            await rogue.SendToAsync(Hex.Bytes("00 02 00 10 00 01 00 01 C0"), listener.LocalEndPoint); // wrong version
            await rogue.SendToAsync(Hex.Bytes("00 01 00 10 00 01 00 05 C0"), listener.LocalEndPoint); // truncated
        }
        await first.SendAsync(new byte[] { 0xC0, 0x01, 0x01 });
        var serverFirst = await listener.AcceptAsync().AsTask().WaitAsync(TestTimeout);
        await second.SendAsync(new byte[] { 0xC0, 0x01, 0x02 });
        var serverSecond = await listener.AcceptAsync().AsTask().WaitAsync(TestTimeout);

        using (var request = await serverFirst.ReceiveAsync().AsTask().WaitAsync(TestTimeout))
        {
            Assert.Equal((16, 1), (request.SourceAddress, request.DestinationAddress));
            Assert.Equal(0x01, request.Span[^1]);
        }
        using (var request = await serverSecond.ReceiveAsync().AsTask().WaitAsync(TestTimeout))
        {
            Assert.Equal(1, request.SourceAddress);
            Assert.Equal(0x02, request.Span[^1]);
        }
        await serverSecond.SendAsync(new byte[] { 0xC4, 0x02 });
        await serverFirst.SendAsync(new byte[] { 0xC4, 0x01 });
        using (var answer = await first.ReceiveAsync().AsTask().WaitAsync(TestTimeout))
        {
            Assert.Equal(new byte[] { 0xC4, 0x01 }, answer.ToArray());
            Assert.Equal((1, 16), (answer.SourceAddress, answer.DestinationAddress));
        }
        using (var answer = await second.ReceiveAsync().AsTask().WaitAsync(TestTimeout))
        {
            Assert.Equal(new byte[] { 0xC4, 0x02 }, answer.ToArray());
        }
        Assert.Equal(2, listener.DiscardedDatagrams);
        await serverFirst.DisposeAsync();
        await serverSecond.DisposeAsync();
    }

    [Fact]
    public void A_datagram_with_trailing_bytes_is_not_a_frame()
    {
        var error = Assert.Throws<CosemTransportException>(() => UdpWrapperChannel.Parse(Hex.Bytes("00 01 00 10 00 01 00 01 C0 FF"), 100));
        Assert.Equal(TransportErrorKind.InvalidFrame, error.Kind);
    }
}
