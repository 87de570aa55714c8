using System.Text.Json;

namespace Cosem.Sdk.Security;

/// <summary>
/// Invocation counters persisted in a JSON file, written atomically (temporary file, flush to disk, rename) so a
/// crash leaves either the old or the new state. To avoid a disk write per APDU the store reserves counters in
/// blocks: it persists a high-water mark <see cref="ReservationSize"/> ahead and hands out values below it from
/// memory; after a restart it continues from the mark, skipping the unused rest of the block, which keeps every
/// counter strictly increasing. Thread-safe within a process; one process per file.
/// </summary>
public sealed class FileInvocationCounterStore : IInvocationCounterStore, IDisposable
{
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ulong> _next = new(StringComparer.Ordinal);
    private Dictionary<string, ulong>? _persisted;

    /// <param name="path">The counter file; created on first use.</param>
    /// <param name="reservationSize">Counters reserved per disk write (1 writes on every call).</param>
    public FileInvocationCounterStore(string path, uint reservationSize = 100)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfZero(reservationSize);
        _path = Path.GetFullPath(path);
        ReservationSize = reservationSize;
    }

    /// <summary>Counters reserved per disk write (default 100); a restart skips at most this many unused
    /// values.</summary>
    public uint ReservationSize { get; }

    /// <inheritdoc/>
    /// <exception cref="CosemSecurityException">The file cannot be read or written
    /// (<see cref="SecurityFailure.CounterStoreFailure"/>), or the counter is exhausted.</exception>
    public async ValueTask<uint> NextAsync(string counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var persisted = await LoadAsync(cancellationToken).ConfigureAwait(false);
            // The persisted mark is the lowest value not yet reserved; a fresh process may have used anything below it.
            var mark = persisted.GetValueOrDefault(counterId, 1UL);
            var next = _next.TryGetValue(counterId, out var inMemory) ? inMemory : mark;
            if (next > uint.MaxValue)
            {
                throw InvocationCounters.Exhausted(counterId);
            }
            if (next >= mark)
            {
                // Block used up: persist a new mark before handing out anything below it.
                await SaveAsync(counterId, Math.Min(next + ReservationSize, (ulong)uint.MaxValue + 1), cancellationToken).ConfigureAwait(false);
            }
            _next[counterId] = next + 1;
            return (uint)next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask AdvancePastAsync(string counterId, uint lastUsed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var persisted = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var wanted = (ulong)lastUsed + 1;
            var mark = persisted.GetValueOrDefault(counterId, 1UL);
            var current = _next.TryGetValue(counterId, out var inMemory) ? inMemory : mark;
            if (current >= wanted)
            {
                return;
            }
            _next[counterId] = wanted;
            if (mark < wanted)
            {
                await SaveAsync(counterId, wanted, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask ResetAsync(string counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counterId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            _next.Remove(counterId);
            await SaveAsync(counterId, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the internal lock. The file needs no closing: it is opened only while read or
    /// written.</summary>
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"FileInvocationCounterStore({_path}, reservation {ReservationSize})";

    private async ValueTask<Dictionary<string, ulong>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_persisted is not null)
        {
            return _persisted;
        }
        try
        {
            if (!File.Exists(_path))
            {
                return _persisted = new Dictionary<string, ulong>(StringComparer.Ordinal);
            }
            await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            var loaded = await JsonSerializer.DeserializeAsync(stream, InvocationCounterJsonContext.Default.DictionaryStringUInt64, cancellationToken)
                .ConfigureAwait(false);
            return _persisted = new Dictionary<string, ulong>(loaded ?? [], StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CosemSecurityException(SecurityFailure.CounterStoreFailure,
                $"The invocation counter file \"{_path}\" cannot be read: {ex.Message}", ex);
        }
    }

    // Writes the whole map with one entry changed (or removed when mark is null), atomically.
    private async ValueTask SaveAsync(string counterId, ulong? mark, CancellationToken cancellationToken)
    {
        var updated = new Dictionary<string, ulong>(_persisted!, StringComparer.Ordinal);
        if (mark is { } value)
        {
            updated[counterId] = value;
        }
        else
        {
            updated.Remove(counterId);
        }
        var temporary = _path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await JsonSerializer.SerializeAsync(stream, updated, InvocationCounterJsonContext.Default.DictionaryStringUInt64, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CosemSecurityException(SecurityFailure.CounterStoreFailure,
                $"The invocation counter file \"{_path}\" cannot be written: {ex.Message}", ex);
        }
        _persisted = updated;
    }
}
