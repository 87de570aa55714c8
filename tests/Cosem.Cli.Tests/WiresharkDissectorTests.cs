using System.Net;
using System.Text.RegularExpressions;
using Cosem.Cli.Tests.Wireshark;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;

namespace Cosem.Cli.Tests;

/// <summary>
/// The dissector <c>cosem wireshark</c> generates, run in tshark on pcaps of real sessions with the simulated meter
/// (recorded through a TCP proxy, written with text2pcap): wrapper over TCP and UDP, HDLC over TCP, and a class
/// from a user's own schema. Each test asserts the dissected names and values, not just that tshark ran.
/// </summary>
public sealed class WiresharkDissectorTests() : GeneratedDissectorTests("cosem-wireshark-")
{
    private static readonly DateTimeOffset SetTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [TsharkFact]
    public async Task Wrapper_over_tcp_names_get_set_action_and_the_association()
    {
        var packets = await RecordSessionAsync(hdlc: false);
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "wrapper-tcp", packets, 4059);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-V", "-O", "cosem,cosem_wrapper");
        AssertSession(tree);
        Assert.Contains("Destination wPort: 1", tree);
        Assert.Contains("Source wPort: 1", tree);

        // The named fields, one row per frame (tshark joins repeated values with commas).
        string fields = await Tshark.DissectAsync(Lua, pcap, "-T", "fields", "-E", "separator=|",
            "-e", "cosem.apdu", "-e", "cosem.service", "-e", "cosem.class", "-e", "cosem.obis", "-e", "cosem.attribute", "-e", "cosem.method", "-e", "cosem.value");
        var rows = fields.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(r => r.Trim('|').Length > 0).ToList();
        Assert.Contains("Aarq||||||", rows);
        Assert.Contains("GetRequest|GetRequestNormal|Clock|0.0.1.0.0.255|time||", rows);
        Assert.Contains("SetRequest|SetRequestNormal|Clock|0.0.1.0.0.255|time||2026-01-02 03:04:05 deviation 0 min day-of-week 5", rows);
        Assert.Contains("ActionRequest|ActionRequestNormal|Clock|0.0.1.0.0.255||shift_time|30", rows);
        Assert.Contains("Rlrq||||||", rows);
        Assert.Contains(rows, r => Regex.IsMatch(r, @"^GetResponse\|GetResponseNormal\|\|\|\|\|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"));

