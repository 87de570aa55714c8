namespace Cosem.HeadEnd.Meters;

/// <summary>How the head-end reaches a meter.</summary>
public enum MeterTransport
{
    /// <summary>The DLMS/COSEM wrapper over TCP (IEC 62056-47): the server SAP is the destination wPort, many
    /// sessions may share one address and port.</summary>
    Wrapper = 0,

    /// <summary>HDLC over TCP, typically a modem or gateway that carries one session at a time: the head-end
    /// serialises sessions per <see cref="MeterSettings.GatewayKey"/>.</summary>
    HdlcOverTcp = 1,
}
