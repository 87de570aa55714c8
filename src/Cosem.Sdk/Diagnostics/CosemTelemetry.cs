using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Cosem.Sdk.Diagnostics;

/// <summary>
/// The SDK's metrics and traces, named after the OpenTelemetry conventions: subscribe to the meter and the activity
/// source named <see cref="Name"/> (e.g. <c>AddMeter("Cosem.Sdk")</c>, <c>AddSource("Cosem.Sdk")</c>). Instruments cost
/// nothing while nobody listens.
/// </summary>
/// <remarks>
/// Instruments: <c>cosem.client.requests</c>, <c>cosem.client.request.duration</c>, <c>cosem.server.requests</c>,
/// <c>cosem.server.request.duration</c> (tags <c>cosem.service</c>, <c>cosem.outcome</c>), <c>cosem.transport.io</c>
/// (bytes, tag <c>network.io.direction</c>), <c>cosem.server.active_associations</c>, <c>cosem.server.refusals</c>
/// (tag <c>cosem.refusal.reason</c>) and <c>cosem.protection.failures</c> (tags <c>cosem.side</c>,
/// <c>cosem.refusal.reason</c>). Spans: <c>cosem.associate</c> and <c>cosem.request</c> on the client,
/// <c>cosem.server.request</c> on the server.
/// </remarks>
public static class CosemTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>Cosem.Sdk</c>.</summary>
    public const string Name = "Cosem.Sdk";

    private static readonly string? s_version = typeof(CosemTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>The meter every SDK instrument belongs to.</summary>
    public static Meter Meter { get; } = new(Name, s_version);

    /// <summary>The source of the SDK's spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, s_version);

    internal static readonly Counter<long> ClientRequests = Meter.CreateCounter<long>(
        "cosem.client.requests", "{request}", "Request/response exchanges the client made, by service and outcome.");

    internal static readonly Histogram<double> ClientRequestDuration = Meter.CreateHistogram<double>(
        "cosem.client.request.duration", "s", "Time from sending a request to its answer, by service and outcome.");

    internal static readonly Counter<long> ServerRequests = Meter.CreateCounter<long>(
        "cosem.server.requests", "{request}", "APDUs the server served, by service and outcome.");

    internal static readonly Histogram<double> ServerRequestDuration = Meter.CreateHistogram<double>(
        "cosem.server.request.duration", "s", "Time the server took to answer one APDU, by service and outcome.");

    internal static readonly Counter<long> TransportIo = Meter.CreateCounter<long>(
        "cosem.transport.io", "By", "Frame bytes sent and received by every transport.");

    internal static readonly UpDownCounter<long> ActiveAssociations = Meter.CreateUpDownCounter<long>(
        "cosem.server.active_associations", "{association}", "Associations open on the server.");

    internal static readonly Counter<long> ServerRefusals = Meter.CreateCounter<long>(
        "cosem.server.refusals", "{refusal}", "Refused connections, associations and requests, by reason.");

    internal static readonly Counter<long> ProtectionFailures = Meter.CreateCounter<long>(
        "cosem.protection.failures", "{failure}", "APDUs that failed deciphering, verification or the counter check.");

    /// <summary>Tag names, as constants so callers allocate nothing.</summary>
    internal const string ServiceTag = "cosem.service";
    internal const string OutcomeTag = "cosem.outcome";
    internal const string ReasonTag = "cosem.refusal.reason";
    internal const string SideTag = "cosem.side";
    internal const string DirectionTag = "network.io.direction";

    /// <summary>Counts frame bytes; <paramref name="sent"/> picks the direction.</summary>
    internal static void RecordIo(int bytes, bool sent)
    {
        if (TransportIo.Enabled)
        {
            TransportIo.Add(bytes, new KeyValuePair<string, object?>(DirectionTag, sent ? "transmit" : "receive"));
        }
    }

    /// <summary>Records one request of a side with its duration since <paramref name="startTimestamp"/>.</summary>
    internal static void RecordRequest(Counter<long> requests, Histogram<double> duration, string service, string outcome, long startTimestamp)
    {
        if (!requests.Enabled && !duration.Enabled)
        {
            return;
        }
        var tags = new TagList { { ServiceTag, service }, { OutcomeTag, outcome } };
        requests.Add(1, tags);
        duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }
}
