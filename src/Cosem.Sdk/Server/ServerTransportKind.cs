namespace Cosem.Sdk.Server;

/// <summary>How clients reach a <see cref="CosemServer"/> endpoint.</summary>
public enum ServerTransportKind
{
    /// <summary>TCP with the wrapper header (IEC 62056-47).</summary>
    WrapperTcp,

    /// <summary>UDP with the wrapper header (IEC 62056-47).</summary>
    WrapperUdp,

    /// <summary>HDLC frames over a TCP byte stream (IEC 62056-46), as gateways and many meters offer.</summary>
    HdlcTcp,
}
