using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Client;
using Cosem.Samples.MeterSimulator.BlueBook;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem simulate</c>: one or more simulated reference meters on 127.0.0.1, each with the wrapper over TCP and
/// HDLC over TCP; meter i listens on the base ports + i. Runs until Ctrl+C. Port 0 lets the system choose.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Exit code for invalid arguments; a port that cannot be opened exits with <see cref="ExitCodes.Failed"/>.</summary>
    public const int BadArguments = ExitCodes.Usage;

    /// <summary>Builds the <c>simulate</c> command with its options; nothing runs until it is invoked.</summary>
    /// <param name="stdin">Where secrets given as '-' are read from; null means the console.</param>
    public static Command Create(TextReader? stdin = null)
    {
        var wrapperPort = new Option<int>("--wrapper-port") { Description = "TCP port of the wrapper (IEC 62056-47) of the first meter.", DefaultValueFactory = _ => 4059 };
        var hdlcPort = new Option<int>("--hdlc-port") { Description = "TCP port of HDLC over TCP (IEC 62056-46) of the first meter.", DefaultValueFactory = _ => 4060 };
        var meters = new Option<int>("--meters") { Description = "Number of meters, on consecutive ports.", DefaultValueFactory = _ => 1 };
        var security = new SecurityOptions("low",
            "The first meter's system title, 16 hex digits (default 435344 + serial number); meter i adds i.", defaultLlsPassword: "12345678", stdin: stdin);
        security.Auth.Description = "How the management client (1) authenticates: " + string.Join(", ", SecurityOptions.AuthValues) + " (default low, password 12345678).";
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace every frame and APDU." };
        var profile = new Option<string>("--profile")
        {
            Description = "What each meter holds: reference (a smart electricity meter) or blue-book (one object of every interface class and version; working image transfer and compact data).",
            DefaultValueFactory = _ => ReferenceProfile,
        };
        profile.AcceptOnlyFromAmong(ReferenceProfile, BlueBookProfile);
        var limits = new ServerLimitOptions();
        var push = new SimulatePushOptions();
        var referencing = ReferencingOption.Create(
            "ln (Association LN, the default) or sn (Association SN: clients 16 and 1 associate with short names; auth none or low).");
        var command = new Command("simulate", "Run simulated reference meters on 127.0.0.1 (wrapper 4059, HDLC 4060).")
        {
            wrapperPort, hdlcPort, meters, verbose, referencing, profile,
        };
        foreach (var option in security.All.Concat(limits.All).Concat(push.All))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var count = parse.GetValue(meters);
            var wrapper = parse.GetValue(wrapperPort);
            var hdlc = parse.GetValue(hdlcPort);
            if (count is < 1 or > 10_000)
            {
                error.WriteLine($"error: --meters {count} must be between 1 and 10000.");
                return BadArguments;
            }
            foreach (var (name, port) in new[] { ("--wrapper-port", wrapper), ("--hdlc-port", hdlc) })
            {
                if (port < 0 || port != 0 && port + count - 1 > 65535)
                {
                    error.WriteLine($"error: {name} {port} leaves no room for {count} meter(s) below port 65536.");
                    return BadArguments;
                }
            }
            if (wrapper != 0 && hdlc != 0 && wrapper < hdlc + count && hdlc < wrapper + count)
            {
                error.WriteLine($"error: the wrapper ports {wrapper}.. and the HDLC ports {hdlc}.. overlap for {count} meters.");
                return BadArguments;
            }
            var (pushTo, pushInterval, pushUdp, pushError) = push.Resolve(parse);
            if (pushError is not null)
            {
                error.WriteLine("error: " + pushError);
                return BadArguments;
            }
            if (limits.Validate(parse) is { } limitError)
            {
                error.WriteLine("error: " + limitError);
                return BadArguments;
            }
            SecuritySettings settings;
            try
            {
                settings = security.Resolve(parse, SystemTitle.FromUInt64(DefaultTitleBase + 1), allowDedicatedKey: false);
            }
            catch (ArgumentException e)
            {
                error.WriteLine("error: " + e.Message);
                return BadArguments;
            }
            var shortNames = ReferencingOption.Resolve(parse, referencing);
            if (shortNames == Referencing.ShortName && settings.Mechanism is not null)
            {
                error.WriteLine("error: --referencing sn supports --auth none or low (HLS is offered over LN only).");
                return BadArguments;
            }
            var blueBook = parse.GetValue(profile) == BlueBookProfile;
            if (blueBook && !RuntimeFeature.IsDynamicCodeSupported)
            {
                error.WriteLine("error: --profile blue-book fills every attribute by reflection and needs the JIT build of cosem (dotnet run --project src/Cosem.Cli -- simulate --profile blue-book).");
                return BadArguments;
            }
            if (blueBook && shortNames == Referencing.ShortName)
            {
                error.WriteLine("error: --profile blue-book is served with LN referencing only.");
                return BadArguments;
            }
            using var loggers = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(parse.GetValue(verbose) ? LogLevel.Trace : LogLevel.Warning)
                .AddSimpleConsole(console => console.SingleLine = true));
            var running = new List<IAsyncDisposable>(count);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    if (blueBook)
                    {
                        var device = await StartBlueBookAsync(new MeterSimulatorOptions
                        {
                            Address = IPAddress.Loopback,
                            WrapperPort = wrapper == 0 ? 0 : wrapper + i,
                            HdlcPort = hdlc == 0 ? 0 : hdlc + i,
                            // The management client (image transfer, compact data capture) as the reference meter's.
                            ManagementPassword = settings.Password ?? "",
                            ManagementAuthentication = ManagementAuthentication(settings),
                            ManagementSecurity = settings.NeedsSecurityContext
                                ? new AssociationSecurity(SystemTitle.FromUInt64(settings.SystemTitle.ToUInt64() + (ulong)i), settings.Keys, settings.Policy)
                                {
                                    SigningKey = settings.KeyPair,
                                }
                                : null,
                            LoggerFactory = loggers,
                            ServerOptions = limits.CreateServerOptions(parse, loggers),
                        }, cancellationToken);
                        running.Add(device);
                        output.WriteLine($"meter {i + 1} (Blue Book, {device.Objects.Count} objects): " + string.Join(", ", device.Server!.EndPoints));
                        continue;
                    }
                    var meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions
                    {
                        Address = IPAddress.Loopback,
                        WrapperPort = wrapper == 0 ? 0 : wrapper + i,
                        HdlcPort = hdlc == 0 ? 0 : hdlc + i,
                        SerialNumber = (uint)(i + 1),
                        Referencing = shortNames,
                        ManagementPassword = settings.Password ?? "",
                        ManagementAuthentication = ManagementAuthentication(settings),
                        ManagementSecurity = settings.NeedsSecurityContext
                            ? new AssociationSecurity(SystemTitle.FromUInt64(settings.SystemTitle.ToUInt64() + (ulong)i), settings.Keys, settings.Policy)
                            {
                                SigningKey = settings.KeyPair,
                            }
                            : null,
                        LoggerFactory = loggers,
                        ServerOptions = limits.CreateServerOptions(parse, loggers),
                        PushDestination = pushTo,
                        PushOverUdp = pushUdp,
                        PushInterval = pushInterval,
                    }, cancellationToken);
                    running.Add(meter);
                    output.WriteLine($"meter {i + 1}: " + string.Join(", ", meter.Server!.EndPoints));
                }
                output.WriteLine(blueBook
                    ? "Client: 16 (public, no authentication, read-only). Ctrl+C stops."
                    : $"Clients: 16 (public, no authentication, read-only), 1 (management: {settings}){(shortNames == Referencing.ShortName ? ", short name referencing" : "")}. Ctrl+C stops.");
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: stop every meter below.
            }
            catch (Exception e) when (FindSocketError(e) is { } socketError)
            {
                // The meter that failed is the next one; name its port that cannot be bound.
                var i = running.Count;
                int[] ports = [.. new[] { wrapper, hdlc }.Where(p => p != 0).Select(p => p + i)];
                error.WriteLine(socketError.SocketErrorCode == SocketError.AddressAlreadyInUse
                    ? $"error: port {ports.FirstOrDefault(p => !CanListen(p), ports.FirstOrDefault())} is already in use."
                    : $"error: cannot listen on port {string.Join(" or ", ports)}: {socketError.Message}");
                return ExitCodes.Failed;
            }
            finally
            {
                foreach (var meter in running)
                {
                    await meter.DisposeAsync();
                }
            }
            return 0;
        });
        return command;
    }

    // Only reached where dynamic code is supported: the native AOT build refuses --profile blue-book before this.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Refused in the native AOT build (RuntimeFeature.IsDynamicCodeSupported); JIT builds are not trimmed.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Refused in the native AOT build (RuntimeFeature.IsDynamicCodeSupported).")]
    private static Task<BlueBookSimulator> StartBlueBookAsync(MeterSimulatorOptions options, CancellationToken cancellationToken) =>
        BlueBookSimulator.StartAsync(options, cancellationToken);

    private static SocketException? FindSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket;
            }
        }
        return null;
    }

    private static bool CanListen(int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    private const string ReferenceProfile = "reference";
    private const string BlueBookProfile = "blue-book";

    // "CSD" and the serial number: meter i gets serial i + 1.
    private const ulong DefaultTitleBase = 0x4353_4400_0000_0000;

    private static AssociationAuthentication ManagementAuthentication(SecuritySettings settings) => settings.Mechanism switch
    {
        HlsMechanism.Md5 or HlsMechanism.Sha1 or HlsMechanism.Sha256 => AssociationAuthentication.High(settings.Mechanism.Value, settings.Secret),
        HlsMechanism.Gmac => AssociationAuthentication.HighGmac(),
        HlsMechanism.Ecdsa => AssociationAuthentication.HighEcdsa(settings.PeerKey!, settings.KeyPair),
        _ => settings.Auth == "low" ? AssociationAuthentication.Low(settings.Password!) : AssociationAuthentication.None,
    };
}
