using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// A Push setup server pushing to our own listener: the body built from push_object_list (attribute index 0 and data
/// index honoured), plain, general-glo- and general-ciphered, over TCP and UDP; retries and communication windows.
/// </summary>
public sealed class PushSetupServerTests : IAsyncDisposable
{
    private static readonly ObisCode PushName = new(0, 0, 25, 9, 0, 255);
    private static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    private static readonly ObisCode PairName = new(0, 0, 96, 1, 0, 255);
    private static readonly SystemTitle MeterTitle = PushApdus.Meter(7);
    private readonly CipheringKeys _keys = PushApdus.Keys();
    private readonly List<IAsyncDisposable> _owned = [];

    private (PushSetupServer Push, LogicalDevice Device) Meter(PushCiphering ciphering, bool udp, IPEndPoint destination,
        Func<SendDestinationAndMethod, ReadOnlyMemory<byte>, CancellationToken, ValueTask>? send = null)
    {
        var device = new LogicalDevice();
        var energy = new Data(EnergyName) { Value = CosemData.FromUInt32(12_345) };
        var pair = new Data(PairName) { Value = CosemData.Structure(CosemData.FromUInt8(1), CosemData.FromUInt8(2)) };
        device.Add(energy);
        device.Add(pair);
        var push = new PushSetupServer(PushName, device, new PushSetupServerOptions
        {
            Security = new AssociationSecurity(MeterTitle, _keys),
            Protection = ciphering,
            Recipient = PushApdus.HeadEnd,
            Send = send,
        })
        {
            SendDestinationAndMethod = new SendDestinationAndMethod(udp ? PushTransportService.Udp : PushTransportService.Tcp,
                PushSetupServer.Destination(destination.Address.ToString(), destination.Port), PushMessageType.AXdrEncodedXdlmsApdu),
        };
        device.Add(push);
        push.Push(push, 1).Push(energy).Push(pair, 2, dataIndex: 2).Push(energy, 0);
        push.PushObjectList = [.. push.PushObjectList, new CaptureObjectDefinition(1, new ObisCode(9, 9, 9, 9, 9, 9), 2, 0)];
        return (push, device);
    }

    private CosemPushListener Listen(bool udp, Func<PushNotification, IReadOnlyList<PushObjectDescriptor>?>? lists = null)
    {
        var options = new PushListenerOptions
        {
            Keys = new InMemoryPushKeyProvider().Add(MeterTitle, _keys),
            SystemTitle = PushApdus.HeadEnd,
            PushObjectLists = lists,
        };
        var listener = udp ? CosemPushListener.StartUdp(new IPEndPoint(IPAddress.Loopback, 0), options)
            : CosemPushListener.StartTcp(new IPEndPoint(IPAddress.Loopback, 0), options);
        _owned.Add(listener);
        return listener;
    }

    [Theory]
    [InlineData(false, PushCiphering.None)]
    [InlineData(true, PushCiphering.None)]
    [InlineData(false, PushCiphering.GeneralGlobal)]
    [InlineData(true, PushCiphering.GeneralGlobal)]
    [InlineData(false, PushCiphering.GeneralCiphering)]
    [InlineData(true, PushCiphering.GeneralCiphering)]
    public async Task A_push_reaches_the_listener_with_the_push_object_list_values(bool udp, PushCiphering ciphering)
    {
        PushSetupServer? push = null;
        var listener = Listen(udp, _ => [.. push!.PushObjectList.Select(d => new PushObjectDescriptor(d.ClassId, d.LogicalName, d.AttributeIndex, d.DataIndex))]);
        (push, _) = Meter(ciphering, udp, listener.LocalEndPoint!);

        var result = await push.PushNowAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var notification = await listener.ReceiveAsync(timeout.Token);

        Assert.Equal(new PushResult(true, 1, null), result);
        Assert.Equal(ciphering switch
        {
            PushCiphering.None => PushProtection.None,
            PushCiphering.GeneralGlobal => PushProtection.GeneralGlobal,
            _ => PushProtection.GeneralCiphering,
        }, notification.Protection);
        Assert.Equal(ciphering == PushCiphering.None ? null : MeterTitle, notification.SystemTitle);
        Assert.Equal(1, notification.SourceAddress);
        Assert.Equal(PushSetupServer.DefaultPushClientSap, notification.DestinationAddress);
        var values = notification.Values!;
        Assert.Equal(5, values.Count);
        Assert.Equal(CosemData.LogicalName(PushName), values[0].Value);
        Assert.Equal(CosemData.FromUInt32(12_345), values[1].Value);
        Assert.Equal(CosemData.FromUInt8(2), values[2].Value);
        Assert.Equal(CosemData.Structure(CosemData.LogicalName(EnergyName), CosemData.FromUInt32(12_345)), values[3].Value);
        Assert.Equal(CosemData.Null, values[4].Value);
        Assert.Equal(new PushObjectDescriptor(1, PairName, 2, 2), values[2].Object);
        Assert.Equal(1, push.SentCount);
    }

