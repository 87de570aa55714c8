using System.CommandLine;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem invoke --obis X --method N [--value V --type T]</c>: ACTION on one method. Without <c>--value</c> the
/// parameter is integer 0, the Blue Book's placeholder for methods that take none; the method's return data, if
/// any, is printed. Exit codes: 0 invoked, 1 the meter refused or failed, 2 bad arguments.
/// </summary>
public static class InvokeCommand
{
    /// <summary>Builds the <c>invoke</c> command; nothing runs until it is invoked.</summary>
    /// <param name="stdin">Where secrets given as '-' are read from; null means the console.</param>
    public static Command Create(TextReader? stdin = null)
    {
        var connection = new MeterConnection(stdin);
        var target = new MeterTarget();
        var method = new Option<int>("--method") { Description = "Method index to invoke.", Required = true };
        var format = new FormatOptions("table", "table", "json", "xml");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace every frame and APDU on stderr." };
        var command = new Command("invoke", "Invoke one method (ACTION); the parameter is integer 0 unless --value/--type say otherwise.") { method, verbose };
        foreach (var option in target.All.Concat(format.All).Concat(connection.All))
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => MeterCommand.RunAsync(parse, connection, parse.GetValue(verbose),
            () =>
            {
                var request = target.Resolve(parse, method, "method");
                var parameter = request.Value is null ? CosemData.FromInt8(0) : ValueParsing.Parse(request.Value, request.Type ?? DefaultType(request.Value));
                return (Request: request, Format: format.Resolve(parse), Parameter: parameter);
            },
            async (client, args, output, token) =>
            {
                var error = parse.InvocationConfiguration.Error;
                var (classId, _) = await args.Request.ClassOfAsync(client, token);
                var descriptor = new CosemMethodDescriptor(classId, args.Request.LogicalName, args.Request.Index);
                string? refusal = null;
                CosemData? returned = null;
                try
                {
                    returned = await client.InvokeDataAsync(descriptor, args.Parameter, token);
                }
                catch (CosemServiceException refused)
                {
                    refusal = refused.ActionResult?.ToString() ?? refused.Message;
                }
                await MeterCommand.ReleaseKeepingResultsAsync(client, error, token);
                ResultPrinting.Print(output, args.Format, "invoke", descriptor.ToString(), refusal, returned);
                return refusal is null ? ExitCodes.Success : ExitCodes.Failed;
            }, cancellationToken, AssociationOptions.DefaultConformance));
        return command;
    }

    // A bare number is an integer when it fits one (the usual method parameter); anything else needs --type.
    private static string DefaultType(string value) =>
        sbyte.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "integer"
            : throw new ArgumentException($"Give --type for --value {value} (e.g. --type long-unsigned, or --type raw with hex A-XDR).");
}
