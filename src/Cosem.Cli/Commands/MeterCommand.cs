using System.CommandLine;
using Cosem.Sdk;
using Cosem.Sdk.Client;
using Microsoft.Extensions.Logging;

namespace Cosem.Cli.Commands;

/// <summary>
/// The flow every meter command shares: check the arguments (usage errors exit 2 before anything is sent), connect
/// and associate, do the work, release, and turn meter failures into one error line (exit 1). A release that fails
/// or that the meter refuses is a warning: whatever was read or done before it is still printed.
/// </summary>
internal static class MeterCommand
{
    public static async Task<int> RunAsync<TRequest>(ParseResult parse, MeterConnection connection, bool verbose,
        Func<TRequest> prepare, Func<CosemClient, TRequest, TextWriter, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken, Sdk.Apdu.Conformance proposed = AssociationOptions.DefaultConformance)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var loggers = CliLogging.Create(error, verbose);
        TRequest request;
        ClientTransport transport;
        AssociationOptions options;
        try
        {
            request = prepare();
            (transport, options) = connection.Resolve(parse, loggers, proposed);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.Usage;
        }
        try
        {
            await connection.SynchronizeCounterAsync(transport, options, cancellationToken);
            await using var client = await CosemClient.ConnectAsync(transport, options, cancellationToken);
            return await work(client, request, output, cancellationToken);
        }
        catch (Exception e) when (MeterConnection.IsMeterFailure(e))
        {
            error.WriteLine("error: " + CliErrors.Describe(e, connection.Endpoint, connection.IsHdlc, connection.TimeoutSeconds));
            return ExitCodes.Failed;
        }
    }

    /// <summary>Releases the association; a failure is a warning on <paramref name="error"/>, never a lost result.</summary>
    public static async Task ReleaseKeepingResultsAsync(CosemClient client, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await client.ReleaseAsync(cancellationToken);
        }
        catch (Exception e) when (MeterConnection.IsMeterFailure(e))
        {
            error.WriteLine($"warning: the release failed ({e.Message}); what was read is kept.");
        }
    }
}