        string pdml = await Tshark.DissectAsync(Lua, pcap, "-T", "pdml");
        Assert.Contains("<field name=\"cosem.class\" showname=\"Class: Clock\"", pdml);
        Assert.Contains("<field name=\"cosem.pdu.AttributeId\" showname=\"AttributeId: 2 (time)\"", pdml);
    }

    [TsharkFact]
    public async Task Wrapper_over_udp_decodes_the_same_session()
    {
        var datagrams = WrapperDatagrams.FromTcp(await RecordSessionAsync(hdlc: false));
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "wrapper-udp", datagrams, 4059, udp: true);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-V", "-O", "udp,cosem,cosem_wrapper");
        Assert.Contains("User Datagram Protocol", tree);
        Assert.Contains("DLMS/COSEM wrapper", tree);
        AssertSession(tree);
    }

    [TsharkFact]
    public async Task Hdlc_over_tcp_decodes_frames_and_the_apdus_inside()
    {
        var packets = await RecordSessionAsync(hdlc: true);
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "hdlc", packets, 4060);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-V", "-O", "cosem,cosem_hdlc");
        Assert.Contains("Frame type: SNRM P/F", tree);
        Assert.Contains("Frame type: UA P/F", tree);
        Assert.Contains("Frame type: I N(S)=0 N(R)=0", tree);
        Assert.Contains("Frame type: DISC P/F", tree);
        Assert.Contains("Source address: 1", tree);          // the management client
        Assert.Contains("LLC header: e6e600", tree);
        Assert.Contains("LLC header: e6e700", tree);
        Assert.Contains("Segmented: True", tree);           // the object list comes in segments, reassembled below
        AssertSession(tree);
    }

    [TsharkFact]
    public async Task A_users_schema_names_its_class_and_types_its_values()
    {
        string schemas = Directory.CreateDirectory(Path.Combine(WorkDirectory, "schemas")).FullName;
        await File.WriteAllTextAsync(Path.Combine(schemas, "acme-widget.cosem.xml"), WiresharkCommandTests.AcmeWidgetSchema);
        string lua = Path.Combine(WorkDirectory, "acme.lua");
        var (exit, _, error) = await CliRunner.RunAsync(null, "wireshark", "--output", lua, "--schema", schemas, "--tcp-port", "5000");
        Assert.True(exit == 0, error);

        // GET settings (a structure) and mode (an enum) of class 9000, and the meter's answers, by hand.
        RecordedPacket[] packets =
        [
            Frame(true, "C0 01 C1 2328 00 80 60 01 00 FF 04 00"),
            Frame(false, "C4 01 C1 00 02 02 11 07 09 0C 07EA 01 02 05 03 04 05 00 0000 00"),
            Frame(true, "C0 01 C2 2328 00 80 60 01 00 FF 03 00"),
            Frame(false, "C4 01 C2 00 16 01"),
        ];
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "acme", packets, 5000);
        string tree = await Tshark.DissectAsync(lua, pcap, "-V", "-O", "cosem");
        Assert.Contains("ClassId: 9000 (AcmeWidget)", tree);
        Assert.Contains("AttributeId: 4 (settings)", tree);
        Assert.Contains("settings (structure [2])", tree);
        Assert.Contains("level (unsigned): 7", tree);
        Assert.Contains("since (octet-string): 2026-01-02 03:04:05 deviation 0 min day-of-week 5", tree);
        Assert.Contains("AttributeId: 3 (mode)", tree);
        Assert.Contains("mode (enum): 1 (spinning)", tree);
    }

    [TsharkFact]
    public async Task Frames_cut_into_tiny_tcp_segments_are_reassembled()
    {
        foreach (var (hdlc, port) in new[] { (false, 4059), (true, 4060) })
        {
            var segments = (await RecordSessionAsync(hdlc))
                .SelectMany(p => p.Bytes.Chunk(5).Select(piece => new RecordedPacket(p.FromClient, piece)))
                .ToList();
            string pcap = await Tshark.WritePcapAsync(WorkDirectory, hdlc ? "hdlc-tiny" : "wrapper-tiny", segments, port);
            AssertSession(await Tshark.DissectAsync(Lua, pcap, "-V", "-O", "cosem"));
        }
    }

    [TsharkFact]
    public async Task Bad_and_ciphered_apdus_are_marked_and_the_capture_goes_on()
    {
        string deep = string.Concat(Enumerable.Repeat("01 01 ", 100)) + "00";
        RecordedPacket[] packets =
        [
            Frame(true, "C0 01 C1 00 08 00 00"),                                          // truncated GET
            Frame(true, "FF 00"),                                                        // no such APDU
            Frame(true, "C1 01 C1 00 01 00 00 60 01 00 FF 02 00 " + deep),               // Data nested 100 deep
            Frame(true, "C8 15 30 00000001 A1B2C3D4 00112233445566778899AABB"),          // glo-get-request
            Frame(false, "D8 01 02"),                                                    // exception-response
            Frame(true, "C0 01 C1 00 08 00 00 01 00 00 FF 02 00"),                       // and a good one after them
        ];
        string pcap = await Tshark.WritePcapAsync(WorkDirectory, "bad", packets, 4059);
        string tree = await Tshark.DissectAsync(Lua, pcap, "-V", "-O", "cosem");
        Assert.Contains("Malformed APDU: 6 byte(s) needed at offset 5, 2 left", tree); // the logical name is cut
        Assert.Contains("Malformed APDU: unknown APDU tag 255 (0xFF)", tree);
        Assert.Contains("Malformed APDU: Data nested deeper than 64 levels", tree);
        Assert.Contains("GloGetRequest (21 bytes)", tree);
        Assert.Contains("SecurityControl: 0x30 (SecuritySuite=0 Authentication=true Encryption=true KeySet=unicast Compression=false)", tree);
        Assert.Contains("InvocationCounter: 1", tree);
        Assert.Contains("AuthenticationTag: 00112233445566778899AABB", tree);
        Assert.Contains("StateError: 1 (service-not-allowed)", tree);
        Assert.Contains("ServiceError: ServiceNotSupported", tree);
        Assert.Contains("AttributeId: 2 (time)", tree);
        string info = await Tshark.DissectAsync(Lua, pcap);
        Assert.Contains("COSEM GetRequestNormal Clock 0.0.1.0.0.255 time", info);
        Assert.Contains("COSEM ExceptionResponse", info);
        Assert.Equal(6, info.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    // A wrapper frame between the public client (16) and the management logical device (1).
    private static RecordedPacket Frame(bool fromClient, string apdu)
    {
        byte[] body = Convert.FromHexString(apdu.Replace(" ", ""));
        byte[] header = [0, 1, 0, (byte)(fromClient ? 16 : 1), 0, (byte)(fromClient ? 1 : 16), (byte)(body.Length >> 8), (byte)body.Length];
        return new RecordedPacket(fromClient, [.. header, .. body]);
    }

    // What every transport's session shows: the association, GET/SET/ACTION named and typed, the release.
    private static void AssertSession(string tree)
    {
        Assert.DoesNotContain("Malformed", tree);
        Assert.Contains("ApplicationContextName: 2.16.756.5.8.1.1 (logical-name-referencing-no-ciphering)", tree);
        Assert.Contains("MechanismName: 2.16.756.5.8.2.1 (low-level-security)", tree);
        Assert.Contains("UserInformation: InitiateRequest", tree);
        Assert.Contains("Result: 0 (accepted)", tree);
        Assert.Contains("UserInformation: InitiateResponse", tree);
        Assert.Contains("ClassId: 8 (Clock)", tree);
        Assert.Contains("InstanceId: 0.0.1.0.0.255", tree);
        Assert.Contains("AttributeId: 2 (time)", tree);
        Assert.Matches(@"time \(octet-string\): \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", tree);  // the GET answer, typed by its request
        Assert.Contains("time (octet-string): 2026-01-02 03:04:05 deviation 0 min day-of-week 5", tree); // the SET value
        Assert.Contains("SetResponseNormal", tree);
        Assert.Contains("Result: 0 (success)", tree);
        Assert.Contains("MethodId: 6 (shift_time)", tree);
        Assert.Contains("shift_time parameter (long): 30", tree);
        Assert.Contains("ActionResponseNormal", tree);
        Assert.Contains("ClassId: 3 (Register)", tree);
        Assert.Contains("AttributeId: 3 (scaler_unit)", tree);
        Assert.Contains("unit (enum): 30 (", tree);                // scaler_unit's structure, typed by the schema
        Assert.Contains("AttributeId: 2 (object_list)", tree);
        Assert.Matches(@"object_list \(array \[\d+\]\)", tree);             // the long answer, reassembled and typed
        Assert.Contains("logical_name (octet-string): 0.0.1.0.0.255", tree);
        Assert.Contains("Rlrq", tree);
        Assert.Contains("Rlre", tree);
    }

    // A management-client session with the simulated meter through the recording proxy.
    private static async Task<IReadOnlyList<RecordedPacket>> RecordSessionAsync(bool hdlc)
    {
        await using var meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = 0 });
        await using var proxy = new RecordingTcpProxy(hdlc ? meter.HdlcEndPoint! : meter.WrapperEndPoint!);
        var options = new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low("12345678") };
        var transport = hdlc ? ClientTransport.HdlcOverTcp("127.0.0.1", proxy.Port) : ClientTransport.Tcp("127.0.0.1", proxy.Port);
        var clock = ReferenceMeterSimulator.ClockName;
        await using (var client = await CosemClient.ConnectAsync(transport, options))
        {
            await client.GetDataAsync(new CosemAttributeDescriptor(8, clock, 2));
            await client.SetDataAsync(new CosemAttributeDescriptor(8, clock, 2), CosemData.DateTime(CosemDateTime.From(SetTime)));
            await client.InvokeDataAsync(new CosemMethodDescriptor(8, clock, 6), CosemData.FromInt16(30));
            await client.GetDataAsync(new CosemAttributeDescriptor(3, ReferenceMeterSimulator.ActiveEnergyImportName, 3));
            // The object list: one long answer (several TCP segments; segmented HDLC frames to reassemble).
            await client.GetDataAsync(new CosemAttributeDescriptor(15, new Cosem.Sdk.Obis.ObisCode(0, 0, 40, 0, 0, 255), 2));
            await client.ReleaseAsync();
        }
        return proxy.Packets;
    }
}
