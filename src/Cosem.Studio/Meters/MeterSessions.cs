using System.Collections.Concurrent;
using Cosem.Studio.Connections;

namespace Cosem.Studio.Meters;

/// <summary>
/// The meters open in this studio, several at once, shared by every browser tab (the studio is a local, single-user
/// tool bound to 127.0.0.1). Bounded to <see cref="MaxOpen"/> connections.
/// </summary>
public sealed class MeterSessions : IAsyncDisposable
{
    /// <summary>Connections open at once.</summary>
    public const int MaxOpen = 32;

    private readonly ConcurrentDictionary<string, MeterSession> _open = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>Raised when a meter is opened or closed.</summary>
    public event Action? Changed;

    /// <summary>The open meters, oldest first.</summary>
    public IReadOnlyList<MeterSession> Open => [.. _open.Values.OrderBy(s => s.OpenedAt)];

    /// <summary>The open meter with <paramref name="id"/>, or null.</summary>
    public MeterSession? Find(string? id) => id is not null && _open.TryGetValue(id, out var session) ? session : null;

    /// <summary>Connects and associates; the new session is listed once the association is established.</summary>
    public async Task<MeterSession> OpenAsync(ConnectionSettings settings, ConnectionSecrets secrets, CancellationToken cancellationToken)
    {
        if (_open.Count >= MaxOpen)
        {
            throw new InvalidOperationException($"{MaxOpen} meters are open already; close one first.");
        }
        var id = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var session = await MeterSession.OpenAsync(id, settings with { }, secrets, cancellationToken);
        _open[id] = session;
        Changed?.Invoke();
        return session;
    }

    /// <summary>Releases the association and closes the connection.</summary>
    public async Task CloseAsync(string id)
    {
        if (_open.TryRemove(id, out var session))
        {
            await session.DisposeAsync();
            Changed?.Invoke();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _open.Keys.ToArray())
        {
            await CloseAsync(id);
        }
    }
}
