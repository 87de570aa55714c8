using System.Diagnostics;

namespace Cosem.Sdk.Server;

/// <summary>
/// The two time limits of one connection: <see cref="CosemServerOptions.IdleTimeout"/> counted from the last useful
/// request (not from the last frame, so trickled empty frames keep nothing open), and
/// <see cref="CosemServerOptions.AssociationTimeout"/> counted from the opening until an association is completed.
/// </summary>
internal sealed class SessionDeadlines(TimeSpan idleTimeout, TimeSpan associationTimeout)
{
    private readonly long _opened = Stopwatch.GetTimestamp();
    private long _lastUseful = Stopwatch.GetTimestamp();

    /// <summary>Whether no association has been completed yet, so the association time-out still runs.</summary>
    public bool InAssociationPhase { get; private set; } = associationTimeout != Timeout.InfiniteTimeSpan;

    /// <summary>Restarts the inactivity time-out.</summary>
    public void UsefulRequest() => _lastUseful = Stopwatch.GetTimestamp();

    /// <summary>Stops the association time-out for good: later silences only meet the inactivity time-out.</summary>
    public void AssociationCompleted() => InAssociationPhase = false;

    /// <summary>
    /// Time left before the nearer limit (<see cref="Timeout.InfiniteTimeSpan"/> when none runs; zero or less when
    /// passed) and the <see cref="RefusalReasons"/> key of that limit.
    /// </summary>
    public (TimeSpan Remaining, string Reason) Next()
    {
        var idle = idleTimeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : idleTimeout - Stopwatch.GetElapsedTime(_lastUseful);
        if (!InAssociationPhase)
        {
            return (idle, RefusalReasons.InactivityTimeout);
        }
        var association = associationTimeout - Stopwatch.GetElapsedTime(_opened);
        return idle == Timeout.InfiniteTimeSpan || association <= idle
            ? (association, RefusalReasons.AssociationTimeout)
            : (idle, RefusalReasons.InactivityTimeout);
    }
}
