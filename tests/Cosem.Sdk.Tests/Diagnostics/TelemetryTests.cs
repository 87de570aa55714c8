using System.Diagnostics;
using Cosem.Sdk.Diagnostics;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.EndToEnd;
using Cosem.Sdk.Tests.Server;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Cosem.Sdk.Tests.Diagnostics;

/// <summary>
/// The SDK's instruments and spans report what happened, with the OpenTelemetry-style names and tags documented on
/// <see cref="CosemTelemetry"/>. The meter is process-wide and tests run in parallel, so assertions look for this
/// test's measurements among others rather than counting all of them.
/// </summary>
public class TelemetryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_get_is_counted_and_timed_on_both_sides_with_its_bytes(bool hdlc)
    {
        using var clientRequests = new MetricCollector<long>(CosemTelemetry.Meter, "cosem.client.requests");
        using var clientDuration = new MetricCollector<double>(CosemTelemetry.Meter, "cosem.client.request.duration");
        using var serverRequests = new MetricCollector<long>(CosemTelemetry.Meter, "cosem.server.requests");
        using var io = new MetricCollector<long>(CosemTelemetry.Meter, "cosem.transport.io");
        using var associations = new MetricCollector<long>(CosemTelemetry.Meter, "cosem.server.active_associations");

        await using var meter = await LoopbackMeter.StartAsync();
        await using (var client = await meter.ConnectPublicAsync(hdlc))
        {
            await new Clock.Proxy(client, LoopbackMeter.ClockName).GetTimeAsync();
            await client.ReleaseAsync();
        }

        Assert.Contains(clientRequests.GetMeasurementSnapshot(), m => Tags(m.Tags) == "get-request/ok" && m.Value == 1);
        Assert.Contains(clientRequests.GetMeasurementSnapshot(), m => Tags(m.Tags) == "aarq/ok");
        Assert.Contains(clientDuration.GetMeasurementSnapshot(), m => Tags(m.Tags) == "get-request/ok" && m.Value is > 0 and < 30);
        Assert.Contains(serverRequests.GetMeasurementSnapshot(), m => Tags(m.Tags) == "get-request/ok");
        Assert.Contains(serverRequests.GetMeasurementSnapshot(), m => Tags(m.Tags) == "rlrq/ok");
        Assert.Contains(io.GetMeasurementSnapshot(), m => Equals(m.Tags["network.io.direction"], "transmit") && m.Value > 0);
        Assert.Contains(io.GetMeasurementSnapshot(), m => Equals(m.Tags["network.io.direction"], "receive") && m.Value > 0);
        Assert.Contains(associations.GetMeasurementSnapshot(), m => m.Value == 1);  // the AARQ opened one
        Assert.Contains(associations.GetMeasurementSnapshot(), m => m.Value == -1); // the RLRQ closed it
    }

    [Fact]
    public async Task A_request_without_an_association_is_a_refusal_by_reason()
    {
        using var refusals = new MetricCollector<long>(CosemTelemetry.Meter, "cosem.server.refusals");
        using var serverRequests = new MetricCollector<long>(CosemTelemetry.Meter, "cosem.server.requests");
        await using var harness = new ServerHarness();
        await using var raw = await harness.ConnectAsync();

        var answer = await raw.RequestAsync("C001C1000100006001FF0200"); // GET of a Data value, no AARQ first

        Assert.Equal(0xD8, answer[0]); // EXCEPTION-Response
        Assert.Contains(refusals.GetMeasurementSnapshot(), m => Equals(m.Tags["cosem.refusal.reason"], "operation-not-possible"));
        Assert.Contains(serverRequests.GetMeasurementSnapshot(), m => Tags(m.Tags) == "get-request/refused");
    }

    [Fact]
    public async Task Associations_and_requests_are_spans_with_their_service_and_outcome()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CosemTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var meter = await LoopbackMeter.StartAsync();
        await using (var client = await meter.ConnectPublicAsync(hdlc: false))
        {
            await new Clock.Proxy(client, LoopbackMeter.ClockName).GetTimeAsync();
        }

        var stopped = spans.ToArray();
        // The association span (other tests' spans may be here too) holds the AARQ exchange as its child.
        Assert.Contains(stopped, a => a.OperationName == "cosem.associate" && a.Kind == ActivityKind.Client
            && Equals(a.GetTagItem("cosem.client_sap"), 16) && stopped.Any(r => r.OperationName == "cosem.request" && r.ParentSpanId == a.SpanId
                && Equals(r.GetTagItem("cosem.service"), "aarq")));
        Assert.Contains(stopped, a => a.OperationName == "cosem.request" && Equals(a.GetTagItem("cosem.service"), "get-request")
            && Equals(a.GetTagItem("cosem.outcome"), "ok"));
        Assert.Contains(stopped, a => a.OperationName == "cosem.server.request" && a.Kind == ActivityKind.Server
            && Equals(a.GetTagItem("cosem.service"), "get-request"));
    }

    private static string Tags(IReadOnlyDictionary<string, object?> tags) => $"{tags["cosem.service"]}/{tags["cosem.outcome"]}";
}
