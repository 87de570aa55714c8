using System.IO.Pipelines;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Transport.Serial;

/// <summary>HDLC client and server links on a serial port, with or without the IEC 62056-21 mode E opening.</summary>
public static class SerialHdlc
{
    /// <summary>Opens the port, runs the opening if asked, and connects an HDLC client link (SNRM/UA).</summary>
    public static async Task<HdlcClientLink> ConnectAsync(string portName, HdlcClientOptions? hdlc = null,
        SerialHdlcOptions? serial = null, CancellationToken cancellationToken = default)
    {
        serial ??= new SerialHdlcOptions();
        var line = SerialPortLine.Open(portName, serial.UseModeE ? SerialLineSettings.Opening : SerialLineSettings.Hdlc(serial.BaudRate));
        try
        {
            if (serial.UseModeE)
            {
                await ModeE.OpenAsync(line, serial.ModeE, cancellationToken).ConfigureAwait(false);
            }
            return await HdlcClientLink.ConnectAsync(new SerialDuplexPipe(line), hdlc, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            line.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the port as a device (simulated meter): answers the mode E opening with <paramref name="identity"/>
    /// when given, then returns a server link waiting for SNRM.
    /// </summary>
    public static async Task<HdlcServerLink> ListenAsync(string portName, HdlcServerOptions? hdlc = null,
        ModeEIdentification? identity = null, int baudRate = 9600, CancellationToken cancellationToken = default)
    {
        var pipe = await OpenDevicePipeAsync(portName, identity, baudRate, cancellationToken).ConfigureAwait(false);
        try
        {
            return new HdlcServerLink(pipe, hdlc);
        }
        catch
        {
            await ((IAsyncDisposable)pipe).DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens the port as a device: answers the mode E opening with <paramref name="identity"/> when given, then
    /// returns the port's byte pipe in HDLC mode. Disposing the pipe closes the port.
    /// </summary>
    internal static async ValueTask<IDuplexPipe> OpenDevicePipeAsync(string portName, ModeEIdentification? identity, int baudRate,
        CancellationToken cancellationToken)
    {
        var line = SerialPortLine.Open(portName, identity is null ? SerialLineSettings.Hdlc(baudRate) : SerialLineSettings.Opening);
        try
        {
            if (identity is not null)
            {
                await ModeE.AcceptAsync(line, identity, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            }
            return new SerialDuplexPipe(line);
        }
        catch
        {
            line.Dispose();
            throw;
        }
    }

    /// <summary>The byte pipe of a serial line; disposing it closes the port.</summary>
    private sealed class SerialDuplexPipe(SerialPortLine line) : IDuplexPipe, IAsyncDisposable
    {
        private readonly StreamDuplexPipe _pipe = new(line.Stream, leaveOpen: true);

        public PipeReader Input => _pipe.Input;

        public PipeWriter Output => _pipe.Output;

        public async ValueTask DisposeAsync()
        {
            line.Dispose(); // ends the pending read of the pump first
            await _pipe.DisposeAsync().ConfigureAwait(false);
        }
    }
}
