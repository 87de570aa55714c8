using System.CommandLine;
using System.Text;
using Cosem.Cli.Wireshark;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem wireshark --output cosem.lua [--schema DIR]... [--tcp-port N] [--udp-port N] [--hdlc-port N] [--sn-map FILE]</c>: writes a
/// Wireshark Lua dissector generated from the schema files (the SDK's own and the user's) and the translator's
/// APDU grammar. Exit 0 on success, 2 for bad arguments or a schema file with errors, 1 when the file cannot be written.
/// </summary>
internal static class WiresharkCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "The Lua file to write (e.g. cosem.lua); - writes to stdout.", Required = true };
        var schema = new Option<string[]>("--schema")
        {
            Description = "A directory of your own *.cosem.xml schema files (searched recursively); repeatable. Its classes replace the SDK's with the same id and version.",
            AllowMultipleArgumentsPerToken = false,
        };
        var tcpPort = new Option<int>("--tcp-port") { Description = "TCP port of the wrapper (IEC 62056-47); 0 does not register it.", DefaultValueFactory = _ => 4059 };
        var udpPort = new Option<int>("--udp-port") { Description = "UDP port of the wrapper; 0 does not register it.", DefaultValueFactory = _ => 4059 };
        var hdlcPort = new Option<int>("--hdlc-port") { Description = "TCP port of HDLC frames (IEC 62056-46 over TCP); 0 does not register it.", DefaultValueFactory = _ => 4060 };
        var snMap = new Option<FileInfo?>("--sn-map")
        {
            Description = "A file naming the base names of a short-name meter, one object a line: 'base-name class-id logical-name' (e.g. 0x2000 8 0.0.1.0.0.255). Without it, names come from the Association SN object_list read in the capture.",
        };
        var command = new Command("wireshark",
            "Generate a Wireshark Lua dissector (wrapper TCP/UDP, HDLC over TCP, every xDLMS/ACSE APDU, class/attribute/method names and typed values from the schemas).")
        {
            output, schema, tcpPort, udpPort, hdlcPort, snMap,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var ports = new DissectorPorts(parseResult.GetValue(tcpPort), parseResult.GetValue(udpPort), parseResult.GetValue(hdlcPort));
            foreach (var (name, port) in new[] { ("--tcp-port", ports.WrapperTcpPort), ("--udp-port", ports.WrapperUdpPort), ("--hdlc-port", ports.HdlcTcpPort) })
            {
                if (port is < 0 or > 65535)
                {
                    error.WriteLine($"error: {name} {port} is not a port (0-65535).");
                    return Task.FromResult(ExitCodes.Usage);
                }
            }
            if (ports.HdlcTcpPort != 0 && ports.HdlcTcpPort == ports.WrapperTcpPort)
            {
                error.WriteLine($"error: --hdlc-port and --tcp-port are both {ports.HdlcTcpPort}; one TCP port carries one framing.");
                return Task.FromResult(ExitCodes.Usage);
            }
            SchemaCatalog catalog;
            try
            {
                catalog = SchemaCatalog.Load(parseResult.GetValue(schema) ?? [], cancellationToken);
            }
            catch (Exception e) when (e is SchemaCatalogException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("error: " + e.Message);
                return Task.FromResult(ExitCodes.Usage);
            }
            IReadOnlyList<ShortNameObject> shortNames = [];
            if (parseResult.GetValue(snMap) is { } mapFile)
            {
                try
                {
                    shortNames = ShortNameMap.Load(mapFile.FullName);
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                    error.WriteLine("error: --sn-map: " + e.Message);
                    return Task.FromResult(ExitCodes.Usage);
                }
            }
            foreach (string warning in catalog.Warnings)
            {
                error.WriteLine("warning: " + warning);
            }
            string lua = DissectorGenerator.Generate(catalog, ports, shortNames);
            var file = parseResult.GetValue(output)!;
            try
            {
                if (file.ToString() == "-")
                {
                    parseResult.InvocationConfiguration.Output.Write(lua);
                }
                else
                {
                    File.WriteAllText(file.FullName, lua, new UTF8Encoding(false));
                    error.WriteLine($"wrote {file.FullName}: {catalog.Classes.Count} classes, {catalog.Types.Count} types.");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot write {file}: {e.Message}");
                return Task.FromResult(ExitCodes.Failed);
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
