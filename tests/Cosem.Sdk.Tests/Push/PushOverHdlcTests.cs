using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// A push whose send_destination_and_method names HDLC goes over the meter's HDLC link as one UI frame (a push is
/// unconfirmed: no sequence numbers, no acknowledgement), and the client end of the link receives it as an APDU the
/// push decoder opens; a notification too long for one UI frame is refused, never segmented.
/// </summary>
public sealed class PushOverHdlcTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);
    private static readonly ObisCode PushName = new(0, 0, 25, 9, 0, 255);
    private static readonly SystemTitle MeterTitle = PushApdus.Meter(21);

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_push_goes_over_an_hdlc_link_as_a_ui_frame(int version)
    {
        using var keys = PushApdus.Keys();
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var link = new HdlcServerLink(b);
        var device = new LogicalDevice();
        var energy = new Data(new ObisCode(1, 0, 1, 8, 0, 255)) { Value = CosemData.FromUInt32(77) };
        device.Add(energy);
        var options = new PushSetupServerOptions
        {
            Security = new AssociationSecurity(MeterTitle, keys),
            Protection = PushCiphering.GeneralGlobal,
            HdlcLink = link,
        };
        var destination = new SendDestinationAndMethod(PushTransportService.Hdlc, ReadOnlyMemory<byte>.Empty, PushMessageType.AXdrEncodedXdlmsApdu);
        Func<CancellationToken, Task<PushResult>> push = version == 0
            ? new PushSetupV0Server(PushName, device, options) { SendDestinationAndMethod = destination }.Push(energy).PushNowAsync
            : new PushSetupServer(PushName, device, options) { SendDestinationAndMethod = destination }.Push(energy).PushNowAsync;
        var meter = Task.Run(async () =>
        {
            (await link.ReceiveAsync()).Dispose();                       // polled by the client: its turn to speak
            return await push(default);
        });

        await using var client = await HdlcClientLink.ConnectAsync(a);
        await client.SendAsync(new byte[] { 0xC0, 0x01 });
        using var received = await client.ReceiveAsync().AsTask().WaitAsync(TestTimeout);
        var result = await meter.WaitAsync(TestTimeout);
        var decoder = new PushNotificationDecoder(new PushListenerOptions { Keys = new InMemoryPushKeyProvider().Add(MeterTitle, keys) });

        Assert.True(result.Sent);
        Assert.True(decoder.TryDecode(received.ToArray(), new PushOrigin(null, 1, 16), out var notification, out var rejection), rejection?.ToString());
        Assert.Equal(PushProtection.GeneralGlobal, notification.Protection);
        Assert.Equal(CosemData.Structure(CosemData.FromUInt32(77)), notification.Body);
    }

    [Fact]
    public async Task A_push_too_long_for_one_ui_frame_fails_without_segmenting()
    {
        var (_, b) = InMemoryDuplexPipe.CreatePair();
        await using var link = new HdlcServerLink(b);
        var device = new LogicalDevice();
        var big = new Data(new ObisCode(0, 0, 96, 1, 0, 255)) { Value = CosemData.OctetString(new byte[400]) };
        device.Add(big);
        var push = new PushSetupServer(PushName, device, new PushSetupServerOptions { HdlcLink = link })
        {
            SendDestinationAndMethod = new SendDestinationAndMethod(PushTransportService.Hdlc, ReadOnlyMemory<byte>.Empty, PushMessageType.AXdrEncodedXdlmsApdu),
            NumberOfRetries = 0,
        }.Push(big);

        var result = await push.PushNowAsync().WaitAsync(TestTimeout);

        Assert.False(result.Sent);
        Assert.Contains("UI frame", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_link_an_hdlc_destination_is_refused()
    {
        var push = new PushSetupV1Server(PushName, new LogicalDevice())
        {
            SendDestinationAndMethod = new SendDestinationAndMethod(PushTransportService.Hdlc, ReadOnlyMemory<byte>.Empty, PushMessageType.AXdrEncodedXdlmsApdu),
        };

        var result = await push.PushNowAsync().WaitAsync(TestTimeout);

        Assert.False(result.Sent);
        Assert.Contains("HdlcLink", result.Error, StringComparison.Ordinal);
    }
}
