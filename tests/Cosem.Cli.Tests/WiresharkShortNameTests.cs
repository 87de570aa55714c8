using System.Net;
using Cosem.Cli.Tests.Wireshark;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;

namespace Cosem.Cli.Tests;

/// <summary>
/// Short-name references in the generated dissector: a variable name of a ReadRequest or WriteRequest is named
/// (class, logical name, attribute) from the Association SN object_list read earlier in the capture, or from the
/// <c>--sn-map</c> file when the capture does not hold that read; the answers are typed by what was asked.
/// </summary>
public sealed class WiresharkShortNameTests : IAsyncLifetime
{
    private static readonly DateTimeOffset SetTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("cosem-wireshark-sn-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [TsharkFact]
    public async Task Variable_names_are_named_from_the_object_list_read_in_the_capture()
    {
        string lua = await GenerateAsync();
        string pcap = await Tshark.WritePcapAsync(_directory, "sn", await RecordSessionAsync(), 4059);
        string tree = await Tshark.DissectAsync(lua, pcap, "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("ApplicationContextName: 2.16.756.5.8.1.2 (short-name-referencing-no-ciphering)", tree);
        // The object list itself: 0xFA08 is the current association's attribute 2, typed by the schema.
        Assert.Contains("VariableName: 0xFA08 (AssociationSn 0.0.40.0.0.255 object_list)", tree);
        Assert.Matches(@"object_list \(array \[\d+\]\)", tree);
        // Then the clock, by the base name the object list gave it: read, typed answer, write.
        Assert.Matches(@"VariableName: 0x[0-9A-F]{4} \(Clock 0\.0\.1\.0\.0\.255 time\)", tree);
        Assert.Matches(@"time \(octet-string\): \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", tree);
        Assert.Contains("time (octet-string): 2026-01-02 03:04:05 deviation 0 min day-of-week 5", tree);
        Assert.Contains("WriteResponse", tree);
        string info = await Tshark.DissectAsync(lua, pcap);
        Assert.Contains("COSEM ReadRequest Clock 0.0.1.0.0.255 time", info);
        Assert.Contains("COSEM WriteRequest Clock 0.0.1.0.0.255 time", info);
    }

    [TsharkFact]
    public async Task An_sn_map_names_variables_the_capture_never_listed()
    {
        string map = Path.Combine(_directory, "meter.snmap");
        await File.WriteAllTextAsync(map, "# base  class  logical name\n0x2000 3 1.0.1.8.0.255\n0x2100  8  0.0.1.0.0.255  # the clock\n");
        string lua = await GenerateAsync("--sn-map", map);
        // Read the register's value and scaler_unit (0x2008, 0x2010) and invoke the clock's method at offset 0x88
        // (shift_time, as the Clock schema's sn-offset says), by hand.
        RecordedPacket[] packets =
        [
            Frame(true, "05 02 02 2008 02 2010"),
            Frame(false, "0C 02 00 06 0001E240 00 02 02 0F FE 16 1E"),
            Frame(true, "06 01 02 2188 01 10 001E"),
            Frame(false, "0D 01 00"),
        ];
        string pcap = await Tshark.WritePcapAsync(_directory, "sn-map", packets, 4059);
        string tree = await Tshark.DissectAsync(lua, pcap, "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("VariableName: 0x2008 (Register 1.0.1.8.0.255 value)", tree);
        Assert.Contains("VariableName: 0x2010 (Register 1.0.1.8.0.255 scaler_unit)", tree);
        Assert.Contains("value (double-long-unsigned): 123456", tree);
        Assert.Contains("unit (enum): 30 (", tree);
        Assert.Contains("VariableName: 0x2188 (Clock 0.0.1.0.0.255 shift_time)", tree);
        Assert.Contains("shift_time parameter (long): 30", tree);

        // The same map as the dissector's preference, with a plug-in generated without it.
        string plain = await GenerateAsync();
        string viaPreference = await Tshark.DissectAsync(plain, pcap, "-o", "cosem.sn_map_file:" + map, "-V", "-O", "cosem");
        Assert.Contains("VariableName: 0x2008 (Register 1.0.1.8.0.255 value)", viaPreference);
        Assert.Contains("VariableName: 0x2188 (Clock 0.0.1.0.0.255 shift_time)", viaPreference);
        Assert.DoesNotContain("(Register", await Tshark.DissectAsync(plain, pcap, "-V", "-O", "cosem"));

        await File.WriteAllTextAsync(map, "0x2000 three 1.0.1.8.0.255\n");
        var (exit, _, error) = await CliRunner.RunAsync(null, "wireshark", "--output", Path.Combine(_directory, "bad.lua"), "--sn-map", map);
        Assert.Equal(2, exit);
        Assert.Contains("meter.snmap:1: '0x2000 three 1.0.1.8.0.255' is not 'base-name class-id logical-name'", error);
    }

    private async Task<string> GenerateAsync(params string[] more)
    {
        string lua = Path.Combine(_directory, "cosem.lua");
        var (exit, _, error) = await CliRunner.RunAsync(null, ["wireshark", "--output", lua, .. more]);
        Assert.True(exit == 0, error);
        return lua;
    }

    // A wrapper frame between the management client (1) and the management logical device (1).
    private static RecordedPacket Frame(bool fromClient, string apdu)
    {
        byte[] body = Convert.FromHexString(apdu.Replace(" ", ""));
        return new RecordedPacket(fromClient, [0, 1, 0, 1, 0, 1, (byte)(body.Length >> 8), (byte)body.Length, .. body]);
    }

    // A short-name session with `cosem simulate --referencing sn`'s meter: the client reads the object list, then
    // reads and writes the clock's time by its base name.
    private static async Task<IReadOnlyList<RecordedPacket>> RecordSessionAsync()
    {
        var meterOptions = new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null, Referencing = Referencing.ShortName };
        await using var meter = await ReferenceMeterSimulator.StartAsync(meterOptions);
        await using var proxy = new RecordingTcpProxy(meter.WrapperEndPoint!);
        var options = new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low("12345678"), Referencing = Referencing.ShortName };
        var time = new CosemAttributeDescriptor(8, ReferenceMeterSimulator.ClockName, 2);
        await using (var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", proxy.Port), options))
        {
            await client.GetDataAsync(time);
            await client.SetDataAsync(time, CosemData.DateTime(CosemDateTime.From(SetTime)));
            await client.ReleaseAsync();
        }
        return proxy.Packets;
    }
}
