namespace Cosem.Sdk.Translation;

/// <summary>
/// A recognised frame: the header and trailer fields to show (name and text value, e.g. "Destination" = "1"),
/// enough for <see cref="IFrameCodec.Wrap"/> to rebuild the frame, and the payload it carries (an APDU, a
/// segment of one, or nothing).
/// </summary>
public sealed record FrameParts(IReadOnlyList<KeyValuePair<string, string>> Fields, ReadOnlyMemory<byte> Payload);
