
namespace Cosem.Sdk.Transport.Serial;

/// <summary>How to bring up HDLC on a serial port.</summary>
public sealed class SerialHdlcOptions
{
    /// <summary>
    /// Run the IEC 62056-21 mode E opening first (optical probes, most meters' local port). When false the port
    /// starts directly in HDLC at <see cref="BaudRate"/> 8N1 (direct HDLC, e.g. RS-485).
    /// </summary>
    public bool UseModeE { get; init; } = true;

    /// <summary>The baud rate of direct HDLC (without mode E).</summary>
    public int BaudRate { get; init; } = 9600;

    /// <summary>Settings of the mode E opening.</summary>
    public ModeEOptions ModeE { get; init; } = new();
}
