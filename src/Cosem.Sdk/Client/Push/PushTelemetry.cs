using System.Diagnostics.Metrics;
using Cosem.Sdk.Diagnostics;

namespace Cosem.Sdk.Client;

/// <summary>The <c>cosem.push.notifications</c> counter on the SDK's meter.</summary>
internal static class PushTelemetry
{
    private static readonly Counter<long> s_notifications = CosemTelemetry.Meter.CreateCounter<long>(
        "cosem.push.notifications", "{notification}", "Pushed notifications a listener delivered or refused, by outcome and refusal reason.");

    public static void Delivered()
    {
        if (s_notifications.Enabled)
        {
            s_notifications.Add(1, new KeyValuePair<string, object?>("cosem.outcome", "delivered"));
        }
    }

    public static void Rejected(PushRejectionReason reason)
    {
        if (s_notifications.Enabled)
        {
            s_notifications.Add(1, new KeyValuePair<string, object?>("cosem.outcome", "rejected"),
                new KeyValuePair<string, object?>("cosem.refusal.reason", reason.ToString()));
        }
    }
}
