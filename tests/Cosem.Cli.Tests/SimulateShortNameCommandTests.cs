using System.Net;
using System.Net.Sockets;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem simulate --referencing sn</c> read back with <c>cosem read --referencing sn</c>, in one process.</summary>
public class SimulateShortNameCommandTests
{
    private static int FreePort()
    {
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    [Fact]
    public async Task A_short_name_simulator_is_read_with_short_names()
    {
        var (wrapper, hdlc) = (FreePort(), FreePort());
        using var stop = new CancellationTokenSource();
        var simulate = CliRunner.RunAsync(stop.Token, "simulate", "--referencing", "sn", "--wrapper-port", wrapper.ToString(), "--hdlc-port", hdlc.ToString());
        try
        {
            (int Exit, string Output, string Error) read = default;
            for (var attempt = 0; attempt < 100; attempt++)
            {
                read = await CliRunner.RunAsync(null, "read", "--referencing", "sn", "--port", wrapper.ToString(), "--obis", "0.0.96.1.0.255", "--json");
                if (read.Exit == 0)
                {
                    break;
                }
                await Task.Delay(100);
            }
            Assert.True(read.Exit == 0, read.Error);
            Assert.Contains("\"value\": \"00000001\"", read.Output);

            var management = await CliRunner.RunAsync(null, "read", "--referencing", "sn", "--hdlc", "--port", hdlc.ToString(),
                "--client", "1", "--auth", "low", "--password", "12345678", "--obis", "0.0.1.0.0.255", "--json");
            Assert.True(management.ExitCode == 0, management.Error);
        }
        finally
        {
            stop.Cancel();
        }
        var (exit, output, _) = await simulate;
        Assert.Equal(0, exit);
        Assert.Contains("short name referencing", output);
    }

    [Fact]
    public async Task Hls_is_refused_with_short_names()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "simulate", "--referencing", "sn", "--auth", "hls-md5", "--password", "12345678",
            "--wrapper-port", "0", "--hdlc-port", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--referencing sn supports --auth none or low", error);
    }
}
