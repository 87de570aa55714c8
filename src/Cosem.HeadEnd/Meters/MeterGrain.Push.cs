using Cosem.HeadEnd.Push;
using Microsoft.Extensions.Logging;

namespace Cosem.HeadEnd.Meters;

/// <summary>Pushed values stored as readings: the same store and key as polled ones, so a push delivered twice, or a
/// value both pushed and polled at the same capture time, is stored once.</summary>
internal sealed partial class MeterGrain
{
    public Task<MeterSettings?> GetSettingsAsync() => Task.FromResult(_settings);

    private async Task StorePushAsync(MeterSettings settings, PushNotification notification)
    {
        if (!PushReadings.TryDecode(settings.MeterId, settings.PushObjects, notification, out var readings, out var error))
        {
            LogPushNotStored(logger, MeterId, error);
            return;
        }
        var stored = await runtime.Store.WriteAsync(readings, CancellationToken.None);
        state.State.PushReadingsStored += stored;
        state.State.ReadingsStored += stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {MeterId}: a push was counted but its values were not stored: {Error}")]
    private static partial void LogPushNotStored(ILogger logger, string meterId, string error);
}
