using System.Diagnostics.CodeAnalysis;

namespace Cosem.Sdk.Translation;

/// <summary>
/// Extension point through which a transport (HDLC, the TCP/UDP wrapper) lets the translator see the frame
/// around an APDU. The translator asks each registered codec, in order, before it treats the input as a bare
/// APDU; the frame becomes the root element, its header fields the attributes, the APDU its child.
/// </summary>
/// <remarks>
/// Translating back, the translator re-encodes the APDU and hands it with the (possibly edited) header fields
/// to <see cref="Wrap"/>, so a codec recomputes lengths and check sequences itself. A codec throws a
/// <see cref="CosemException"/> for fields it cannot use.
/// </remarks>
public interface IFrameCodec
{
    /// <summary>Element name of the frame in XML and JSON, e.g. "HdlcFrame"; must not be an APDU name.</summary>
    string ElementName { get; }

    /// <summary>True if <paramref name="input"/> is exactly one whole frame of this kind.</summary>
    bool TryUnwrap(ReadOnlySpan<byte> input, [NotNullWhen(true)] out FrameParts? frame);

    /// <summary>The frame bytes for these header fields around <paramref name="payload"/>.</summary>
    byte[] Wrap(IReadOnlyList<KeyValuePair<string, string>> fields, ReadOnlySpan<byte> payload);
}
