using Cosem.Sdk.Transport.Serial;

namespace Cosem.Sdk.Server;

/// <summary><c>ServerTransport.Serial(...)</c>: a simulated meter on a serial port, for <see cref="CosemServer.Listen(ServerTransport)"/>.</summary>
public static class SerialServerTransport
{
    extension(ServerTransport)
    {
        /// <summary>
        /// HDLC on serial port <paramref name="portName"/>, opened when the server starts accepting. With
        /// <paramref name="identity"/> the port first answers the IEC 62056-21 mode E opening (an optical probe)
        /// with it; otherwise HDLC starts at <paramref name="baudRate"/> 8N1.
        /// </summary>
        public static ServerTransport Serial(string portName, ModeEIdentification? identity = null, int baudRate = 9600)
        {
            ArgumentException.ThrowIfNullOrEmpty(portName);
            return ServerTransport.Hdlc($"hdlc serial {portName}{(identity is null ? $" {baudRate} baud" : " (mode E)")}",
                cancellationToken => SerialHdlc.OpenDevicePipeAsync(portName, identity, baudRate, cancellationToken));
        }
    }
}
