using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem listen</c> receiving what <c>cosem simulate --push-to</c> pushes, ciphered or not, over TCP and
/// UDP; and its argument checks.</summary>
public class ListenCommandTests
{
    private const string Key = "000102030405060708090A0B0C0D0E0F";
    private const string AuthKey = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Listen_prints_the_readings_simulate_pushes(bool udp, bool ciphered)
    {
        string[] keys = ["--block-cipher-key", Key, "--authentication-key", AuthKey];
        string[] security = ciphered ? ["--auth", "hls-gmac", "--security", "auth-enc", "--suite", "0", .. keys] : [];
        string[] transport = udp ? ["--udp"] : [];
        var (exit, output, error) = await ListenWhileSimulating.RunAsync(
            ListenWhileSimulating.FreePort(udp ? SocketType.Dgram : SocketType.Stream),
            ["--count", "2", "--format", "json", .. transport, .. ciphered ? [.. keys, "--require-protection"] : Array.Empty<string>()],
            [.. udp ? ["--push-udp"] : Array.Empty<string>(), .. security], TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            var json = JsonNode.Parse(line)!;
            Assert.Equal("data-notification", (string?)json["kind"]);
            Assert.Equal(ciphered ? "general-glo" : "plain", (string?)json["protection"]);
            Assert.Equal(1, (int)json["sourceWPort"]!);
            var body = json["body"]!["items"]!.AsArray();
            Assert.Equal(5, body.Count); // push id, clock, energy import and export, voltage
            Assert.Equal("0000190900FF", (string?)body[0]!["value"]);
        }
        Assert.Contains("2 delivered, 0 rejected", error, StringComparison.Ordinal);
    }

    private const string ReadingsList = "40/0.0.25.9.0.255/1,8/0.0.1.0.0.255/2,3/1.0.1.8.0.255/2,3/1.0.2.8.0.255/2,3/1.0.32.7.0.255/2";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Listen_with_objects_prints_the_readings_typed_entry_by_entry(bool json)
    {
        // The alarm list (3 entries) never fits the 5-element readings; the readings list names its push setup.
        var (exit, output, error) = await ListenWhileSimulating.RunAsync(ListenWhileSimulating.FreePort(),
            ["--count", "1", "--objects", "40/0.1.25.9.0.255/1,8/0.0.1.0.0.255/2,1/0.0.96.11.0.255/2", "--objects", ReadingsList,
             .. json ? ["--format", "json"] : Array.Empty<string>()],
            [], TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (json)
        {
            var values = JsonNode.Parse(line)!["values"]!.AsArray();
            Assert.Equal(5, values.Count);
            Assert.Equal("40/0.0.25.9.0.255/1", (string?)values[0]!["object"]);
            Assert.Equal("3/1.0.1.8.0.255/2", (string?)values[2]!["object"]);
            Assert.Equal("double-long-unsigned", (string?)values[2]!["value"]!["type"]);
        }
        else
        {
            Assert.Contains("3/1.0.1.8.0.255/2=", line, StringComparison.Ordinal);
            Assert.Contains("3/1.0.32.7.0.255/2=", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_malformed_objects_entry_exits_2_with_one_line()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "listen", "--objects", "3/1.0.1.8.0.255");

        Assert.Equal(2, exit);
        Assert.Contains("--objects entry '3/1.0.1.8.0.255'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_prints_one_table_line_per_notification_and_refuses_a_wrong_key()
    {
        var (exit, output, error) = await ListenWhileSimulating.RunAsync(ListenWhileSimulating.FreePort(),
            ["--count", "1", "--block-cipher-key", "0F0E0D0C0B0A09080706050403020100", "--authentication-key", AuthKey],
            ["--auth", "hls-gmac", "--security", "auth-enc", "--suite", "0", "--block-cipher-key", Key, "--authentication-key", AuthKey],
            TimeSpan.FromSeconds(6)); // Ctrl+C after a few refused pushes

        Assert.True(exit == 0, error);
        Assert.Equal("", output);
        Assert.Contains("rejected: AuthenticationFailed", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--count", "0")]
    [InlineData("--block-cipher-key", "0011")]
    [InlineData("--address", "nowhere")]
    public async Task Bad_arguments_exit_2_with_one_line(string option, string value)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "listen", option, value);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }
}
