using System.Text;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Cosem.Studio.Scripting;

/// <summary>What a script run produced: its printed output, its return value and its errors.</summary>
/// <param name="Output">Lines written with <c>Print</c>.</param>
/// <param name="ReturnValue">The value of the last expression, as text; null when none.</param>
/// <param name="Error">Compilation errors (with line numbers) or the exception, or null when the script succeeded.</param>
/// <param name="Cancelled">Whether Stop ended the run.</param>
public sealed record ScriptResult(string Output, string? ReturnValue, string? Error, bool Cancelled);

/// <summary>
/// Runs C# scripts (Roslyn scripting) against an open meter, off the page's thread: the page awaits a task, so a
/// long script never blocks it, and Stop cancels the token the script is given. A script that ignores the token is
/// abandoned — the page stops waiting for it at once.
/// </summary>
public static class ScriptRunner
{
    private static readonly Lazy<ScriptOptions> Options = new(() => ScriptOptions.Default
        .AddReferences(typeof(CosemClient).Assembly, typeof(Sdk.Axdr.CosemData).Assembly, typeof(Enumerable).Assembly)
        .AddImports("System", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks", "Cosem.Sdk", "Cosem.Sdk.Axdr",
            "Cosem.Sdk.Obis", "Cosem.Sdk.Apdu", "Cosem.Sdk.Client", "Cosem.Sdk.Objects"));

    /// <summary>Compiles and runs <paramref name="code"/> with <paramref name="client"/> as <c>meter</c>.</summary>
    public static async Task<ScriptResult> RunAsync(string code, CosemClient client, AssociationObjectList? objects, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var globals = new ScriptGlobals(client, objects, output, cancellationToken);
        var run = Task.Run(async () =>
        {
            var script = CSharpScript.Create(code, Options.Value, typeof(ScriptGlobals));
            var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                return new ScriptResult("", null, string.Join(Environment.NewLine, errors.Select(e => e.ToString())), false);
            }
            var state = await script.RunAsync(globals, cancellationToken: cancellationToken);
            return new ScriptResult("", state.ReturnValue?.ToString(), null, false);
        }, CancellationToken.None);
        var stopped = Task.Delay(Timeout.Infinite, cancellationToken);
        ScriptResult result;
        if (await Task.WhenAny(run, stopped) == stopped)
        {
            result = new ScriptResult("", null, "stopped", true);
        }
        else
        {
            try
            {
                result = await run;
            }
            catch (OperationCanceledException)
            {
                result = new ScriptResult("", null, "stopped", true);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A script's own failure (a meter refusal, a bug in the script) is its output, not the studio's crash.
                result = new ScriptResult("", null, $"{e.GetType().Name}: {e.Message}", false);
            }
        }
        lock (output)
        {
            return result with { Output = output.ToString() };
        }
    }
}
