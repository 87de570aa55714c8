using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

/// <summary>Connections beyond <see cref="CosemServerOptions.MaxConnections"/> or the per-address limit are closed at once and counted.</summary>
public sealed class ConnectionLimitTests
{
    [Fact]
    public async Task TheConnectionBeyondTheServerLimitIsClosedAndCounted()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { MaxConnections = 2 });
        var transport = ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0));
        harness.Server.Listen(transport);
        await harness.Server.StartAsync();
        var endPoint = harness.Server.GetEndPoint(transport);

        await using var first = await AssociatedAsync(endPoint);
        await using var second = await AssociatedAsync(endPoint);
        await using var third = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint, Public));

        await Assert.ThrowsAsync<CosemTransportException>(() => third.RequestAsync(ServerHarness.Aarq()));
        Assert.Equal(1, harness.Server.RefusedConnections);
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.ConnectionLimit]);
        Assert.Equal(2, harness.Server.ActiveSessions);

        // A place freed is a place available again.
        await first.DisposeAsync();
        await WaitForAsync(() => harness.Server.ActiveSessions == 1);
        await using var fourth = await AssociatedAsync(endPoint);
    }

    [Fact]
    public async Task TheConnectionBeyondTheAddressLimitIsClosedWhileOtherAddressesAreServed()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { MaxConnectionsPerAddress = 1 });
        var transport = ServerTransport.Tcp(new IPEndPoint(IPAddress.Any, 0));
        harness.Server.Listen(transport);
        await harness.Server.StartAsync();
        var port = harness.Server.GetEndPoint(transport).Port;

        await using var first = await AssociatedAsync(new IPEndPoint(IPAddress.Loopback, port));
        await using var again = new RawClient(await WrapperChannel.ConnectTcpAsync(new IPEndPoint(IPAddress.Loopback, port), Public));
        await Assert.ThrowsAsync<CosemTransportException>(() => again.RequestAsync(ServerHarness.Aarq()));
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.AddressConnectionLimit]);

        // Another loopback address (Linux routes all of 127/8 to lo) is another peer.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await using var other = new RawClient(WrapperChannel.CreateClient(StreamDuplexPipe.FromSocket(socket), Public));
        Assert.Equal(AssociationResult.Accepted, (await other.AssociateAsync(ServerHarness.Aarq())).Result);
        Assert.Equal(1, harness.Server.RefusedConnections);
    }

    private static readonly WrapperOptions Public = new() { ClientWPort = 16, ServerWPort = 1 };

    private static async Task<RawClient> AssociatedAsync(IPEndPoint endPoint)
    {
        var client = new RawClient(await WrapperChannel.ConnectTcpAsync(endPoint, Public));
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
        return client;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
