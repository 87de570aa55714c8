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
    [InlineData("--inactivity-timeout", "-1")]
    [InlineData("--association-timeout", "3000000")]
    [InlineData("--max-connections", "0")]
    [InlineData("--max-connections-per-address", "-5")]
    public async Task Bad_arguments_exit_with_2(params string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, ["simulate", .. args]);
        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error);
    }

    [Fact]
    public void Limit_options_map_onto_the_server_options()
    {
        var limits = new Cosem.Cli.Commands.ServerLimitOptions();
        var command = new System.CommandLine.Command("test");
        foreach (var option in limits.All)
        {
            command.Options.Add(option);
        }

        var parse = command.Parse(["--inactivity-timeout", "5", "--association-timeout", "0", "--max-connections", "3", "--max-connections-per-address", "2"]);
        Assert.Empty(parse.Errors);
        Assert.Null(limits.Validate(parse));
        var options = limits.CreateServerOptions(parse, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        Assert.Equal(TimeSpan.FromSeconds(5), options.IdleTimeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.AssociationTimeout);
        Assert.Equal(3, options.MaxConnections);
        Assert.Equal(2, options.MaxConnectionsPerAddress);

        var defaults = limits.CreateServerOptions(command.Parse([]), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        Assert.Equal(new Cosem.Sdk.Server.CosemServerOptions().IdleTimeout, defaults.IdleTimeout);
        Assert.Equal(new Cosem.Sdk.Server.CosemServerOptions().MaxConnections, defaults.MaxConnections);
    }

    [Fact]
    public async Task The_simulator_refuses_connections_beyond_max_connections()
    {
        var start = FreePortBlock(2);
        using var stop = new CancellationTokenSource();
        var simulate = CliRunner.RunAsync(stop.Token, "simulate", "--wrapper-port", start.ToString(), "--hdlc-port", (start + 1).ToString(),
            "--max-connections", "1", "--inactivity-timeout", "30");
        try
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, start);
            Cosem.Sdk.Transport.Wrapper.WrapperChannel? first = null;
            for (var attempt = 0; attempt < 100 && first is null; attempt++)
            {
                try
                {
                    first = await Cosem.Sdk.Transport.Wrapper.WrapperChannel.ConnectTcpAsync(endPoint);
                }
                catch (Exception ex) when (ex is SocketException or Cosem.Sdk.Transport.CosemTransportException)
                {
                    await Task.Delay(100);
                }
            }
            Assert.NotNull(first);
            await using var _ = first;
            // The first connection holds the only place: a read through a second one fails.
            var read = await CliRunner.RunAsync(null, "read", "--port", start.ToString(), "--obis", "0.0.96.1.0.255", "--json");
            Assert.NotEqual(0, read.ExitCode);
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, (await simulate).ExitCode);
    }
}
