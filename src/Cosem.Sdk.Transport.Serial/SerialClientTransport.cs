using Cosem.Sdk.Transport.Serial;

namespace Cosem.Sdk.Client;

/// <summary><c>ClientTransport.Serial(...)</c>: a meter on a serial port, for <see cref="CosemClient.ConnectAsync"/>.</summary>
public static class SerialClientTransport
{
    extension(ClientTransport)
    {
        /// <summary>
        /// HDLC on serial port <paramref name="portName"/>; with <paramref name="modeE"/> the IEC 62056-21 mode E
        /// opening comes first (optical probes), otherwise HDLC starts at <paramref name="baudRate"/> 8N1.
        /// </summary>
        public static ClientTransport Serial(string portName, bool modeE = true, int baudRate = 9600)
        {
            ArgumentException.ThrowIfNullOrEmpty(portName);
            var serial = new SerialHdlcOptions { UseModeE = modeE, BaudRate = baudRate };
            return ClientTransport.Custom($"hdlc serial {portName}{(modeE ? " (mode E)" : $" {baudRate} baud")}", async (options, cancellationToken) =>
                await SerialHdlc.ConnectAsync(portName, options.CreateHdlcClientOptions(), serial, cancellationToken).ConfigureAwait(false));
        }
    }
}
