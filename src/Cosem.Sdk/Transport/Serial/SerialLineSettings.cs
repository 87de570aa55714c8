namespace Cosem.Sdk.Transport.Serial;

/// <summary>Baud rate and character format of a serial line.</summary>
public readonly record struct SerialLineSettings(int BaudRate, int DataBits, SerialParity Parity, int StopBits = 1)
{
    /// <summary>The IEC 62056-21 opening format: 300 baud, 7 data bits, even parity, 1 stop bit (§6.4.1).</summary>
    public static SerialLineSettings Opening { get; } = new(300, 7, SerialParity.Even);

    /// <summary>The HDLC character format at <paramref name="baudRate"/>: 8 data bits, no parity, 1 stop bit (IEC 62056-46 §5).</summary>
    public static SerialLineSettings Hdlc(int baudRate) => new(baudRate, 8, SerialParity.None);

    /// <summary>The usual short form, e.g. "9600 8N1" or "300 7E1".</summary>
    public override string ToString() => $"{BaudRate} {DataBits}{Parity.ToString()[0]}{StopBits}";
}
