using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Tests.Client;

namespace Cosem.Sdk.Tests.Push;

/// <summary>Notifications a meter sends on an open association while the client waits for an answer reach
/// <see cref="CosemClient.NotificationReceived"/> instead of being dropped, and never disturb the request.</summary>
public class NotificationOnAssociationTests
{
    private static readonly CosemAttributeDescriptor Energy = new(3, new ObisCode(1, 0, 1, 8, 0, 255), 2);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Notifications_arriving_before_the_answer_reach_the_handler(bool hdlc)
    {
        var data = PushApdus.DataNotification(PushApdus.Reading(77), invokeId: 3);
        var @event = PushApdus.EventNotification(CosemData.FromUInt16(0x0102));
        await using var meter = new ScriptedMeter(r =>
        [
            data,
            @event,
            new GetResponseNormal(((GetRequest)r).InvokeIdAndPriority, GetDataResult.FromData(CosemData.FromUInt32(7).ToArray())).ToArray(),
        ], hdlc);
        await using var client = await meter.ConnectAsync(new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var received = new List<PushNotification>();
        client.NotificationReceived += (_, n) => received.Add(n);
        client.NotificationReceived += (_, _) => throw new InvalidOperationException("a faulty handler");

        var value = await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadUInt32());

        Assert.Equal(7u, value);
        Assert.Equal([PushNotificationKind.DataNotification, PushNotificationKind.EventNotification], received.Select(n => n.Kind));
        Assert.Equal(PushApdus.Reading(77), received[0].Body);
        Assert.Equal(3u, received[0].LongInvokeIdAndPriority!.Value.InvokeId);
        Assert.Equal(CosemData.FromUInt16(0x0102), received[1].Body);
        Assert.Equal(data, received[0].Apdu.ToArray());
    }

    [Fact]
    public async Task A_malformed_notification_is_dropped_and_the_answer_still_arrives()
    {
        await using var meter = new ScriptedMeter(r =>
        [
            new byte[] { 0x0F, 0x00, 0x00 },
            new GetResponseNormal(((GetRequest)r).InvokeIdAndPriority, GetDataResult.FromData(CosemData.FromUInt32(8).ToArray())).ToArray(),
        ]);
        await using var client = await meter.ConnectAsync(new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var received = 0;
        client.NotificationReceived += (_, _) => received++;

        Assert.Equal(8u, await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadUInt32()));
        Assert.Equal(0, received);
    }
}
