using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Frames;

namespace Cosem.Studio.Meters;

/// <summary>One APDU or link frame the client sent or received, as traced by the SDK (secrets already masked).</summary>
/// <param name="Number">Running number within the connection.</param>
/// <param name="Time">When it was traced.</param>
/// <param name="Sent">True for what the studio sent, false for what it received.</param>
/// <param name="Layer">"APDU" or the transport's name for a frame ("wrapper", "hdlc", …).</param>
/// <param name="Hex">The bytes as hex.</param>
public sealed record FrameEntry(long Number, DateTimeOffset Time, bool Sent, string Layer, string Hex)
{
    /// <summary>Whether this entry is a whole APDU (rather than a link frame).</summary>
    public bool IsApdu => Layer == "APDU";
}

/// <summary>
/// The frames of one connection, newest last, bounded to <see cref="Capacity"/> entries (the oldest go first), so a
/// long session cannot make the studio hold unbounded memory.
/// </summary>
public sealed class FrameLog
{
    /// <summary>Entries kept per connection.</summary>
    public const int Capacity = 2000;

    private readonly Queue<FrameEntry> _entries = new();
    private readonly Lock _lock = new();
    private long _next;

    /// <summary>Raised after an entry is added (on the thread that traced it).</summary>
    public event Action? Changed;

    private PduTranslator _apdus = PduTranslator.Default;
    private PduTranslator _frames = new(StandardFrameCodecs.All);

    /// <summary>Decrypts ciphered APDUs in the XML when the connection's keys are known; null shows them ciphered.</summary>
    public IPayloadDecryptor? Decryptor
    {
        get => _apdus.Decryptor;
        set => (_apdus, _frames) = (new PduTranslator([], value), new PduTranslator(StandardFrameCodecs.All, value));
    }

    /// <summary>A copy of the entries, oldest first.</summary>
    public IReadOnlyList<FrameEntry> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }

    /// <summary>How many entries were ever added.</summary>
    public long Total => Interlocked.Read(ref _next);

    /// <summary>Adds one traced entry.</summary>
    public void Add(bool sent, string layer, string hex)
    {
        lock (_lock)
        {
            _entries.Enqueue(new FrameEntry(++_next, DateTimeOffset.Now, sent, layer, hex));
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }
        Changed?.Invoke();
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// The translator's XML for an entry; masked secret bytes (the trace's "**") or an undecodable PDU give a comment
    /// saying why instead of an exception.
    /// </summary>
    public string ToXml(FrameEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Hex.Contains('*', StringComparison.Ordinal))
        {
            return "<!-- this PDU carries a secret; the studio masks it in every trace, so it is not decoded -->";
        }
        try
        {
            var bytes = Convert.FromHexString(entry.Hex);
            return (entry.IsApdu ? _apdus : _frames).ToXml(bytes);
        }
        catch (Exception e) when (e is FormatException or Cosem.Sdk.CosemException or PduTextException or ArgumentException)
        {
            return $"<!-- not decoded: {System.Security.SecurityElement.Escape(e.Message)} -->";
        }
    }
}
