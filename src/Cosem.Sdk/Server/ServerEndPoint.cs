using System.Net;

namespace Cosem.Sdk.Server;

/// <summary>
/// Where a <see cref="CosemServer"/> listens: the transport it was given, and the address it bound (with port 0
/// requested, the port the system chose), or <see langword="null"/> for a transport without one (a pipe, a serial port).
/// </summary>
public sealed record ServerEndPoint(ServerTransport Transport, IPEndPoint? EndPoint)
{
    /// <summary>The transport and bound address, e.g. <c>wrapper tcp 0.0.0.0:4059</c>.</summary>
    public override string ToString() => EndPoint is null ? Transport.Description : $"{Transport.Description} {EndPoint}";
}
