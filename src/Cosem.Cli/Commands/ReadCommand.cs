using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem read</c>: one attribute (<c>--obis X --attribute N</c>) or every readable attribute of every object in
/// the association's object list (<c>--all</c>), as <c>--format table|json|xml</c>. Exit codes (<see cref="ExitCodes"/>):
/// 0 all read, 3 some attributes read and some refused (each refusal is in the output), 1 nothing read or the meter
/// cannot be reached or refuses the association, 2 bad arguments. <c>--verbose</c> traces every frame and APDU on
/// stderr. <c>--access</c> proposes the ACCESS service and reads with it instead of GET (with-list), failing with 1
/// when the meter does not grant it. <c>--gbt-window N</c> proposes general block transfer with a receive window of N
/// blocks; long answers then come in GBT blocks when the meter grants it (and in service-specific blocks when not).
/// </summary>
public static class ReadCommand
{
    /// <summary>Exit code for invalid arguments.</summary>
    public const int BadArguments = ExitCodes.Usage;

    /// <summary>Exit code when the meter cannot be reached or refuses the association, or no attribute could be read.</summary>
    public const int MeterFailed = ExitCodes.Failed;

    // Attributes per batch: one with-list (or ACCESS) request each, and one progress step.
    private const int BatchSize = 10;

