using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// The push listener end to end over loopback sockets: plain and ciphered notifications over TCP and UDP, typed
/// decoding with a push object list, and bad notifications refused, counted and harmless to the connection.
/// </summary>
public sealed class PushListenerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly WrapperOptions MeterPorts = new() { ClientWPort = 1, ServerWPort = 102 };
    private readonly CipheringKeys _keys = PushApdus.Keys();
    private readonly InMemoryPushKeyProvider _provider = new();
    private readonly List<IAsyncDisposable> _owned = [];

    public PushListenerTests()
    {
        for (var n = 0; n < 64; n++)
        {
            _provider.Add(PushApdus.Meter(n), _keys);
        }
    }

    private PushListenerOptions Options(bool requireProtection = false, Func<PushNotification, IReadOnlyList<PushObjectDescriptor>?>? lists = null,
        Func<EndPoint?, int, SystemTitle?>? titleOf = null, int maxConnections = 4096) => new()
    {
        Keys = _provider,
        SystemTitle = PushApdus.HeadEnd,
        RequireProtection = requireProtection,
        PushObjectLists = lists,
        SystemTitleOf = titleOf,
        MaxConnections = maxConnections,
    };

    private CosemPushListener Listen(bool udp, PushListenerOptions options)
    {
        var listener = udp
            ? CosemPushListener.StartUdp(new IPEndPoint(IPAddress.Loopback, 0), options)
            : CosemPushListener.StartTcp(new IPEndPoint(IPAddress.Loopback, 0), options);
        _owned.Add(listener);
        return listener;
    }

    private async Task<IApduChannel> ConnectAsync(CosemPushListener listener, bool udp)
    {
        IApduChannel channel = udp
            ? await UdpWrapperChannel.ConnectAsync(listener.LocalEndPoint!, MeterPorts)
            : await WrapperChannel.ConnectTcpAsync(listener.LocalEndPoint!, MeterPorts);
        _owned.Add(channel);
        return channel;
    }

    private static async Task<PushNotification> NextAsync(CosemPushListener listener)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await listener.ReceiveAsync(timeout.Token);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The listener did not get there in time.");
            await Task.Delay(10);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_plain_data_notification_arrives_with_its_sender_and_body(bool udp)
    {
        var listener = Listen(udp, Options());
        var meter = await ConnectAsync(listener, udp);

        await meter.SendAsync(PushApdus.DataNotification(PushApdus.Reading(1234), invokeId: 7));
        var notification = await NextAsync(listener);

        Assert.Equal(PushNotificationKind.DataNotification, notification.Kind);
        Assert.Equal(PushProtection.None, notification.Protection);
        Assert.Equal(1, notification.SourceAddress);
        Assert.Equal(102, notification.DestinationAddress);
        Assert.Equal(7u, notification.LongInvokeIdAndPriority!.Value.InvokeId);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), notification.DateTime!.Value.ToDateTimeOffset());
        Assert.Equal(PushApdus.Reading(1234), notification.Body);
        Assert.NotNull(notification.RemoteEndPoint);
        Assert.Null(notification.Values);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_ciphered_notification_is_opened_with_the_senders_keys(bool udp, bool generalCiphering)
    {
        var listener = Listen(udp, Options(requireProtection: true));
        var meter = await ConnectAsync(listener, udp);
        var plain = PushApdus.DataNotification(PushApdus.Reading(42));

        await meter.SendAsync(generalCiphering
            ? PushApdus.GeneralCiphering(plain, PushApdus.Meter(3), 100)
            : PushApdus.GeneralGlo(plain, PushApdus.Meter(3), 100));
        var notification = await NextAsync(listener);

        Assert.Equal(generalCiphering ? PushProtection.GeneralCiphering : PushProtection.GeneralGlobal, notification.Protection);
        Assert.Equal(PushApdus.Meter(3), notification.SystemTitle);
        Assert.Equal(100u, notification.InvocationCounter);
        Assert.True(notification.SecurityControl!.Value.IsEncrypted);
        Assert.Equal(PushApdus.Reading(42), notification.Body);
        Assert.Equal(plain, notification.Apdu.ToArray());
    }

    [Fact]
    public async Task A_glo_event_notification_uses_the_system_title_known_for_its_sender()
    {
        var listener = Listen(udp: false, Options(titleOf: (_, wPort) => wPort == 1 ? PushApdus.Meter(5) : null));
        var meter = await ConnectAsync(listener, udp: false);
        var plain = PushApdus.EventNotification(CosemData.FromUInt32(0x80));

        await meter.SendAsync(PushApdus.Envelope(ApduTag.GloEventNotificationRequest, plain, PushApdus.Meter(5), 9));
        var notification = await NextAsync(listener);

        Assert.Equal(PushNotificationKind.EventNotification, notification.Kind);
        Assert.Equal(PushProtection.ServiceSpecificGlobal, notification.Protection);
        Assert.Equal(new CosemAttributeDescriptor(1, new ObisCode(0, 0, 96, 11, 0, 255), 2), notification.Attribute);
        Assert.Equal(CosemData.FromUInt32(0x80), notification.Body);
    }

    [Fact]
    public async Task A_known_push_object_list_types_the_body_element_by_element()
    {
        PushObjectDescriptor[] list =
        [
            new(40, new ObisCode(0, 0, 25, 9, 0, 255), 1),
            new(3, new ObisCode(1, 0, 1, 8, 0, 255), 2),
            new(3, new ObisCode(1, 0, 32, 7, 0, 255), 2),
        ];
        var listener = Listen(udp: false, Options(lists: n => n.Body.Count > 0 && n.Body[0].AsObisCode() == new ObisCode(0, 0, 25, 9, 0, 255) ? list : null));
        var meter = await ConnectAsync(listener, udp: false);

        await meter.SendAsync(PushApdus.DataNotification(PushApdus.Reading(555)));
        await meter.SendAsync(PushApdus.DataNotification(CosemData.Structure(CosemData.OctetString(new byte[] { 0, 0, 25, 9, 0, 255 }))));
        var typed = await NextAsync(listener);
        var mismatched = await NextAsync(listener);

        Assert.NotNull(typed.Values);
        Assert.Equal(list, typed.Values.Select(v => v.Object));
        Assert.Equal(CosemData.FromUInt32(555), typed.Values[1].Value);
        Assert.Equal(CosemData.FromInt16(230), typed.Values[2].Value);
        Assert.Null(typed.TypingError);
        Assert.Null(mismatched.Values);
        Assert.Contains("1 elements", mismatched.TypingError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bad_notifications_are_counted_by_reason_and_the_connection_carries_on(bool udp)
    {
        var listener = Listen(udp, Options(requireProtection: true));
        var rejections = new List<PushRejection>();
        listener.Rejected += (_, r) => { lock (rejections) { rejections.Add(r); } };
        var meter = await ConnectAsync(listener, udp);
        var plain = PushApdus.DataNotification(PushApdus.Reading(1));
        using var wrong = PushApdus.WrongKeys();
        var truncated = PushApdus.DataNotification(PushApdus.Reading(2))[..^3];

        await meter.SendAsync(PushApdus.GeneralGlo(plain, PushApdus.Meter(1), 10, wrong));            // wrong key
        await meter.SendAsync(PushApdus.GeneralGlo(plain, PushApdus.Meter(1), 11));                   // good
        await meter.SendAsync(PushApdus.GeneralGlo(plain, PushApdus.Meter(1), 11));                   // replayed
        await meter.SendAsync(PushApdus.GeneralGlo(truncated, PushApdus.Meter(1), 12));               // truncated body
        await meter.SendAsync(PushApdus.GeneralGlo(plain, SystemTitle.FromUInt64(0xABCDEF), 1));      // unknown meter
        await meter.SendAsync(plain);                                                                  // in the clear
        await meter.SendAsync(PushApdus.GeneralGlo(plain, PushApdus.Meter(1), 13));                   // good
        var first = await NextAsync(listener);
        var second = await NextAsync(listener);
        await WaitForAsync(() => listener.Statistics.Rejected == 5);

        Assert.Equal([11u, 13u], new[] { first.InvocationCounter!.Value, second.InvocationCounter!.Value });
        var stats = listener.Statistics;
        Assert.Equal(2, stats.Delivered);
        Assert.Equal(1, stats.RejectedFor(PushRejectionReason.AuthenticationFailed));
        Assert.Equal(1, stats.RejectedFor(PushRejectionReason.ReplayedCounter));
        Assert.Equal(1, stats.RejectedFor(PushRejectionReason.Malformed));
        Assert.Equal(1, stats.RejectedFor(PushRejectionReason.UnknownMeter));
        Assert.Equal(1, stats.RejectedFor(PushRejectionReason.Unprotected));
        lock (rejections)
        {
            Assert.Equal(5, rejections.Count);
            Assert.All(rejections, r => Assert.DoesNotContain("000102030405", r.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_wrong_key_does_not_move_the_counter_window()
    {
        var listener = Listen(udp: false, Options());
        var meter = await ConnectAsync(listener, udp: false);
        var plain = PushApdus.DataNotification(PushApdus.Reading(1));
        using var wrong = PushApdus.WrongKeys();

        await meter.SendAsync(PushApdus.GeneralGlo(plain, PushApdus.Meter(2), 1_000_000, wrong));
        await meter.SendAsync(PushApdus.GeneralGlo(plain, PushApdus.Meter(2), 5));
        var notification = await NextAsync(listener);

        Assert.Equal(5u, notification.InvocationCounter);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sixty_meters_pushing_at_once_all_arrive(bool udp)
    {
        const int Meters = 60, Each = 5;
        var listener = Listen(udp, Options(requireProtection: true));
        var meters = await Task.WhenAll(Enumerable.Range(0, Meters).Select(_ => ConnectAsync(listener, udp)));

        await Task.WhenAll(meters.Select(async (meter, n) =>
        {
            for (var i = 1; i <= Each; i++)
            {
                var plain = PushApdus.DataNotification(PushApdus.Reading((uint)(n * 1000 + i)), (uint)i);
                await meter.SendAsync(n % 2 == 0 ? PushApdus.GeneralGlo(plain, PushApdus.Meter(n), (uint)i) : PushApdus.GeneralCiphering(plain, PushApdus.Meter(n), (uint)i));
                if (udp)
                {
                    await Task.Delay(2); // datagrams beyond 64 queued per peer are dropped, as UDP may
                }
            }
        }));
        var received = new List<PushNotification>();
        for (var i = 0; i < Meters * Each; i++)
        {
            received.Add(await NextAsync(listener));
        }

        Assert.Equal(Meters, received.Select(r => r.SystemTitle).Distinct().Count());
        Assert.All(received.GroupBy(r => r.SystemTitle), g => Assert.Equal(Each, g.Count()));
        Assert.Equal(Meters * Each, listener.Statistics.Delivered);
        Assert.Equal(0, listener.Statistics.Rejected);
        Assert.Equal(Meters, listener.Statistics.Connections);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed_and_counted()
    {
        var listener = Listen(udp: false, Options(maxConnections: 2));
        var first = await ConnectAsync(listener, udp: false);
        var second = await ConnectAsync(listener, udp: false);
        await first.SendAsync(PushApdus.DataNotification(PushApdus.Reading(1)));
        await second.SendAsync(PushApdus.DataNotification(PushApdus.Reading(2)));
        await NextAsync(listener);
        await NextAsync(listener);

        var third = await ConnectAsync(listener, udp: false);
        await WaitForAsync(() => listener.Statistics.RejectedFor(PushRejectionReason.ConnectionLimit) == 1);
        await first.SendAsync(PushApdus.DataNotification(PushApdus.Reading(3)));

        Assert.Equal(PushApdus.Reading(3), (await NextAsync(listener)).Body);
        Assert.Equal(2, listener.Statistics.OpenConnections);
        await Assert.ThrowsAnyAsync<CosemTransportException>(async () =>
        {
            using var timeout = new CancellationTokenSource(Patience);
            (await third.ReceiveAsync(timeout.Token)).Dispose();
        });
    }

    [Fact]
    public async Task A_broken_wrapper_frame_closes_only_its_connection()
    {
        var listener = Listen(udp: false, Options());
        var good = await ConnectAsync(listener, udp: false);
        var pipe = await TcpTransport.ConnectAsync(listener.LocalEndPoint!);
        await pipe.Output.WriteAsync(new byte[] { 0x00, 0x02, 0x00, 0x01, 0x00, 0x66, 0x00, 0x01, 0x0F }); // version 2
        await pipe.Output.FlushAsync();

        await WaitForAsync(() => listener.Statistics.RejectedFor(PushRejectionReason.Malformed) == 1);
        await good.SendAsync(PushApdus.DataNotification(PushApdus.Reading(9)));

        Assert.Equal(PushApdus.Reading(9), (await NextAsync(listener)).Body);
        await pipe.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
        _keys.Dispose();
    }
}
