using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Transport;

/// <summary>Opens TCP byte connections as <see cref="StreamDuplexPipe"/>s.</summary>
public static class TcpTransport
{
    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/>; failures become <see cref="CosemTransportException"/>.</summary>
    public static async Task<StreamDuplexPipe> ConnectAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot connect to {host}:{port}: {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return StreamDuplexPipe.FromSocket(socket);
    }

    /// <summary>Connects to <paramref name="endPoint"/>.</summary>
    public static async Task<StreamDuplexPipe> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = endPoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, $"Cannot connect to {endPoint}: {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return StreamDuplexPipe.FromSocket(socket);
    }
}
