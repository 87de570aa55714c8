using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
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

    private ApduDecryptor? _keys;
    private Translators _sent = Translators.Plain;
    private Translators _received = Translators.Plain;

    /// <summary>
    /// Decrypts ciphered APDUs in the XML when the connection's keys are known; null shows them ciphered. Its system
    /// title is the studio's own, the sender of what it sent; what the meter sent is opened with the meter's title,
    /// learned from the AARE's responding-AP-title as it is logged (until then the AARE's own AP-title is used).
    /// </summary>
    public ApduDecryptor? Decryptor
    {
        get => _keys;
        set
        {
            lock (_lock)
            {
                _keys = value;
                _sent = Translators.With(value);
                _received = Translators.With(value is null ? null : WithSystemTitle(value, null));
            }
        }
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
            if (!sent && _keys is not null && layer == "APDU" && hex.StartsWith("61", StringComparison.Ordinal))
            {
                LearnMeterTitle(hex);
            }
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
            Translators translators;
            lock (_lock)
            {
                translators = entry.Sent ? _sent : _received;
            }
            return (entry.IsApdu ? translators.Apdus : translators.Frames).ToXml(bytes);
        }
        catch (Exception e) when (e is FormatException or Cosem.Sdk.CosemException or PduTextException or ArgumentException)
        {
            return $"<!-- not decoded: {System.Security.SecurityElement.Escape(e.Message)} -->";
        }
    }

    // Called under the lock with an AARE's hex: its responding-AP-title is the meter's system title, the sender of
    // every glo- APDU it answers with. A masked or undecodable AARE leaves the title as it was.
    private void LearnMeterTitle(string hex)
    {
        try
        {
            if (ApduDecoder.Decode(Convert.FromHexString(hex)) is AareApdu { RespondingApTitle: { Length: SystemTitle.Length } title })
            {
                _received = Translators.With(WithSystemTitle(_keys!, new SystemTitle(title.Span)));
            }
        }
        catch (Exception e) when (e is FormatException or Cosem.Sdk.CosemException)
        {
            // Not an AARE the translator could show either; the XML of that entry says why.
        }
    }

    private static ApduDecryptor WithSystemTitle(ApduDecryptor keys, SystemTitle? title) => new()
    {
        BlockCipherKey = keys.BlockCipherKey,
        BroadcastKey = keys.BroadcastKey,
        AuthenticationKey = keys.AuthenticationKey,
        DedicatedKey = keys.DedicatedKey,
        Keyring = keys.Keyring,
        SystemTitle = title,
    };

    /// <summary>The APDU and link-frame translators of one direction, with that direction's decryptor.</summary>
    private sealed record Translators(PduTranslator Apdus, PduTranslator Frames)
    {
        public static Translators Plain { get; } = new(PduTranslator.Default, new PduTranslator(StandardFrameCodecs.All));

        public static Translators With(ApduDecryptor? decryptor) => decryptor is null
            ? Plain
            : new(new PduTranslator([], decryptor), new PduTranslator(StandardFrameCodecs.All, decryptor));
    }
}
