namespace Cosem.Sdk.Translation.Frames;

/// <summary>
/// The frame codecs of the DLMS/COSEM transports, in the order a translator should try them before it takes its
/// input as a bare APDU: HDLC (a frame starts and ends with the 7E flag), then the TCP/UDP wrapper.
/// </summary>
/// <example><code>
/// var translator = new PduTranslator(StandardFrameCodecs.All);
/// </code></example>
public static class StandardFrameCodecs
{
    /// <summary><see cref="HdlcFrameCodec"/> then <see cref="WrapperFrameCodec"/>; what <c>cosem translate</c> uses.</summary>
    public static IReadOnlyList<IFrameCodec> All { get; } = [HdlcFrameCodec.Instance, WrapperFrameCodec.Instance];
}
