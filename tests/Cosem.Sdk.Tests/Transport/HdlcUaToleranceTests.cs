using Cosem.Sdk.Tests.Server;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>A meter whose UA miscounts its parameter group (IEC 62056-46 §6.4.4.4.3.2), as installed meters do.</summary>
public class HdlcUaToleranceTests
{
    // 81 80 <group length> then max-info tx 256, max-info rx 256, window tx 1, window rx 1: 20 bytes follow, the
    // group length says 18 (too short) or 24 (too long).
    private static byte[] Ua(byte groupLength) =>
        [0x81, 0x80, groupLength, 0x05, 0x02, 0x01, 0x00, 0x06, 0x02, 0x01, 0x00, 0x07, 0x04, 0x00, 0x00, 0x00, 0x01, 0x08, 0x04, 0x00, 0x00, 0x00, 0x01];

    private static async Task<HdlcClientLink> ConnectAsync(byte groupLength, bool accept, ILogger logger)
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        var peer = new ScriptedHdlcPeer(b, HdlcAddress.Server(1), HdlcAddress.Client(16));
        var server = Task.Run(async () =>
        {
            await peer.ReadAsync();
            await peer.WriteAsync(HdlcControl.Unnumbered(HdlcControl.Ua, true), information: Ua(groupLength));
        });
        var link = await HdlcClientLink.ConnectAsync(a, new HdlcClientOptions
        {
            AcceptMalformedParameters = accept,
            Parameters = new HdlcParameters(256, 256, 1, 1),
            Logger = logger,
            ResponseTimeout = TimeSpan.FromSeconds(5),
        });
        await server;
        return link;
    }

    [Theory]
    [InlineData(18)]
    [InlineData(24)]
    public async Task A_ua_with_a_wrong_group_length_connects_with_the_parameters_present(byte groupLength)
    {
        using var logs = new CapturingLoggerProvider();
        await using var link = await ConnectAsync(groupLength, accept: true, logs.CreateLogger("hdlc"));

        Assert.True(link.IsConnected);
        Assert.Equal(256, link.Negotiated.MaxInfoFieldLengthTransmit);
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains($"parameter group length {groupLength}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_strict_link_refuses_a_ua_with_a_group_length_too_long()
    {
        using var logs = new CapturingLoggerProvider();

        var error = await Assert.ThrowsAsync<CosemTransportException>(() => ConnectAsync(24, accept: false, logs.CreateLogger("hdlc")));

        Assert.Equal(TransportErrorKind.ProtocolViolation, error.Kind);
    }
}
