using System.Diagnostics.CodeAnalysis;
using Cosem.Sdk.Transport.Wrapper;
using static Cosem.Sdk.Translation.Frames.FrameFields;

namespace Cosem.Sdk.Translation.Frames;

/// <summary>Lets the PDU translator show and rebuild TCP/UDP wrapper frames (IEC 62056-47 §5.2).</summary>
public sealed class WrapperFrameCodec : IFrameCodec
{
    /// <summary>The codec; it holds no state, so one instance serves every translator.</summary>
    public static WrapperFrameCodec Instance { get; } = new();

    /// <inheritdoc/>
    public string ElementName => "WrapperFrame";

    /// <inheritdoc/>
    public bool TryUnwrap(ReadOnlySpan<byte> input, [NotNullWhen(true)] out FrameParts? frame)
    {
        frame = null;
        if (input.Length < WrapperHeader.Size)
        {
            return false;
        }
        var header = WrapperHeader.Read(input);
        // Only a whole, well-formed frame counts; anything else is left to be read as a bare APDU.
        if (header.Version != WrapperHeader.CurrentVersion || input.Length != WrapperHeader.Size + header.Length)
        {
            return false;
        }
        frame = new FrameParts(
            [
                Field("Version", header.Version),
                Field("SourceWPort", header.SourceWPort),
                Field("DestinationWPort", header.DestinationWPort),
                Field("Length", header.Length),
            ],
            input[WrapperHeader.Size..].ToArray());
        return true;
    }

    /// <inheritdoc/>
    public byte[] Wrap(IReadOnlyList<KeyValuePair<string, string>> fields, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > WrapperFrame.MaxApduLength)
        {
            throw new CosemException($"A wrapper frame carries at most {WrapperFrame.MaxApduLength} bytes; the APDU has {payload.Length}.");
        }
        // The length is recomputed from the APDU, so an edited APDU stays consistent.
        var header = new WrapperHeader(
            (ushort)Integer(fields, "Version", WrapperHeader.CurrentVersion),
            checked((ushort)Integer(fields, "SourceWPort")),
            checked((ushort)Integer(fields, "DestinationWPort")),
            (ushort)payload.Length);
        var frame = new byte[WrapperHeader.Size + payload.Length];
        header.Write(frame);
        payload.CopyTo(frame.AsSpan(WrapperHeader.Size));
        return frame;
    }
}
