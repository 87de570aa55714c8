using System.Net;
using System.Net.Sockets;

namespace Cosem.Cli.Tests.Wireshark;

/// <summary>One TCP segment's payload as the proxy read it, and its direction.</summary>
internal sealed record RecordedPacket(bool FromClient, byte[] Bytes);

/// <summary>
/// A loopback TCP proxy in front of the simulator that records every chunk each side sends, in the order read: the
/// bytes of a real session, as a capture would hold them (chunks may split or join frames, as TCP segments do).
/// </summary>
internal sealed class RecordingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly List<RecordedPacket> _packets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;

    public RecordingTcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<RecordedPacket> Packets
    {
        get
        {
            lock (_packets)
            {
                return [.. _packets];
            }
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(_target, _stop.Token);
                lock (_packets)
                {
                    _connections.Add(client);
                    _connections.Add(server);
                    _pumps.Add(PumpAsync(client, server, fromClient: true));
                    _pumps.Add(PumpAsync(server, client, fromClient: false));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool fromClient)
    {
        var buffer = new byte[65536];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            int n;
            while ((n = await input.ReadAsync(buffer, _stop.Token)) > 0)
            {
                lock (_packets)
                {
                    _packets.Add(new RecordedPacket(fromClient, buffer[..n]));
                }
                await output.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] pumps;
        lock (_packets)
        {
            pumps = [.. _pumps];
        }
        await Task.WhenAll(pumps);
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
        _stop.Dispose();
    }
}
