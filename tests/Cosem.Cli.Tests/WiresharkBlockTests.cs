using System.Net;
using System.Text.RegularExpressions;
using Cosem.Cli.Tests.Wireshark;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Server;

namespace Cosem.Cli.Tests;

/// <summary>
/// Block transfer in the generated dissector, on pcaps of sessions with the simulated meter where both sides accept
/// only 256-byte APDUs: service-specific blocks (GET-Response-With-Datablock, SET-Request-With-Datablock,
/// ACTION-Request-With-Pblock) and general block transfer. Each block frame says which block it is and where the
/// reassembly ends; the frame of the last block shows the rejoined value decoded and typed by the request.
/// </summary>
public sealed class WiresharkBlockTests() : GeneratedDissectorTests("cosem-wireshark-blocks-")
{
    private static readonly ObisCode ObjectList = new(0, 0, 40, 0, 0, 255);
    private static readonly ObisCode ImageTransfer = new(0, 0, 44, 0, 0, 255);

    [TsharkFact]
    public async Task Service_specific_blocks_are_rejoined_and_typed_on_the_last_block()
    {
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "datablocks", await RecordSessionAsync(gbtWindow: 0), 4059);
        // Two passes, as Wireshark's GUI does: the first collects the blocks, the second links every block to the end.
        string tree = await Tshark.DissectAsync(Lua, pcap, "-2", "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("GetResponseWithDatablock", tree);
        Assert.Contains("Block 1 of reassembly (GetResponseWithDatablock)", tree);
        Assert.Matches(@"Reassembled in: \d+", tree);
        Assert.Matches(@"Reassembled data: \d+ bytes in \d+ blocks", tree);
        // The object list, rejoined and typed by its GET request.
        Assert.Matches(@"object_list \(array \[\d+\]\)", tree);
        Assert.Contains("logical_name (octet-string): 0.0.1.0.0.255", tree);
        // The load profile's buffer.
        Assert.Matches(@"buffer \(array \[\d+\]\)", tree);
        // SET with datablocks: the value is typed by the descriptor of the first block.
        Assert.Contains("Block 1 of reassembly (SetRequestWithFirstDatablock)", tree);
        Assert.Contains("push_object_list (array [24])", tree);
        Assert.Contains("logical_name (octet-string): 1.0.1.8.0.255", tree);
        Assert.Contains("SetResponseLastDatablock", tree);
        // ACTION with pblocks: image_block_transfer's parameter (a 512-byte block) is longer than the meter accepts.
        Assert.Contains("Block 1 of reassembly (ActionRequestWithFirstPblock)", tree);
        Assert.Contains("image_block_transfer parameter (structure [2])", tree);
        Assert.Contains("image_block_number (double-long-unsigned): 0", tree);

        // The fields: the block numbers of every frame and one reassembly per long value.
        string fields = await Tshark.DissectAsync(Lua, pcap, "-2", "-T", "fields", "-E", "separator=|", "-e", "frame.number",
            "-e", "cosem.block.number", "-e", "cosem.block.reassembled_in", "-e", "cosem.block.count");
        var rows = fields.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('|')).Where(r => r[1].Length > 0).ToList();
        Assert.True(rows.Count > 10, fields);
        Assert.All(rows.Where(r => r[1] != "1"), r => Assert.NotEqual("", r[2]));          // every block links to its end
        Assert.Contains(rows, r => r[2] == r[0] && int.Parse(r[3]) > 1);                   // the last block holds the reassembly
        string info = await Tshark.DissectAsync(Lua, pcap, "-2");
        Assert.Contains("[block 2]", info);
        Assert.Matches(@"\[reassembled \d+ blocks\]", info);
    }

    [TsharkFact]
    public async Task General_block_transfer_blocks_are_rejoined_into_the_apdu_they_carry()
    {
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "gbt", await RecordSessionAsync(gbtWindow: 4), 4059);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-2", "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("GeneralBlockTransfer", tree);
        Assert.Contains("Block 1 of reassembly (general block transfer)", tree);
        Assert.Matches(@"Reassembled APDU: \d+ bytes in \d+ blocks", tree);
        Assert.DoesNotContain("GetResponseWithDatablock", tree);
        // The rejoined APDUs are decoded as any other, typed by their requests.
        Assert.Matches(@"object_list \(array \[\d+\]\)", tree);
        Assert.Contains("logical_name (octet-string): 0.0.1.0.0.255", tree);
        Assert.Matches(@"buffer \(array \[\d+\]\)", tree);
        // The long SET went out in GBT blocks from the client: its rejoined SetRequestNormal is typed too.
        Assert.Contains("push_object_list (array [24])", tree);
        Assert.Contains("image_block_number (double-long-unsigned): 0", tree);
        string info = await Tshark.DissectAsync(Lua, pcap, "-2");
        Assert.Matches(@"GeneralBlockTransfer \[reassembled \d+ blocks\] GetResponseNormal", info);
    }

    [TsharkFact]
    public async Task A_missing_block_or_a_refused_block_is_named_and_nothing_is_rejoined()
    {
        // GET of the clock's time answered in blocks by hand: block 1, then block 3 (block 2 lost), then a block that
        // carries a data-access-result instead of raw data.
        RecordedPacket[] packets =
        [
            Frame(true, "C0 01 C1 0008 0000010000FF 02 00"),
            Frame(false, "C4 02 C1 00 00000001 00 03 090C07"),
            Frame(true, "C0 02 C1 00000001"),
            Frame(false, "C4 02 C1 01 00000003 00 02 EA01"),
            Frame(false, "C4 02 C1 01 00000002 01 03"),
        ];
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "gap", packets, 4059);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-2", "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("Block 1 of reassembly (GetResponseWithDatablock)", tree);
        Assert.Contains("Block state: block 2 missing", tree);
        Assert.DoesNotContain("Reassembled data", tree);
        Assert.DoesNotContain("Reassembled in", tree);
        Assert.Equal(5, (await Tshark.DissectAsync(Lua, pcap, "-2")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    // A wrapper frame between the public client (16) and the management logical device (1).
    private static RecordedPacket Frame(bool fromClient, string apdu)
    {
        byte[] body = Convert.FromHexString(apdu.Replace(" ", ""));
        byte[] header = [0, 1, 0, (byte)(fromClient ? 16 : 1), 0, (byte)(fromClient ? 1 : 16), (byte)(body.Length >> 8), (byte)body.Length];
        return new RecordedPacket(fromClient, [.. header, .. body]);
    }

    // A management-client session where both sides accept 256-byte APDUs: long answers and long requests go in blocks.
    private static async Task<IReadOnlyList<RecordedPacket>> RecordSessionAsync(int gbtWindow)
    {
        var meterOptions = new MeterSimulatorOptions
        {
            Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null, HistoryDays = 1,
            ServerOptions = new CosemServerOptions { MaxReceivePduSize = 256 },
        };
        await using var meter = await ReferenceMeterSimulator.StartAsync(meterOptions);
        await using var proxy = new RecordingTcpProxy(meter.WrapperEndPoint!);
        var options = new AssociationOptions
        {
            ClientAddress = 1, Authentication = Authentication.Low("12345678"), MaxReceivePduSize = 256,
            GeneralBlockTransferWindow = gbtWindow,
        };
        await using (var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", proxy.Port), options))
        {
            await client.GetDataAsync(new CosemAttributeDescriptor(15, ObjectList, 2));
            await client.GetDataAsync(new CosemAttributeDescriptor(7, ReferenceMeterSimulator.LoadProfileName, 2));
            var captured = Enumerable.Range(0, 24).Select(i => CosemData.Structure(
                CosemData.FromUInt16(3), CosemData.OctetString([1, 0, (byte)(1 + i % 2), 8, 0, 255]), CosemData.FromInt8(2), CosemData.FromUInt16(0)));
            await client.SetDataAsync(new CosemAttributeDescriptor(40, ReferenceMeterSimulator.ReadingsPushName, 2), CosemData.Array([.. captured]));
            await client.InvokeDataAsync(new CosemMethodDescriptor(18, ImageTransfer, 1),
                CosemData.Structure(CosemData.OctetString("image-1"u8), CosemData.FromUInt32(600)));
            await client.InvokeDataAsync(new CosemMethodDescriptor(18, ImageTransfer, 2),
                CosemData.Structure(CosemData.FromUInt32(0), CosemData.OctetString(new byte[ReferenceMeterSimulator.FirmwareBlockSize])));
            await client.ReleaseAsync();
        }
        return proxy.Packets;
    }
}
