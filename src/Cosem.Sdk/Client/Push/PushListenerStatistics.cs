namespace Cosem.Sdk.Client;

/// <summary>
/// Running counts of a push listener (or decoder): APDUs received, notifications delivered, and refusals by reason.
/// Thread-safe; read at any time. The same events are published as the <c>cosem.push.notifications</c> metric
/// (tags <c>cosem.outcome</c>, <c>cosem.refusal.reason</c>).
/// </summary>
public sealed class PushListenerStatistics
{
    private readonly long[] _rejected = new long[Enum.GetValues<PushRejectionReason>().Length];
    private long _received;
    private long _delivered;
    private long _connections;
    private long _openConnections;
    private long _confirmed;

    /// <summary>APDUs handed to the decoder.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Notifications opened, checked and decoded.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Refusals of every reason, connection-limit closures included.</summary>
    public long Rejected
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _rejected.Length; i++)
            {
                total += Interlocked.Read(ref _rejected[i]);
            }
            return total;
        }
    }

    /// <summary>Connections (TCP connections, UDP peers) accepted since the start.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Connections open now.</summary>
    public long OpenConnections => Interlocked.Read(ref _openConnections);

    /// <summary>Confirmed DataNotifications answered with a data-notification-confirm.</summary>
    public long Confirmations => Interlocked.Read(ref _confirmed);

    /// <summary>Refusals for <paramref name="reason"/>.</summary>
    public long RejectedFor(PushRejectionReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    /// <summary>Every count on one line; for logs and the CLI's summary.</summary>
    public override string ToString()
    {
        var reasons = string.Join(", ", Enum.GetValues<PushRejectionReason>().Where(r => RejectedFor(r) > 0).Select(r => $"{r} {RejectedFor(r)}"));
        return $"{Delivered} delivered, {Rejected} rejected{(reasons.Length > 0 ? $" ({reasons})" : "")}, {Connections} connections";
    }

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountDelivered() => Interlocked.Increment(ref _delivered);

    internal void Confirmed() => Interlocked.Increment(ref _confirmed);

    internal void CountRejected(PushRejectionReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    internal void ConnectionOpened()
    {
        Interlocked.Increment(ref _connections);
        Interlocked.Increment(ref _openConnections);
    }

    internal void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);
}
