using System.IO.Ports;

namespace Cosem.Sdk.Transport.Serial;

/// <summary>
/// An <see cref="ISerialLine"/> over a <see cref="SerialPort"/>: the line the IEC 62056-21 opening and HDLC run on.
/// Baud rate and character format change while the port stays open.
/// </summary>
/// <remarks>
/// Some lines have no character format of their own: pseudo-terminals, virtual and network-bridged ports, some USB
/// adapters refuse 7 data bits with parity. On those, 7E1 is produced in software: a 7E1 character and an 8N1
/// character both take ten bit times, and the eighth data bit of 8N1 sits exactly where the parity bit of 7E1 goes,
/// so sending the 7-bit code with its parity bit as bit 7 puts the same signal on the wire. Received characters then
/// have bit 7 (the parity) cleared. <see cref="ParityInSoftware"/> tells when this is in force.
/// </remarks>
public sealed class SerialPortLine : ISerialLine, IDisposable
{
    private readonly SerialPort _port;
    private readonly SoftwareParityStream _stream;

    private SerialPortLine(SerialPort port)
    {
        _port = port;
        _stream = new SoftwareParityStream(port.BaseStream);
    }

    /// <summary>Opens <paramref name="portName"/> (e.g. <c>COM3</c>, <c>/dev/ttyUSB0</c>) with <paramref name="settings"/>.</summary>
    public static SerialPortLine Open(string portName, SerialLineSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        // Opened in the native 8N1 format; the requested format is applied (or emulated) once the port is open.
        var port = new SerialPort(portName)
        {
            Handshake = Handshake.None,
            BaudRate = settings.BaudRate,
            DataBits = 8,
            Parity = Parity.None,
            StopBits = StopBits.One,
        };
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot open serial port {portName}: {ex.Message}", ex);
        }
        var line = new SerialPortLine(port) { HasControlLines = RaiseControlLines(port) };
        try
        {
            line.Apply(settings);
        }
        catch
        {
            line.Dispose();
            throw;
        }
        return line;
    }

    /// <summary>The port name.</summary>
    public string PortName => _port.PortName;

    /// <summary>The bytes of the line (with software parity while <see cref="ParityInSoftware"/>).</summary>
    public Stream Stream => _stream;

    /// <summary>Whether DTR and RTS could be raised (false on lines without modem control, such as pseudo-terminals).</summary>
    public bool HasControlLines { get; private init; }

    /// <summary>The baud rate and character format in force.</summary>
    public SerialLineSettings Settings { get; private set; }

    /// <summary>Whether the port refused the 7-bit format and the parity bit is produced and removed in software.</summary>
    public bool ParityInSoftware => _stream.Parity != SerialParity.None;

    /// <inheritdoc/>
    /// <exception cref="CosemTransportException">The port failed while draining output
    /// (<see cref="TransportErrorKind.ConnectionClosed"/>) or refused the settings.</exception>
    public async ValueTask ConfigureAsync(SerialLineSettings settings, CancellationToken cancellationToken = default)
    {
        // Let pending output leave at the old rate before the UART changes (IEC 62056-21 §6.4.4).
        try
        {
            await _port.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
            while (_port.BytesToWrite > 0)
            {
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"The serial port {PortName} failed: {ex.Message}", ex);
        }
        Apply(settings);
    }

    private void Apply(SerialLineSettings settings)
    {
        try
        {
            _port.BaudRate = settings.BaudRate;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"{PortName} refuses {settings.BaudRate} baud: {ex.Message}", ex);
        }
        if (TryApplyFormat(settings))
        {
            _stream.Parity = SerialParity.None;
        }
        else if (settings.DataBits == 7 && settings.Parity != SerialParity.None && TryApplyFormat(SerialLineSettings.Hdlc(settings.BaudRate)))
        {
            _stream.Parity = settings.Parity;
        }
        else if (settings.DataBits == 8 && settings.Parity == SerialParity.None && _stream.Parity != SerialParity.None)
        {
            _stream.Parity = SerialParity.None; // the port never left its native 8-bit format
        }
        else
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"{PortName} refuses the character format {settings}.");
        }
        Settings = settings;
    }

    private bool TryApplyFormat(SerialLineSettings settings)
    {
        try
        {
            _port.DataBits = settings.DataBits;
            _port.Parity = settings.Parity switch
            {
                SerialParity.Even => Parity.Even,
                SerialParity.Odd => Parity.Odd,
                _ => Parity.None,
            };
            _port.StopBits = settings.StopBits == 2 ? StopBits.Two : StopBits.One;
            return true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            return false;
        }
    }

    // Optical probes draw their power from DTR and RTS, so both are raised. Lines without modem control (pseudo-
    // terminals, many RS-485 and USB adapters) refuse the ioctl: such a line works without them.
    private static bool RaiseControlLines(SerialPort port)
    {
        try
        {
            port.DtrEnable = true;
            port.RtsEnable = true;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Closes the serial port; <see cref="Stream"/> is unusable afterwards.</summary>
    public void Dispose() => _port.Dispose();
}
