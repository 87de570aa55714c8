using System.Buffers;
using System.IO.Pipelines;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>One HDLC frame as a test peer saw it (a copy, unlike the span-based <see cref="HdlcFrame"/>).</summary>
internal sealed record PeerFrame(HdlcAddress Destination, HdlcAddress Source, byte Control, bool Segmented, byte[] Information)
{
    public HdlcFrameKind Kind => HdlcControl.KindOf(Control);

    public int SendSequence => HdlcControl.SendSequenceOf(Control);

    public int ReceiveSequence => HdlcControl.ReceiveSequenceOf(Control);

    public bool PollFinal => HdlcControl.IsPollFinal(Control);
}

/// <summary>
/// The far end of an in-memory pipe driven frame by frame by a test, to play a misbehaving or slow peer that a
/// real <see cref="HdlcServerLink"/> or <see cref="HdlcClientLink"/> would never be.
/// </summary>
internal sealed class ScriptedHdlcPeer(IDuplexPipe pipe, HdlcAddress local, HdlcAddress remote)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads the next complete frame; fails the test when none comes within the time-out.</summary>
    public async Task<PeerFrame> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var result = await pipe.Input.ReadAsync(cancel.Token);
            if (TryDecode(result.Buffer.ToArray(), out var copy, out var consumed))
            {
                pipe.Input.AdvanceTo(result.Buffer.GetPosition(consumed));
                return copy;
            }
            if (result.IsCompleted)
            {
                throw new InvalidOperationException("The link under test closed the connection.");
            }
            pipe.Input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static bool TryDecode(byte[] bytes, out PeerFrame copy, out int consumed)
    {
        copy = null!;
        consumed = 0;
        var start = Array.IndexOf(bytes, HdlcFrame.Flag);
        if (start < 0 || HdlcFrame.Decode(bytes.AsSpan(start), out var frame, out var closing) != HdlcDecodeStatus.Complete)
        {
            return false;
        }
        copy = new PeerFrame(frame.Destination, frame.Source, frame.Control, frame.Segmented, frame.Information.ToArray());
        consumed = start + closing + 1;
        return true;
    }

    /// <summary>The next frame if one arrives within <paramref name="wait"/> before the connection closes, else null.</summary>
    public async Task<PeerFrame?> TryReadAsync(TimeSpan wait)
    {
        try
        {
            return await ReadAsync(wait);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    public async Task WriteAsync(byte control, bool segmented = false, byte[]? information = null)
    {
        await pipe.Output.WriteAsync(HdlcFrame.ToArray(remote, local, control, segmented, information ?? []));
    }

    /// <summary>Plays the server of a connection set-up: waits for SNRM and answers UA with the defaults.</summary>
    public async Task AcceptSnrmAsync()
    {
        var snrm = await ReadAsync();
        if (snrm.Kind != HdlcFrameKind.SetNormalResponseMode)
        {
            throw new InvalidOperationException($"Expected SNRM, got {snrm.Kind}.");
        }
        await WriteAsync(HdlcControl.Unnumbered(HdlcControl.Ua, true));
    }

    /// <summary>Plays the client of a connection set-up: sends SNRM and waits for UA.</summary>
    public async Task ConnectAsync()
    {
        await WriteAsync(HdlcControl.Unnumbered(HdlcControl.Snrm, true));
        var ua = await ReadAsync();
        if (ua.Kind != HdlcFrameKind.UnnumberedAcknowledge)
        {
            throw new InvalidOperationException($"Expected UA, got {ua.Kind}.");
        }
    }
}
