using System.Net;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>The less common ways to reach a meter: the wrapper over UDP, and HDLC with 2- and 4-byte server addresses.</summary>
public class TransportVariantTests
{
    [Fact]
    public async Task The_wrapper_over_udp_carries_a_whole_association()
    {
        await using var meter = new LoopbackMeter();
        meter.Server.Listen(ServerTransport.Udp(new IPEndPoint(IPAddress.Loopback, 0)), out var udp);
        await meter.Server.StartAsync();
        var port = udp.EndPoint!.Port;

        await using var client = await CosemClient.ConnectAsync(ClientTransport.Udp("127.0.0.1", port), new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var device = new ReferenceMeter(client);
        Assert.Equal(LoopbackMeter.Now, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());
        Assert.Equal(new Quantity(12_345.678m, Unit.WattHour), await device.ActiveEnergyImport.GetQuantityAsync());
        await client.ReleaseAsync();
    }

    [Theory]
    [InlineData(17, 2)]
    [InlineData(4660, 4)]
    public async Task Hdlc_reaches_the_logical_device_with_a_physical_address(int physical, int size)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await CosemClient.ConnectAsync(meter.Transport(hdlc: true),
            new AssociationOptions { PhysicalAddress = physical, HdlcAddressSize = size, RequestTimeout = TimeSpan.FromSeconds(10) });
        Assert.Equal(LoopbackMeter.Now, (await new ReferenceMeter(client).Clock.GetTimeAsync()).ToDateTimeOffset());
    }

    [Fact]
    public async Task A_logical_device_that_does_not_exist_times_out_instead_of_hanging()
    {
        // The server discards wrapper frames to an unknown wPort (IEC 62056-47); the client reports the silence.
        await using var meter = await LoopbackMeter.StartAsync();
        await Assert.ThrowsAsync<CosemTimeoutException>(() => CosemClient.ConnectAsync(meter.Transport(hdlc: false),
            new AssociationOptions { ServerAddress = 9, RequestTimeout = TimeSpan.FromSeconds(1) }));
    }
}
