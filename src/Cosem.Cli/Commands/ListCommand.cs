using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Spectre.Console;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem list</c>: the object list of the association (Association LN attribute 2) with each object's class
/// name and version and the access rights the association grants to its attributes and methods, as
/// <c>--format table|json|xml</c>. Exit codes: 0 listed, 1 the meter failed, 2 bad arguments.
/// </summary>
public static class ListCommand
{
    /// <summary>Builds the <c>list</c> command; nothing runs until it is invoked.</summary>
    /// <param name="stdin">Where secrets given as '-' are read from; null means the console.</param>
    public static Command Create(TextReader? stdin = null)
    {
        var connection = new MeterConnection(stdin);
        var format = new FormatOptions("table", "table", "json", "xml");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace every frame and APDU on stderr." };
        var command = new Command("list", "List the objects of the association: class, version and access rights of each attribute and method.") { verbose };
        foreach (var option in format.All.Concat(connection.All))
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => MeterCommand.RunAsync(parse, connection, parse.GetValue(verbose),
            () => format.Resolve(parse),
            async (client, chosen, output, token) =>
            {
                var list = await client.ReadObjectListAsync(token);
                await MeterCommand.ReleaseKeepingResultsAsync(client, parse.InvocationConfiguration.Error, token);
                Print(list, chosen, output);
                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }

    private sealed record Row(string Obis, ushort ClassId, string ClassName, byte Version,
        IReadOnlyList<(int Index, string Name, string Access)> Attributes, IReadOnlyList<(int Index, string Name, string Access)> Methods);

    private static IEnumerable<Row> Rows(AssociationObjectList list)
    {
        foreach (var entry in list.Objects)
        {
            var info = ClassDefinitions.Find(entry.ClassId, entry.Version);
            var attributes = entry.AccessRights.AttributeAccess
                .Select(a => ((int)a.AttributeId, info?.Attributes.FirstOrDefault(i => i.Index == a.AttributeId)?.Name ?? "", list.AttributeAccessOf(entry, a.AttributeId).ToString()))
                .ToArray();
            var methods = entry.AccessRights.MethodAccess
                .Select(m => ((int)m.MethodId, info?.Methods.FirstOrDefault(i => i.Index == m.MethodId)?.Name ?? "", list.MethodAccessOf(entry, m.MethodId).ToString()))
                .ToArray();
            yield return new Row(entry.LogicalName.ToString(), entry.ClassId, info?.Name ?? $"class {entry.ClassId}", entry.Version, attributes, methods);
        }
    }

    private static void Print(AssociationObjectList list, string format, TextWriter output)
    {
        var rows = Rows(list).ToArray();
        switch (format)
        {
            case "json":
                var array = new JsonArray();
                foreach (var row in rows)
                {
                    array.Add((JsonNode)new JsonObject
                    {
                        ["obis"] = row.Obis,
                        ["classId"] = row.ClassId,
                        ["class"] = row.ClassName,
                        ["version"] = row.Version,
                        ["attributes"] = new JsonArray([.. row.Attributes.Select(a => (JsonNode)new JsonObject { ["index"] = a.Index, ["name"] = a.Name, ["access"] = a.Access })]),
                        ["methods"] = new JsonArray([.. row.Methods.Select(m => (JsonNode)new JsonObject { ["index"] = m.Index, ["name"] = m.Name, ["access"] = m.Access })]),
                    });
                }
                output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "xml":
                output.WriteLine(new XElement("objects", rows.Select(row => new XElement("object",
                    new XAttribute("obis", row.Obis), new XAttribute("classId", row.ClassId), new XAttribute("class", row.ClassName),
                    new XAttribute("version", row.Version),
                    row.Attributes.Select(a => new XElement("attribute", new XAttribute("index", a.Index), new XAttribute("name", a.Name), new XAttribute("access", a.Access))),
                    row.Methods.Select(m => new XElement("method", new XAttribute("index", m.Index), new XAttribute("name", m.Name), new XAttribute("access", m.Access)))))).ToString());
                break;
            default:
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
                if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
                {
                    console.Profile.Width = 240;
                }
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Object", "Class", "Version", "Attributes", "Methods");
                foreach (var row in rows)
                {
                    table.AddRow(
                        new Text(row.Obis),
                        new Text($"{row.ClassName} ({row.ClassId})"),
                        new Text(row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        new Text(string.Join(", ", row.Attributes.Select(a => $"{a.Index} {a.Name} {a.Access}".Replace("  ", " ", StringComparison.Ordinal)))),
                        new Text(string.Join(", ", row.Methods.Select(m => $"{m.Index} {m.Name} {m.Access}".Replace("  ", " ", StringComparison.Ordinal)))));
                }
                console.Write(table);
                break;
        }
    }
}
