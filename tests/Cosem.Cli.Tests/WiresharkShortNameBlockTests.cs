using System.Net;
using Cosem.Cli.Tests.Wireshark;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Server;

namespace Cosem.Cli.Tests;

/// <summary>
/// SN long reads in the generated dissector: the meter answers a ReadRequest too long for the client's 256-byte PDU
/// with ReadResponse data-block-results, the client asking for each next block with block-number-access. The blocks
/// are rejoined on the frame of the last one and the value is typed by the variable name read.
/// </summary>
public sealed class WiresharkShortNameBlockTests() : GeneratedDissectorTests("cosem-wireshark-sn-blocks-")
{
    [TsharkFact]
    public async Task Read_response_data_blocks_are_rejoined_and_typed_by_the_variable_read()
    {
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "sn-blocks", await RecordSessionAsync(), 4059);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-2", "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("DataBlockResult", tree);
        Assert.Contains("Block 1 of reassembly (ReadResponse)", tree);
        Assert.Matches(@"Reassembled in: \d+", tree);
        Assert.Matches(@"Reassembled data: \d+ bytes in \d+ blocks", tree);
        Assert.Contains("Acknowledges block 1 of the SN read, asks for the next", tree);
        // The object list came in blocks too: rejoined, typed, and learnt, so the profile's base name is named.
        Assert.Matches(@"object_list \(array \[\d+\]\)", tree);
        Assert.Matches(@"VariableName: 0x[0-9A-F]{4} \(ProfileGeneric 1\.0\.99\.1\.0\.255 buffer\)", tree);
        Assert.Matches(@"buffer \(array \[\d+\]\)", tree);

        string fields = await Tshark.DissectAsync(Lua, pcap, "-2", "-T", "fields", "-E", "separator=|", "-e", "frame.number",
            "-e", "cosem.block.number", "-e", "cosem.block.reassembled_in", "-e", "cosem.block.count");
        var rows = fields.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('|')).Where(r => r[1].Length > 0 && r[2].Length > 0).ToList();
        Assert.True(rows.Count > 4, fields);
        Assert.Contains(rows, r => r[2] == r[0] && int.Parse(r[3]) > 1);                   // the last block holds the reassembly
        string info = await Tshark.DissectAsync(Lua, pcap, "-2");
        Assert.Contains("ReadRequest [next block after 1]", info);
        Assert.Matches(@"ReadResponse \[reassembled \d+ blocks\]", info);
        Assert.Contains("ReadRequest ProfileGeneric 1.0.99.1.0.255 buffer", info);
    }

    // A short-name session where both sides accept only 256-byte APDUs: the object list and a day of the load profile
    // come in blocks.
    private static async Task<IReadOnlyList<RecordedPacket>> RecordSessionAsync()
    {
        var meterOptions = new MeterSimulatorOptions
        {
            Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null, HistoryDays = 1, Referencing = Referencing.ShortName,
            ServerOptions = new CosemServerOptions { MaxReceivePduSize = 256 },
        };
        await using var meter = await ReferenceMeterSimulator.StartAsync(meterOptions);
        await using var proxy = new RecordingTcpProxy(meter.WrapperEndPoint!);
        var options = new AssociationOptions
        {
            ClientAddress = 1, Authentication = Authentication.Low("12345678"), Referencing = Referencing.ShortName, MaxReceivePduSize = 256,
        };
        await using (var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", proxy.Port), options))
        {
            await client.GetDataAsync(new CosemAttributeDescriptor(7, ReferenceMeterSimulator.LoadProfileName, 2));
            await client.ReleaseAsync();
        }
        return proxy.Packets;
    }
}
