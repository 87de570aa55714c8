using System.Net;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>
/// Disposing a channel while one of its calls is pending: the call must end with ConnectionClosed (or with
/// OperationCanceledException when its own token fired too), nothing else, and no pooled buffer may be returned
/// twice or while still in use.
/// </summary>
public class DisposalTests
{
    private const int Rounds = 40;
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    private static HdlcClientOptions Client(CountingArrayPool pool, int maxInfo = 32, int window = 1) => new()
    {
        Parameters = new HdlcParameters(maxInfo, maxInfo, window, window),
        ResponseTimeout = TimeSpan.FromSeconds(30),
        BufferPool = pool,
    };

    private static HdlcServerOptions Server(CountingArrayPool pool, int maxInfo = 32, int window = 1) => new()
    {
        Parameters = new HdlcParameters(maxInfo, maxInfo, window, window),
        BufferPool = pool,
    };

    /// <summary>The only ways a call cut short by disposal may end.</summary>
    private static async Task AssertEndsByDisposal(Task pending)
    {
        var error = await Record.ExceptionAsync(() => pending.WaitAsync(TestTimeout));
        Assert.NotNull(error);
        if (error is CosemTransportException transport)
        {
            Assert.Equal(TransportErrorKind.ConnectionClosed, transport.Kind);
        }
        else
        {
            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }
    }

    /// <param name="rentedPerRound">Pool buffers a round rents: send windows and reassembly buffers, all taken before the
    /// jittered disposal, so the count does not depend on where disposal lands.</param>
    private static void AssertAllReturnedOnce(CountingArrayPool pool, int rentedPerRound)
    {
        Assert.Empty(pool.Errors);
        Assert.Equal(Rounds * rentedPerRound, pool.Rented);
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(pool.Rented, pool.Returned);
    }

    // Lets the pending call run for a varying moment, so disposal lands at different points of it.
    private static async Task Jitter(int round)
    {
        switch (round % 4)
        {
            case 0:
                break;
            case 1:
                await Task.Yield();
                break;
            default:
                await Task.Delay(round % 3);
                break;
        }
    }

    [Fact]
    public async Task Client_receive_pending_while_the_link_is_disposed()
    {
        var pool = new CountingArrayPool();
        for (var round = 0; round < Rounds; round++)
        {
            var (a, b) = InMemoryDuplexPipe.CreatePair();
            await using var server = new HdlcServerLink(b, Server(pool));
            // The server takes the request and never answers.
            var received = new TaskCompletionSource();
            var serverTask = Task.Run(async () =>
            {
                using (await server.ReceiveAsync())
                {
                    received.SetResult();
                }
                await Record.ExceptionAsync(async () => (await server.ReceiveAsync()).Dispose());
            });
            var client = await HdlcClientLink.ConnectAsync(a, Client(pool));
            await client.SendAsync(new byte[100]);
            await received.Task.WaitAsync(TestTimeout);
            var pending = client.ReceiveAsync().AsTask();
            await Jitter(round);
            await client.DisposeAsync().AsTask().WaitAsync(TestTimeout);
            await AssertEndsByDisposal(pending);
            await server.DisposeAsync();
            await serverTask.WaitAsync(TestTimeout);
        }
        AssertAllReturnedOnce(pool, 3); // both send windows and the server's reassembly buffer
    }

    [Fact]
    public async Task Client_send_pending_while_the_link_is_disposed()
    {
        var pool = new CountingArrayPool();
        for (var round = 0; round < Rounds; round++)
        {
            var (a, b) = InMemoryDuplexPipe.CreatePair();
            // A server that accepts the link and then never acknowledges a window: the segmented send waits.
            var peer = new ScriptedHdlcPeer(b, HdlcAddress.Server(1), HdlcAddress.Client(16));
            var peerTask = peer.AcceptSnrmAsync();
            var client = await HdlcClientLink.ConnectAsync(a, Client(pool));
            await peerTask.WaitAsync(TestTimeout);
            var pending = client.SendAsync(new byte[1000]).AsTask();
            await Jitter(round);
            await client.DisposeAsync().AsTask().WaitAsync(TestTimeout);
            await AssertEndsByDisposal(pending);
            await b.DisposeAsync();
        }
        AssertAllReturnedOnce(pool, 1); // the client's send window (the peer is scripted)
    }

    [Fact]
    public async Task Server_receive_and_send_pending_while_the_link_is_disposed()
    {
        var pool = new CountingArrayPool();
        for (var round = 0; round < Rounds; round++)
        {
            var (a, b) = InMemoryDuplexPipe.CreatePair();
            var server = new HdlcServerLink(b, Server(pool));
            var peer = new ScriptedHdlcPeer(a, HdlcAddress.Client(16), HdlcAddress.Server(1));
            var first = server.ReceiveAsync().AsTask();
            await peer.ConnectAsync();
            await peer.WriteAsync(HdlcControl.Information(0, 0, true), information: [0xE6, 0xE6, 0x00, 0xC0, 0x01]);
            (await first.WaitAsync(TestTimeout)).Dispose();
            Task pending;
            if (round % 2 == 0)
            {
                // A segmented answer: the server waits for the client's RR that never comes.
                pending = server.SendAsync(new byte[500]).AsTask();
            }
            else
            {
                pending = server.ReceiveAsync().AsTask();
            }
            await Jitter(round / 2);
            await server.DisposeAsync().AsTask().WaitAsync(TestTimeout);
            await AssertEndsByDisposal(pending);
            await a.DisposeAsync();
        }
        AssertAllReturnedOnce(pool, 2); // the server's send window and reassembly buffer
    }

