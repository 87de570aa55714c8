using System.Net;
using Cosem.Cli.Tests.Wireshark;
using Cosem.Samples.MeterSimulator;
using Cosem.Samples.MeterSimulator.BlueBook;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Cli.Tests;

/// <summary>
/// Class versions in the generated dissector, on sessions with the Blue Book simulator (one object of every class
/// version): after the Association LN object_list has been read in the capture, an object is named by the version
/// the list gave it (Push setup v0 has no attribute 8; Security setup v0 calls method 2 global_key_transfer, the
/// newest version key_transfer); without the list, by the newest version. Short-name variable names likewise, by the
/// version the Association SN object_list gives.
/// </summary>
public sealed class WiresharkVersionTests() : GeneratedDissectorTests("cosem-wireshark-versions-")
{
    private static readonly ObisCode CurrentAssociation = new(0, 0, 40, 0, 0, 255);
    private static readonly ObisCode PushSetupV0 = new(0, 0, 25, 9, 100, 255);
    private static readonly ObisCode PushSetup = new(0, 0, 25, 9, 0, 255);
    private static readonly ObisCode SecuritySetupV0 = new(0, 0, 43, 0, 100, 255);

    [TsharkFact]
    public async Task Objects_are_named_by_the_version_the_object_list_gave_them()
    {
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "versions", await RecordSessionAsync(readObjectList: true), 4059);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-2", "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Matches(@"object_list \(array \[\d+\]\)", tree);
        // Push setup v0 ends at attribute 7: its attribute 8 is not the newest version's port_reference.
        Assert.Contains("AttributeId: 8 (not an attribute of PushSetupV0)", tree);
        Assert.Contains("AttributeId: 7 (repetition_delay)", tree);
        Assert.Matches(@"repetition_delay \(long-unsigned\): \d+", tree);
        // The v2 object keeps the newest names.
        Assert.Contains("AttributeId: 8 (port_reference)", tree);
        // Security setup v0's method 2 has another name than the newest version's.
        Assert.Contains("MethodId: 2 (global_key_transfer)", tree);
        Assert.DoesNotContain("(key_transfer)", tree);
        string info = await Tshark.DissectAsync(Lua, pcap, "-2");
        Assert.Contains("ActionRequestNormal SecuritySetup 0.0.43.0.100.255 global_key_transfer", info);
    }

    [TsharkFact]
    public async Task Without_an_object_list_objects_are_named_by_the_newest_version()
    {
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "newest", await RecordSessionAsync(readObjectList: false), 4059);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-2", "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.DoesNotContain("not an attribute of", tree);
        Assert.Equal(2, tree.Split("AttributeId: 8 (port_reference)").Length - 1);
        Assert.Contains("MethodId: 2 (key_transfer)", tree);
        Assert.DoesNotContain("global_key_transfer", tree);
    }

    [TsharkFact]
    public async Task Short_name_variables_are_named_by_the_version_the_sn_object_list_gave_them()
    {
        // By hand: the Association SN object_list lists Push setup version 0 at base name 0x3000; then reads of its
        // variables 0x3030 (attribute 7) and 0x3038: method push in v0 (7 attributes), attribute 8 port_reference in
        // the newest version.
        RecordedPacket[] listed =
        [
            Frame(true, "05 01 02 FA08"),
            Frame(false, "0C 01 00 01 01 02 04 10 3000 12 0028 11 00 09 06 0000190964FF"),
            Frame(true, "05 02 02 3030 02 3038"),
            Frame(false, "0C 02 00 12 0005 01 03"),
        ];
        string tree = await Tshark.DissectAsync(Lua, await Tshark.WritePcapAsync(WorkDirectory, "sn-versions", listed, 4059), "-V", "-O", "cosem");
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("VariableName: 0x3030 (PushSetupV0 0.0.25.9.100.255 repetition_delay)", tree);
        Assert.Contains("repetition_delay (long-unsigned): 5", tree);
        Assert.Contains("VariableName: 0x3038 (PushSetupV0 0.0.25.9.100.255 push)", tree);
        Assert.DoesNotContain("port_reference", tree);

        // The same object listed as version 2 (the newest): attribute 8 is port_reference.
        listed[1] = Frame(false, "0C 01 00 01 01 02 04 10 3000 12 0028 11 02 09 06 0000190900FF");
        string newest = await Tshark.DissectAsync(Lua, await Tshark.WritePcapAsync(WorkDirectory, "sn-newest", listed, 4059), "-V", "-O", "cosem");
        Assert.Contains("VariableName: 0x3038 (PushSetup 0.0.25.9.0.255 port_reference)", newest);
    }

    // A wrapper frame between the management client (1) and the management logical device (1).
    private static RecordedPacket Frame(bool fromClient, string apdu)
    {
        byte[] body = Convert.FromHexString(apdu.Replace(" ", "", StringComparison.Ordinal));
        return new RecordedPacket(fromClient, [0, 1, 0, 1, 0, 1, (byte)(body.Length >> 8), (byte)body.Length, .. body]);
    }

    // A public-client session with the Blue Book simulator: the object list (or not), then attributes and a method of
    // older class versions. The meter refuses some of them (no such attribute, read-only client); the requests are
    // what the dissector names.
    private static async Task<IReadOnlyList<RecordedPacket>> RecordSessionAsync(bool readObjectList)
    {
        await using var meter = await BlueBookSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null });
        await using var proxy = new RecordingTcpProxy(meter.WrapperEndPoint!);
        var options = new AssociationOptions { ClientAddress = 16, RequestTimeout = TimeSpan.FromSeconds(10) };
        await using (var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", proxy.Port), options))
        {
            if (readObjectList)
            {
                await client.GetDataAsync(new CosemAttributeDescriptor(15, CurrentAssociation, 2));
            }
            await client.GetDataAsync(new CosemAttributeDescriptor(40, PushSetupV0, 7));
            await Refused(async () => await client.GetDataAsync(new CosemAttributeDescriptor(40, PushSetupV0, 8)));
            await Refused(async () => await client.GetDataAsync(new CosemAttributeDescriptor(40, PushSetup, 8)));
            await Refused(async () => await client.InvokeDataAsync(new CosemMethodDescriptor(64, SecuritySetupV0, 2), CosemData.Array()));
            await client.ReleaseAsync();
        }
        return proxy.Packets;
    }

    // The meter may answer with an error; the request is in the capture either way.
    private static async Task Refused(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (CosemServiceException)
        {
        }
    }
}
