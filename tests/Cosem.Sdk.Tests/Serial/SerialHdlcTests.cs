using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Serial;

namespace Cosem.Sdk.Tests.Serial;

/// <summary>
/// The serial adapter run for real: System.IO.Ports on both ends of a socat pseudo-terminal pair, through the
/// IEC 62056-21 mode E opening and HDLC. Skipped (with the reason) where socat is missing, unless
/// COSEM_REQUIRE_SERIAL_TESTS is set.
/// </summary>
public class SerialHdlcTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    // GET-request-normal for Clock 0-0:1.0.0.255 attribute 2 (Green Book xDLMS example layout).
    private static readonly byte[] GetClockTime = [0xC0, 0x01, 0xC1, 0x00, 0x08, 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF, 0x02, 0x00];

    private static readonly HdlcParameters SmallFrames = new(64, 64, 2, 2);

    /// <summary>A simulated meter: echoes each APDU reversed until the client disconnects; returns how many it served.</summary>
    private static async Task<int> EchoReversedAsync(HdlcServerLink server)
    {
        var served = 0;
        try
        {
            while (true)
            {
                using var request = await server.ReceiveAsync();
                var answer = request.ToArray();
                Array.Reverse(answer);
                await server.SendAsync(answer);
                served++;
            }
        }
        catch (CosemTransportException ex) when (ex.Kind is TransportErrorKind.Disconnected)
        {
            return served;
        }
    }

    private static async Task ExchangeAsync(HdlcClientLink client, byte[] request)
    {
        await client.SendAsync(request);
        using var response = await client.ReceiveAsync().AsTask().WaitAsync(TestTimeout);
        Assert.Equal(request.Reverse(), response.ToArray());
    }

    [SerialFact]
    public async Task Mode_e_opening_then_hdlc_over_a_pseudo_terminal_pair()
    {
        await using var pair = await SocatPtyPair.StartAsync();
        var identity = new ModeEIdentification("CSM", '5', true, "SDK-SIMULATOR");
        // The meter opens its port first (synchronously, before the first await), then waits for the sign-on.
        var listening = SerialHdlc.ListenAsync(pair.DevicePort, new HdlcServerOptions { Parameters = SmallFrames }, identity);
        var meter = Task.Run(async () =>
        {
            await using var server = await listening;
            return await EchoReversedAsync(server);
        });

        var client = await SerialHdlc.ConnectAsync(pair.ClientPort,
            new HdlcClientOptions { Parameters = SmallFrames, ResponseTimeout = TimeSpan.FromSeconds(3) },
            new SerialHdlcOptions { ModeE = new ModeEOptions { BaudSwitchDelay = TimeSpan.FromMilliseconds(50) } })
            .WaitAsync(TestTimeout);
        Assert.True(client.IsConnected);
        Assert.Equal(SmallFrames, client.Negotiated);

        await ExchangeAsync(client, GetClockTime);
        // Segmented both ways: 1000 bytes in 64-byte information fields, windows of 2.
        await ExchangeAsync(client, [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 7))]);
        await client.DisposeAsync(); // DISC, UA, port closed
        Assert.Equal(2, await meter.WaitAsync(TestTimeout));
    }

    [SerialFact]
    public async Task Direct_hdlc_against_a_meter_driving_the_raw_pseudo_terminal()
    {
        await using var pair = await SocatPtyPair.StartAsync();
        // The meter side reads and writes the terminal device as a plain file: no System.IO.Ports there.
        var device = new FileStream(pair.DevicePort, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
        var server = new HdlcServerLink(new StreamDuplexPipe(device), new HdlcServerOptions { Parameters = SmallFrames });
        var meter = EchoReversedAsync(server);

        var client = await SerialHdlc.ConnectAsync(pair.ClientPort, new HdlcClientOptions { Parameters = SmallFrames },
            new SerialHdlcOptions { UseModeE = false, BaudRate = 19200 }).WaitAsync(TestTimeout);
        await ExchangeAsync(client, GetClockTime);
        await ExchangeAsync(client, new byte[300]);
        await client.DisposeAsync();
        Assert.Equal(2, await meter.WaitAsync(TestTimeout));
        // Closing the client's end hangs up the pair, which also ends the meter's blocking read.
        await pair.DisposeAsync();
        await server.DisposeAsync().AsTask().WaitAsync(TestTimeout);
    }

    [SerialFact]
    public async Task A_silent_meter_ends_the_opening_with_a_time_out_and_frees_the_port()
    {
        await using var pair = await SocatPtyPair.StartAsync();
        var options = new SerialHdlcOptions { ModeE = new ModeEOptions { ResponseTimeout = TimeSpan.FromMilliseconds(300) } };
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // Twice: the first failure must have closed the port, or the second open would fail differently.
            var error = await Assert.ThrowsAsync<CosemTransportException>(async () =>
                await SerialHdlc.ConnectAsync(pair.ClientPort, serial: options).WaitAsync(TestTimeout));
            Assert.Equal(TransportErrorKind.Timeout, error.Kind);
        }
    }

    [SerialFact]
    public async Task The_sign_on_reaches_the_wire_as_7E1_and_the_line_switches_to_8N1()
    {
        await using var pair = await SocatPtyPair.StartAsync();
        // The meter end reads raw 8-bit characters, so it sees the parity bits the client puts on the wire.
        using var meter = SerialPortLine.Open(pair.DevicePort, SerialLineSettings.Hdlc(300));
        using var client = SerialPortLine.Open(pair.ClientPort, SerialLineSettings.Hdlc(9600));
        var opening = ModeE.OpenAsync(client, new ModeEOptions { MaxBaudRate = 9600, BaudSwitchDelay = TimeSpan.Zero });
        var request = new byte[5];
        await meter.Stream.ReadExactlyAsync(request).AsTask().WaitAsync(TestTimeout);
        // "/?!" CR LF with even parity in bit 7: '/' 0x2F and CR 0x0D have an odd number of ones (IEC 62056-21 §6.4.1).
        Assert.Equal(new byte[] { 0xAF, 0x3F, 0x21, 0x8D, 0x0A }, request);
        Assert.Equal(SerialLineSettings.Opening, client.Settings);
        await meter.Stream.WriteAsync("/CSM6\\2METER\r\n"u8.ToArray());
        var ack = new byte[6];
        await meter.Stream.ReadExactlyAsync(ack).AsTask().WaitAsync(TestTimeout);
        // ACK, protocol control '2' (HDLC), Z = '5' (9600, the client's cap), mode control '2' (IEC 62056-21 §6.3.3),
        // CR LF; '2' 0x32 and CR carry a parity bit.
        Assert.Equal(new byte[] { 0x06, 0xB2, 0x35, 0xB2, 0x8D, 0x0A }, ack);
        var identification = await opening.WaitAsync(TestTimeout);
        Assert.Equal(new ModeEIdentification("CSM", '6', true, "METER"), identification);
        Assert.Equal(SerialLineSettings.Hdlc(9600), client.Settings);
        Assert.False(client.ParityInSoftware);
        // From now on bytes pass untouched in both directions.
        await client.Stream.WriteAsync(new byte[] { 0x7E, 0xA0, 0xFF });
        await client.Stream.FlushAsync();
        var raw = new byte[3];
        await meter.Stream.ReadExactlyAsync(raw).AsTask().WaitAsync(TestTimeout);
        Assert.Equal(new byte[] { 0x7E, 0xA0, 0xFF }, raw);
    }

    [Theory]
    // Even parity makes the count of ones in the 8 bits even; odd parity makes it odd (IEC 62056-21 §6.4.1: 7E1).
    [InlineData((byte)'/', SerialParity.Even, 0xAF)]
    [InlineData((byte)'?', SerialParity.Even, 0x3F)]
    [InlineData((byte)'/', SerialParity.Odd, 0x2F)]
    [InlineData((byte)'?', SerialParity.Odd, 0xBF)]
    [InlineData(0xC1, SerialParity.Even, 0x41)] // bit 7 of the input is not data: 0x41 has an even count of ones
    public void Software_parity_sets_bit_7(byte character, SerialParity parity, byte expected)
    {
        Assert.Equal(expected, SoftwareParityStream.WithParity(character, parity));
    }

    [Fact]
    public void Software_parity_is_right_for_every_7_bit_character()
    {
        for (var c = 0; c < 128; c++)
        {
            var even = SoftwareParityStream.WithParity((byte)c, SerialParity.Even);
            var odd = SoftwareParityStream.WithParity((byte)c, SerialParity.Odd);
            Assert.Equal(c, even & 0x7F);
            Assert.Equal(0, System.Numerics.BitOperations.PopCount(even) % 2);
            Assert.Equal(1, System.Numerics.BitOperations.PopCount(odd) % 2);
        }
    }

    [Fact]
    public void Opening_a_missing_port_is_a_typed_error()
    {
        var error = Assert.Throws<CosemTransportException>(() =>
            SerialPortLine.Open(Path.Combine(Path.GetTempPath(), $"no-such-port-{Guid.NewGuid():N}"), SerialLineSettings.Hdlc(9600)));
        Assert.Equal(TransportErrorKind.ConnectionClosed, error.Kind);
    }
}
