using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// What crossed the probe's channels and sockets, counted on both sides: APDU sends and receives per channel, and the
/// socket reads and writes under them (one <see cref="Stream"/> call is one socket call). Read by <see cref="BlockTransferProbe"/>.
/// </summary>
internal static class ProbeCounters
{
    // Indexes into Values: client then server, channel calls then stream calls.
    public const int ClientSends = 0, ClientReceives = 1, ServerSends = 2, ServerReceives = 3;
    public const int ClientSocketWrites = 4, ClientSocketReads = 5, ServerSocketWrites = 6, ServerSocketReads = 7;
    public const int ClientBytesWritten = 8, ServerBytesWritten = 9;

    public static readonly long[] Values = new long[10];

    private static readonly List<long> s_turnarounds = new(1 << 16);

    /// <summary>Records how long this side took from receiving an APDU to starting its next send (Stopwatch ticks).</summary>
    public static void AddTurnaround(long ticks)
    {
        lock (s_turnarounds)
        {
            s_turnarounds.Add(ticks);
        }
    }

    /// <summary>The median turnaround in µs since the last call, and how many there were.</summary>
    public static (double Microseconds, int Count) TakeTurnaround()
    {
        lock (s_turnarounds)
        {
            if (s_turnarounds.Count == 0)
            {
                return (0, 0);
            }
            s_turnarounds.Sort();
            var median = s_turnarounds[s_turnarounds.Count / 2];
            var count = s_turnarounds.Count;
            s_turnarounds.Clear();
            return (median * 1e6 / System.Diagnostics.Stopwatch.Frequency, count);
        }
    }

    public static void Add(int counter, long amount = 1) => Interlocked.Add(ref Values[counter], amount);

    public static long[] Snapshot()
    {
        var copy = new long[Values.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Interlocked.Read(ref Values[i]);
        }
        return copy;
    }
}

/// <summary>
/// An APDU channel that counts its sends and receives, and times each turnaround: from a receive's completion to the
/// first send after it (this side's own work on the round trip's critical path).
/// </summary>
internal sealed class CountingChannel(IApduChannel inner, bool server) : IApduChannel
{
    private long _received;

    public ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default)
    {
        var received = Interlocked.Exchange(ref _received, 0);
        if (received != 0)
        {
            ProbeCounters.AddTurnaround(System.Diagnostics.Stopwatch.GetTimestamp() - received);
        }
        ProbeCounters.Add(server ? ProbeCounters.ServerSends : ProbeCounters.ClientSends);
        return inner.SendAsync(apdu, cancellationToken);
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        ProbeCounters.Add(server ? ProbeCounters.ServerReceives : ProbeCounters.ClientReceives);
        var message = await inner.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _received, System.Diagnostics.Stopwatch.GetTimestamp());
        return message;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>A client channel: the wrapper over a counted loopback TCP connection to <paramref name="port"/>.</summary>
    public static async ValueTask<IApduChannel> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        var pipe = new StreamDuplexPipe(new CountingStream(new NetworkStream(socket, ownsSocket: true), server: false));
        return new CountingChannel(WrapperChannel.CreateClient(pipe), server: false);
    }
}

/// <summary>Counts the reads and writes of the socket stream under a pipe.</summary>
internal sealed class CountingStream(Stream inner, bool server) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ProbeCounters.Add(server ? ProbeCounters.ServerSocketReads : ProbeCounters.ClientSocketReads);
        return inner.ReadAsync(buffer, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ProbeCounters.Add(server ? ProbeCounters.ServerSocketWrites : ProbeCounters.ClientSocketWrites);
        ProbeCounters.Add(server ? ProbeCounters.ServerBytesWritten : ProbeCounters.ClientBytesWritten, buffer.Length);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}

/// <summary>The server side: wrapper channels over counted TCP connections accepted on 127.0.0.1.</summary>
internal sealed class CountingListener : IApduChannelListener
{
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp);
    private WrapperOptions? _options;

    public CountingListener()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.Listen();
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>A server transport that listens here, with the server's wrapper options.</summary>
    public Server.ServerTransport Transport => Server.ServerTransport.Custom("counting wrapper tcp", context =>
    {
        _options = context.CreateWrapperOptions();
        return this;
    });

    public async ValueTask<IApduChannel> AcceptAsync(CancellationToken cancellationToken = default)
    {
        var client = await _socket.AcceptAsync(cancellationToken);
        client.NoDelay = true;
        var pipe = new StreamDuplexPipe(new CountingStream(new NetworkStream(client, ownsSocket: true), server: true));
        return new CountingChannel(WrapperChannel.CreateServer(pipe, _options), server: true);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
