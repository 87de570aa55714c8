using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Wrapper;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>
/// What a <see cref="CosemServer"/> hands a <see cref="ServerTransport"/> when it starts listening: channel options
/// that follow the server's <see cref="CosemServerOptions"/> and the logical devices it hosts.
/// </summary>
public sealed class ServerTransportContext
{
    private readonly CosemServer _server;

    internal ServerTransportContext(CosemServer server) => _server = server;

    /// <summary>The server's logger factory, for a custom transport's own logging.</summary>
    public ILoggerFactory LoggerFactory => _server.Options.LoggerFactory;

    /// <summary>
    /// How many received bytes a connection may buffer before reading from its socket pauses
    /// (<see cref="CosemServerOptions.MaxBufferedBytesPerConnection"/>), for a custom transport's pipes.
    /// </summary>
    public long MaxBufferedBytesPerConnection => _server.Options.MaxBufferedBytesPerConnection;

    /// <summary>
    /// Options for server wrapper channels (wPorts are taken from each request; frames up to
    /// <see cref="CosemServerOptions.MaxReassemblyBytes"/>), logging to the server's loggers.
    /// </summary>
    public WrapperOptions CreateWrapperOptions() => new()
    {
        MaxApduLength = Math.Min(_server.Options.MaxReassemblyBytes, WrapperFrame.MaxApduLength),
        Logger = LoggerFactory.CreateLogger("Cosem.Sdk.Transport.Wrapper"),
    };

    /// <summary>
    /// Options for HDLC server links: the server's HDLC parameters, inactivity time-out and reassembly limit
    /// (<see cref="CosemServerOptions.MaxReassemblyBytes"/>), and SNRM answered only
    /// for the upper addresses of hosted logical devices.
    /// </summary>
    public HdlcServerOptions CreateHdlcOptions() => new()
    {
        Parameters = _server.Options.HdlcParameters,
        InactivityTimeout = _server.Options.HdlcInactivityTimeout,
        MaxApduLength = _server.Options.MaxReassemblyBytes,
        // Only hosted logical devices answer SNRM (IEC 62056-46 §6.4.2.2); others stay silent.
        AcceptConnection = (server, _) => _server.FindDevice((CosemAddress)server.Upper) is not null,
        Logger = LoggerFactory.CreateLogger("Cosem.Sdk.Transport.Hdlc"),
    };
}
