using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Cosem.Sdk;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Cosem.Sdk.Translation;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem listen</c>: a push listener (TCP or UDP wrapper) printing every notification meters push, opened with the
/// keys given (one key set for every meter, or a key file per system title), one line or one JSON object each.
/// Refusals go to stderr; the counts are printed when it stops (Ctrl+C, or after <c>--count</c> notifications).
/// </summary>
public static class ListenCommand
{
    private const string Table = "table";
    private const string Json = "json";

    /// <summary>Builds the <c>listen</c> command with its options; nothing runs until it is invoked.</summary>
    /// <param name="stdin">Where secrets given as '-' are read from; null means the console.</param>
    public static Command Create(TextReader? stdin = null)
    {
        var port = new Option<int>("--port", "-p") { Description = "Port to listen on (0: the system chooses, printed on stderr).", DefaultValueFactory = _ => 4059 };
        var address = new Option<string>("--address") { Description = "Address to listen on.", DefaultValueFactory = _ => "0.0.0.0" };
        var udp = new Option<bool>("--udp") { Description = "Listen for the UDP wrapper instead of the TCP wrapper." };
        var format = new Option<string>("--format") { Description = "table (one line each) or json (one JSON object per line).", DefaultValueFactory = _ => Table };
        format.AcceptOnlyFromAmong(Table, Json);
        var json = new Option<bool>("--json") { Description = "Same as --format json." };
        var count = new Option<int?>("--count") { Description = "Stop after this many notifications." };
        var blockCipherKey = new SecretOption("--block-cipher-key", "Global unicast key (hex) of every meter: opens general-glo-, glo- and general-ciphered notifications.");
        var authenticationKey = new SecretOption("--authentication-key", "Authentication key (hex) of every meter.");
        var keyFile = new Option<FileInfo?>("--key-file")
        {
            Description = "Keys per meter: one line each, 'SYSTEMTITLE BLOCKCIPHERKEY AUTHENTICATIONKEY' (hex, '#' comments); used before the keys given for every meter.",
        };
        var systemTitle = new Option<string?>("--system-title") { Description = "The sender's system title (16 hex digits) for glo- notifications, which carry none." };
        var requireProtection = new Option<bool>("--require-protection") { Description = "Refuse notifications sent in the clear." };
        var objects = new Option<string[]>("--objects")
        {
            Description = "A push object list, CLASS/OBIS/ATTRIBUTE[/DATAINDEX] entries separated by commas (repeatable): data-notifications it fits are printed typed, entry by entry.",
        };
        var signingKeys = new Option<string[]>("--signing-key")
        {
            Description = "SYSTEMTITLE=KEY (repeatable): general-signing notifications of that meter are verified with KEY, its public signing key in hex (X||Y or 04||X||Y, P-256 or P-384) or a file with its certificate or public key (PEM or DER).",
        };
        var deviceProfile = new Option<FileInfo?>("--device-profile")
        {
            Description = "A device profile (*.cosem.xml, as schema/devices): --objects entries may be MEMBER/ATTRIBUTE[/DATAINDEX], and typed values of its objects are named by member.",
        };
        var maxConnections = new Option<int>("--max-connections") { Description = "Connections (UDP: peers) open at once; more are closed unread.", DefaultValueFactory = _ => 4096 };
        var command = new Command("listen", "Receive what meters push (data-notifications, event-notifications, information reports) and print each.")
        {
            port, address, udp, format, json, count, keyFile, systemTitle, requireProtection, objects, signingKeys, deviceProfile, maxConnections,
        };
        foreach (var option in blockCipherKey.All.Concat(authenticationKey.All))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            PushListenerOptions options;
            IPEndPoint endPoint;
            ListenDeviceProfile? profile;
            try
            {
                if (!IPAddress.TryParse(parse.GetValue(address), out var ip))
                {
                    throw new ArgumentException($"--address {parse.GetValue(address)} is not an IP address.");
                }
                if (parse.GetValue(port) is < 0 or > 65535)
                {
                    throw new ArgumentException($"--port {parse.GetValue(port)} is not a port.");
                }
                if (parse.GetValue(count) is < 1)
                {
                    throw new ArgumentException("--count must be at least 1.");
                }
                endPoint = new IPEndPoint(ip, parse.GetValue(port));
                var keys = ListenKeys.Create(Hex(blockCipherKey.Resolve(parse, stdin).Value, blockCipherKey.Name),
                    Hex(authenticationKey.Resolve(parse, stdin).Value, authenticationKey.Name), parse.GetValue(keyFile),
                    ListenSigningKeys.Parse(parse.GetValue(signingKeys) ?? []));
                profile = parse.GetValue(deviceProfile) is { } profileFile ? ListenDeviceProfile.Load(profileFile, cancellationToken) : null;
                var lists = (parse.GetValue(objects) ?? []).Select(text => ListenObjectLists.Parse(text, profile)).ToList();
                var title = parse.GetValue(systemTitle) is { } text ? SystemTitle.Parse(text) : (SystemTitle?)null;
                options = new PushListenerOptions
                {
                    Keys = keys,
                    RequireProtection = parse.GetValue(requireProtection),
                    SystemTitleOf = title is null ? null : (_, _) => title,
                    MaxConnections = Math.Max(1, parse.GetValue(maxConnections)),
                    PushObjectLists = ListenObjectLists.Lookup(lists),
                };
            }
            catch (Exception e) when (e is ArgumentException or FormatException or CosemException or IOException)
            {
                error.WriteLine("error: " + e.Message);
                return ExitCodes.Usage;
            }
            var asJson = parse.GetValue(json) || parse.GetValue(format) == Json;
            CosemPushListener listener;
            try
            {
                listener = parse.GetValue(udp) ? CosemPushListener.StartUdp(endPoint, options) : CosemPushListener.StartTcp(endPoint, options);
            }
            catch (CosemException e) when (e.InnerException is SocketException)
            {
                error.WriteLine($"error: cannot listen on {endPoint}: {e.InnerException.Message}");
                return ExitCodes.Failed;
            }
            await using (listener)
            {
                listener.Rejected += (_, rejection) =>
                {
                    lock (error)
                    {
                        error.WriteLine("rejected: " + rejection);
                    }
                };
                lock (error)
                {
                    error.WriteLine($"listening on {(parse.GetValue(udp) ? "udp" : "tcp")} {listener.LocalEndPoint}");
                }
                var limit = parse.GetValue(count);
                var printed = 0;
                try
                {
                    await foreach (var notification in listener.ReadAllAsync(cancellationToken))
                    {
                        output.WriteLine(asJson ? ToJson(notification, profile).ToJsonString() : ToLine(notification, profile));
                        output.Flush();
                        if (++printed == limit)
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C.
                }
                lock (error)
                {
                    error.WriteLine(listener.Statistics.ToString());
                }
            }
            return 0;
        });
        return command;
    }

    private static ReadOnlyMemory<byte> Hex(string? text, string name)
    {
        if (text is null)
        {
            return default;
        }
        return HexText.TryParse(text, out var bytes) && bytes.Length is 16 or 32
            ? bytes
            : throw new ArgumentException($"{name} is 16 or 32 bytes in hex (32 or 64 hex digits).");
    }

    private static string ToLine(PushNotification n, ListenDeviceProfile? profile) => string.Join("  ",
        n.ReceivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        n.RemoteEndPoint?.ToString() ?? "-",
        n.SystemTitle?.ToString() ?? "-",
        Kind(n.Kind),
        Protection(n.Protection) + (n.Signed ? " signed" : "") + (n.InvocationCounter is { } ic ? $" ic={ic}" : ""),
        (n.Attribute is { } attribute ? attribute + " " : "") + (n.Values is { } values
            ? string.Join(" ", values.Select(v => $"{ListenDeviceProfile.Describe(v.Object, profile)}={DataFormatting.ToCell(v.Value)}"))
            : DataFormatting.ToCell(n.Body)));

    private static JsonObject ToJson(PushNotification n, ListenDeviceProfile? profile)
    {
        var json = new JsonObject
        {
            ["receivedAt"] = n.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["remote"] = n.RemoteEndPoint?.ToString(),
            ["sourceWPort"] = n.SourceAddress,
            ["destinationWPort"] = n.DestinationAddress,
            ["systemTitle"] = n.SystemTitle?.ToString(),
            ["kind"] = Kind(n.Kind),
            ["protection"] = Protection(n.Protection),
        };
        if (n.Signed)
        {
            json["signed"] = true;
        }
        if (n.InvocationCounter is { } ic)
        {
            json["invocationCounter"] = ic;
        }
        if (n.LongInvokeIdAndPriority is { } invoke)
        {
            json["invokeId"] = invoke.InvokeId;
        }
        if (n.DateTime is { } dateTime)
        {
            json["dateTime"] = dateTime.ToString();
        }
        if (n.Attribute is { } attribute)
        {
            json["attribute"] = attribute.ToString();
        }
        json["body"] = DataFormatting.ToJson(n.Body);
        if (n.Values is { } values)
        {
            var typed = new JsonArray();
            foreach (var value in values)
            {
                // As a JsonNode: the generic Add<T> would need reflection, which the native AOT build forbids.
                var entry = new JsonObject { ["object"] = value.Object.ToString() };
                if (profile?.MemberOf(value.Object) is { } member)
                {
                    entry["member"] = member;
                }
                entry["value"] = DataFormatting.ToJson(value.Value);
                typed.Add((JsonNode)entry);
            }
            json["values"] = typed;
        }
        if (n.TypingError is { } typingError)
        {
            json["typingError"] = typingError;
        }
        return json;
    }

    private static string Kind(PushNotificationKind kind) => kind switch
    {
        PushNotificationKind.DataNotification => "data-notification",
        PushNotificationKind.EventNotification => "event-notification",
        _ => "information-report",
    };

    private static string Protection(PushProtection protection) => protection switch
    {
        PushProtection.None => "plain",
        PushProtection.ServiceSpecificGlobal => "glo",
        PushProtection.ServiceSpecificDedicated => "ded",
        PushProtection.GeneralGlobal => "general-glo",
        PushProtection.GeneralDedicated => "general-ded",
        _ => "general-ciphering",
    };
}
