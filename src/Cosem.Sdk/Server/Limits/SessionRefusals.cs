namespace Cosem.Sdk.Server;

/// <summary>
/// What one session hands the code that refuses things (<see cref="RequestRefusal"/>, the association negotiator):
/// the server's <see cref="RefusalLog"/>, this session's number and its remote address, so a refusal is counted
/// and logged under the right address without the refusing code knowing the connection.
/// </summary>
internal sealed class SessionRefusals(RefusalLog log, long session, string remote)
{
    /// <summary>The session number the log lines carry.</summary>
    public long Session => session;

    /// <summary>The remote address (without port) the rate limit is keyed on, or a description of the channel.</summary>
    public string Remote => remote;

    /// <summary>Counts a refusal with <paramref name="reason"/> (a <see cref="RefusalReasons"/> key); <paramref name="detail"/> may be logged.</summary>
    public void Record(string reason, string detail) => log.Record(remote, session, reason, detail);

    /// <summary>Counts a refusal with <paramref name="reason"/> that the caller reports otherwise (a time-out closing the session).</summary>
    public void Count(string reason) => log.Increment(reason);

    /// <summary>Logs this address's counted but unlogged refusals.</summary>
    public void Flush() => log.Flush(remote);
}