    /// <summary>Builds the <c>read</c> command with its options; nothing runs until it is invoked.</summary>
    /// <param name="stdin">Where secrets given as '-' are read from; null means the console.</param>
    public static Command Create(TextReader? stdin = null)
    {
        var connection = new MeterConnection(stdin);
        var obis = new Option<string?>("--obis") { Description = "Logical name of the object to read, e.g. 1.0.1.8.0.255." };
        var attribute = new Option<int>("--attribute") { Description = "Attribute index to read.", DefaultValueFactory = _ => 2 };
        var classId = new Option<int?>("--class") { Description = "Class id of the object (looked up in the object list when omitted)." };
        var all = new Option<bool>("--all") { Description = "Read every readable attribute of every object in the object list." };
        var format = new FormatOptions("table", "table", "json", "xml");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace every frame and APDU on stderr." };
        var access = new Option<bool>("--access") { Description = "Read with the ACCESS service (DLMS 2020+, conformance bit 17) instead of GET." };
        var gbtWindow = new Option<int>("--gbt-window")
        {
            Description = "Propose general block transfer with this receive window (1-63 blocks); 0, the default, does not propose it.",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("read", "Read attributes from a meter over the TCP wrapper or HDLC.")
        {
            obis, attribute, classId, all, verbose, access, gbtWindow,
        };
        foreach (var option in format.All.Concat(connection.All))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            ReadRequest request;
            ClientTransport transport;
            AssociationOptions options;
            using var loggers = CliLogging.Create(error, parse.GetValue(verbose));
            try
            {
                request = ReadRequest.From(parse.GetValue(obis), parse.GetValue(attribute), parse.GetValue(classId), parse.GetValue(all),
                    format.Resolve(parse), parse.GetValue(access));
                var window = parse.GetValue(gbtWindow);
                if (window is < 0 or > GeneralBlockTransfer.MaxWindow)
                {
                    throw new ArgumentException($"--gbt-window {window} is not a window (0 to {GeneralBlockTransfer.MaxWindow} blocks).");
                }
                (transport, options) = connection.Resolve(parse, loggers,
                    request.UseAccess ? AssociationOptions.DefaultConformance | Conformance.Access : AssociationOptions.DefaultConformance, window);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                error.WriteLine("error: " + e.Message);
                return BadArguments;
            }
            try
            {
                await connection.SynchronizeCounterAsync(transport, options, cancellationToken);
                await using var client = await CosemClient.ConnectAsync(transport, options, cancellationToken);
                if (request.UseAccess && (client.NegotiatedConformance & Conformance.Access) == 0)
                {
                    error.WriteLine("error: the meter did not grant the ACCESS service (conformance bit 17) in this association; read without --access.");
                    return MeterFailed;
                }
                var rows = request.All
                    ? await ReadAllAsync(client, output, request.Format, request.UseAccess, cancellationToken)
                    : [await ReadOneAsync(client, request, cancellationToken)];
                await MeterCommand.ReleaseKeepingResultsAsync(client, error, cancellationToken);
                rows = [.. rows.Select(row => row.Checked(error, options.Compatibility))];
                Print(rows, request.Format, output);
                WarnVersionFallbacks(rows, error);
                var failed = rows.Count(r => r.Error is not null);
                return failed == 0 ? ExitCodes.Success : failed == rows.Count ? ExitCodes.Failed : ExitCodes.Partial;
            }
            catch (Exception e) when (MeterConnection.IsMeterFailure(e))
            {
                error.WriteLine("error: " + CliErrors.Describe(e, connection.Endpoint, connection.IsHdlc, connection.TimeoutSeconds));
                return MeterFailed;
            }
        });
        return command;
    }

    private static async Task<ReadRow> ReadOneAsync(CosemClient client, ReadRequest request, CancellationToken cancellationToken)
    {
        var logicalName = request.LogicalName;
        ushort classId;
        byte version = 0;
        if (request.ClassId is { } given)
        {
            classId = given;
        }
        else
        {
            var entries = await client.ReadObjectListAsync(cancellationToken);
            var entry = entries.Find(logicalName)
                ?? throw new Cosem.Sdk.CosemException($"{logicalName} is not in the association's object list; give --class.");
            (classId, version) = (entry.ClassId, entry.Version);
        }
        var descriptor = new CosemAttributeDescriptor(classId, logicalName, request.Attribute);
        if (request.UseAccess)
        {
            var result = (await client.AccessAsync([descriptor], cancellationToken))[0];
            return ReadRow.From(descriptor, version, result.IsSuccess ? result.Value : null, result.IsSuccess ? null : result.Result.ToString());
        }
        try
        {
            return ReadRow.From(descriptor, version, await client.GetDataAsync(descriptor, cancellationToken), null);
        }
        catch (CosemServiceException refused)
        {
            return ReadRow.From(descriptor, version, null, refused.DataAccessResult?.ToString() ?? refused.Message);
        }
    }

    private static async Task<IReadOnlyList<ReadRow>> ReadAllAsync(CosemClient client, TextWriter output, OutputFormat format, bool useAccess,
        CancellationToken cancellationToken)
    {
        var entries = await client.ReadObjectListAsync(cancellationToken);
        var targets = (
            from entry in entries.Objects
            from access in entry.AccessRights.AttributeAccess
            where entries.CanRead(entry, access.AttributeId)
            select (Descriptor: new CosemAttributeDescriptor(entry.ClassId, entry.LogicalName, access.AttributeId), entry.Version)).ToArray();
        var rows = new List<ReadRow>(targets.Length);

        async Task ReadBatchesAsync(Action<int>? advance)
        {
            foreach (var batch in targets.Chunk(BatchSize))
            {
                var descriptors = batch.Select(t => t.Descriptor).ToArray();
                var results = useAccess
                    ? await client.AccessAsync(descriptors, cancellationToken)
                    : await client.GetManyAsync(descriptors, cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    rows.Add(ToRow(results[i], batch[i].Version));
                }
                advance?.Invoke(batch.Length);
            }
        }

        // A long walk shows progress when a person watches a terminal; redirected output stays clean.
        if (format == OutputFormat.Table && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask($"Reading {targets.Length} attributes of {entries.Objects.Count} objects", maxValue: Math.Max(1, targets.Length));
                await ReadBatchesAsync(n => task.Increment(n));
            });
        }
        else
        {
            await ReadBatchesAsync(null);
        }
        return rows;
    }

    private static ReadRow ToRow(CosemGetResult result, byte version)
    {
        if (!result.IsSuccess)
        {
            return ReadRow.From(result.Attribute, version, null, result.Result.ToString());
        }
        try
        {
            return ReadRow.From(result.Attribute, version, result.Value, null);
        }
        catch (Cosem.Sdk.CosemException e)
        {
            return ReadRow.From(result.Attribute, version, null, e.Message);
        }
    }

    private static void Print(IReadOnlyList<ReadRow> rows, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                var array = new JsonArray();
                foreach (var row in rows)
                {
                    var node = new JsonObject
                    {
                        ["obis"] = row.Descriptor.InstanceId.ToString(),
                        ["classId"] = row.Descriptor.ClassId,
                        ["class"] = row.ClassName,
                        ["attribute"] = row.Descriptor.AttributeId,
                        ["name"] = row.AttributeName,
                    };
                    if (row.Value is { } value)
                    {
                        node["value"] = DataFormatting.ToJson(value, row.Hint);
                    }
                    else
                    {
                        node["error"] = row.Error;
                    }
                    if (row.Warning is { } warning)
                    {
                        node["warning"] = warning;
                    }
                    array.Add((JsonNode)node);   // the non-generic overload: trim and AOT safe
                }
                output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            case OutputFormat.Xml:
                var root = new XElement("read");
                foreach (var row in rows)
                {
                    var element = new XElement("attribute",
                        new XAttribute("obis", row.Descriptor.InstanceId.ToString()),
                        new XAttribute("classId", row.Descriptor.ClassId),
                        new XAttribute("class", row.ClassName),
                        new XAttribute("index", row.Descriptor.AttributeId),
                        new XAttribute("name", row.AttributeName));
                    element.Add(row.Value is { } value ? DataFormatting.ToXml(value, row.Hint) : new XAttribute("error", row.Error!));
                    if (row.Warning is { } warning)
                    {
                        element.Add(new XAttribute("warning", warning));
                    }
                    root.Add(element);
                }
                output.WriteLine(root.ToString());
                break;
            default:
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
                if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
                {
                    console.Profile.Width = 240;
                }
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Object", "Class", "Attribute", "Value");
                foreach (var row in rows)
                {
                    table.AddRow(
                        new Text(row.Descriptor.InstanceId.ToString()),
                        new Text(row.ClassName),
                        new Text($"{row.Descriptor.AttributeId} {row.AttributeName}"),
                        row.Value is { } value
                            ? new Text(DataFormatting.ToCell(value, row.Descriptor.AttributeId == 1, row.Hint) + (row.Warning is { } warning ? $" [warning: {warning}]" : ""))
                            : new Text(row.Error!, new Style(Color.Red)));
                }
                console.Write(table);
                break;
        }
    }

    private enum OutputFormat
    {
        Table,
        Json,
        Xml,
    }

    /// <summary>What to read and how to print it, checked before anything is sent.</summary>
    private sealed record ReadRequest(bool All, ObisCode LogicalName, sbyte Attribute, ushort? ClassId, OutputFormat Format, bool UseAccess)
    {
        public static ReadRequest From(string? obis, int attribute, int? classId, bool all, string formatName, bool access)
        {
            var format = formatName switch
            {
                "json" => OutputFormat.Json,
                "xml" => OutputFormat.Xml,
                _ => OutputFormat.Table,
            };
            if (all)
            {
                return obis is null
                    ? new ReadRequest(true, default, 0, null, format, access)
                    : throw new ArgumentException("Give either --obis or --all, not both.");
            }
            if (obis is null)
            {
                throw new ArgumentException("Nothing to read: give --obis (with --attribute) or --all.");
            }
            if (attribute is < -128 or > 127 or 0)
            {
                throw new ArgumentException($"--attribute {attribute} is not an attribute index (1-127, or negative for manufacturer attributes).");
            }
            if (classId is < 0 or > ushort.MaxValue)
            {
                throw new ArgumentException($"--class {classId} is not a class id (0-65535).");
            }
            return new ReadRequest(false, ObisCode.Parse(obis), (sbyte)attribute, (ushort?)classId, format, access);
        }
    }

    // The registry fell back to another version of a class: say so once per class and version, after the values.
    private static void WarnVersionFallbacks(IReadOnlyList<ReadRow> rows, TextWriter error)
    {
        foreach (var row in rows.Where(r => r.IsVersionFallback).DistinctBy(r => (r.Descriptor.ClassId, r.Version)))
        {
            error.WriteLine($"warning: interface class {row.Descriptor.ClassId} version {row.Version} is not known; " +
                $"its attributes are named as {row.ClassName} version {row.KnownVersion}, the nearest known version.");
        }
    }
}
