using System.Net;
using System.Net.Sockets;

namespace Cosem.Cli.Tests;

/// <summary>
/// The exchange the <c>cosem listen</c> tests share: <c>listen</c> on a free loopback port, then <c>simulate</c> pushing
/// to it every second until <c>listen</c> ends (its <c>--count</c>, or <paramref name="timeout"/> standing for Ctrl+C).
/// </summary>
internal static class ListenWhileSimulating
{
    /// <summary>A loopback port free a moment ago (TCP, or UDP for <see cref="SocketType.Dgram"/>).</summary>
    public static int FreePort(SocketType type = SocketType.Stream)
    {
        using var probe = new Socket(type, type == SocketType.Stream ? ProtocolType.Tcp : ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Runs both commands; returns what <c>listen</c> printed.</summary>
    /// <param name="port">The port <c>listen</c> takes and <c>simulate</c> pushes to.</param>
    /// <param name="listen">Options of <c>listen</c> after its address and port.</param>
    /// <param name="simulate">Options of <c>simulate</c> after its ports and push destination.</param>
    /// <param name="timeout">When <c>listen</c> is stopped as by Ctrl+C.</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(int port, string[] listen, string[] simulate, TimeSpan timeout)
    {
        using var listenTimeout = new CancellationTokenSource(timeout);
        var listening = CliRunner.RunAsync(listenTimeout.Token, ["listen", "--address", "127.0.0.1", "--port", port.ToString(), .. listen]);
        await Task.Delay(500); // let listen bind before the first push
        using var stop = new CancellationTokenSource();
        var simulating = CliRunner.RunAsync(stop.Token,
            ["simulate", "--wrapper-port", "0", "--hdlc-port", "0", "--push-to", $"127.0.0.1:{port}", "--push-interval", "1", .. simulate]);
        var result = await listening;
        stop.Cancel();
        await simulating;
        return result;
    }
}
