using System.Globalization;

namespace Cosem.Sdk.Hosting;

/// <summary>One listener of a hosted server, e.g. <c>{ "Transport": "tcp", "Port": 4059 }</c>.</summary>
public sealed class CosemEndpointOptions
{
    /// <summary>The transport kinds a listener may name: <c>tcp</c> and <c>udp</c> (the wrapper) and <c>hdlc-tcp</c>.</summary>
    public static IReadOnlyList<string> TransportKinds { get; } = ["tcp", "udp", "hdlc-tcp"];

    /// <summary><c>tcp</c> (wrapper over TCP), <c>udp</c> (wrapper over UDP) or <c>hdlc-tcp</c> (HDLC over TCP).</summary>
    public string Transport { get; set; } = "tcp";

    /// <summary>IP address to bind; empty for every interface.</summary>
    public string? Address { get; set; }

    /// <summary>Port; 0 lets the system choose (the chosen one shows in <c>CosemServer.EndPoints</c>).</summary>
    public int Port { get; set; } = 4059;

    /// <summary>The transport and address, e.g. <c>tcp 0.0.0.0:4059</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Transport} {(string.IsNullOrEmpty(Address) ? "*" : Address)}:{Port}");
}
