using System.CommandLine;
using System.Globalization;
using System.Text;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Spectre.Console;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem firmware --image FILE --identifier ID</c>: transfers a firmware image to the meter's Image transfer object
/// (class 18), verifies and activates it. Rerun with the same image and identifier after an interruption and it
/// resumes from the first block the meter is missing. Exit codes: 0 done, 1 the meter refused or a step failed (the
/// step is named), 2 bad arguments (e.g. the file does not exist).
/// </summary>
public static class FirmwareCommand
{
    /// <summary>Builds the <c>firmware</c> command; nothing runs until it is invoked.</summary>
    /// <param name="stdin">Where secrets given as '-' are read from; null means the console.</param>
    public static Command Create(TextReader? stdin = null)
    {
        var connection = new MeterConnection(stdin);
        var image = new Option<string>("--image") { Description = "The image file to transfer.", Required = true };
        var identifier = new Option<string>("--identifier")
        {
            Description = "The image_identifier: text, or hex after 0x. Give the same one when rerunning to resume.",
            Required = true,
        };
        var obis = new Option<string>("--obis")
        {
            Description = "Logical name of the Image transfer object.",
            DefaultValueFactory = _ => ImageTransferServer.DefaultLogicalName.ToString(),
        };
        var noActivate = new Option<bool>("--no-activate") { Description = "Stop after verification; activate later." };
        var poll = new Option<double>("--poll-interval")
        {
            Description = "Seconds between two status reads while the meter verifies or activates.",
            DefaultValueFactory = _ => 1,
        };
        var stepTimeout = new Option<double>("--step-timeout")
        {
            Description = "Seconds the meter may take to verify, and again to activate.",
            DefaultValueFactory = _ => 300,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace every frame and APDU on stderr." };
        var command = new Command("firmware", "Transfer a firmware image (class 18), verify and activate it; a rerun resumes an interrupted transfer.")
        {
            image, identifier, obis, noActivate, poll, stepTimeout, verbose,
        };
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => MeterCommand.RunAsync(parse, connection, parse.GetValue(verbose),
            () => Prepare(parse.GetValue(image)!, parse.GetValue(identifier)!, parse.GetValue(obis)!, parse.GetValue(poll), parse.GetValue(stepTimeout),
                !parse.GetValue(noActivate)),
            async (client, request, output, token) =>
            {
                await using var file = File.OpenRead(request.Path);
                var proxy = new ImageTransfer.Proxy(client, request.LogicalName);
                var result = await TransferAsync(proxy, file, request, output, token);
                await MeterCommand.ReleaseKeepingResultsAsync(client, parse.InvocationConfiguration.Error, token);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"firmware {(result.Activated ? "activated" : "verified")}: {result.ImageInfo.ImageToActivateSize} bytes in {result.BlocksTotal} blocks of {result.BlockSize}, {result.BlocksSent} sent, {result.BlocksResumed} resumed; signature {Convert.ToHexString(result.ImageInfo.ImageToActivateSignature.Span)}"));
                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }

    private sealed record Request(string Path, byte[] Identifier, ObisCode LogicalName, ImageTransferOptions Options);

    private static Request Prepare(string path, string identifier, string obis, double poll, double stepTimeout, bool activate)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"The image file {path} does not exist.");
        }
        if (poll < 0 || stepTimeout <= 0)
        {
            throw new ArgumentException("--poll-interval must be 0 or more and --step-timeout more than 0 seconds.");
        }
        var id = identifier.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromHexString(identifier.AsSpan(2))
            : Encoding.UTF8.GetBytes(identifier);
        if (id.Length == 0)
        {
            throw new ArgumentException("--identifier must not be empty.");
        }
        var options = new ImageTransferOptions
        {
            Activate = activate,
            PollInterval = TimeSpan.FromSeconds(poll),
            VerificationTimeout = TimeSpan.FromSeconds(stepTimeout),
            ActivationTimeout = TimeSpan.FromSeconds(stepTimeout),
        };
        return new Request(path, id, ObisCode.Parse(obis), options);
    }

    // A person at a terminal sees a progress bar; redirected output gets one line per step, so logs stay short.
    private static async Task<ImageTransferResult> TransferAsync(ImageTransfer.Proxy proxy, Stream file, Request request, TextWriter output,
        CancellationToken cancellationToken)
    {
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            ImageTransferResult? result = null;
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
            {
                var task = context.AddTask("Initiating", maxValue: 1);
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.BlocksTotal);
                    task.Value = p.BlocksDone;
                    task.Description = p.BlocksResumed > 0 ? $"{p.Stage} ({p.BlocksResumed} blocks resumed)" : p.Stage.ToString();
                });
                result = await proxy.TransferImageAsync(request.Identifier, file, progress, request.Options, cancellationToken);
            });
            return result!;
        }
        var last = (ImageTransferStage)(-1);
        var lines = new SynchronousProgress(p =>
        {
            if (p.Stage == last)
            {
                return;
            }
            last = p.Stage;
            output.WriteLine(p.Stage == ImageTransferStage.Transferring && p.BlocksResumed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: resuming at block {p.BlocksDone - 1} of {p.BlocksTotal} ({p.BlocksResumed} already on the meter)")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.BlocksDone}/{p.BlocksTotal} blocks"));
        });
        return await proxy.TransferImageAsync(request.Identifier, file, lines, request.Options, cancellationToken);
    }

    // Progress<T> posts to the thread pool; the bar and the lines must follow the transfer in order.
    private sealed class SynchronousProgress(Action<ImageTransferProgress> report) : IProgress<ImageTransferProgress>
    {
        public void Report(ImageTransferProgress value) => report(value);
    }
}