    [Fact]
    public async Task An_unreachable_destination_is_retried_then_given_up()
    {
        int closedPort;
        using (var probe = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closedPort = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
        var (push, _) = Meter(PushCiphering.None, udp: false, new IPEndPoint(IPAddress.Loopback, closedPort));
        push.NumberOfRetries = 2;
        push.RepetitionDelay = new RepetitionDelay(0, 100, 0);

        var result = await push.PushNowAsync();

        Assert.False(result.Sent);
        Assert.Equal(3, result.Attempts);
        Assert.NotNull(result.Error);
        Assert.Equal(1, push.FailedCount);
    }

    [Fact]
    public async Task Nothing_is_sent_outside_every_communication_window()
    {
        var listener = Listen(udp: false);
        var (push, _) = Meter(PushCiphering.None, udp: false, listener.LocalEndPoint!);
        var past = DateTimeOffset.UtcNow.AddDays(-2);
        push.CommunicationWindow = [new CommunicationWindow(CosemDateTime.From(past), CosemDateTime.From(past.AddHours(1)))];

        var closed = await push.PushNowAsync();
        push.CommunicationWindow = [new CommunicationWindow(CosemDateTime.From(past), CosemDateTime.From(DateTimeOffset.UtcNow.AddDays(1)))];
        var open = await push.PushNowAsync();

        Assert.Equal(new PushResult(false, 0, "Outside every communication window."), closed);
        Assert.True(open.Sent);
    }

    [Fact]
    public async Task Triggered_pushes_run_one_after_the_other_with_counting_invoke_ids()
    {
        // What the meter sends, in the order it sends it. (Through a listener the order is lost: it serves each TCP
        // connection or UDP peer side by side, and a push decoded after a later one is refused as a replayed counter.)
        var sent = new List<byte[]>();
        var (push, _) = Meter(PushCiphering.GeneralGlobal, udp: false, new IPEndPoint(IPAddress.Loopback, 4059), (_, apdu, _) =>
        {
            lock (sent)
            {
                sent.Add(apdu.ToArray());
            }
            return ValueTask.CompletedTask;
        });

        var results = await Task.WhenAll(push.TriggerAsync(), push.TriggerAsync(), push.TriggerAsync());

        Assert.All(results, r => Assert.True(r.Sent));
        var decoder = new PushNotificationDecoder(new PushListenerOptions
        {
            Keys = new InMemoryPushKeyProvider().Add(MeterTitle, _keys),
            SystemTitle = PushApdus.HeadEnd,
        });
        var ids = sent.Select(apdu => decoder.TryDecode(apdu, new PushOrigin(null, 1, 102), out var notification, out var rejection)
            ? notification.LongInvokeIdAndPriority!.Value.InvokeId
            : throw new Xunit.Sdk.XunitException($"push refused: {rejection}")).ToList();
        Assert.Equal([1u, 2u, 3u], ids); // one after the other, each counter above the last (else a replay refusal)
    }

    [Fact]
    public void Retry_delays_grow_by_the_exponent_up_to_the_maximum()
    {
        var delay = new RepetitionDelay(10, 200, 50);

        Assert.Equal(TimeSpan.FromSeconds(10), PushSchedule.RetryDelay(delay, 1));
        Assert.Equal(TimeSpan.FromSeconds(20), PushSchedule.RetryDelay(delay, 2));
        Assert.Equal(TimeSpan.FromSeconds(40), PushSchedule.RetryDelay(delay, 3));
        Assert.Equal(TimeSpan.FromSeconds(50), PushSchedule.RetryDelay(delay, 4));
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