    [Fact]
    public async Task Caller_cancellation_racing_disposal_ends_with_one_of_the_two_outcomes()
    {
        var pool = new CountingArrayPool();
        for (var round = 0; round < Rounds; round++)
        {
            var (_, b) = InMemoryDuplexPipe.CreatePair();
            var server = new HdlcServerLink(b, Server(pool));
            using var cancel = new CancellationTokenSource();
            var pending = server.ReceiveAsync(cancel.Token).AsTask();
            var cancelling = Task.Run(cancel.Cancel);
            await server.DisposeAsync().AsTask().WaitAsync(TestTimeout);
            await cancelling;
            await AssertEndsByDisposal(pending);
        }
        Assert.Empty(pool.Errors);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public async Task Calls_after_disposal_are_refused_as_disposed()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        var server = new HdlcServerLink(b);
        await server.DisposeAsync();
        await server.DisposeAsync(); // idempotent
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await server.ReceiveAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await server.SendAsync(new byte[1]));
        var wrapper = WrapperChannel.CreateClient(a);
        await wrapper.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await wrapper.ReceiveAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await wrapper.SendAsync(new byte[1]));
    }

    [Fact]
    public async Task Wrapper_receive_and_blocked_send_pending_while_the_channel_is_disposed()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var (a, b) = InMemoryDuplexPipe.CreatePair();
            var channel = WrapperChannel.CreateClient(a);
            var receive = channel.ReceiveAsync().AsTask();
            // The peer never reads: once the pipe's back-pressure threshold (64 KiB) is passed, flushing waits.
            await channel.SendAsync(new byte[60_000]);
            var sends = channel.SendAsync(new byte[60_000]).AsTask();
            Assert.False(sends.IsCompleted);
            await Jitter(round);
            await channel.DisposeAsync().AsTask().WaitAsync(TestTimeout);
            await AssertEndsByDisposal(receive);
            await AssertEndsByDisposal(sends);
            await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task Wrapper_over_tcp_receive_pending_while_the_channel_is_disposed()
    {
        await using var listener = TcpChannelListener.StartWrapper(new IPEndPoint(IPAddress.Loopback, 0));
        for (var round = 0; round < Rounds / 4; round++)
        {
            var accepting = listener.AcceptAsync().AsTask();
            var client = await WrapperChannel.ConnectTcpAsync(listener.LocalEndPoint);
            await using var server = await accepting.WaitAsync(TestTimeout);
            var pending = client.ReceiveAsync().AsTask();
            await Jitter(round);
            await client.DisposeAsync().AsTask().WaitAsync(TestTimeout);
            await AssertEndsByDisposal(pending);
            // The server sees the connection end, typed.
            var end = await Assert.ThrowsAsync<CosemTransportException>(async () => await server.ReceiveAsync().AsTask().WaitAsync(TestTimeout));
            Assert.Equal(TransportErrorKind.ConnectionClosed, end.Kind);
        }
    }

    [Fact]
    public async Task Udp_client_receive_pending_while_the_channel_is_disposed()
    {
        await using var listener = UdpChannelListener.Start(new IPEndPoint(IPAddress.Loopback, 0));
        for (var round = 0; round < Rounds / 4; round++)
        {
            var client = await UdpWrapperChannel.ConnectAsync(listener.LocalEndPoint);
            var pending = client.ReceiveAsync().AsTask();
            await Jitter(round);
            await client.DisposeAsync().AsTask().WaitAsync(TestTimeout);
            await AssertEndsByDisposal(pending);
        }
    }

    [Fact]
    public async Task Listeners_stopped_under_a_pending_accept_end_it_as_cancelled()
    {
        for (var round = 0; round < Rounds / 4; round++)
        {
            var tcp = TcpChannelListener.StartHdlc(new IPEndPoint(IPAddress.Loopback, 0));
            var udp = UdpChannelListener.Start(new IPEndPoint(IPAddress.Loopback, 0));
            var accepts = new[] { tcp.AcceptAsync().AsTask(), udp.AcceptAsync().AsTask() };
            await Jitter(round);
            await tcp.DisposeAsync();
            await udp.DisposeAsync();
            foreach (var accept in accepts)
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accept.WaitAsync(TestTimeout));
            }
        }
    }

    [Fact]
    public async Task Buffers_go_back_by_the_last_user_when_an_operation_outlives_the_grace_period()
    {
        var released = 0;
        var lifetime = new OperationLifetime(() => Interlocked.Increment(ref released));
        Assert.True(lifetime.TryEnter());
        Assert.False(lifetime.Token.IsCancellationRequested);
        Assert.False(await lifetime.CloseAsync(TimeSpan.FromMilliseconds(50)));
        Assert.True(lifetime.Token.IsCancellationRequested);
        Assert.False(lifetime.TryEnter()); // closed: no new operation
        lifetime.ReleaseOwner();
        Assert.Equal(0, released); // the straggler still holds the buffers
        lifetime.Exit();
        Assert.Equal(1, released);
    }

    [Fact]
    public async Task Closing_an_idle_lifetime_releases_at_once_and_waits_for_a_prompt_operation()
    {
        var released = 0;
        var idle = new OperationLifetime(() => released++);
        Assert.True(await idle.CloseAsync(TimeSpan.FromSeconds(5)));
        idle.ReleaseOwner();
        Assert.Equal(1, released);

        var busy = new OperationLifetime(() => released++);
        Assert.True(busy.TryEnter());
        busy.Token.Register(() => Task.Run(busy.Exit)); // an operation that honours cancellation
        Assert.True(await busy.CloseAsync(TimeSpan.FromSeconds(5)));
        busy.ReleaseOwner();
        Assert.Equal(2, released);
    }
}
