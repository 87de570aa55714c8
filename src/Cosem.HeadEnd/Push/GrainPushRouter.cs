using Cosem.HeadEnd.Meters;

namespace Cosem.HeadEnd.Push;

/// <summary>Routes pushes through the system-title index grain to the meter grain; usable in a silo or a client.</summary>
public sealed class GrainPushRouter : IPushRouter
{
    private readonly IGrainFactory _grains;

    /// <summary>A router over <paramref name="grains"/> (the silo's or a cluster client's grain factory).</summary>
    public GrainPushRouter(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
    }

    /// <summary>The grain key of a system title: its 8 bytes as 16 upper-case hex digits.</summary>
    public static string SystemTitleKey(ReadOnlySpan<byte> systemTitle) => Convert.ToHexString(systemTitle);

    /// <inheritdoc/>
    public async Task<bool> RouteAsync(PushNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var key = SystemTitleKey(notification.SystemTitle);
        var meterId = await _grains.GetGrain<ISystemTitleGrain>(key).GetMeterIdAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (meterId is null)
        {
            return false;
        }
        await _grains.GetGrain<IMeterGrain>(meterId).ReceivePushAsync(notification).WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
