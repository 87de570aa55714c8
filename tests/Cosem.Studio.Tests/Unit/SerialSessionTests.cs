using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Serial;
using Cosem.Sdk.Transport.Serial;
using Cosem.Studio.Connections;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;

namespace Cosem.Studio.Tests.Unit;

/// <summary>
/// The serial link: the reference meter on one end of a socat pseudo-terminal pair, the studio's session on the
/// other, with direct HDLC and with the IEC 62056-21 mode E opening of an optical probe.
/// </summary>
public sealed class SerialSessionTests
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Load(null);

    [SerialFact]
    public Task Direct_hdlc_on_a_serial_line_reads_the_object_list_and_a_register() => ReadOverSerialAsync(null);

    [SerialFact]
    public Task Mode_e_opening_on_a_serial_line_reads_the_object_list_and_a_register() =>
        ReadOverSerialAsync(new ModeEIdentification("CSM", '5', true, "SDK-SIMULATOR"));

    private static async Task ReadOverSerialAsync(ModeEIdentification? identity)
    {
        await using var pair = await SocatPtyPair.StartAsync();
        await using var server = new CosemServer(ReferenceMeterSimulator.CreateLogicalDevice());
        server.Listen(ServerTransport.Serial(pair.DevicePort, identity, 9600));
        await server.StartAsync();
        var settings = new ConnectionSettings
        {
            Link = LinkKind.Serial,
            SerialPort = pair.ClientPort,
            ModeE = identity is not null,
            Baud = 9600,
            ClientAddress = 16,
            ServerAddress = 1,
            TimeoutSeconds = 10,
        };
        await using var session = await MeterSession.OpenAsync("s", settings, new ConnectionSecrets(), default).WaitAsync(TimeSpan.FromSeconds(60));
        var list = await session.ReadObjectListAsync(default).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(list.Objects, o => o.ClassId == 8); // the clock
        var voltage = MeterSession.Views(list, Catalog).Single(v => v.Entry.LogicalName == ObisCode.Parse("1.0.32.7.0.255"));
        await session.ReadObjectAsync(voltage, default).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Matches(@"^\d+(\.\d)? V  \(raw \d+\)$", voltage.Attributes.Single(r => r.Index == 2).Text);
        Assert.Contains(session.Frames.Snapshot(), f => !f.IsApdu && f.Hex.StartsWith("7E", StringComparison.Ordinal)); // HDLC frames traced
    }
}
