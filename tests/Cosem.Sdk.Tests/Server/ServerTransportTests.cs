using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

/// <summary>Listening through <see cref="ServerTransport"/>: endpoints, lookups, custom listeners.</summary>
public class ServerTransportTests
{
    private static IPEndPoint AnyLoopbackPort => new(IPAddress.Loopback, 0);

    [Fact]
    public async Task Every_endpoint_reports_its_transport_and_bound_address_in_listening_order()
    {
        await using var harness = new ServerHarness();
        var tcp = ServerTransport.Tcp(AnyLoopbackPort);
        harness.Server.Listen(tcp, out var wrapper)
            .Listen(ServerTransport.Udp(AnyLoopbackPort))
            .Listen(ServerTransport.HdlcOverTcp(AnyLoopbackPort));

        Assert.Same(tcp, wrapper.Transport);
        Assert.NotEqual(0, wrapper.EndPoint!.Port);
        Assert.Equal(wrapper.EndPoint, harness.Server.GetEndPoint(tcp));
        Assert.Equal(["wrapper tcp", "wrapper udp", "hdlc tcp"], harness.Server.EndPoints.Select(e => e.Transport.Description));
        Assert.Equal($"wrapper tcp {wrapper.EndPoint}", wrapper.ToString());
    }

    [Fact]
    public async Task Asking_the_address_of_a_transport_not_listened_on_or_without_one_fails()
    {
        await using var harness = new ServerHarness();
        var (_, pipe) = InMemoryDuplexPipe.CreatePair();
        var hdlc = ServerTransport.Hdlc(pipe);
        harness.Server.Listen(hdlc, out var endPoint);

        Assert.Null(endPoint.EndPoint);
        Assert.Equal("hdlc pipe", endPoint.ToString());
        Assert.Throws<InvalidOperationException>(() => harness.Server.GetEndPoint(hdlc));
        Assert.Throws<InvalidOperationException>(() => harness.Server.GetEndPoint(ServerTransport.Tcp(AnyLoopbackPort)));
    }

    [Fact]
    public async Task A_custom_transport_serves_clients_of_its_own_listener()
    {
        await using var harness = new ServerHarness();
        var custom = ServerTransport.Custom("my wrapper", context =>
            TcpChannelListener.Start(AnyLoopbackPort, pipe => WrapperChannel.CreateServer(pipe, context.CreateWrapperOptions())));
        harness.Server.Listen(custom, out var endPoint);
        await harness.Server.StartAsync();

        await using var client = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint.EndPoint!,
            new WrapperOptions { ClientWPort = 16, ServerWPort = 1 }));
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
    }

    [Fact]
    public async Task Listening_after_disposal_fails_and_leaves_no_socket_bound()
    {
        var harness = new ServerHarness();
        await harness.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => harness.Server.Listen(ServerTransport.Tcp(AnyLoopbackPort)));
    }

    [Fact]
    public void A_port_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerTransport.Tcp(65536));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerTransport.Udp(-1));
    }
}
