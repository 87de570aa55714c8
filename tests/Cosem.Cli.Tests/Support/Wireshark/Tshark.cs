using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cosem.Cli.Tests.Wireshark;

/// <summary>
/// Builds a pcap from recorded packets with text2pcap (dummy Ethernet/IPv4 and TCP or UDP headers; <c>-D</c> marks
/// each packet's direction, so both directions share one conversation) and dissects it with tshark and a Lua plug-in.
/// </summary>
internal static class Tshark
{
    public const string RequireVariable = "COSEM_REQUIRE_TSHARK_TESTS";

    /// <summary>Why the tshark tests cannot run here, or null when they can (or must).</summary>
    public static string? SkipReason()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 })
        {
            return null;
        }
        return Find("tshark") is null || Find("text2pcap") is null
            ? $"tshark and text2pcap are not installed (apt-get install tshark); set {RequireVariable}=1 to make this a failure."
            : null;
    }

    /// <summary>The client's port in the dummy headers.</summary>
    public const int ClientPort = 50000;

    /// <summary>Writes <paramref name="packets"/> as text2pcap input and converts it; <paramref name="udp"/> picks the header.</summary>
    public static async Task<string> WritePcapAsync(string directory, string name, IReadOnlyList<RecordedPacket> packets, int serverPort, bool udp = false)
    {
        var text = new StringBuilder();
        foreach (var packet in packets)
        {
            // text2pcap -D: "I" keeps the -T/-u ports as given (client -> server), "O" swaps them.
            text.Append(packet.FromClient ? "I" : "O").Append('\n');
            for (int offset = 0; offset < packet.Bytes.Length; offset += 16)
            {
                text.Append(offset.ToString("X6", CultureInfo.InvariantCulture));
                foreach (byte b in packet.Bytes.AsSpan(offset, Math.Min(16, packet.Bytes.Length - offset)))
                {
                    text.Append(' ').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
                text.Append('\n');
            }
        }
        string input = Path.Combine(directory, name + ".txt");
        string pcap = Path.Combine(directory, name + ".pcap");
        await File.WriteAllTextAsync(input, text.ToString());
        var (exit, _, error) = await RunAsync("text2pcap", "-q", "-D", udp ? "-u" : "-T", $"{ClientPort},{serverPort}", input, pcap);
        Assert.True(exit == 0, "text2pcap failed: " + error);
        return pcap;
    }

    /// <summary>Runs tshark on <paramref name="pcap"/> with the dissector loaded; fails on a Lua error.</summary>
    public static async Task<string> DissectAsync(string luaScript, string pcap, params string[] arguments)
    {
        var (exit, output, error) = await RunAsync("tshark", ["-n", "-X", "lua_script:" + luaScript, "-r", pcap, .. arguments]);
        Assert.True(exit == 0, "tshark failed: " + error);
        Assert.DoesNotContain("Lua", error, StringComparison.Ordinal);
        return output;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(tool) ?? tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + tool);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}
