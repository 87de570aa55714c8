using Cosem.Sdk.Apdu.Translation;

namespace Cosem.Cli.Commands;

/// <summary>
/// The transport frame codecs (HDLC, TCP/UDP wrapper) that <c>cosem translate</c> tries before taking its
/// input as a bare APDU. Transports register theirs here.
/// </summary>
public static class FrameCodecs
{
    public static IReadOnlyList<IFrameCodec> All { get; } = [];
}
