using System.Net;
using System.Text.Json;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;

namespace Cosem.Cli.Tests;

/// <summary>
/// <c>cosem read</c> against a meter with the deviations seen in the field (a relay in front of the simulator):
/// it prints everything it could read, names each deviation on stderr, and never loses results to a bad release.
/// </summary>
public sealed class DeviatingMeterTests : IAsyncLifetime
{
    private static readonly byte[] ClockTimeZone = [0x00, 0x08, 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF, 0x03];

    private ReferenceMeterSimulator _meter = null!;

    public async Task InitializeAsync() =>
        _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null });

    public async Task DisposeAsync() => await _meter.DisposeAsync();

    /// <summary>
    /// AARE with trailing bytes, RLRE with a wrong length, with-list requests refused as a whole, a notification
    /// before every GET answer, and the clock's time_zone (long) sent as a double-long.
    /// </summary>
    private DeviatingRelay FieldMeter()
    {
        var timeZoneInvokeId = -1;
        return new DeviatingRelay(_meter.WrapperEndPoint!.Port)
        {
            FromClient = request =>
            {
                if (request is [0xC0, 0x03, ..])
                {
                    return [new ExceptionResponse(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.ServiceNotSupported).ToArray()];
                }
                if (request is [0xC0, 0x01, var id, .. var rest] && rest.AsSpan().StartsWith(ClockTimeZone))
                {
                    Volatile.Write(ref timeZoneInvokeId, id & 0x0F);
                }
                return null;
            },
            FromMeter = answer =>
            {
                switch (answer)
                {
                    case [0x61, ..]:
                        return [[.. answer, 0x00, 0x00]];
                    case [0x63, var length, ..]:
                        return [[0x63, (byte)(length + 3), .. answer[2..]]];
                    case [0xC4, 0x01, var id, 0x00, 0x10, var high, var low] when (id & 0x0F) == Volatile.Read(ref timeZoneInvokeId):
                        var wide = (short)((high << 8) | low) < 0 ? (byte)0xFF : (byte)0x00;
                        return [Notification(), [0xC4, 0x01, id, 0x00, 0x05, wide, wide, high, low]];
                    case [0xC4, ..]:
                        return [Notification(), answer];
                    default:
                        return [answer];
                }
            },
        };
    }

    private static byte[] Notification() =>
        new DataNotification(new LongInvokeIdAndPriority(1, false, false), ReadOnlyMemory<byte>.Empty, new byte[] { 0x11, 0x01 }).ToArray();

    [Fact]
    public async Task Read_all_prints_everything_and_names_each_deviation()
    {
        await using var relay = FieldMeter();

        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", relay.Port.ToString(), "--all", "--format", "json");

        Assert.True(exit == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.True(rows.Length > 20);
        Assert.All(rows, row => Assert.True(row.TryGetProperty("value", out _), row.ToString()));
        var timeZone = rows.Single(r => r.GetProperty("obis").GetString() == "0.0.1.0.0.255" && r.GetProperty("attribute").GetInt32() == 3);
        Assert.Equal("double-long", timeZone.GetProperty("value").GetProperty("type").GetString());
        Assert.Contains("not the type", timeZone.GetProperty("warning").GetString());
        Assert.Contains("AARE with broken BER framing", error);
        Assert.Contains("reading them one by one", error);
        Assert.Contains("RLRE", error);
        Assert.Contains("warning: 0.0.1.0.0.255 attribute 3", error);
    }

    [Fact]
    public async Task A_strict_read_refuses_the_deviating_meter()
    {
        await using var relay = FieldMeter();

        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", relay.Port.ToString(), "--all", "--strict");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public async Task A_release_the_meter_never_answers_keeps_what_was_read()
    {
        await using var relay = new DeviatingRelay(_meter.WrapperEndPoint!.Port) { FromClient = request => request is [0x62, ..] ? [] : null };

        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", relay.Port.ToString(), "--obis", "1.0.1.8.0.255",
            "--attribute", "3", "--format", "json", "--timeout", "1");

        Assert.True(exit == 0, error);
        Assert.Equal("Wh", JsonDocument.Parse(output).RootElement[0].GetProperty("value").GetProperty("items")[1].GetProperty("name").GetString());
        Assert.Contains("warning: the release failed", error);
    }
}
