using Cosem.Sdk.Apdu;
using System.CommandLine;
using Cosem.Sdk;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Microsoft.Extensions.Logging;
using Cosem.Sdk.Transport;

namespace Cosem.Cli.Commands;

/// <summary>
/// The options that say how to reach and associate with a meter (<c>--host --port --hdlc|--wrapper --client --server</c>)
/// and how to secure the association (<see cref="SecurityOptions"/>: <c>--auth --password --security --suite …</c>).
/// </summary>
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
    public Option<string?> Serial { get; } = new("--serial")
    {
        Description = "Serial device of the meter or optical probe (/dev/ttyUSB0, COM3): HDLC over the serial line instead of TCP.",
    };
    public Option<bool> ModeE { get; } = new("--mode-e")
    {
        Description = "With --serial: open with the IEC 62056-21 mode E sign-on at 300 baud (optical probes) before HDLC.",
    };
    public Option<int> Baud { get; } = new("--baud")
    {
        Description = "With --serial: baud rate of direct HDLC (default 9600; with --mode-e the meter proposes the rate).",
        DefaultValueFactory = _ => 9600,
    };
    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Accept no deviation from the standard (CompatibilityOptions.Strict); by default known meter deviations are read with a warning.",
    };
    /// <summary>The client system title when --system-title is not given: "COSEMCLI".</summary>
    public static readonly SystemTitle DefaultClientTitle = SystemTitle.Parse("434F53454D434C49");

    /// <param name="stdin">Where '-' secrets are read from; null means the console.</param>
    public MeterConnection(TextReader? stdin = null) =>
        Security = new("none", "The client system title, 16 hex digits (default 434F53454D434C49, \"COSEMCLI\").", stdin: stdin);

    public SecurityOptions Security { get; }
    public Option<long?> InvocationCounter { get; } = new("--invocation-counter")
    {
        Description = "Last invocation counter used under these keys; the next request uses a higher one. Without it the counter " +
            "is read from the meter's 0.0.43.1.0.255 through the public client (16) first.",
    };

    public Option<string> Referencing { get; } = ReferencingOption.Create(
        "ln (logical names, GET/SET/ACTION, the default) or sn (short names, Read/Write on the Association SN base names).");

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for each answer.", DefaultValueFactory = _ => 10 };

    public IEnumerable<Option> All => [Host, Port, Hdlc, Wrapper, Serial, ModeE, Baud, Client, Server, Physical, .. Security.All, InvocationCounter, Referencing, Timeout, Strict];

    /// <summary>host:port of the last <see cref="Resolve"/>, for error messages.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Whether the last <see cref="Resolve"/> chose HDLC.</summary>
    public bool IsHdlc { get; private set; }

    /// <summary>The answer time-out of the last <see cref="Resolve"/>, in seconds.</summary>
    public double TimeoutSeconds { get; private set; }

    /// <summary>The client security of the last <see cref="Resolve"/>, when it uses keys or system titles.</summary>
    public ClientSecurity? ClientSecurity { get; private set; }

    private long? _lastCounter;

    /// <summary>
    /// Before a ciphered or HLS-GMAC association: continue above the given counter, or above the meter's invocation
    /// counter object read through the public client (best effort: a meter without one is simply not asked again).
    /// </summary>
    public async Task SynchronizeCounterAsync(ClientTransport transport, AssociationOptions options, CancellationToken cancellationToken)
    {
        if (ClientSecurity is not { } security || (options.Protection is null && options.Authentication.Mechanism != Sdk.Apdu.MechanismName.HighGmac))
        {
            return;
        }
        if (_lastCounter is { } last)
        {
            await security.Counters.AdvancePastAsync(security.CounterId, (uint)last, cancellationToken);
            return;
        }
        try
        {
            await using var publicClient = await CosemClient.ConnectAsync(transport, new AssociationOptions
            {
                ClientAddress = 16,
                ServerAddress = options.ServerAddress,
                PhysicalAddress = options.PhysicalAddress,
                RequestTimeout = options.RequestTimeout,
                LoggerFactory = options.LoggerFactory,
            }, cancellationToken);
            await security.SynchronizeInvocationCounterAsync(publicClient, cancellationToken: cancellationToken);
            await publicClient.ReleaseAsync(cancellationToken);
        }
        catch (Exception e) when (IsMeterFailure(e))
        {
            // No public counter object: start from the in-memory counter.
        }
    }

    /// <summary>
    /// The transport and association options the parsed arguments describe; bad combinations throw
    /// <see cref="ArgumentException"/>. <paramref name="proposed"/> is the conformance to propose, and
    /// <paramref name="gbtWindow"/> the general block transfer window (0: not proposed).
    /// </summary>
    public (ClientTransport Transport, AssociationOptions Options) Resolve(ParseResult parse, ILoggerFactory? loggers,
        Conformance proposed = AssociationOptions.DefaultConformance, int gbtWindow = 0)
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
        if (client is < 0 or > 127 && (hdlc || parse.GetValue(Serial) is not null) || client is < 0 or > 0xFFFF)
        {
            throw new ArgumentException($"--client {client} is not a valid client address.");
        }
        if (server is < 0 or > 0x3FFF)
        {
            throw new ArgumentException($"--server {server} is not a valid logical device address.");
        }
        var settings = Security.Resolve(parse, DefaultClientTitle, allowDedicatedKey: true);
        var security = settings.NeedsSecurityContext || settings.Mechanism is not null
            ? new ClientSecurity(new SecurityContext
            {
                Suite = settings.Suite,
                Policy = settings.Policy,
                SystemTitle = settings.SystemTitle,
                Keys = settings.Keys,
                Secret = settings.Secret,
                KeyPair = settings.KeyPair,
                PeerPublicKey = settings.PeerKey,
            })
            : null;
        var authentication = settings.Mechanism is { } mechanism
            ? Authentication.High(mechanism, security!)
            : settings.Auth == "low" ? Authentication.Low(settings.Password!) : Authentication.None;
        _lastCounter = parse.GetValue(InvocationCounter);
        if (_lastCounter is < 0 or > uint.MaxValue)
        {
            throw new ArgumentException($"--invocation-counter {_lastCounter} is not a 32-bit counter.");
        }
        ClientSecurity = security;
        var timeout = parse.GetValue(Timeout);
        if (!(timeout > 0))
        {
            throw new ArgumentException("--timeout must be a positive number of seconds.");
        }
        (Endpoint, IsHdlc, TimeoutSeconds) = (host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}", hdlc, timeout);
        var transport = ResolveSerial(parse) ?? (hdlc ? ClientTransport.HdlcOverTcp(host, port) : ClientTransport.Tcp(host, port));
        var referencing = ReferencingOption.Resolve(parse, Referencing);
        if (referencing == Sdk.Client.Referencing.ShortName)
        {
            if (proposed != AssociationOptions.DefaultConformance)
            {
                throw new ArgumentException("--referencing sn reads with the SN Read service; --access needs LN referencing.");
            }
            if (settings.Mechanism is not null)
            {
                throw new ArgumentException("--referencing sn supports --auth none or low (HLS is offered over LN only).");
            }
            proposed = AssociationOptions.ShortNameConformance;
        }
        return (transport, new AssociationOptions
        {
            ClientAddress = (CosemAddress)client,
            ServerAddress = (CosemAddress)server,
            PhysicalAddress = parse.GetValue(Physical),
            Authentication = authentication,
            Protection = settings.Policy == SecurityPolicy.None ? null : ApduProtection.Ciphered(security!),
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            LoggerFactory = loggers,
            ProposedConformance = proposed,
            GeneralBlockTransferWindow = gbtWindow,
            Compatibility = parse.GetValue(Strict) ? CompatibilityOptions.Strict : CompatibilityOptions.Default,
            Referencing = referencing,
        });
    }

    /// <summary>The serial transport <c>--serial</c> asks for (always HDLC), or null for TCP.</summary>
    private ClientTransport? ResolveSerial(ParseResult parse)
    {
        var device = parse.GetValue(Serial);
        var modeE = parse.GetValue(ModeE);
        var baud = parse.GetValue(Baud);
        if (device is null)
        {
            return modeE || parse.GetResult(Baud) is { Implicit: false }
                ? throw new ArgumentException("--mode-e and --baud need --serial DEVICE.")
                : null;
        }
        if (parse.GetValue(Wrapper) || parse.GetValue(Port) is not null)
        {
            throw new ArgumentException("--serial speaks HDLC on a serial line; it cannot be combined with --wrapper or --port.");
        }
        if (baud is not (300 or 600 or 1200 or 2400 or 4800 or 9600 or 19200 or 38400 or 57600 or 115200))
        {
            throw new ArgumentException($"--baud {baud} is not a serial rate (300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600 or 115200).");
        }
        (Endpoint, IsHdlc) = (device, true);
        return ClientTransport.Serial(device, modeE, baud);
    }

    /// <summary>Whether an exception is a meter or link failure to report as a message (not a crash).</summary>
    public static bool IsMeterFailure(Exception e) => e is CosemException or IOException;
}
