using System.CommandLine;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem write --obis X --attribute N --value V</c>: SET one attribute. The value's type comes from the class
/// definition (the generated class of the object's class id and version); <c>--type</c> gives it for unknown
/// classes or overrides it. Exit codes: 0 written, 1 the meter refused or failed, 2 bad arguments (including a
/// value that does not fit the attribute's type).
/// </summary>
public static class WriteCommand
{
    /// <summary>Builds the <c>write</c> command; nothing runs until it is invoked.</summary>
    /// <param name="stdin">Where secrets given as '-' are read from; null means the console.</param>
    public static Command Create(TextReader? stdin = null)
    {
        var connection = new MeterConnection(stdin);
        var target = new MeterTarget();
        var attribute = new Option<int>("--attribute") { Description = "Attribute index to write.", DefaultValueFactory = _ => 2 };
        var format = new FormatOptions("table", "table", "json", "xml");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace every frame and APDU on stderr." };
        var command = new Command("write", "Write one attribute (SET), typed from the class definition or --type.") { attribute, verbose };
        foreach (var option in target.All.Concat(format.All).Concat(connection.All))
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => MeterCommand.RunAsync(parse, connection, parse.GetValue(verbose),
            () => (Request: target.Resolve(parse, attribute, "attribute"), Format: format.Resolve(parse),
                Value: parse.GetValue(target.Value) ?? throw new ArgumentException("Give --value.")),
            async (client, args, output, token) =>
            {
                var error = parse.InvocationConfiguration.Error;
                var request = args.Request;
                var (classId, version) = await request.ClassOfAsync(client, token);
                var descriptor = new CosemAttributeDescriptor(classId, request.LogicalName, request.Index);
                CosemData value;
                try
                {
                    value = Typed(request, args.Value, classId, version);
                }
                catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or Sdk.CosemException)
                {
                    error.WriteLine("error: " + e.Message);
                    await MeterCommand.ReleaseKeepingResultsAsync(client, error, token);
                    return ExitCodes.Usage;
                }
                if (!ClassDefinitions.Accepts(classId, version, request.LogicalName, request.Index, value.ToArray()))
                {
                    error.WriteLine($"warning: {DataTypeInfo.Name(value.Type)} is not the type the class defines for attribute {request.Index}; sent as given.");
                }
                string? refusal = null;
                try
                {
                    await client.SetDataAsync(descriptor, value, token);
                }
                catch (CosemServiceException refused)
                {
                    refusal = refused.DataAccessResult?.ToString() ?? refused.Message;
                }
                await MeterCommand.ReleaseKeepingResultsAsync(client, error, token);
                ResultPrinting.Print(output, args.Format, "write", descriptor.ToString(), refusal, null);
                return refusal is null ? ExitCodes.Success : ExitCodes.Failed;
            }, cancellationToken));
        return command;
    }

    private static CosemData Typed(MeterTarget.Request request, string text, ushort classId, byte version)
    {
        if (request.Type is { } type)
        {
            return ValueParsing.Parse(text, type);
        }
        var template = ClassDefinitions.Template(classId, version, request.LogicalName, request.Index)
            ?? throw new ArgumentException($"Class {classId} version {version} attribute {request.Index} is not in the class definitions; give --type.");
        return ValueParsing.ParseLike(text, template);
    }
}
