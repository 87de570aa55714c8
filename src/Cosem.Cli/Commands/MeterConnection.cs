using System.CommandLine;
using Cosem.Sdk;
using Cosem.Sdk.Client;
using Microsoft.Extensions.Logging;

namespace Cosem.Cli.Commands;

/// <summary>The options that say how to reach and associate with a meter (<c>--host --port --hdlc|--wrapper --client --server --auth --password</c>).</summary>
internal sealed class MeterConnection
{
    public const int DefaultWrapperPort = 4059;
    public const int DefaultHdlcPort = 4060;

    public Option<string> Host { get; } = new("--host") { Description = "Meter host name or IP address.", DefaultValueFactory = _ => "127.0.0.1" };
    public Option<int?> Port { get; } = new("--port") { Description = $"TCP port (default {DefaultWrapperPort} for the wrapper, {DefaultHdlcPort} for HDLC)." };
    public Option<bool> Hdlc { get; } = new("--hdlc") { Description = "Frame with HDLC over TCP (IEC 62056-46)." };
    public Option<bool> Wrapper { get; } = new("--wrapper") { Description = "Frame with the TCP wrapper (IEC 62056-47), the default." };
    public Option<int> Client { get; } = new("--client") { Description = "Client address (16 public, 1 management).", DefaultValueFactory = _ => 16 };
    public Option<int> Server { get; } = new("--server") { Description = "Server (logical device) address.", DefaultValueFactory = _ => 1 };
    public Option<int?> Physical { get; } = new("--physical") { Description = "HDLC physical device address (lower HDLC address)." };
    public Option<string> Auth { get; } = new("--auth") { Description = "Authentication: none or low (LLS password).", DefaultValueFactory = _ => "none" };
    public Option<string?> Password { get; } = new("--password") { Description = "The LLS password (with --auth low)." };
    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for each answer.", DefaultValueFactory = _ => 10 };

    public MeterConnection() => Auth.AcceptOnlyFromAmong("none", "low");

    public IEnumerable<Option> All => [Host, Port, Hdlc, Wrapper, Client, Server, Physical, Auth, Password, Timeout];

    /// <summary>The transport and association options the parsed arguments describe; bad combinations throw <see cref="ArgumentException"/>.</summary>
    public (ClientTransport Transport, AssociationOptions Options) Resolve(ParseResult parse, ILoggerFactory? loggers)
    {
        var hdlc = parse.GetValue(Hdlc);
        if (hdlc && parse.GetValue(Wrapper))
        {
            throw new ArgumentException("Choose one of --hdlc and --wrapper.");
        }
        var host = parse.GetValue(Host)!;
        var port = parse.GetValue(Port) ?? (hdlc ? DefaultHdlcPort : DefaultWrapperPort);
        if (port is < 1 or > 65535)
        {
            throw new ArgumentException($"--port {port} is not a TCP port (1-65535).");
        }
        var client = parse.GetValue(Client);
        var server = parse.GetValue(Server);
        if (client is < 0 or > 127 && hdlc || client is < 0 or > 0xFFFF)
        {
            throw new ArgumentException($"--client {client} is not a valid client address.");
        }
        if (server is < 0 or > 0x3FFF)
        {
            throw new ArgumentException($"--server {server} is not a valid logical device address.");
        }
        var password = parse.GetValue(Password);
        var authentication = parse.GetValue(Auth) switch
        {
            "low" when string.IsNullOrEmpty(password) => throw new ArgumentException("--auth low needs --password."),
            "low" => Authentication.Low(password!),
            _ when password is not null => throw new ArgumentException("--password is only used with --auth low."),
            _ => Authentication.None,
        };
        var timeout = parse.GetValue(Timeout);
        if (!(timeout > 0))
        {
            throw new ArgumentException("--timeout must be a positive number of seconds.");
        }
        var transport = hdlc ? ClientTransport.HdlcOverTcp(host, port) : ClientTransport.Tcp(host, port);
        return (transport, new AssociationOptions
        {
            ClientAddress = client,
            ServerAddress = server,
            PhysicalAddress = parse.GetValue(Physical),
            Authentication = authentication,
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            LoggerFactory = loggers,
        });
    }

    /// <summary>Whether an exception is a meter or link failure to report as a message (not a crash).</summary>
    public static bool IsMeterFailure(Exception e) => e is CosemException or TimeoutException or IOException;
}
