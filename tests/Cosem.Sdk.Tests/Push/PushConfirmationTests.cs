using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// Confirmed pushes (Push setup v2 push_operation_method 2, "confirmed, retry on missing confirmation"): the
/// DataNotification goes out with service-class confirmed, the push client answers data-notification-confirm [16]
/// echoing its long-invoke-id-and-priority, the meter records last_confirmation_date_time; a missing confirmation
/// fails the attempt, which is retried after repetition_delay and finally given up. On the fake clock.
/// </summary>
public sealed class PushConfirmationTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly ObisCode PushName = new(0, 0, 25, 9, 0, 255);
    private static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    private readonly List<IAsyncDisposable> _owned = [];

    private sealed class Recorder(CountingTimeProvider time)
    {
        public List<(DateTimeOffset At, DataNotification Apdu)> Sent { get; } = [];

        public Func<DataNotification, int, ValueTask>? OnSend { get; set; }

        public ValueTask Send(SendDestinationAndMethod destination, ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
        {
            var notification = (DataNotification)ApduDecoder.DecodeXdlms(apdu);
            int count;
            lock (Sent)
            {
                Sent.Add((time.GetUtcNow(), notification));
                count = Sent.Count;
            }
            return OnSend?.Invoke(notification, count) ?? default;
        }
    }

    private static PushSetupServer Meter(PushSetupServerOptions options, SendDestinationAndMethod? destination = null)
    {
        var device = new LogicalDevice();
        var energy = new Data(EnergyName) { Value = CosemData.FromUInt32(4_321) };
        device.Add(energy);
        var push = new PushSetupServer(PushName, device, options)
        {
            PushOperationMethod = PushOperationMethod.ConfirmedRetryOnMissingConfirmation,
            RepetitionDelay = new RepetitionDelay(5, 100, 0),
        };
        if (destination is { } sending)
        {
            push.SendDestinationAndMethod = sending;
        }
        device.Add(push);
        push.Push(energy);
        return push;
    }

    private static byte[] Confirmation(uint invokeId) =>
        new DataNotificationConfirm(new LongInvokeIdAndPriority(invokeId, confirmed: true, highPriority: false), ReadOnlyMemory<byte>.Empty).ToArray();

    [Theory]
    [InlineData(PushTransportService.Tcp)]
    [InlineData(PushTransportService.Udp)]
    public async Task A_confirmed_push_is_confirmed_once_by_the_listener(PushTransportService transport)
    {
        var time = new CountingTimeProvider(Start);
        var endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        var listener = transport == PushTransportService.Tcp ? CosemPushListener.StartTcp(endPoint) : CosemPushListener.StartUdp(endPoint);
        _owned.Add(listener);
        var push = Meter(new PushSetupServerOptions { Time = time }, new SendDestinationAndMethod(transport,
            PushSetupServer.Destination("127.0.0.1", listener.LocalEndPoint!.Port), PushMessageType.AXdrEncodedXdlmsApdu));

        var result = await push.PushNowAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var notification = await listener.ReceiveAsync(timeout.Token);

        Assert.Equal(new PushResult(true, 1, null) { Confirmed = true }, result);
        Assert.True(notification.LongInvokeIdAndPriority!.Value.Confirmed);
        // The listener counts a confirmation once its send has completed, which may be after the meter has read it.
        Assert.True(SpinWait.SpinUntil(() => listener.Statistics.Confirmations > 0, TimeSpan.FromSeconds(30)), "the listener never counted its confirmation");
        Assert.Equal(1, listener.Statistics.Confirmations);
        Assert.Equal(CosemDateTime.From(Start), push.LastConfirmationDateTime);
        Assert.Equal(1, push.SentCount);
    }

    [Fact]
    public async Task A_missing_confirmation_is_retried_after_repetition_delay_then_given_up()
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        var push = Meter(new PushSetupServerOptions { Time = time, Send = recorder.Send, ConfirmationTimeout = TimeSpan.FromSeconds(10) });
        push.NumberOfRetries = 2;
        var before = push.LastConfirmationDateTime;

        var pending = push.PushNowAsync();
        // Timers in order: wait 1, repetition delay, wait 2, repetition delay, wait 3.
        TimeSpan[] steps = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];
        for (var i = 0; i < steps.Length; i++)
        {
            await time.WaitForTimersAsync(i + 1);
            time.Advance(steps[i]);
        }
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new PushResult(false, 3, "No data-notification-confirm within 10 s."), result);
        Assert.Equal([Start, Start.AddSeconds(15), Start.AddSeconds(30)], recorder.Sent.Select(s => s.At));
        Assert.All(recorder.Sent, s => Assert.True(s.Apdu.LongInvokeIdAndPriority.Confirmed));
        Assert.Equal(3, recorder.Sent.Select(s => s.Apdu.LongInvokeIdAndPriority.InvokeId).Distinct().Count());
        Assert.Equal(before, push.LastConfirmationDateTime);
        Assert.Equal((0, 1), (push.SentCount, push.FailedCount));
    }

    [Fact]
    public async Task A_confirmation_of_the_retry_confirms_the_push_and_sets_last_confirmation_date_time()
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        var push = Meter(new PushSetupServerOptions { Time = time, Send = recorder.Send, ConfirmationTimeout = TimeSpan.FromSeconds(10) });
        push.NumberOfRetries = 3;
        var stray = true;
        recorder.OnSend = (notification, count) =>
        {
            if (count == 2)
            {
                // A confirmation naming another invoke-id is not this push's: ignored.
                stray = push.AcceptConfirmation(Confirmation(notification.LongInvokeIdAndPriority.InvokeId + 100));
                Assert.True(push.AcceptConfirmation(Confirmation(notification.LongInvokeIdAndPriority.InvokeId)));
            }
            return default;
        };

        var pending = push.PushNowAsync();
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(10));
        await time.WaitForTimersAsync(2);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(stray);
        Assert.Equal(new PushResult(true, 2, null) { Confirmed = true }, result);
        Assert.Equal(CosemDateTime.From(Start.AddSeconds(15)), push.LastConfirmationDateTime);
        Assert.False(push.AcceptConfirmation(Confirmation(recorder.Sent[1].Apdu.LongInvokeIdAndPriority.InvokeId)));
    }

    [Fact]
    public async Task Within_confirmation_interval_of_the_last_confirmation_the_push_goes_unconfirmed()
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        var push = Meter(new PushSetupServerOptions { Time = time, Send = recorder.Send });
        push.ConfirmationParameters = new ConfirmationParameters(CosemDateTime.From(Start.AddDays(-1)), 3600);
        push.LastConfirmationDateTime = CosemDateTime.From(Start.AddMinutes(-10));

        var result = await push.PushNowAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new PushResult(true, 1, null), result);
        Assert.False(recorder.Sent.Single().Apdu.LongInvokeIdAndPriority.Confirmed);
    }

    [Fact]
    public async Task Before_confirmation_start_date_and_with_unconfirmed_methods_the_push_goes_unconfirmed()
    {
        var time = new CountingTimeProvider(Start);
        var recorder = new Recorder(time);
        var early = Meter(new PushSetupServerOptions { Time = time, Send = recorder.Send });
        early.ConfirmationParameters = new ConfirmationParameters(CosemDateTime.From(Start.AddDays(1)), 0);
        var unconfirmed = Meter(new PushSetupServerOptions { Time = time, Send = recorder.Send });
        unconfirmed.PushOperationMethod = PushOperationMethod.UnconfirmedRetryOnSupportingProtocolLayerFailure;

        Assert.True((await early.PushNowAsync().WaitAsync(TimeSpan.FromSeconds(30))).Sent);
        Assert.True((await unconfirmed.PushNowAsync().WaitAsync(TimeSpan.FromSeconds(30))).Sent);
        Assert.All(recorder.Sent, s => Assert.False(s.Apdu.LongInvokeIdAndPriority.Confirmed));
    }

    [Fact]
    public async Task A_listener_told_not_to_confirm_leaves_the_push_unconfirmed()
    {
        var time = new CountingTimeProvider(Start);
        var listener = CosemPushListener.StartTcp(new IPEndPoint(IPAddress.Loopback, 0), new PushListenerOptions { ConfirmDataNotifications = false });
        _owned.Add(listener);
        var push = Meter(new PushSetupServerOptions { Time = time, ConfirmationTimeout = TimeSpan.FromSeconds(10) },
            new SendDestinationAndMethod(PushTransportService.Tcp, PushSetupServer.Destination("127.0.0.1", listener.LocalEndPoint!.Port),
                PushMessageType.AXdrEncodedXdlmsApdu));
        push.NumberOfRetries = 0;

        var pending = push.PushNowAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var notification = await listener.ReceiveAsync(timeout.Token);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(notification.LongInvokeIdAndPriority!.Value.Confirmed);
        Assert.Equal(new PushResult(false, 1, "No data-notification-confirm within 10 s."), result);
        Assert.Equal(0, listener.Statistics.Confirmations);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
