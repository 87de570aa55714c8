using System.Net;
using System.Net.Sockets;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem simulate</c> hosting several meters, read back with <c>cosem read</c>, in one process.</summary>
public class SimulateCommandTests
{
    private static int FreePortBlock(int count)
    {
        // Find a base port with count free consecutive ports (checked by binding each once).
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var start = ((IPEndPoint)probe.LocalEndPoint!).Port;
            probe.Dispose();
            if (start + count > 65535)
            {
                continue;
            }
            var sockets = new List<Socket>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    sockets.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, start + i));
                }
                return start;
            }
            catch (SocketException)
            {
            }
            finally
            {
                sockets.ForEach(s => s.Dispose());
            }
        }
        throw new InvalidOperationException("No block of free ports.");
    }

    [Fact]
    public async Task Hosts_meters_on_consecutive_ports_until_stopped()
    {
        var start = FreePortBlock(4);
        using var stop = new CancellationTokenSource();
        var simulate = CliRunner.RunAsync(stop.Token, "simulate", "--wrapper-port", start.ToString(), "--hdlc-port", (start + 2).ToString(), "--meters", "2");
        try
        {
            (int Exit, string Output, string Error) read = default;
            for (var attempt = 0; attempt < 100; attempt++)
            {
                read = await CliRunner.RunAsync(null, "read", "--port", (start + 1).ToString(), "--obis", "0.0.96.1.0.255", "--json");
                if (read.Exit == 0)
                {
                    break;
                }
                await Task.Delay(100);
            }
            Assert.True(read.Exit == 0, read.Error);
            Assert.Contains("\"value\": \"00000002\"", read.Output); // meter 2: serial number 2

            var hdlc = await CliRunner.RunAsync(null, "read", "--hdlc", "--port", (start + 2).ToString(), "--obis", "0.0.96.1.0.255", "--json");
            Assert.True(hdlc.ExitCode == 0, hdlc.Error);
            Assert.Contains("\"value\": \"00000001\"", hdlc.Output);

            // The simulator grants ACCESS whenever the client proposes it.
            var access = await CliRunner.RunAsync(null, "read", "--hdlc", "--port", (start + 2).ToString(), "--obis", "0.0.96.1.0.255", "--json", "--access");
            Assert.True(access.ExitCode == 0, access.Error);
            Assert.Equal(hdlc.Output, access.Output);
        }
        finally
        {
            stop.Cancel();
        }
        var (exit, output, _) = await simulate;
        Assert.Equal(0, exit);
        Assert.Contains("meter 2:", output);
    }

    [Theory]
    [InlineData("--meters", "0")]
    [InlineData("--wrapper-port", "65535", "--meters", "3")]
    [InlineData("--wrapper-port", "5000", "--hdlc-port", "5001", "--meters", "2")]
    public async Task Bad_arguments_exit_with_2(params string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, ["simulate", .. args]);
        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error);
    }
}
