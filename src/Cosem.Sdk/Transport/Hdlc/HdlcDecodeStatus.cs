namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>Outcome of <see cref="HdlcFrame.Decode"/>.</summary>
public enum HdlcDecodeStatus
{
    /// <summary>A whole, valid frame.</summary>
    Complete,

    /// <summary>The bytes so far are a valid beginning; more are needed.</summary>
    Incomplete,

    /// <summary>Not an HDLC frame of format type 3 (no opening flag, wrong format type, bad address, too short).</summary>
    BadFormat,

    /// <summary>The header check sequence does not match.</summary>
    BadHeaderCheck,

    /// <summary>The frame check sequence does not match.</summary>
    BadFrameCheck,

    /// <summary>The byte after the frame check sequence is not the closing flag 0x7E.</summary>
    MissingClosingFlag,
}
