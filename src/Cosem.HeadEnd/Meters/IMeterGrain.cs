using Cosem.HeadEnd.Push;
using Orleans.Concurrency;

namespace Cosem.HeadEnd.Meters;

/// <summary>
/// One meter, as an Orleans grain keyed by <see cref="MeterSettings.MeterId"/>. Reads run on a durable reminder
/// (every <see cref="MeterSettings.ReadInterval"/>), so a meter whose silo stops is read by another silo; a failed
/// attempt is retried with exponential back-off and jitter until the read succeeds or the attempts of the cycle are
/// spent, and the failure state is kept for <see cref="GetStatusAsync"/>.
/// </summary>
[Alias("Cosem.HeadEnd.IMeterGrain")]
public interface IMeterGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="settings"/> and starts (or re-times) the read schedule; the first read follows
    /// within <see cref="Hosting.HeadEndOptions.FirstReadSpread"/>.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(MeterSettings settings);

    /// <summary>Starts the schedule from the meter catalog's settings when the grain has none of its own; false when
    /// the catalog does not know the meter either.</summary>
    [Alias("Start")]
    Task<bool> StartAsync();

    /// <summary>One read attempt now, waiting for a connection slot; the outcome also updates the failure state.</summary>
    [Alias("ReadNow")]
    Task<MeterStatus> ReadNowAsync();

    /// <summary>The current status; answered between the turns of a read (it never waits for one).</summary>
    [AlwaysInterleave, Alias("GetStatus")]
    Task<MeterStatus> GetStatusAsync();

    /// <summary>The settings the grain runs with (its own, else the catalog's), or null when it has none; answered
    /// between the turns of a read. The push listener finds the meter's key name here.</summary>
    [AlwaysInterleave, Alias("GetSettings")]
    Task<MeterSettings?> GetSettingsAsync();

    /// <summary>A push notification from this meter (routed by system title); reads the meter when
    /// <see cref="MeterSettings.ReadOnPush"/> is set.</summary>
    [Alias("ReceivePush")]
    Task ReceivePushAsync(PushNotification notification);

    /// <summary>Stops the schedule and any pending retry; the state is kept.</summary>
    [Alias("Stop")]
    Task StopAsync();
}
