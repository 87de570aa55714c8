using System.Net;

namespace Cosem.Sdk.Server;

/// <summary>A socket a <see cref="CosemServer"/> listens on; with port 0 requested, the port the system chose.</summary>
public sealed record ServerEndPoint(ServerTransportKind Transport, IPEndPoint EndPoint)
{
    public override string ToString() => $"{Transport} {EndPoint}";
}
