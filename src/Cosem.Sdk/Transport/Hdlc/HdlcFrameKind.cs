namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>The frame types of IEC 62056-46 §6.4.3.5 (control field), plus those ISO/IEC 13239 defines and DLMS does not use.</summary>
public enum HdlcFrameKind
{
    /// <summary>A control byte that names no frame type known here.</summary>
    Unknown,

    /// <summary>I: numbered information.</summary>
    Information,

    /// <summary>RR: receive ready, acknowledges up to N(R) - 1.</summary>
    ReceiveReady,

    /// <summary>RNR: receive not ready.</summary>
    ReceiveNotReady,

    /// <summary>REJ (not used by DLMS; answered with FRMR).</summary>
    Reject,

    /// <summary>SREJ (not used by DLMS; answered with FRMR).</summary>
    SelectiveReject,

    /// <summary>SNRM: set normal response mode (connect).</summary>
    SetNormalResponseMode,

    /// <summary>DISC: disconnect.</summary>
    Disconnect,

    /// <summary>UA: unnumbered acknowledge.</summary>
    UnnumberedAcknowledge,

    /// <summary>DM: disconnected mode.</summary>
    DisconnectedMode,

    /// <summary>FRMR: frame reject.</summary>
    FrameReject,

    /// <summary>UI: unnumbered information.</summary>
    UnnumberedInformation,
}
