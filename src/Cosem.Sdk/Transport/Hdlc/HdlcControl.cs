namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// Builds and reads the control byte (IEC 62056-46 §6.4.3.5): I = N(R) P/F N(S) 0, S = N(R) P/F type 0 1,
/// U = modifier P/F modifier 1 1. The P/F bit is 0x10.
/// </summary>
public static class HdlcControl
{
    /// <summary>The poll/final bit (bit 4): set by the primary station to poll, by the secondary on its last
    /// frame.</summary>
    public const byte PollFinal = 0x10;
    /// <summary>SNRM, set normal response mode (U-frame, P/F clear): the client opens the link, optionally negotiating
    /// parameters.</summary>
    public const byte Snrm = 0x83;
    /// <summary>DISC, disconnect (U-frame, P/F clear): the client closes the link.</summary>
    public const byte Disc = 0x43;
    /// <summary>UA, unnumbered acknowledge (U-frame, P/F clear): the server's answer to SNRM or DISC.</summary>
    public const byte Ua = 0x63;
    /// <summary>DM, disconnected mode (U-frame, P/F clear): the server is not connected, e.g. in reply to DISC or an
    /// I-frame.</summary>
    public const byte Dm = 0x0F;
    /// <summary>FRMR, frame reject (U-frame, P/F clear): the server received a frame it cannot accept.</summary>
    public const byte Frmr = 0x87;
    /// <summary>UI, unnumbered information (U-frame, P/F clear): information without sequence numbers, e.g. event
    /// notifications.</summary>
    public const byte Ui = 0x03;
    /// <summary>RR, receive ready (S-frame type bits, N(R) and P/F clear): acknowledges up to N(R) and asks for the
    /// next segment.</summary>
    public const byte Rr = 0x01;
    /// <summary>RNR, receive not ready (S-frame type bits, N(R) and P/F clear): the station cannot take I-frames
    /// now.</summary>
    public const byte Rnr = 0x05;

    /// <summary>An I-frame control byte.</summary>
    public static byte Information(int sendSequence, int receiveSequence, bool pollFinal) =>
        (byte)(((receiveSequence & 7) << 5) | (pollFinal ? PollFinal : 0) | ((sendSequence & 7) << 1));

    /// <summary>A supervisory (RR/RNR) control byte.</summary>
    public static byte Supervisory(byte type, int receiveSequence, bool pollFinal) =>
        (byte)(((receiveSequence & 7) << 5) | (pollFinal ? PollFinal : 0) | type);

    /// <summary>An unnumbered control byte.</summary>
    public static byte Unnumbered(byte type, bool pollFinal) => (byte)(type | (pollFinal ? PollFinal : 0));

    /// <summary>The frame type a control byte denotes.</summary>
    public static HdlcFrameKind KindOf(byte control)
    {
        if ((control & 1) == 0)
        {
            return HdlcFrameKind.Information;
        }
        if ((control & 3) == 1)
        {
            return ((control >> 2) & 3) switch
            {
                0 => HdlcFrameKind.ReceiveReady,
                1 => HdlcFrameKind.ReceiveNotReady,
                2 => HdlcFrameKind.Reject,
                _ => HdlcFrameKind.SelectiveReject,
            };
        }
        return (byte)(control & ~PollFinal) switch
        {
            Snrm => HdlcFrameKind.SetNormalResponseMode,
            Disc => HdlcFrameKind.Disconnect,
            Ua => HdlcFrameKind.UnnumberedAcknowledge,
            Dm => HdlcFrameKind.DisconnectedMode,
            Frmr => HdlcFrameKind.FrameReject,
            Ui => HdlcFrameKind.UnnumberedInformation,
            _ => HdlcFrameKind.Unknown,
        };
    }

    /// <summary>N(S) of an I-frame.</summary>
    public static int SendSequenceOf(byte control) => (control >> 1) & 7;

    /// <summary>N(R) of an I- or S-frame.</summary>
    public static int ReceiveSequenceOf(byte control) => (control >> 5) & 7;

    /// <summary>The P/F bit.</summary>
    public static bool IsPollFinal(byte control) => (control & PollFinal) != 0;
}
