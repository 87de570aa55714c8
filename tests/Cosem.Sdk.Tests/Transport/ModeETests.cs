using System.Text;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Serial;

namespace Cosem.Sdk.Tests.Transport;

public class ModeETests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    // IEC 62056-21 §6.3.2 identification message shape; "\2" is the enhanced capability announcing mode E.
    [InlineData("/ISK5\\2MT382-1000", "ISK", '5', true, "MT382-1000", 9600)]
    [InlineData("/LGZ4ZMD3104407.B32", "LGZ", '4', false, "ZMD3104407.B32", 4800)]
    [InlineData("/ABC6\\W\\2X", "ABC", '6', true, "X", 19200)]
    public void Parses_identification_messages(string message, string manufacturer, char z, bool modeE, string ident, int baud)
    {
        var identification = ModeE.ParseIdentification(message);
        Assert.Equal(new ModeEIdentification(manufacturer, z, modeE, ident), identification);
        Assert.Equal(baud, identification.MaxBaudRate);
    }

    [Theory]
    [InlineData("ISK5")]
    [InlineData("/ISK")]
    [InlineData("/ISKA\\2X")]
    public void Refuses_malformed_identification(string message)
    {
        var error = Assert.Throws<CosemTransportException>(() => ModeE.ParseIdentification(message));
        Assert.Equal(TransportErrorKind.OpeningFailed, error.Kind);
    }

    [Fact]
    public async Task Client_sends_the_sign_on_and_the_mode_e_acknowledgement()
    {
        var (client, meter) = FakeSerialLine.CreatePair();
        var opening = ModeE.OpenAsync(client, new ModeEOptions { MaxBaudRate = 9600, BaudSwitchDelay = TimeSpan.Zero });
        var request = new byte[5];
        await meter.Stream.ReadExactlyAsync(request);
        Assert.Equal("/?!\r\n", Encoding.ASCII.GetString(request));
        // Line noise, then an identification offering 19200 baud with parity bits set on some characters.
        var answer = Encoding.ASCII.GetBytes("\0\u007f/ISK6\\2MT382\r\n");
        answer[3] |= 0x80;
        await meter.Stream.WriteAsync(answer);
        await meter.Stream.FlushAsync();
        var ack = new byte[6];
        await meter.Stream.ReadExactlyAsync(ack);
        Assert.Equal(new byte[] { 0x06, (byte)'2', (byte)'5', (byte)'2', 0x0D, 0x0A }, ack); // capped at 9600 by the options
        var identification = await opening.WaitAsync(TestTimeout);
        Assert.Equal("MT382", identification.Identification);
        Assert.Equal([SerialLineSettings.Opening, SerialLineSettings.Hdlc(9600)], client.Settings);
    }

    [Fact]
    public async Task Silence_after_the_sign_on_is_a_time_out()
    {
        var (client, _) = FakeSerialLine.CreatePair();
        var error = await Assert.ThrowsAsync<CosemTransportException>(() =>
            ModeE.OpenAsync(client, new ModeEOptions { ResponseTimeout = TimeSpan.FromMilliseconds(100) }));
        Assert.Equal(TransportErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task Opening_then_hdlc_over_a_serial_stream_pair()
    {
        var (clientLine, meterLine) = FakeSerialLine.CreatePair();
        var identity = new ModeEIdentification("ABC", '6', true, "SIMULATED");
        var meterOpening = ModeE.AcceptAsync(meterLine, identity, TimeSpan.FromSeconds(5));
        var identification = await ModeE.OpenAsync(clientLine, new ModeEOptions { BaudSwitchDelay = TimeSpan.FromMilliseconds(10) });
        Assert.Equal(identity, identification);
        Assert.Equal(19200, await meterOpening.WaitAsync(TestTimeout));
        Assert.Equal(SerialLineSettings.Hdlc(19200), clientLine.Settings[^1]);
        Assert.Equal(SerialLineSettings.Hdlc(19200), meterLine.Settings[^1]);

        await using var server = new HdlcServerLink(new StreamDuplexPipe(meterLine.Stream), new HdlcServerOptions { Parameters = new HdlcParameters(64, 64, 1, 1) });
        var serverTask = Task.Run(async () =>
        {
            using (var request = await server.ReceiveAsync())
            {
                await server.SendAsync(request.Memory);
            }
            var end = await Assert.ThrowsAsync<CosemTransportException>(async () => await server.ReceiveAsync());
            Assert.Equal(TransportErrorKind.Disconnected, end.Kind);
        });
        var client = await HdlcClientLink.ConnectAsync(new StreamDuplexPipe(clientLine.Stream),
            new HdlcClientOptions { Parameters = new HdlcParameters(64, 64, 1, 1) });
        var apdu = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        await client.SendAsync(apdu);
        using var echoed = await client.ReceiveAsync().AsTask().WaitAsync(TestTimeout);
        Assert.Equal(apdu, echoed.ToArray());
        await client.DisposeAsync();
        await serverTask.WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task Meter_refuses_an_acknowledgement_for_another_protocol()
    {
        var (client, meter) = FakeSerialLine.CreatePair();
        var accept = ModeE.AcceptAsync(meter, new ModeEIdentification("ABC", '5', true, "X"), TimeSpan.FromSeconds(5));
        await client.Stream.WriteAsync(Encoding.ASCII.GetBytes("/?12345678!\r\n"));
        await client.Stream.FlushAsync();
        var line = new byte[10];
        await client.Stream.ReadExactlyAsync(line);
        Assert.Equal("/ABC5\\2X\r\n", Encoding.ASCII.GetString(line));
        await client.Stream.WriteAsync(new byte[] { 0x06, (byte)'0', (byte)'5', (byte)'0', 0x0D, 0x0A }); // mode C data readout
        await client.Stream.FlushAsync();
        var error = await Assert.ThrowsAsync<CosemTransportException>(() => accept.WaitAsync(TestTimeout));
        Assert.Equal(TransportErrorKind.OpeningFailed, error.Kind);
    }
}
