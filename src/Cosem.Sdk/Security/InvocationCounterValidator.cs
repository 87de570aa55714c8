using System.Collections.Concurrent;

namespace Cosem.Sdk.Security;

/// <summary>
/// Server-side replay protection (IEC 62056-5-3 §9.2.3.3.8): per client system title, an invocation counter is
/// accepted only if it is greater than the last one accepted. Thread-safe and lock-free.
/// </summary>
/// <remarks>
/// Call <see cref="EnsureFresh"/> before decrypting (cheap rejection of replays) and <see cref="Accept"/> only after
/// the tag verified, so forged APDUs with high counters cannot push the window forward and lock a client out.
/// <see cref="Accept"/> re-checks atomically, so two concurrent APDUs with the same counter cannot both pass.
/// </remarks>
public sealed class InvocationCounterValidator
{
    private readonly ConcurrentDictionary<SystemTitle, uint> _lastAccepted = new();

    /// <summary>Throws <see cref="CosemSecurityException"/> if <paramref name="invocationCounter"/> is not above the last accepted one.</summary>
    public void EnsureFresh(SystemTitle client, uint invocationCounter)
    {
        if (_lastAccepted.TryGetValue(client, out var last) && invocationCounter <= last)
        {
            throw Replayed(client, invocationCounter, last);
        }
    }

    /// <summary>Records <paramref name="invocationCounter"/> as the newest from <paramref name="client"/>, or throws if it is not newer.</summary>
    public void Accept(SystemTitle client, uint invocationCounter)
    {
        while (true)
        {
            if (!_lastAccepted.TryGetValue(client, out var last))
            {
                if (_lastAccepted.TryAdd(client, invocationCounter))
                {
                    return;
                }
                continue;
            }
            if (invocationCounter <= last)
            {
                throw Replayed(client, invocationCounter, last);
            }
            if (_lastAccepted.TryUpdate(client, invocationCounter, last))
            {
                return;
            }
        }
    }

    /// <summary>Like <see cref="Accept"/> but returns false instead of throwing.</summary>
    public bool TryAccept(SystemTitle client, uint invocationCounter)
    {
        try
        {
            Accept(client, invocationCounter);
            return true;
        }
        catch (CosemSecurityException)
        {
            return false;
        }
    }

    /// <summary>The last counter accepted from <paramref name="client"/>, or null if none yet.</summary>
    public uint? LastAccepted(SystemTitle client) => _lastAccepted.TryGetValue(client, out var last) ? last : null;

    /// <summary>
    /// Sets the floor for <paramref name="client"/>, e.g. restored from persistent storage at start-up; the next
    /// accepted counter must exceed it.
    /// </summary>
    public void Restore(SystemTitle client, uint lastAccepted) => _lastAccepted[client] = lastAccepted;

    /// <summary>Forgets <paramref name="client"/>'s counter; only after the key it protects has been replaced.</summary>
    public void Reset(SystemTitle client) => _lastAccepted.TryRemove(client, out _);

    private static CosemSecurityException Replayed(SystemTitle client, uint counter, uint last) =>
        new(SecurityFailure.ReplayedInvocationCounter,
            $"Invocation counter {counter:X8} from {client} is not above the last accepted {last:X8}: replayed or stale APDU.");
}
