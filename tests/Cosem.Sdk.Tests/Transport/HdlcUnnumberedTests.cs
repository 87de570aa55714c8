using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>UI frames (IEC 62056-46 §6.4.4.4.3.9): unconfirmed APDUs outside the numbered I-frame sequence.</summary>
public class HdlcUnnumberedTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    // An EventNotification.request (tag 0xC2) without time: Clock 0-0:1.0.0.255 attribute 2 and an octet-string value
    // (IEC 62056-5-3 EventNotification layout).
    private static readonly byte[] EventNotification = [0xC2, 0x00, 0x00, 0x08, 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF, 0x02, 0x09, 0x01, 0x00];

    [Fact]
    public async Task Ui_frames_carry_apdus_both_ways_without_disturbing_the_numbered_sequence()
    {
        var frames = new List<(bool ToServer, byte[] Frame)>();
        await using var relay = new HdlcRelay((toServer, _, frame) =>
        {
            lock (frames)
            {
                frames.Add((toServer, frame));
            }
            return frame;
        });
        await using var server = new HdlcServerLink(relay.ServerEnd);
        var serverSide = Task.Run(async () =>
        {
            using (var request = await server.ReceiveAsync())
            {
                await server.SendAsync(request.Memory); // an ordinary confirmed exchange first
            }
            using var unconfirmed = await server.ReceiveAsync();
            Assert.Equal(new byte[] { 0xC0, 0x09 }, unconfirmed.ToArray());
            await server.SendUnnumberedInformationAsync(EventNotification);
            (await server.ReceiveAsync()).Dispose();
            var end = await Assert.ThrowsAsync<CosemTransportException>(async () => await server.ReceiveAsync());
            Assert.Equal(TransportErrorKind.Disconnected, end.Kind);
        });
        var client = await HdlcClientLink.ConnectAsync(relay.ClientEnd);
        await client.SendAsync(new byte[] { 0xC0, 0x01 });
        (await client.ReceiveAsync().AsTask().WaitAsync(TestTimeout)).Dispose();
        await client.SendUnnumberedInformationAsync(new byte[] { 0xC0, 0x09 });
        using (var notification = await client.ReceiveAsync().AsTask().WaitAsync(TestTimeout))
        {
            Assert.Equal(EventNotification, notification.ToArray());
        }
        // The numbered sequence goes on where it was: N(S) = 1 for the next request.
        await client.SendAsync(new byte[] { 0xC0, 0x02 });
        await client.DisposeAsync();
        await serverSide.WaitAsync(TestTimeout);
        lock (frames)
        {
            var ui = frames.Where(f => HdlcFrame.TryParse(f.Frame, out var parsed, out _) && parsed.Kind == HdlcFrameKind.UnnumberedInformation).ToList();
            Assert.Equal(2, ui.Count);
            Assert.True(HdlcFrame.TryParse(ui[0].Frame, out var fromClient, out _));
            Assert.True(ui[0].ToServer);
            Assert.Equal(0x03, fromClient.Control); // UI, P = 0
            Assert.Equal(new byte[] { 0xE6, 0xE6, 0x00, 0xC0, 0x09 }, fromClient.Information.ToArray());
            Assert.True(HdlcFrame.TryParse(ui[1].Frame, out var fromServer, out _));
            Assert.False(ui[1].ToServer);
            Assert.Equal(0x13, fromServer.Control); // UI, F = 1
            Assert.Equal([0xE6, 0xE7, 0x00, .. EventNotification], fromServer.Information.ToArray());
            var lastRequest = frames.Last(f => f.ToServer && HdlcFrame.TryParse(f.Frame, out var parsed, out _) && parsed.Kind == HdlcFrameKind.Information);
            Assert.True(HdlcFrame.TryParse(lastRequest.Frame, out var numbered, out _));
            Assert.Equal(1, numbered.SendSequence);
        }
    }

    [Fact]
    public async Task A_ui_frame_cannot_be_segmented()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { Parameters = new HdlcParameters(32, 32, 1, 1) });
        var serverTask = Task.Run(async () => await Record.ExceptionAsync(async () =>
        {
            while (true)
            {
                (await server.ReceiveAsync()).Dispose();
            }
        }));
        var client = await HdlcClientLink.ConnectAsync(a, new HdlcClientOptions { Parameters = new HdlcParameters(32, 32, 1, 1) });
        await client.SendUnnumberedInformationAsync(new byte[29]); // 3 + 29 = 32: fits exactly
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await client.SendUnnumberedInformationAsync(new byte[30]));
        Assert.Equal(TransportErrorKind.FrameTooLarge, error.Kind);
        await client.DisposeAsync();
        var end = Assert.IsType<CosemTransportException>(await serverTask.WaitAsync(TestTimeout));
        Assert.Equal(TransportErrorKind.Disconnected, end.Kind);
    }
}
