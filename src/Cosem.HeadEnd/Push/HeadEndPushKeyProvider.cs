using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Security;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Microsoft.Extensions.Logging;

namespace Cosem.HeadEnd.Push;

/// <summary>
/// The push listener's keys, found by system title the way a push is routed: system title grain → meter grain
/// (its <see cref="MeterSettings.KeyName"/>) → <see cref="IMeterKeyStore"/>. The listener asks synchronously, so a
/// sender's first push waits for the look-up (bounded by <see cref="HeadEndPushListenerOptions.KeyLookupTimeout"/>)
/// and later ones hit a cache that is refreshed after <see cref="HeadEndPushListenerOptions.KeyCacheLifetime"/>;
/// unchanged material keeps its <see cref="CipheringKeys"/> instance so the listener keeps its ciphers. Unknown
/// senders are remembered too (at most <see cref="MaxUnknown"/> of them), so a peer sending random system titles
/// cannot make every datagram a grain call, nor grow the cache without bound. Logs name key names, never material.
/// </summary>
internal sealed partial class HeadEndPushKeyProvider(
    IGrainFactory grains, IMeterKeyStore keyStore, HeadEndPushListenerOptions options, ILogger logger) : IPushKeyProvider
{
    internal const int MaxUnknown = 4096;

    private readonly ConcurrentDictionary<SystemTitle, Entry> _cache = new();
    private int _unknown;

    public CipheringKeys? GetKeys(SystemTitle systemTitle)
    {
        var now = Environment.TickCount64;
        if (_cache.TryGetValue(systemTitle, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Keys;
        }
        MeterKeys? material;
        try
        {
            material = ResolveAsync(systemTitle).WaitAsync(options.KeyLookupTimeout).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is MeterKeyNotFoundException or MeterKeyFormatException)
        {
            LogKeysUnusable(logger, systemTitle.ToString(), ex.Message);    // the message names the key, never material
            material = null;
        }
        catch (TimeoutException)
        {
            LogLookupFailed(logger, systemTitle.ToString(), "timed out");
            return null;    // not cached: the next push tries again
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogLookupFailed(logger, systemTitle.ToString(), ex.GetType().Name);
            return null;
        }
        var keys = material is null ? null : Keys(systemTitle, material, cached);
        Remember(systemTitle, cached, new Entry(keys, material, now + (long)options.KeyCacheLifetime.TotalMilliseconds));
        return keys;
    }

    private async Task<MeterKeys?> ResolveAsync(SystemTitle systemTitle)
    {
        var meterId = await grains.GetGrain<ISystemTitleGrain>(GrainPushRouter.SystemTitleKey(systemTitle.ToArray())).GetMeterIdAsync().ConfigureAwait(false);
        if (meterId is null)
        {
            return null;
        }
        var settings = await grains.GetGrain<IMeterGrain>(meterId).GetSettingsAsync().ConfigureAwait(false);
        if (settings?.KeyName is not { Length: > 0 } keyName)
        {
            LogNoKeyName(logger, systemTitle.ToString(), meterId);
            return null;
        }
        return await keyStore.GetAsync(keyName).ConfigureAwait(false);
    }

    private CipheringKeys? Keys(SystemTitle systemTitle, MeterKeys material, Entry? cached)
    {
        if (cached is { Keys: { } previous, Material: { } before } && Same(before, material))
        {
            return previous;
        }
        if (material.GlobalUnicastKey.IsEmpty || material.AuthenticationKey.IsEmpty)
        {
            LogKeysUnusable(logger, systemTitle.ToString(), "the key store entry has no GlobalUnicastKey or AuthenticationKey.");
            return null;
        }
        try
        {
            return new CipheringKeys(SecuritySuite.Suite0, material.GlobalUnicastKey.Span, material.AuthenticationKey.Span, material.GlobalBroadcastKey.Span);
        }
        catch (CosemSecurityException ex)
        {
            LogKeysUnusable(logger, systemTitle.ToString(), ex.Message);    // names the wrong length, not the key
            return null;
        }
    }

    private void Remember(SystemTitle systemTitle, Entry? previous, Entry entry)
    {
        var wasUnknown = previous is { Keys: null };
        if (entry.Keys is null && !wasUnknown)
        {
            if (Interlocked.Increment(ref _unknown) > MaxUnknown)
            {
                Interlocked.Decrement(ref _unknown);
                _cache.TryRemove(systemTitle, out _);
                return;
            }
        }
        else if (entry.Keys is not null && wasUnknown)
        {
            Interlocked.Decrement(ref _unknown);
        }
        _cache[systemTitle] = entry;
    }

    private static bool Same(MeterKeys a, MeterKeys b) =>
        CryptographicOperations.FixedTimeEquals(a.GlobalUnicastKey.Span, b.GlobalUnicastKey.Span)
        && CryptographicOperations.FixedTimeEquals(a.AuthenticationKey.Span, b.AuthenticationKey.Span)
        && CryptographicOperations.FixedTimeEquals(a.GlobalBroadcastKey.Span, b.GlobalBroadcastKey.Span);

    private sealed record Entry(CipheringKeys? Keys, MeterKeys? Material, long ExpiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push from system title {SystemTitle}: the meter's keys cannot be used: {Problem}")]
    private static partial void LogKeysUnusable(ILogger logger, string systemTitle, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push from system title {SystemTitle}: the key look-up failed ({Failure}); the push is refused")]
    private static partial void LogLookupFailed(ILogger logger, string systemTitle, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push from system title {SystemTitle}: meter {MeterId} has no key name, so its ciphered pushes cannot be opened")]
    private static partial void LogNoKeyName(ILogger logger, string systemTitle, string meterId);
}
