using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Frames;

namespace Cosem.Cli.Commands;

/// <summary>
/// The transport frame codecs (HDLC, TCP/UDP wrapper) that <c>cosem translate</c> tries, in order, before taking
/// its input as a bare APDU.
/// </summary>
public static class FrameCodecs
{
    public static IReadOnlyList<IFrameCodec> All { get; } = [HdlcFrameCodec.Instance, WrapperFrameCodec.Instance];
}
