using System.IO.Ports;
using Cosem.Sdk.Transport.Iec62056;

namespace Cosem.Sdk.Transport.Serial;

/// <summary>
/// An <see cref="ISerialLine"/> over a <see cref="SerialPort"/>: the line the IEC 62056-21 opening and HDLC run on.
/// Baud rate and character format change while the port stays open.
/// </summary>
public sealed class SerialPortLine : ISerialLine, IDisposable
{
    private readonly SerialPort _port;

    private SerialPortLine(SerialPort port)
    {
        _port = port;
    }

    /// <summary>Opens <paramref name="portName"/> (e.g. <c>COM3</c>, <c>/dev/ttyUSB0</c>) with <paramref name="settings"/>.</summary>
    public static SerialPortLine Open(string portName, SerialLineSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        var port = new SerialPort(portName)
        {
            Handshake = Handshake.None,
            DtrEnable = true,
            RtsEnable = true,
        };
        Apply(port, settings);
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot open serial port {portName}: {ex.Message}", ex);
        }
        return new SerialPortLine(port);
    }

    /// <summary>The port name.</summary>
    public string PortName => _port.PortName;

    public Stream Stream => _port.BaseStream;

    public async ValueTask ConfigureAsync(SerialLineSettings settings, CancellationToken cancellationToken = default)
    {
        // Let pending output leave at the old rate before the UART changes (IEC 62056-21 §6.4.4).
        await _port.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        while (_port.BytesToWrite > 0)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            Apply(_port, settings);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot set {settings} on {_port.PortName}: {ex.Message}", ex);
        }
    }

    private static void Apply(SerialPort port, SerialLineSettings settings)
    {
        port.BaudRate = settings.BaudRate;
        port.DataBits = settings.DataBits;
        port.Parity = settings.Parity switch
        {
            SerialParity.Even => Parity.Even,
            SerialParity.Odd => Parity.Odd,
            _ => Parity.None,
        };
        port.StopBits = settings.StopBits == 2 ? StopBits.Two : StopBits.One;
    }

    public void Dispose() => _port.Dispose();
}
