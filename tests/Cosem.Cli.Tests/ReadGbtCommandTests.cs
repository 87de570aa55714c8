using System.Net;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;

namespace Cosem.Cli.Tests;

/// <summary>
/// <c>cosem read --gbt-window N</c> against the simulated meter (which grants general block transfer): a load profile
/// longer than the largest PDU comes in GBT blocks, as the <c>--verbose</c> trace shows, with the same rows as without.
/// </summary>
public sealed class ReadGbtCommandTests : IAsyncLifetime
{
    private ReferenceMeterSimulator _meter = null!;

    private string WrapperPort => _meter.WrapperEndPoint!.Port.ToString();

    // 40 days of 15-minute rows: an answer beyond 64 KiB, so it cannot travel in one APDU.
    public async Task InitializeAsync() => _meter = await ReferenceMeterSimulator.StartAsync(
        new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = 0, HistoryDays = 40 });

    public async Task DisposeAsync() => await _meter.DisposeAsync();

    private Task<(int ExitCode, string Output, string Error)> ReadProfileAsync(params string[] extra) =>
        CliRunner.RunAsync(null, ["read", "--port", WrapperPort, "--obis", "1.0.99.1.0.255", "--attribute", "2", "--class", "7", "--json", .. extra]);

    [Fact]
    public async Task A_long_profile_comes_in_general_blocks_with_the_same_rows()
    {
        var plain = await ReadProfileAsync("--verbose");
        var gbt = await ReadProfileAsync("--gbt-window", "8", "--verbose");

        Assert.True(gbt.ExitCode == 0, gbt.Error);
        Assert.Equal(plain.Output, gbt.Output);
        Assert.Contains("GBT RX block 1 ", gbt.Error);
        Assert.Contains("window 8", gbt.Error); // the client's acknowledgements announce its window
        Assert.DoesNotContain("GBT RX", plain.Error);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("64")]
    public async Task A_window_out_of_range_is_a_usage_error(string window)
    {
        var (exit, _, error) = await ReadProfileAsync("--gbt-window", window);
        Assert.Equal(2, exit);
        Assert.Contains("--gbt-window", error);
    }

    [Fact]
    public async Task The_translator_renders_a_general_block_transfer_apdu()
    {
        var block = new GeneralBlockTransfer(lastBlock: false, streaming: true, window: 8, blockNumber: 3, blockNumberAck: 1, new byte[] { 1, 2, 3 });
        var (exit, output, error) = await CliRunner.RunAsync(null, "translate", Convert.ToHexString(block.ToArray()));
        Assert.True(exit == 0, error);
        Assert.Contains("GeneralBlockTransfer", output);
    }
}
