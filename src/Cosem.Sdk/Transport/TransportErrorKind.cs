namespace Cosem.Sdk.Transport;

/// <summary>Why a transport gave up; lets sessions tell a closed peer from a broken one.</summary>
public enum TransportErrorKind
{
    /// <summary>The peer closed the byte stream (or it broke) before or in the middle of a frame.</summary>
    ConnectionClosed,

    /// <summary>No answer within the response, inactivity or inter-frame time-out, retries included.</summary>
    Timeout,

    /// <summary>Bytes that cannot be a frame of this transport (the stream cannot be resynchronised).</summary>
    InvalidFrame,

    /// <summary>A wrapper header with a version other than 0x0001 (IEC 62056-47 §5.2).</summary>
    UnsupportedVersion,

    /// <summary>A frame or reassembled APDU longer than the configured maximum.</summary>
    FrameTooLarge,

    /// <summary>The peer refused to connect (HDLC DM in answer to SNRM, or the server's acceptance policy).</summary>
    Refused,

    /// <summary>The data link was disconnected (HDLC DISC received, or DM while connected).</summary>
    Disconnected,

    /// <summary>The peer answered FRMR: it could not accept a frame we sent (IEC 62056-46 §6.4.4.4.3.8).</summary>
    FrameRejected,

    /// <summary>The peer broke the link procedure (for instance an N(R) acknowledging frames never sent).</summary>
    ProtocolViolation,

    /// <summary>The IEC 62056-21 opening sequence failed (no or malformed identification).</summary>
    OpeningFailed,
}
