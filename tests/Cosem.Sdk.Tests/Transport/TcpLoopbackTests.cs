using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>Real sockets on 127.0.0.1, ports chosen by the system.</summary>
public class TcpLoopbackTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    private static byte[] Apdu(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Accepts clients until cancelled and echoes every APDU on each, each connection on its own task.</summary>
    private static async Task ServeEchoAsync(IApduChannelListener listener, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var channel = await listener.AcceptAsync(cancellationToken);
                connections.Add(Task.Run(async () =>
                {
                    await using (channel)
                    {
                        try
                        {
                            while (true)
                            {
                                using var request = await channel.ReceiveAsync(cancellationToken);
                                await channel.SendAsync(request.Memory, cancellationToken);
                            }
                        }
                        catch (Exception ex) when (ex is CosemTransportException or OperationCanceledException)
                        {
                            // This connection is over; the others carry on.
                        }
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(connections).WaitAsync(TestTimeout);
    }

    private static async Task ExchangeAsync(IApduChannel client, int length, int seed)
    {
        var request = Apdu(length, seed);
        await client.SendAsync(request);
        using var response = await client.ReceiveAsync();
        Assert.Equal(request, response.ToArray());
    }

    [Fact]
    public async Task Wrapper_exchanges_10_kb_apdus()
    {
        using var stop = new CancellationTokenSource();
        await using var listener = TcpChannelListener.StartWrapper(AnyLoopbackPort);
        var server = ServeEchoAsync(listener, stop.Token);
        await using (var client = await WrapperChannel.ConnectTcpAsync(listener.LocalEndPoint))
        {
            for (var i = 0; i < 5; i++)
            {
                await ExchangeAsync(client, 10 * 1024, i).WaitAsync(TestTimeout);
            }
        }
        await stop.CancelAsync();
        await server.WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task Hdlc_exchanges_10_kb_apdus_with_segmentation_and_windows()
    {
        using var stop = new CancellationTokenSource();
        await using var listener = TcpChannelListener.StartHdlc(AnyLoopbackPort,
            new HdlcServerOptions { Parameters = new HdlcParameters(512, 512, 7, 7) });
        var server = ServeEchoAsync(listener, stop.Token);
        var options = new HdlcClientOptions
        {
            ClientAddress = HdlcAddress.Client(1),
            ServerAddress = HdlcAddress.Server(1, 0x123, 4),
            Parameters = new HdlcParameters(256, 512, 3, 7),
        };
        await using (var client = await HdlcClientLink.ConnectTcpAsync(listener.LocalEndPoint, options))
        {
            Assert.Equal(new HdlcParameters(256, 512, 3, 7), client.Negotiated);
            for (var i = 0; i < 5; i++)
            {
                await ExchangeAsync(client, 10 * 1024, i).WaitAsync(TestTimeout);
            }
        }
        await stop.CancelAsync();
        await server.WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task A_broken_connection_does_not_disturb_the_others()
    {
        using var stop = new CancellationTokenSource();
        await using var listener = TcpChannelListener.StartHdlc(AnyLoopbackPort);
        var server = ServeEchoAsync(listener, stop.Token);
        await using var good = await HdlcClientLink.ConnectTcpAsync(listener.LocalEndPoint);
        await ExchangeAsync(good, 100, 1);

        // A client that sends garbage and a truncated frame, then vanishes.
        using (var rogue = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await rogue.ConnectAsync(listener.LocalEndPoint);
            await rogue.SendAsync(Hex.Bytes("FF FF 7E A0 07 03 21 93 0F 02 7E 7E A0 50 03 21 10"));
        }
        // A wrapper speaker on the HDLC port.
        using (var confused = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await confused.ConnectAsync(listener.LocalEndPoint);
            await confused.SendAsync(Hex.Bytes("00 01 00 10 00 01 00 02 C0 01"));
            confused.Shutdown(SocketShutdown.Both);
        }
        for (var i = 0; i < 3; i++)
        {
            await ExchangeAsync(good, 1000, i).WaitAsync(TestTimeout);
        }
        await good.DisposeAsync();
        await stop.CancelAsync();
        await server.WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task Many_wrapper_clients_in_parallel()
    {
        using var stop = new CancellationTokenSource();
        await using var listener = TcpChannelListener.StartWrapper(AnyLoopbackPort);
        var server = ServeEchoAsync(listener, stop.Token);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async n =>
        {
            await using var client = await WrapperChannel.ConnectTcpAsync(listener.LocalEndPoint);
            for (var i = 0; i < 10; i++)
            {
                await ExchangeAsync(client, 50 + n, i);
            }
        })).WaitAsync(TestTimeout);
        await stop.CancelAsync();
        await server.WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_is_a_typed_error()
    {
        int port;
        using (var probe = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(AnyLoopbackPort);
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () =>
            await WrapperChannel.ConnectTcpAsync(new IPEndPoint(IPAddress.Loopback, port)));
        Assert.Equal(TransportErrorKind.ConnectionClosed, error.Kind);
    }
}
