namespace Cosem.HeadEnd.Push;

/// <summary>
/// Hands a push notification to the grain of the meter that sent it, found by system title. A push listener calls
/// it for every notification it receives.
/// </summary>
public interface IPushRouter
{
    /// <summary>Routes <paramref name="notification"/>; false when no configured meter has its system title.</summary>
    Task<bool> RouteAsync(PushNotification notification, CancellationToken cancellationToken = default);
}
